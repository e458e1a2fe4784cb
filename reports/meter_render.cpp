#include "reports/meter_render.hpp"

#include <fmt/format.h>

namespace rb::reports {

namespace {

using Json = nlohmann::json;

Json or_null(bool known, double value)
{
  return known ? Json(value) : Json(nullptr);
}

Json or_null(const std::optional<double>& value)
{
  return value ? Json(*value) : Json(nullptr);
}

Json distribution_json(const stats::Distribution& d)
{
  if (d.count == 0) {
    return nullptr;
  }
  return {{"count", d.count}, {"mean", d.mean}, {"p50", d.p50}, {"p90", d.p90}, {"p99", d.p99}};
}

std::string dist_text(const stats::Distribution& d, const char* unit)
{
  if (d.count == 0) {
    return "not measured";
  }
  return fmt::format("p50 {:.1f} / p90 {:.1f} / p99 {:.1f} {} (mean {:.1f}, n={})", d.p50, d.p90, d.p99, unit, d.mean,
                     d.count);
}

std::string rate_text(double value, const char* unit)
{
  return value < 0 ? std::string("not measured") : fmt::format("{:.3f} {}", value, unit);
}

std::string slo_text(const stats::Slo& slo)
{
  std::string out;
  const auto add = [&](const char* name, const std::optional<double>& v) {
    if (v) {
      out += fmt::format("{}{} <= {:g} ms", out.empty() ? "" : ", ", name, *v);
    }
  };
  add("TTFT", slo.ttft_ms);
  add("TPOT", slo.tpot_ms);
  add("E2E", slo.e2e_ms);
  return out;
}

}  // namespace

std::string meters_markdown(const RunSummary& summary)
{
  const MeterFigures& m = summary.meters;
  const stats::LatencySummary& l = m.latency;
  const RunWindows& w = summary.windows;
  std::string out = "\n### Latency, throughput and energy\n\n";
  out += "Definitions of vLLM `bench serve`; throughput over the run windows' busy time; docs/meters.md.\n\n";
  out += fmt::format("- Requests timed: {} (cached and failed samples excluded)\n", l.requests);
  out += "- TTFT (first token of any kind): " + dist_text(l.ttft_ms, "ms") + "\n";
  out += "- Time to first answer token (after the reasoning): " + dist_text(l.first_answer_ms, "ms") + "\n";
  out += "- TPOT ((E2E - TTFT) / (output tokens - 1)): " + dist_text(l.tpot_ms, "ms") + "\n";
  out += "- ITL (gaps between streamed chunks): " + dist_text(l.itl_ms, "ms") + "\n";
  out += "- E2E latency: " + dist_text(l.e2e_ms, "ms") + "\n";
  out += fmt::format("- Busy time: {:.1f} s over {} run window(s) ({:.1f} s wall)\n", l.duration_s, w.windows, w.wall_s);
  out += "- Request throughput: " + rate_text(l.requests_per_s, "req/s") + "\n";
  out += "- Output token throughput: " + rate_text(l.output_tokens_per_s, "tok/s") + "\n";
  out += "- Total token throughput: " + rate_text(l.total_tokens_per_s, "tok/s") + "\n";
  out += fmt::format("- Largest concurrency reached: {}\n", std::max(l.max_concurrency, w.max_concurrency));
  if (l.slo.any()) {
    out += fmt::format("- Goodput ({}): {} good of {} requests, {}\n", slo_text(l.slo), l.good, l.requests,
                       rate_text(l.goodput_per_s, "req/s"));
  } else {
    out += "- Goodput: no [slo] configured\n";
  }
  if (w.energy_joules) {
    out += fmt::format("- Energy measured ({}): {:.1f} J over the windows, {:.1f} J idle (attributed to no sample)\n",
                       w.energy_method, *w.energy_joules, w.idle_joules.value_or(0));
  } else {
    out += "- Energy measured: not measured\n";
  }
  if (m.energy_joules) {
    out += fmt::format("- Energy of the samples{}: {:.1f} J", m.energy_estimated ? " (est.: partly or wholly estimated)" : "",
                       *m.energy_joules);
    if (m.joules_per_output_token) {
      out += fmt::format(", {:.4f} J/output token", *m.joules_per_output_token);
    }
    out += fmt::format(", {:.6f} kWh with PUE", m.kwh.value_or(0));
    out += m.co2_grams ? fmt::format(", {:.2f} gCO2e", *m.co2_grams) : std::string(", CO2 not configured");
    out += " (" + m.energy_method + ")\n";
  }
  if (!w.unavailable.empty()) {
    out += "- Meters not available: " + w.unavailable + "\n";
  }
  out += "- Token counts: " + (m.tokens_method.empty() ? std::string("none") : m.tokens_method) + "\n";
  return out;
}

Json meters_json(const RunSummary& summary)
{
  const MeterFigures& m = summary.meters;
  const stats::LatencySummary& l = m.latency;
  const RunWindows& w = summary.windows;
  Json slo = Json::object();
  if (l.slo.ttft_ms) {
    slo["ttft_ms"] = *l.slo.ttft_ms;
  }
  if (l.slo.tpot_ms) {
    slo["tpot_ms"] = *l.slo.tpot_ms;
  }
  if (l.slo.e2e_ms) {
    slo["e2e_ms"] = *l.slo.e2e_ms;
  }
  Json devices = Json::parse(w.devices_json.empty() ? "[]" : w.devices_json, nullptr, false);
  return {{"requests", l.requests},
          {"ttft_ms", distribution_json(l.ttft_ms)},
          {"first_answer_ms", distribution_json(l.first_answer_ms)},
          {"tpot_ms", distribution_json(l.tpot_ms)},
          {"itl_ms", distribution_json(l.itl_ms)},
          {"e2e_ms", distribution_json(l.e2e_ms)},
          {"busy_s", l.duration_s},
          {"windows", w.windows},
          {"wall_s", w.wall_s},
          {"requests_per_s", or_null(l.requests_per_s >= 0, l.requests_per_s)},
          {"output_tokens_per_s", or_null(l.output_tokens_per_s >= 0, l.output_tokens_per_s)},
          {"total_tokens_per_s", or_null(l.total_tokens_per_s >= 0, l.total_tokens_per_s)},
          {"max_concurrency", std::max(l.max_concurrency, w.max_concurrency)},
          {"slo", std::move(slo)},
          {"good_requests", l.good},
          {"goodput_per_s", or_null(l.goodput_per_s >= 0, l.goodput_per_s)},
          {"measured_energy_joules", or_null(w.energy_joules)},
          {"idle_energy_joules", or_null(w.idle_joules)},
          {"meters", w.energy_method},
          {"devices", devices.is_discarded() ? Json::array() : devices},
          {"meters_unavailable", w.unavailable},
          {"sample_energy_joules", or_null(m.energy_joules)},
          {"energy_estimated", m.energy_estimated},
          {"energy_method", m.energy_method},
          {"joules_per_output_token", or_null(m.joules_per_output_token)},
          {"kwh", or_null(m.kwh)},
          {"co2_grams", or_null(m.co2_grams)},
          {"tokens_method", m.tokens_method}};
}

}  // namespace rb::reports
