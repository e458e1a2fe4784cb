#include "harness/runner/score_stage.hpp"

#include <algorithm>
#include <span>
#include <unordered_set>
#include <utility>
#include <vector>

namespace rb::runner {

namespace {

constexpr int k_max_failed_batches_in_a_row = 3;

/// The successful samples of the run without a score from `scorer`, in id order.
std::vector<std::int64_t> unscored(store::Store& store, std::int64_t run_id, const std::string& scorer,
                                   std::int64_t& already)
{
  std::unordered_set<std::int64_t> scored;
  store.for_each_score(run_id, [&](std::int64_t sample_id, std::string_view name, double) {
    if (name == scorer) {
      scored.insert(sample_id);
    }
  });
  std::vector<std::int64_t> ids;
  store.for_each_sample_facts(run_id, [&](const store::SampleFacts& s) {
    if (s.failed) {
      return;
    }
    if (scored.contains(s.sample_id)) {
      ++already;
    } else {
      ids.push_back(s.sample_id);
    }
  });
  return ids;
}

}  // namespace

ScoreStageResult score_run(store::Store& store, std::int64_t run_id, Scorer& scorer,
                           const ScoreStageOptions& options, const std::atomic<bool>& stop,
                           const ScoreProgress& progress)
{
  ScoreStageResult result;
  const std::string name = scorer.name();
  const std::vector<std::int64_t> ids = unscored(store, run_id, name, result.already);
  const auto total = static_cast<std::int64_t>(ids.size());
  const auto batch_size = static_cast<std::size_t>(std::max(1, options.batch));
  std::vector<ScoreRequest> requests;
  std::vector<std::int64_t> batch_ids;
  std::vector<std::pair<std::int64_t, double>> rows;
  int failures_in_a_row = 0;
  for (std::size_t begin = 0; begin < ids.size(); begin += batch_size) {
    if (stop.load()) {
      result.interrupted = true;
      break;
    }
    const std::span<const std::int64_t> part(ids.data() + begin, std::min(batch_size, ids.size() - begin));
    requests.clear();
    batch_ids.clear();
    store.for_each_sample_by_id(part, [&](const store::SampleRow& row) {
      std::string response = row.sample.text;
      if (options.include_reasoning && !row.sample.reasoning.empty()) {
        response = "<think>\n" + row.sample.reasoning + "\n</think>\n\n" + response;
      }
      requests.push_back({row.problem.text, std::move(response), row.problem.reference});
      batch_ids.push_back(row.sample_id);
    });
    auto scores = scorer.score(requests);
    if (!scores) {
      result.failed += static_cast<std::int64_t>(batch_ids.size());
      if (result.first_error.empty()) {
        result.first_error = scores.error().message;
      }
      if (++failures_in_a_row >= k_max_failed_batches_in_a_row) {
        // The scorer is down, not flaky: leave the rest unscored for --resume instead of
        // waiting out every batch's retries.
        result.failed = total - result.scored;
        break;
      }
    } else {
      failures_in_a_row = 0;
      rows.clear();
      for (std::size_t i = 0; i < batch_ids.size(); ++i) {
        rows.emplace_back(batch_ids[i], (*scores)[i]);
      }
      store::Store::Transaction transaction(store);
      store.insert_scores(name, rows);
      transaction.commit();
      result.scored += static_cast<std::int64_t>(rows.size());
    }
    if (progress) {
      progress(result.scored + result.failed, total);
    }
  }
  return result;
}

}  // namespace rb::runner
