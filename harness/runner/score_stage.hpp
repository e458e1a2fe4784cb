#pragma once
// The scoring stage (docs/strategies.md): after a run's samples are generated and graded, an
// external scorer (a reward model) scores every successful sample that has no score from it yet,
// in batches, each batch stored in one transaction. Resumable: a crash or Ctrl-C loses at most
// the batch in flight, and the next `run --resume` scores only what is missing.
#include <atomic>
#include <cstdint>
#include <functional>
#include <string>

#include "harness/core/scorer.hpp"
#include "harness/store/store.hpp"

namespace rb::runner {

struct ScoreStageOptions {
  int batch = 16;                  ///< samples per request to the scorer
  bool include_reasoning = false;  ///< send "<think>reasoning</think>answer" instead of the answer alone
};

struct ScoreStageResult {
  std::int64_t scored = 0;      ///< samples scored now
  std::int64_t already = 0;     ///< samples that had a score from this scorer
  std::int64_t failed = 0;      ///< samples left unscored because the scorer failed (after its
                                ///< retries); three failed batches in a row stop the stage
  std::string first_error;      ///< the first failure's message, for the warning line
  bool interrupted = false;     ///< `stop` was set: the rest is left for --resume
};

/// Called after each batch with (done, total) samples to score.
using ScoreProgress = std::function<void(std::int64_t done, std::int64_t total)>;

ScoreStageResult score_run(store::Store& store, std::int64_t run_id, Scorer& scorer,
                           const ScoreStageOptions& options, const std::atomic<bool>& stop,
                           const ScoreProgress& progress = {});

}  // namespace rb::runner
