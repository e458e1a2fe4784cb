#include "reports/meter_row.hpp"

#include <algorithm>
#include <set>

#include "harness/config/config.hpp"
#include "harness/util/strings.hpp"

namespace rb::reports {

namespace {

constexpr double k_joules_per_kwh = 3.6e6;

/// "a" when one key; "mixed: a (3), b (1)" otherwise; "" when none.
std::string describe(const std::map<std::string, std::int64_t>& counts)
{
  if (counts.size() == 1) {
    return counts.begin()->first;
  }
  std::vector<std::string> parts;
  for (const auto& [name, n] : counts) {
    parts.push_back(name + " (" + std::to_string(n) + ")");
  }
  return parts.empty() ? "" : "mixed: " + util::join(parts, ", ");
}

void add_distinct(std::set<std::string>& into, const std::string& text, char separator)
{
  for (const auto& part : util::split(text, separator)) {
    const std::string trimmed(util::trim(part));
    if (!trimmed.empty()) {
      into.insert(trimmed);
    }
  }
}

}  // namespace

MeterContext meter_context(store::Store& store, const store::RunRecord& run)
{
  MeterContext c;
  try {
    const config::RunConfig config = config::from_json(run.config_json);
    c.slo = {config.slo.ttft_ms, config.slo.tpot_ms, config.slo.e2e_ms};
  } catch (const std::exception&) {
    c.slo = {};  // a configuration this version cannot read: no SLOs
  }
  std::set<std::string> methods;
  std::set<std::string> unavailable;
  for (const store::WindowRecord& w : store.windows_of_run(run.id)) {
    c.windows[w.id] = {w.pue, w.grid_gco2_per_kwh};
    RunWindows& r = c.run;
    ++r.windows;
    r.wall_s += w.wall_s;
    r.max_concurrency = std::max(r.max_concurrency, w.max_concurrency);
    if (w.energy_joules) {
      r.energy_joules = r.energy_joules.value_or(0) + *w.energy_joules;
      r.idle_joules = r.idle_joules.value_or(0) + w.idle_joules.value_or(0);
      r.devices_json = w.devices_json;
    }
    add_distinct(methods, w.energy_method, '+');
    add_distinct(unavailable, w.unavailable, ';');
  }
  c.run.energy_method = util::join(std::vector<std::string>(methods.begin(), methods.end()), "+");
  c.run.unavailable = util::join(std::vector<std::string>(unavailable.begin(), unavailable.end()), "; ");
  return c;
}

void MeterRow::add(const store::SampleFacts& s)
{
  if (s.failed) {
    return;
  }
  ++m_token_methods[s.tokens_method.empty() ? (s.usage.reported ? "server" : "estimated")
                                            : std::string(s.tokens_method)];
  if (s.energy_joules) {
    const double joules = *s.energy_joules;
    m_any_energy = true;
    m_joules += joules;
    m_energy_tokens += static_cast<double>(s.usage.completion_tokens);
    m_estimated = m_estimated || s.energy_method.starts_with("estimated");
    ++m_energy_methods[std::string(s.energy_method)];
    const auto window = m_context->windows.find(s.window_id);
    const MeterContext::Window w = window == m_context->windows.end() ? MeterContext::Window{} : window->second;
    const double kwh = joules * w.pue / k_joules_per_kwh;
    m_kwh += kwh;
    if (w.grid_gco2_per_kwh) {
      m_co2 += kwh * *w.grid_gco2_per_kwh;
    } else {
      m_co2_known = false;
    }
  }
  if (s.from_cache) {
    return;  // a copy of an earlier run's sample: not timed here
  }
  std::optional<stats::RequestSpan> span;
  if (s.window_id != 0) {
    span = stats::RequestSpan{s.window_id, s.start_s, s.end_s};
  }
  m_latency.add(stats::request_latency(s.timings, s.usage), s.chunk_times, span);
}

void apply_meters(SummaryRow& row, MeterFigures figures)
{
  row.energy_joules = figures.energy_joules;
  if (figures.latency.output_tokens_per_s >= 0) {
    row.throughput_tokens_per_s = figures.latency.output_tokens_per_s;  // run windows: pauses left out
  }
  row.meters = std::move(figures);
}

MeterFigures MeterRow::finish()
{
  MeterFigures f;
  f.latency = m_latency.finish(m_context->slo);
  if (m_any_energy) {
    f.energy_joules = m_joules;
    f.energy_estimated = m_estimated;
    if (m_energy_tokens > 0) {
      f.joules_per_output_token = m_joules / m_energy_tokens;
    }
    f.kwh = m_kwh;
    if (m_co2_known) {
      f.co2_grams = m_co2;
    }
  }
  f.energy_method = describe(m_energy_methods);
  f.tokens_method = describe(m_token_methods);
  return f;
}

}  // namespace rb::reports
