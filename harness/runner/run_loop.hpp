#pragma once
// The run loop: plan -> bounded-concurrency scheduling -> adapter -> store -> verifier -> store.
// One coordinating thread owns the Store (the single writer); adapters call back from their
// transport threads and the grading pool from its workers, both through one event queue.
//
// Resume: items whose sample and verdict are stored are skipped; stored samples without a
// verdict are graded; failed generations are retried; nothing else is generated again. With the
// response cache on (opt-in), a request identical to one an earlier run made (same endpoint,
// model, body and sample index) takes that run's sample instead of being paid for again. Samples and verdicts are written in batched
// transactions, so after a kill -9 the database holds whole batches and the next run finishes
// the rest.
#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>

#include "harness/runner/plan.hpp"
#include "harness/runner/progress.hpp"
#include "harness/store/store.hpp"

namespace rb::runner {

inline constexpr std::size_t k_default_batch_size = 256;
inline constexpr std::chrono::milliseconds k_default_flush_interval{250};
inline constexpr std::chrono::seconds k_default_cancel_grace{15};

struct RunLoopOptions {
  int concurrency = config::k_default_concurrency;  ///< requests in flight, all models together
  std::int64_t seed = 0;                            ///< run seed (per-sample seeds derive from it)
  bool cache = false;                               ///< reuse samples of earlier runs' identical requests
  std::size_t batch_size = k_default_batch_size;    ///< samples + verdicts per transaction
  std::chrono::milliseconds flush_interval = k_default_flush_interval;
  int grading_threads = 0;                          ///< 0: one per hardware thread
  std::chrono::seconds cancel_grace = k_default_cancel_grace;  ///< wait for cancelled requests
  std::optional<config::EnergyConfig> energy;  ///< [energy]; nothing: time the run window, meter nothing
};

enum class RunEnd { finished, interrupted };

struct RunResult {
  RunEnd end = RunEnd::finished;
  ProgressSnapshot totals;
};

class RunLoop {
 public:
  /// `plan` and `store` must outlive the loop; `progress` may be null.
  RunLoop(store::Store& store, Plan& plan, std::int64_t run_id, RunLoopOptions options, ProgressSink* progress);
  ~RunLoop();
  RunLoop(const RunLoop&) = delete;
  RunLoop& operator=(const RunLoop&) = delete;

  /// Runs until every item is stored and graded, or `stop` becomes true (then in-flight requests
  /// are cancelled, finished work is flushed, and RunEnd::interrupted is returned).
  RunResult run(const std::atomic<bool>& stop);

 private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

}  // namespace rb::runner
