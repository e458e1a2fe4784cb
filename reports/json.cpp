// The JSON rendering of run summaries: schema "reasonbench.report/1" (docs/reports.md). Fields
// are only ever added within version 1; a renamed or removed field would bump the version.
#include <nlohmann/json.hpp>

#include "harness/stats/bootstrap.hpp"
#include "reports/behaviour_render.hpp"
#include "reports/columns.hpp"
#include "reports/meter_render.hpp"
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

nlohmann::json json_value(const Value& value)
{
  struct Visitor {
    nlohmann::json operator()(std::monostate) const { return nullptr; }
    nlohmann::json operator()(bool b) const { return b; }
    nlohmann::json operator()(std::int64_t n) const { return n; }
    nlohmann::json operator()(double d) const { return d; }
    nlohmann::json operator()(const std::string& s) const { return s; }
  };
  return std::visit(Visitor{}, value);
}

nlohmann::json row_json(const RunSummary& summary, const SummaryRow& r)
{
  // Scalar fields come from reports/columns.cpp; the arrays and objects are built here.
  nlohmann::json row = nlohmann::json::object();
  const RowRef ref{summary, r, r.model};
  for (const auto& c : columns()) {
    if ((c.where & k_in_json) != 0) {
      row[std::string(c.key)] = json_value(c.value(ref));
    }
  }
  row["accuracy_ci95"] = interval_json(r.accuracy.ci95);
  row["pass_at_k"] = k_points_json(r.pass_at_k);
  row["maj_at_k"] = k_points_json(r.maj_at_k);
  auto selection = nlohmann::json::object();
  for (const auto& curve : r.best_of_k) {
    selection[curve.selector] = k_points_json(curve.points);
  }
  row["best_of_k"] = std::move(selection);
  row["pass_hat_k"] = k_points_json(r.pass_hat_k);
  if (!r.scorer.empty()) {
    row["scorer"] = {{"name", r.scorer}, {"scored_samples", r.scored}};
    row["weighted_maj_at_k"] = k_points_json(r.weighted_maj_at_k);
  }
  auto buckets = nlohmann::json::array();
  for (const auto& b : r.by_difficulty) {
    buckets.push_back({{"difficulty", b.difficulty},
                       {"problems", b.accuracy.problems},
                       {"accuracy", b.accuracy.value},
                       {"std_error", b.accuracy.std_error},
                       {"ci95", interval_json(b.accuracy.ci95)}});
  }
  row["by_difficulty"] = std::move(buckets);
  row["behaviour"] = behaviour_json(r.behaviour);
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
      {"maj_tie_rule", std::string(stats::to_string(k_report_tie_rule))},
      {"best_of_k", "selection in disjoint blocks of k samples: reward (highest reward-model score), confidence "
                    "(most agreed-on answer, no verifier), shortest/longest (output tokens, among answers), "
                    "oracle (any correct: pass@k by enumeration, an upper bound)"},
      {"weighted_maj_at_k", "maj@k with each vote weighted by its reward-model score"},
      {"latency", k_latency_method},
      {"energy", k_energy_method}};
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
      run["rows"].push_back(row_json(summary, r));
    }
    run["meters"] = meters_json(summary);
    doc["runs"].push_back(std::move(run));
  }
  return doc.dump(2) + "\n";
}

}  // namespace rb::reports
