// The summary columns (columns.hpp): one entry per figure, in the order the tables show them.
#include "reports/columns.hpp"

#include <algorithm>
#include <stdexcept>

#include <fmt/format.h>

#include "reports/format.hpp"
#include "reports/behaviour_render.hpp"
#include "reports/meter_columns.hpp"

namespace rb::reports {

namespace {

Value count(std::int64_t n)
{
  return n;
}

Value optional_value(bool known, double value)
{
  return known ? Value(value) : Value();
}

Cell text(std::string s)
{
  return {std::move(s), Mark::none};
}

Cell count_cell(std::int64_t n)
{
  return text(std::to_string(n));
}

/// Token means: marked estimated when some sample's counts were not reported by the server.
Cell token_cell(const SummaryRow& r, double value)
{
  return {tokens(value), r.tokens_estimated > 0 ? Mark::estimated : Mark::none};
}

Cell money_cell(double usd)
{
  return usd > 0 ? text(money(usd)) : Cell{"", Mark::not_priced};
}

Cell optional_cell(const std::optional<double>& value, const char* format)
{
  return value ? text(fmt::format(fmt::runtime(format), *value)) : Cell{"", Mark::not_measured};
}

/// The figure at the row's largest k, or nothing (maj@k without votes).
Value largest_k(const std::vector<KPoint>& points, int part)
{
  if (points.empty()) {
    return {};
  }
  const auto& e = points.back().estimate;
  return part == 0 ? e.value : (part == 1 ? e.ci95.low : e.ci95.high);
}

std::optional<double> energy_per_correct(const SummaryRow& r)
{
  if (!r.energy_joules || r.correct == 0) {
    return std::nullopt;
  }
  return *r.energy_joules / static_cast<double>(r.correct);
}

// CSV positions 0-35 are the columns of the first release of the format; append from 36.
// Keys and labels are stable: renaming one changes CSV headers and JSON fields (docs/reports.md).
const Column k_columns[] = {
    {.key = "run",
     .definition = "the run's name",
     .csv = 0,
     .value = [](const RowRef& r) -> Value { return r.run.run.name; }},
    {.key = "model",
     .label = "model",
     .definition = "the model's label; SIMULATED: served by serve-sim",
     .csv = 1,
     .where = k_in_json | k_in_md_accuracy | k_in_md_cost | k_in_html,
     .left = true,
     .value = [](const RowRef& r) -> Value { return r.row.model; },
     .display = [](const RowRef& r) {
       return Cell{std::string(r.series), r.row.simulated ? Mark::simulated : Mark::none};
     }},
    {.key = "suite",
     .label = "suite",
     .definition = "the suite as the run named it",
     .csv = 2,
     .where = k_in_json | k_in_md_accuracy | k_in_md_cost | k_in_html,
     .left = true,
     .value = [](const RowRef& r) -> Value { return r.row.suite; },
     .display = [](const RowRef& r) { return text(r.row.suite); }},
    {.key = "simulated",
     .definition = "served by serve-sim: answers, tokens, latencies and prices are simulated",
     .csv = 3,
     .where = k_in_json,
     .value = [](const RowRef& r) -> Value { return r.row.simulated; }},
    {.key = "problems",
     .label = "problems",
     .definition = "distinct problems",
     .csv = 4,
     .where = k_in_json | k_in_md_accuracy | k_in_html,
     .value = [](const RowRef& r) { return count(r.row.problems); },
     .display = [](const RowRef& r) { return count_cell(r.row.problems); }},
    {.key = "samples",
     .label = "samples",
     .definition = "stored samples, failed generations included",
     .csv = 5,
     .where = k_in_json | k_in_md_accuracy | k_in_html,
     .value = [](const RowRef& r) { return count(r.row.samples); },
     .display = [](const RowRef& r) { return count_cell(r.row.samples); }},
    {.key = "accuracy",
     .label = "accuracy",
     .definition = "avg@n: mean over problems of the share of correct samples",
     .csv = 6,
     .where = k_in_json | k_in_md_accuracy | k_in_html,
     .value = [](const RowRef& r) -> Value { return r.row.accuracy.value; },
     .display = [](const RowRef& r) { return text(percent(r.row.accuracy.value)); }},
    {.label = "95% CI",
     .definition = "of accuracy: Wilson for one sample per problem, else problem-level bootstrap",
     .where = k_in_md_accuracy | k_in_html,
     .left = true,
     .display = [](const RowRef& r) { return text(percent_interval(r.row.accuracy.ci95)); }},
    {.key = "ci95_low",
     .definition = "low end of accuracy's 95% interval",
     .csv = 7,
     .value = [](const RowRef& r) -> Value { return r.row.accuracy.ci95.low; }},
    {.key = "ci95_high",
     .definition = "high end of accuracy's 95% interval",
     .csv = 8,
     .value = [](const RowRef& r) -> Value { return r.row.accuracy.ci95.high; }},
    {.key = "accuracy_std_error",
     .definition = "standard error of accuracy",
     .where = k_in_json,
     .value = [](const RowRef& r) -> Value { return r.row.accuracy.std_error; }},
    {.key = "pass_at_k_max",
     .label = "pass@k (largest k)",
     .definition = "unbiased pass@k at the largest k the row allows",
     .csv = 23,
     .where = k_in_md_accuracy | k_in_html,
     .value = [](const RowRef& r) { return largest_k(r.row.pass_at_k, 0); },
     .display = [](const RowRef& r) { return text(at_largest_k(r.row.pass_at_k)); }},
    {.key = "pass_at_k_max_ci95_low",
     .definition = "low end of the interval of pass@k at the largest k",
     .csv = 24,
     .value = [](const RowRef& r) { return largest_k(r.row.pass_at_k, 1); }},
    {.key = "pass_at_k_max_ci95_high",
     .definition = "high end of the interval of pass@k at the largest k",
     .csv = 25,
     .value = [](const RowRef& r) { return largest_k(r.row.pass_at_k, 2); }},
    {.key = "maj_at_k_max",
     .label = "maj@k (largest k)",
     .definition = "majority vote of disjoint blocks of k samples at the largest k; ties scored fractionally",
     .csv = 26,
     .where = k_in_md_accuracy | k_in_html,
     .value = [](const RowRef& r) { return largest_k(r.row.maj_at_k, 0); },
     .display = [](const RowRef& r) { return text(at_largest_k(r.row.maj_at_k)); }},
    {.key = "maj_at_k_max_ci95_low",
     .definition = "low end of the interval of maj@k at the largest k",
     .csv = 27,
     .value = [](const RowRef& r) { return largest_k(r.row.maj_at_k, 1); }},
    {.key = "maj_at_k_max_ci95_high",
     .definition = "high end of the interval of maj@k at the largest k",
     .csv = 28,
     .value = [](const RowRef& r) { return largest_k(r.row.maj_at_k, 2); }},
    {.key = "samples_per_problem",
     .definition = "fewest graded samples of any problem: the largest k scored",
     .csv = 22,
     .where = k_in_json,
     .value = [](const RowRef& r) { return count(r.row.samples_per_problem); }},
    {.key = "correct",
     .label = "correct",
     .definition = "correct samples",
     .csv = 9,
     .where = k_in_json | k_in_md_accuracy,
     .value = [](const RowRef& r) { return count(r.row.correct); },
     .display = [](const RowRef& r) { return count_cell(r.row.correct); }},
    {.key = "incorrect",
     .label = "incorrect",
     .definition = "incorrect samples",
     .csv = 10,
     .where = k_in_json | k_in_md_accuracy,
     .value = [](const RowRef& r) { return count(r.row.incorrect); },
     .display = [](const RowRef& r) { return count_cell(r.row.incorrect); }},
    {.key = "no_answer",
     .label = "no answer",
     .definition = "samples with no extractable answer",
     .csv = 11,
     .where = k_in_json | k_in_md_accuracy,
     .value = [](const RowRef& r) { return count(r.row.no_answer); },
     .display = [](const RowRef& r) { return count_cell(r.row.no_answer); }},
    {.key = "truncated",
     .label = "truncated",
     .definition = "samples cut by the token limit or with an unclosed reasoning block",
     .csv = 12,
     .where = k_in_json | k_in_md_accuracy,
     .value = [](const RowRef& r) { return count(r.row.truncated); },
     .display = [](const RowRef& r) { return count_cell(r.row.truncated); }},
    {.key = "timeout",
     .definition = "samples whose grading timed out",
     .csv = 13,
     .where = k_in_json,
     .value = [](const RowRef& r) { return count(r.row.timeout); }},
    {.key = "errors",
     .label = "errors",
     .definition = "failed generations and error verdicts",
     .csv = 14,
     .where = k_in_json | k_in_md_accuracy,
     .value = [](const RowRef& r) { return count(r.row.errors); },
     .display = [](const RowRef& r) { return count_cell(r.row.errors); }},
    {.key = "ungraded",
     .definition = "samples without a verdict yet (left out of accuracy)",
     .csv = 15,
     .where = k_in_json,
     .value = [](const RowRef& r) { return count(r.row.ungraded); }},
    {.key = "from_cache",
     .definition = "samples served from the response cache",
     .where = k_in_json,
     .value = [](const RowRef& r) { return count(r.row.from_cache); }},
    {.key = "tokens_estimated",
     .definition = "samples whose token counts the server did not report",
     .csv = 32,
     .where = k_in_json,
     .value = [](const RowRef& r) { return count(r.row.tokens_estimated); }},
    {.key = "mean_output_tokens",
     .label = "output tok/sample",
     .definition = "mean output tokens (reasoning included) per generated sample",
     .csv = 16,
     .csv_decimals = 2,
     .where = k_in_json | k_in_md_cost,
     .value = [](const RowRef& r) -> Value { return r.row.mean_output_tokens; },
     .display = [](const RowRef& r) { return token_cell(r.row, r.row.mean_output_tokens); }},
    {.key = "mean_reasoning_tokens",
     .label = "reasoning tok/sample",
     .definition = "mean reasoning tokens per generated sample",
     .csv = 17,
     .csv_decimals = 2,
     .where = k_in_json | k_in_md_cost | k_in_html,
     .value = [](const RowRef& r) -> Value { return r.row.mean_reasoning_tokens; },
     .display = [](const RowRef& r) { return token_cell(r.row, r.row.mean_reasoning_tokens); }},
    {.key = "mean_answer_tokens",
     .label = "answer tok/sample",
     .definition = "mean output tokens minus reasoning tokens per generated sample",
     .csv = 29,
     .csv_decimals = 2,
     .where = k_in_json | k_in_md_cost | k_in_html,
     .value = [](const RowRef& r) -> Value { return r.row.mean_answer_tokens; },
     .display = [](const RowRef& r) { return token_cell(r.row, r.row.mean_answer_tokens); }},
    {.key = "truncation_rate",
     .label = "truncated",
     .definition = "share of graded samples cut by the token limit or an unclosed reasoning block",
     .csv = 30,
     .where = k_in_json | k_in_md_cost | k_in_html,
     .value = [](const RowRef& r) -> Value { return r.row.truncation_rate; },
     .display = [](const RowRef& r) { return text(percent(r.row.truncation_rate)); }},
    {.key = "no_answer_rate",
     .label = "no answer",
     .definition = "share of graded samples with no extractable answer",
     .csv = 31,
     .where = k_in_json | k_in_md_cost | k_in_html,
     .value = [](const RowRef& r) -> Value { return r.row.no_answer_rate; },
     .display = [](const RowRef& r) { return text(percent(r.row.no_answer_rate)); }},
    {.key = "cost_usd",
     .label = "cost $",
     .definition = "USD at the model's configured prices, cached samples included",
     .csv = 18,
     .where = k_in_json | k_in_md_cost | k_in_html,
     .value = [](const RowRef& r) -> Value { return r.row.cost_usd; },
     .display = [](const RowRef& r) { return money_cell(r.row.cost_usd); }},
    {.key = "cost_per_correct_usd",
     .label = "$/correct",
     .definition = "cost divided by correct samples; - when nothing is correct",
     .csv = 19,
     .where = k_in_json | k_in_md_cost | k_in_html,
     .value = [](const RowRef& r) { return optional_value(r.row.correct > 0, r.row.cost_per_correct_usd); },
     .display = [](const RowRef& r) {
       return r.row.correct == 0 && r.row.cost_usd > 0 ? text("-") : money_cell(r.row.cost_per_correct_usd);
     }},
    {.key = "mean_cost_per_sample_usd",
     .definition = "mean cost per generated sample",
     .where = k_in_json,
     .value = [](const RowRef& r) -> Value { return r.row.mean_cost_per_sample_usd; }},
    {.key = "energy_joules",
     .label = "energy J",
     .definition = "joules attributed to the row's samples: measured, or (est.) a configured estimate",
     .csv = 33,
     .csv_decimals = 3,
     .where = k_in_json | k_in_md_cost | k_in_html,
     .value = [](const RowRef& r) {
       return optional_value(r.row.energy_joules.has_value(), r.row.energy_joules.value_or(0));
     },
     .display = [](const RowRef& r) {
       Cell c = optional_cell(r.row.energy_joules, "{:.1f}");
       return r.row.meters.energy_estimated && c.mark == Mark::none ? Cell{c.text, Mark::estimated} : c;
     }},
    {.key = "energy_per_correct_joules",
     .label = "J/correct",
     .definition = "joules per correct sample",
     .csv = 34,
     .csv_decimals = 3,
     .where = k_in_json | k_in_md_cost | k_in_html,
     .value = [](const RowRef& r) {
       const auto j = energy_per_correct(r.row);
       return optional_value(j.has_value(), j.value_or(0));
     },
     .display = [](const RowRef& r) {
       Cell c = optional_cell(energy_per_correct(r.row), "{:.1f}");
       return r.row.meters.energy_estimated && c.mark == Mark::none ? Cell{c.text, Mark::estimated} : c;
     }},
    {.key = "energy_status",
     .definition = "measured, estimated (part of it a configured estimate), or not measured",
     .where = k_in_json,
     .value = [](const RowRef& r) -> Value {
       return std::string(!r.row.energy_joules        ? "not measured"
                          : r.row.meters.energy_estimated ? "estimated"
                                                          : "measured");
     }},
    {.key = "latency_p50_ms",
     .label = "latency p50 ms",
     .definition = "median end-to-end request time",
     .csv = 20,
     .csv_decimals = 1,
     .where = k_in_json | k_in_md_cost | k_in_html,
     .value = [](const RowRef& r) -> Value { return r.row.e2e_p50_ms; },
     .display = [](const RowRef& r) { return text(millis(r.row.e2e_p50_ms)); }},
    {.key = "latency_p99_ms",
     .label = "latency p99 ms",
     .definition = "99th percentile end-to-end request time",
     .csv = 21,
     .csv_decimals = 1,
     .where = k_in_json | k_in_md_cost | k_in_html,
     .value = [](const RowRef& r) -> Value { return r.row.e2e_p99_ms; },
     .display = [](const RowRef& r) { return text(millis(r.row.e2e_p99_ms)); }},
    {.key = "ttft_p50_ms",
     .definition = "median time to first token; null when not streamed",
     .where = k_in_json,
     .value = [](const RowRef& r) { return optional_value(r.row.ttft_p50_ms >= 0, r.row.ttft_p50_ms); }},
    {.key = "output_tokens_per_s",
     .label = "output tok/s",
     .definition = "output tokens over the row's wall-clock window (first request start to last end)",
     .csv = 35,
     .csv_decimals = 1,
     .where = k_in_json | k_in_md_cost | k_in_html,
     .value = [](const RowRef& r) {
       return optional_value(r.row.throughput_tokens_per_s >= 0, r.row.throughput_tokens_per_s);
     },
     .display = [](const RowRef& r) {
       return r.row.throughput_tokens_per_s < 0 ? Cell{"", Mark::not_measured}
                                                : text(throughput(r.row.throughput_tokens_per_s));
     }},
};

}  // namespace

std::span<const Column> columns()
{
  // The meters' columns (meter_columns.cpp) come last, in tables and from CSV position 36.
  static const std::vector<Column> all = [] {
    std::vector<Column> v(std::begin(k_columns), std::end(k_columns));
    const auto meters = meter_columns();
    v.insert(v.end(), meters.begin(), meters.end());
    const auto behaviour = behaviour_csv_columns();  // CSV only, from position 57
    v.insert(v.end(), behaviour.begin(), behaviour.end());
    return v;
  }();
  return all;
}

std::vector<const Column*> csv_columns()
{
  std::vector<const Column*> out;
  for (const auto& c : columns()) {
    if (c.csv >= 0) {
      out.push_back(&c);
    }
  }
  std::sort(out.begin(), out.end(), [](const Column* a, const Column* b) { return a->csv < b->csv; });
  for (std::size_t i = 0; i < out.size(); ++i) {
    if (out[i]->csv != static_cast<int>(i)) {
      throw std::logic_error(fmt::format("reports/columns.cpp: CSV position {} is missing or taken twice", i));
    }
  }
  return out;
}

std::vector<const Column*> table_columns(Where table)
{
  std::vector<const Column*> out;
  for (const auto& c : columns()) {
    if ((c.where & table) != 0 && !c.label.empty()) {
      out.push_back(&c);
    }
  }
  return out;
}

std::string plain_text(const Cell& cell)
{
  switch (cell.mark) {
    case Mark::not_measured:
      return k_not_measured;
    case Mark::not_priced:
      return "not priced";
    case Mark::estimated:
      return cell.text + " (est.)";
    case Mark::none:
    case Mark::simulated:
      break;
  }
  return cell.text;
}

std::string csv_text(const Value& value, int decimals)
{
  struct Visitor {
    int decimals;
    std::string operator()(std::monostate) const { return ""; }
    std::string operator()(bool b) const { return b ? "1" : "0"; }
    std::string operator()(std::int64_t n) const { return std::to_string(n); }
    std::string operator()(double d) const { return fmt::format("{:.{}f}", d, decimals); }
    std::string operator()(const std::string& s) const { return s; }
  };
  return std::visit(Visitor{decimals}, value);
}

}  // namespace rb::reports
