#pragma once
// Progress of a run: one updating line on a terminal (done/total, rate, ETA, accuracy so far,
// errors, retries, tokens, cost), plain periodic log lines when stderr is not a terminal.
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <string>

namespace rb::runner {

struct ProgressSnapshot {
  std::int64_t total = 0;          ///< work items in the plan
  std::int64_t done = 0;           ///< items with a stored sample and verdict
  std::int64_t done_at_start = 0;  ///< already done when this process started (resume)
  std::int64_t graded = 0;         ///< verdicts other than error
  std::int64_t correct = 0;
  std::int64_t errors = 0;         ///< failed generations and error verdicts
  std::int64_t retries = 0;        ///< retried attempts (from the adapters)
  std::int64_t in_flight = 0;
  std::int64_t output_tokens = 0;
  double cost_usd = 0;
  std::chrono::steady_clock::duration elapsed{};
};

/// Where progress goes. The run loop calls update() often; implementations throttle.
class ProgressSink {
 public:
  virtual ~ProgressSink() = default;
  virtual void update(const ProgressSnapshot& snapshot) = 0;
  virtual void finish(const ProgressSnapshot& snapshot) = 0;
};

/// Writes to `out` (stderr): an updating line when it is a terminal (at most 5 times a second),
/// else a log line every `log_every`.
class ConsoleProgress : public ProgressSink {
 public:
  explicit ConsoleProgress(std::FILE* out, std::chrono::seconds log_every = std::chrono::seconds(10));
  void update(const ProgressSnapshot& snapshot) override;
  void finish(const ProgressSnapshot& snapshot) override;

  /// The text of one progress line (no control characters).
  static std::string format(const ProgressSnapshot& snapshot);

 private:
  std::FILE* m_out;
  bool m_terminal;
  std::chrono::steady_clock::duration m_interval;
  std::chrono::steady_clock::time_point m_last{};
  bool m_drew = false;
};

}  // namespace rb::runner
