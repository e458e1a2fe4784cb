// The meters' summary columns (docs/meters.md): latency by vLLM's bench-serve definitions,
// throughput, goodput, energy and its estimates, and token provenance. Appended to the summary
// columns by columns() (columns.cpp); CSV positions 36 onwards.
#include <fmt/format.h>

#include "reports/columns.hpp"
#include "reports/format.hpp"
#include "reports/meter_columns.hpp"

namespace rb::reports {

namespace {

const stats::LatencySummary& lat(const RowRef& r)
{
  return r.row.meters.latency;
}

Value known(bool is_known, double value)
{
  return is_known ? Value(value) : Value();
}

Value maybe(const std::optional<double>& value)
{
  return value ? Value(*value) : Value();
}

Cell ms_cell(const stats::Distribution& d, double value)
{
  return d.count > 0 ? Cell{fmt::format("{:.0f}", value), Mark::none} : Cell{"", Mark::not_measured};
}

Cell rate_cell(double per_s)
{
  return per_s >= 0 ? Cell{fmt::format("{:.2f}", per_s), Mark::none} : Cell{"", Mark::not_measured};
}

/// An energy figure: not measured, or marked estimated when part of it is a configured estimate.
Cell energy_cell(const RowRef& r, const std::optional<double>& value, const char* format)
{
  if (!value) {
    return {"", Mark::not_measured};
  }
  return {fmt::format(fmt::runtime(format), *value), r.row.meters.energy_estimated ? Mark::estimated : Mark::none};
}

constexpr unsigned k_all = k_in_json | k_in_html;

const Column k_meter_columns[] = {
    {.key = "",
     .label = "TTFT p50 ms",
     .definition = "median time to the first streamed token of any kind (vLLM TTFT)",
     .where = k_in_md_cost | k_in_html,
     .display = [](const RowRef& r) { return ms_cell(lat(r).ttft_ms, lat(r).ttft_ms.p50); }},
    {.key = "ttft_p90_ms", .definition = "90th percentile time to first token", .csv = 36, .csv_decimals = 1,
     .where = k_in_json, .value = [](const RowRef& r) { return known(lat(r).ttft_ms.count > 0, lat(r).ttft_ms.p90); }},
    {.key = "ttft_p99_ms", .definition = "99th percentile time to first token", .csv = 37, .csv_decimals = 1,
     .where = k_in_json, .value = [](const RowRef& r) { return known(lat(r).ttft_ms.count > 0, lat(r).ttft_ms.p99); }},
    {.key = "first_answer_p50_ms",
     .label = "first answer p50 ms",
     .definition = "median time to the first answer token after the reasoning",
     .csv = 38,
     .csv_decimals = 1,
     .where = k_all,
     .value = [](const RowRef& r) { return known(lat(r).first_answer_ms.count > 0, lat(r).first_answer_ms.p50); },
     .display = [](const RowRef& r) { return ms_cell(lat(r).first_answer_ms, lat(r).first_answer_ms.p50); }},
    {.key = "tpot_p50_ms",
     .label = "TPOT p50 ms",
     .definition = "median (E2E - TTFT) / (output tokens - 1), requests with 2+ tokens (vLLM TPOT)",
     .csv = 39,
     .csv_decimals = 2,
     .where = k_all | k_in_md_cost,
     .value = [](const RowRef& r) { return known(lat(r).tpot_ms.count > 0, lat(r).tpot_ms.p50); },
     .display = [](const RowRef& r) {
       const auto& d = lat(r).tpot_ms;
       return d.count > 0 ? Cell{fmt::format("{:.1f}", d.p50), Mark::none} : Cell{"", Mark::not_measured};
     }},
    {.key = "tpot_p90_ms", .definition = "90th percentile TPOT", .csv = 40, .csv_decimals = 2, .where = k_in_json,
     .value = [](const RowRef& r) { return known(lat(r).tpot_ms.count > 0, lat(r).tpot_ms.p90); }},
    {.key = "tpot_p99_ms", .definition = "99th percentile TPOT", .csv = 41, .csv_decimals = 2, .where = k_in_json,
     .value = [](const RowRef& r) { return known(lat(r).tpot_ms.count > 0, lat(r).tpot_ms.p99); }},
    {.key = "itl_p50_ms",
     .label = "ITL p50 ms",
     .definition = "median gap between streamed chunks, all requests pooled (vLLM ITL; 1% bins)",
     .csv = 42,
     .csv_decimals = 2,
     .where = k_all,
     .value = [](const RowRef& r) { return known(lat(r).itl_ms.count > 0, lat(r).itl_ms.p50); },
     .display = [](const RowRef& r) {
       const auto& d = lat(r).itl_ms;
       return d.count > 0 ? Cell{fmt::format("{:.1f}", d.p50), Mark::none} : Cell{"", Mark::not_measured};
     }},
    {.key = "itl_p90_ms", .definition = "90th percentile ITL", .csv = 43, .csv_decimals = 2, .where = k_in_json,
     .value = [](const RowRef& r) { return known(lat(r).itl_ms.count > 0, lat(r).itl_ms.p90); }},
    {.key = "itl_p99_ms", .definition = "99th percentile ITL", .csv = 44, .csv_decimals = 2, .where = k_in_json,
     .value = [](const RowRef& r) { return known(lat(r).itl_ms.count > 0, lat(r).itl_ms.p99); }},
    {.key = "e2e_p90_ms", .definition = "90th percentile end-to-end latency", .csv = 45, .csv_decimals = 1,
     .where = k_in_json, .value = [](const RowRef& r) { return known(lat(r).e2e_ms.count > 0, lat(r).e2e_ms.p90); }},
    {.key = "requests_per_s",
     .label = "req/s",
     .definition = "completed requests per second of the run windows' busy time (vLLM request throughput)",
     .csv = 46,
     .csv_decimals = 3,
     .where = k_all | k_in_md_cost,
     .value = [](const RowRef& r) { return known(lat(r).requests_per_s >= 0, lat(r).requests_per_s); },
     .display = [](const RowRef& r) { return rate_cell(lat(r).requests_per_s); }},
    {.key = "total_tokens_per_s", .definition = "prompt + output tokens per second of busy time", .csv = 47,
     .csv_decimals = 1, .where = k_in_json,
     .value = [](const RowRef& r) { return known(lat(r).total_tokens_per_s >= 0, lat(r).total_tokens_per_s); }},
    {.key = "max_concurrency",
     .label = "max in flight",
     .definition = "the largest number of this row's requests in flight at once",
     .csv = 48,
     .where = k_all,
     .value = [](const RowRef& r) -> Value {
       return lat(r).requests_per_s >= 0 ? Value(lat(r).max_concurrency) : Value();  // no spans: unknown
     },
     .display = [](const RowRef& r) {
       return lat(r).requests_per_s >= 0 ? Cell{std::to_string(lat(r).max_concurrency), Mark::none}
                                         : Cell{"", Mark::not_measured};
     }},
    {.key = "goodput_per_s",
     .label = "goodput req/s",
     .definition = "requests per second meeting every [slo] (ttft_ms, tpot_ms, e2e_ms); - without SLOs",
     .csv = 49,
     .csv_decimals = 3,
     .where = k_all | k_in_md_cost,
     .value = [](const RowRef& r) { return known(lat(r).goodput_per_s >= 0, lat(r).goodput_per_s); },
     .display = [](const RowRef& r) {
       return lat(r).slo.any() ? rate_cell(lat(r).goodput_per_s) : Cell{"-", Mark::none};
     }},
    {.key = "good_requests", .definition = "requests meeting every SLO; empty without SLOs", .csv = 50,
     .where = k_in_json,
     .value = [](const RowRef& r) -> Value { return lat(r).slo.any() ? Value(lat(r).good) : Value(); }},
    {.key = "energy_per_output_token_joules",
     .label = "J/out tok",
     .definition = "joules per output token of the samples with energy (est. when configured, not metered)",
     .csv = 51,
     .csv_decimals = 4,
     .where = k_all | k_in_md_cost,
     .value = [](const RowRef& r) { return maybe(r.row.meters.joules_per_output_token); },
     .display = [](const RowRef& r) { return energy_cell(r, r.row.meters.joules_per_output_token, "{:.3f}"); }},
    {.key = "energy_kwh",
     .label = "kWh",
     .definition = "energy x PUE, in kWh",
     .csv = 52,
     .csv_decimals = 6,
     .where = k_all,
     .value = [](const RowRef& r) { return maybe(r.row.meters.kwh); },
     .display = [](const RowRef& r) { return energy_cell(r, r.row.meters.kwh, "{:.4f}"); }},
    {.key = "co2_grams",
     .label = "gCO2e",
     .definition = "kWh x the configured grid intensity ([energy] grid_gco2_per_kwh)",
     .csv = 53,
     .csv_decimals = 3,
     .where = k_all | k_in_md_cost,
     .value = [](const RowRef& r) { return maybe(r.row.meters.co2_grams); },
     .display = [](const RowRef& r) { return energy_cell(r, r.row.meters.co2_grams, "{:.2f}"); }},
    {.key = "energy_estimated", .definition = "true when part of the energy is a configured estimate", .csv = 54,
     .where = k_in_json, .value = [](const RowRef& r) -> Value { return r.row.meters.energy_estimated; }},
    {.key = "energy_method", .definition = "how the energy was obtained (measured: METER, or estimated: RULE)",
     .csv = 55, .where = k_in_json, .value = [](const RowRef& r) -> Value { return r.row.meters.energy_method; }},
    {.key = "tokens_method", .definition = "where the token counts came from: server, or estimated: HOW",
     .csv = 56, .where = k_in_json, .value = [](const RowRef& r) -> Value { return r.row.meters.tokens_method; }},
};

}  // namespace

std::span<const Column> meter_columns()
{
  return k_meter_columns;
}

}  // namespace rb::reports
