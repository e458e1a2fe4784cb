#include "reports/summary.hpp"

#include <map>
#include <unordered_map>

#include "harness/core/error.hpp"
#include "harness/util/strings.hpp"
#include "reports/behaviour_render.hpp"
#include "reports/browser.hpp"
#include "reports/meter_row.hpp"
#include "reports/row_builder.hpp"

namespace rb::reports {

std::string difficulty_of(const Problem& problem)
{
  for (const char* key : {"difficulty", "level"}) {
    for (const auto& [k, v] : problem.metadata) {
      if (k == key) {
        return v;
      }
    }
  }
  return "";
}

namespace {

/// Difficulty labels of a row's problems, by problem index; empty when none has one.
std::vector<std::string> difficulties(store::Store& store, const RowBuilder& row,
                                      std::unordered_map<std::int64_t, std::string>& cache)
{
  std::vector<std::string> out;
  bool any = false;
  for (const std::int64_t ref : row.problem_refs()) {
    auto it = cache.find(ref);
    if (it == cache.end()) {
      const auto problem = store.find_problem(ref);
      it = cache.emplace(ref, problem ? difficulty_of(*problem) : std::string()).first;
    }
    any = any || !it->second.empty();
    out.push_back(it->second);
  }
  return any ? out : std::vector<std::string>{};
}

/// The scores of one scorer over a run's samples: the scorer that scored the most samples
/// (a run normally has one).
struct RunScores {
  std::string scorer;
  std::unordered_map<std::int64_t, float> by_sample;
};

RunScores read_scores(store::Store& store, std::int64_t run_id)
{
  std::map<std::string, std::unordered_map<std::int64_t, float>, std::less<>> all;
  store.for_each_score(run_id, [&](std::int64_t sample_id, std::string_view scorer, double score) {
    auto it = all.find(scorer);
    if (it == all.end()) {
      it = all.emplace(std::string(scorer), std::unordered_map<std::int64_t, float>{}).first;
    }
    it->second.emplace(sample_id, static_cast<float>(score));
  });
  RunScores out;
  for (auto& [scorer, scores] : all) {
    if (scores.size() > out.by_sample.size()) {
      out.scorer = scorer;
      out.by_sample = std::move(scores);
    }
  }
  return out;
}

RunSummary summarize_run(store::Store& store, const store::RunRecord& run, std::size_t browser_budget)
{
  std::vector<RowBuilder> rows;
  std::map<std::pair<std::string, std::string>, std::size_t, std::less<>> index;
  BrowserPicker picker(browser_budget);
  RunSummary summary{run, {}, {}, 0};
  std::pair<std::string, std::string> key;
  const RunScores scores = read_scores(store, run.id);
  const MeterContext meters = meter_context(store, run);
  std::vector<MeterRow> meter_rows;  // parallel to rows
  MeterRow run_meters(meters);
  store.for_each_sample_facts(run.id, [&](const store::SampleFacts& s) {
    ++summary.stored_samples;
    key.first.assign(s.model);
    key.second.assign(s.suite);
    auto it = index.find(key);
    if (it == index.end()) {
      it = index.emplace(key, rows.size()).first;
      rows.emplace_back(s.model, s.suite);
      meter_rows.emplace_back(meters);
    }
    meter_rows[it->second].add(s);
    run_meters.add(s);
    const auto score = scores.by_sample.find(s.sample_id);
    rows[it->second].add(s, score == scores.by_sample.end() ? std::nullopt : std::optional<float>(score->second));
    picker.consider(it->second, s);
  });
  std::unordered_map<std::int64_t, std::string> difficulty_cache;
  for (auto& row : rows) {
    const auto labels = difficulties(store, row, difficulty_cache);
    summary.rows.push_back(row.finish(labels));
    summary.rows.back().scorer = summary.rows.back().scored > 0 ? scores.scorer : std::string();
    apply_meters(summary.rows.back(), meter_rows[summary.rows.size() - 1].finish());
  }
  summary.meters = run_meters.finish();
  summary.windows = meters.run;
  attach_behaviour(store, run.id, summary.rows);
  const auto ids = picker.picks();
  summary.browser = fetch_browser_samples(store, ids);
  return summary;
}

}  // namespace

std::vector<RunSummary> summarize(store::Store& store, std::span<const std::string> run_names,
                                  const SummaryOptions& options)
{
  std::vector<store::RunRecord> runs;
  if (run_names.empty()) {
    runs = store.list_runs();
  }
  for (const auto& name : run_names) {
    const auto run = store.find_run(name);
    if (!run) {
      std::vector<std::string> names;
      for (const auto& r : store.list_runs()) {
        names.push_back(r.name);
      }
      throw ConfigError("--run: no run '" + name + "' in '" + store.path() + "'" +
                        util::did_you_mean(name, names) +
                        (names.empty() ? " (it holds no runs)" : " (runs: " + util::join(names, ", ") + ")"));
    }
    runs.push_back(*run);
  }
  std::vector<RunSummary> out;
  // The browser's samples are shared equally between runs; the first runs take the remainder.
  for (std::size_t i = 0; i < runs.size(); ++i) {
    const std::size_t budget =
        options.browser_samples / runs.size() + (i < options.browser_samples % runs.size() ? 1 : 0);
    out.push_back(summarize_run(store, runs[i], budget));
  }
  return out;
}

}  // namespace rb::reports
