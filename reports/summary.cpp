#include "reports/summary.hpp"

#include <map>

#include "harness/core/error.hpp"
#include "harness/util/strings.hpp"

namespace rb::reports {

namespace {

struct Accumulator {
  SummaryRow row;
  std::map<std::string, stats::ProblemTally> tallies;  // by problem id
  std::vector<double> e2e_ms;
  std::vector<double> ttft_ms;
  double output_tokens = 0;
  double reasoning_tokens = 0;
  std::int64_t generated = 0;
};

void add(Accumulator& acc, const store::SampleRow& s)
{
  SummaryRow& r = acc.row;
  ++r.samples;
  // A sample counts toward accuracy once it has a verdict (failed generations: an error one);
  // a sample still waiting for its verdict after a crash is not counted as wrong.
  auto& tally = acc.tallies[s.key.problem_id];
  if (!s.error.empty()) {
    ++tally.samples;
    ++r.errors;
    return;
  }
  ++acc.generated;
  acc.output_tokens += static_cast<double>(s.sample.usage.completion_tokens);
  acc.reasoning_tokens += static_cast<double>(s.sample.usage.reasoning_tokens);
  r.cost_usd += s.sample.cost_usd;
  r.from_cache += s.sample.from_cache ? 1 : 0;
  r.tokens_estimated += s.sample.usage.reported ? 0 : 1;
  acc.e2e_ms.push_back(s.sample.timings.e2e_ms);
  if (s.sample.timings.ttft_ms >= 0) {
    acc.ttft_ms.push_back(s.sample.timings.ttft_ms);
  }
  if (!s.verdict) {
    ++r.ungraded;
    return;
  }
  ++tally.samples;
  switch (s.verdict->verdict.kind) {
    case VerdictKind::correct:
      ++r.correct;
      ++tally.correct;
      break;
    case VerdictKind::incorrect: ++r.incorrect; break;
    case VerdictKind::no_answer: ++r.no_answer; break;
    case VerdictKind::truncated: ++r.truncated; break;
    case VerdictKind::timeout: ++r.timeout; break;
    case VerdictKind::error: ++r.errors; break;
  }
}

SummaryRow finish(Accumulator& acc)
{
  SummaryRow r = std::move(acc.row);
  std::vector<stats::ProblemTally> tallies;
  tallies.reserve(acc.tallies.size());
  for (const auto& [id, tally] : acc.tallies) {
    tallies.push_back(tally);
  }
  r.problems = static_cast<std::int64_t>(tallies.size());
  r.accuracy = stats::accuracy(tallies);
  if (acc.generated > 0) {
    r.mean_output_tokens = acc.output_tokens / static_cast<double>(acc.generated);
    r.mean_reasoning_tokens = acc.reasoning_tokens / static_cast<double>(acc.generated);
  }
  r.cost_per_correct_usd = r.correct > 0 ? r.cost_usd / static_cast<double>(r.correct) : 0.0;
  r.e2e_p50_ms = stats::percentile(acc.e2e_ms, 0.5);
  r.e2e_p99_ms = stats::percentile(acc.e2e_ms, 0.99);
  r.ttft_p50_ms = acc.ttft_ms.empty() ? -1 : stats::percentile(acc.ttft_ms, 0.5);
  return r;
}

RunSummary summarize_run(store::Store& store, const store::RunRecord& run)
{
  std::vector<std::pair<std::string, std::string>> order;
  std::map<std::pair<std::string, std::string>, Accumulator> groups;
  store.for_each_sample(run.id, [&](const store::SampleRow& s) {
    const auto key = std::make_pair(s.key.model, s.key.suite);
    auto [it, inserted] = groups.try_emplace(key);
    if (inserted) {
      order.push_back(key);
      it->second.row.model = s.key.model;
      it->second.row.suite = s.key.suite;
      it->second.row.simulated = s.key.model.find("SIMULATED") != std::string::npos;
    }
    add(it->second, s);
  });
  RunSummary summary{run, {}};
  for (const auto& key : order) {
    summary.rows.push_back(finish(groups.at(key)));
  }
  return summary;
}

}  // namespace

std::vector<RunSummary> summarize(store::Store& store, std::span<const std::string> run_names)
{
  std::vector<RunSummary> out;
  if (run_names.empty()) {
    for (const auto& run : store.list_runs()) {
      out.push_back(summarize_run(store, run));
    }
    return out;
  }
  for (const auto& name : run_names) {
    const auto run = store.find_run(name);
    if (!run) {
      std::vector<std::string> names;
      for (const auto& r : store.list_runs()) {
        names.push_back(r.name);
      }
      throw ConfigError("--run: no run '" + name + "' in '" + store.path() + "'" + util::did_you_mean(name, names) +
                        (names.empty() ? " (it holds no runs)" : " (runs: " + util::join(names, ", ") + ")"));
    }
    out.push_back(summarize_run(store, *run));
  }
  return out;
}

}  // namespace rb::reports
