// The JSON rendering of run summaries: schema "reasonbench.report/1" (docs/reports.md). Fields
// are only ever added within version 1; a renamed or removed field would bump the version.
#include <nlohmann/json.hpp>

#include "harness/stats/bootstrap.hpp"
#include "reports/render.hpp"

namespace rb::reports {

namespace {

nlohmann::json interval_json(const stats::Interval& i)
{
  return {i.low, i.high};
}

nlohmann::json k_points_json(const std::vector<KPoint>& points)
{
  auto out = nlohmann::json::array();
  for (const auto& p : points) {
    out.push_back({{"k", p.k},
                   {"value", p.estimate.value},
                   {"std_error", p.estimate.std_error},
                   {"ci95", interval_json(p.estimate.ci95)},
                   {"tokens_per_problem", p.tokens_per_problem},
                   {"cost_per_problem_usd", p.cost_per_problem_usd}});
  }
  return out;
}

nlohmann::json length_json(const LengthStats& l)
{
  return {{"count", l.count}, {"mean", l.mean}, {"p25", l.p25}, {"p50", l.p50}, {"p75", l.p75}};
}

nlohmann::json optional_number(double value, bool known)
{
  return known ? nlohmann::json(value) : nlohmann::json(nullptr);
}

nlohmann::json row_json(const SummaryRow& r)
{
  nlohmann::json row{{"model", r.model},
                     {"suite", r.suite},
                     {"simulated", r.simulated},
                     {"problems", r.problems},
                     {"samples", r.samples},
                     {"accuracy", r.accuracy.value},
                     {"accuracy_std_error", r.accuracy.std_error},
                     {"accuracy_ci95", interval_json(r.accuracy.ci95)},
                     {"correct", r.correct},
                     {"incorrect", r.incorrect},
                     {"no_answer", r.no_answer},
                     {"truncated", r.truncated},
                     {"timeout", r.timeout},
                     {"errors", r.errors},
                     {"ungraded", r.ungraded},
                     {"from_cache", r.from_cache},
                     {"tokens_estimated", r.tokens_estimated},
                     {"mean_output_tokens", r.mean_output_tokens},
                     {"mean_reasoning_tokens", r.mean_reasoning_tokens},
                     {"cost_usd", r.cost_usd},
                     {"cost_per_correct_usd", r.cost_per_correct_usd},
                     {"latency_p50_ms", r.e2e_p50_ms},
                     {"latency_p99_ms", r.e2e_p99_ms},
                     {"ttft_p50_ms", optional_number(r.ttft_p50_ms, r.ttft_p50_ms >= 0)}};
  row["samples_per_problem"] = r.samples_per_problem;
  row["pass_at_k"] = k_points_json(r.pass_at_k);
  row["maj_at_k"] = k_points_json(r.maj_at_k);
  row["mean_answer_tokens"] = r.mean_answer_tokens;
  row["mean_cost_per_sample_usd"] = r.mean_cost_per_sample_usd;
  row["truncation_rate"] = r.truncation_rate;
  row["no_answer_rate"] = r.no_answer_rate;
  row["output_tokens_per_s"] = optional_number(r.throughput_tokens_per_s, r.throughput_tokens_per_s >= 0);
  row["energy_joules"] = optional_number(r.energy_joules.value_or(0), r.energy_joules.has_value());
  row["energy_per_correct_joules"] =
      optional_number(r.correct > 0 ? r.energy_joules.value_or(0) / static_cast<double>(r.correct) : 0,
                      r.energy_joules.has_value() && r.correct > 0);
  row["energy_status"] = r.energy_joules ? "measured" : "not measured";
  auto buckets = nlohmann::json::array();
  for (const auto& b : r.by_difficulty) {
    buckets.push_back({{"difficulty", b.difficulty},
                       {"problems", b.accuracy.problems},
                       {"accuracy", b.accuracy.value},
                       {"std_error", b.accuracy.std_error},
                       {"ci95", interval_json(b.accuracy.ci95)}});
  }
  row["by_difficulty"] = std::move(buckets);
  row["length_tokens"] = {{"unit", r.length_is_reasoning ? "reasoning_tokens" : "output_tokens"},
                          {"correct", length_json(r.length_correct)},
                          {"incorrect", length_json(r.length_incorrect)}};
  return row;
}

}  // namespace

std::string to_json(const std::vector<RunSummary>& runs)
{
  nlohmann::json doc;
  doc["schema"] = "reasonbench.report/1";
  doc["methods"] = {
      {"accuracy", "avg@n: mean over problems of the share of correct samples"},
      {"interval", "Wilson for one sample per problem, else problem-level percentile bootstrap"},
      {"bootstrap_resamples", stats::k_default_resamples},
      {"bootstrap_seed", stats::k_default_bootstrap_seed},
      {"pass_at_k", "unbiased 1 - C(n-c,k)/C(n,k); k <= fewest samples of any problem"},
      {"maj_at_k", "majority vote of disjoint blocks of k samples in sample order"},
      {"maj_tie_rule", std::string(stats::to_string(k_report_tie_rule))}};
  doc["runs"] = nlohmann::json::array();
  for (const auto& summary : runs) {
    nlohmann::json run{{"name", summary.run.name},
                       {"status", summary.run.status},
                       {"started_at", summary.run.started_at},
                       {"ended_at", summary.run.ended_at},
                       {"harness_version", summary.run.harness_version},
                       {"git_revision", summary.run.git_revision},
                       {"rows", nlohmann::json::array()}};
    for (const auto& r : summary.rows) {
      run["rows"].push_back(row_json(r));
    }
    doc["runs"].push_back(std::move(run));
  }
  return doc.dump(2) + "\n";
}

}  // namespace rb::reports
