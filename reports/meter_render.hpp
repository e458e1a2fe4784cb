#pragma once
// The run-level meters section of the Markdown and JSON reports: the run's throughput, largest
// concurrency and goodput, its windows' measured energy (idle included), what was estimated and
// what could not be measured (docs/meters.md).
#include <nlohmann/json.hpp>
#include <string>

#include "reports/summary.hpp"

namespace rb::reports {

/// "### Latency, throughput and energy" with one labelled line per figure.
std::string meters_markdown(const RunSummary& summary);
/// The same figures as one JSON object (null where not measured).
nlohmann::json meters_json(const RunSummary& summary);

/// The definitions used, for the JSON report's "methods".
inline constexpr const char* k_latency_method =
    "vLLM bench-serve definitions: TTFT first streamed token of any kind; ITL every gap between streamed chunks "
    "(pooled, 1% bins); E2E request start to last byte; TPOT (E2E-TTFT)/(output tokens-1) for 2+ tokens; "
    "throughput over the run windows' busy time (first start to last end per window); goodput requests meeting "
    "every [slo]";
inline constexpr const char* k_energy_method =
    "energy of each meter interval split among the samples in flight by output-token share of the overlapping "
    "window; idle energy attributed to no sample; kWh = J x PUE / 3.6e6; CO2 = kWh x grid intensity; "
    "configured per-token estimates are labelled estimated";

}  // namespace rb::reports
