#pragma once
// The meters' figures of a report row and of a run (docs/meters.md): latency and throughput
// by vLLM's bench-serve definitions, energy with what was estimated, kWh and CO2, and where the
// token counts came from. Computed from the store alone (samples and run_windows).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "harness/stats/latency.hpp"

namespace rb::reports {

struct MeterFigures {
  stats::LatencySummary latency;        ///< over generated (not cached, not failed) samples
  std::optional<double> energy_joules;  ///< measured and estimated; nothing: not measured
  bool energy_estimated = false;        ///< part or all of energy_joules is a configured estimate
  std::optional<double> joules_per_output_token;
  std::optional<double> kwh;            ///< energy x PUE / 3.6e6
  std::optional<double> co2_grams;      ///< kwh x grid intensity; nothing when no intensity is configured
  std::string energy_method;            ///< "measured: nvml-energy, token share ..."; "; "-joined when several
  std::string tokens_method;            ///< "server", "estimated: ...", or "mixed: a (n), b (m)"
};

/// What the run windows of a run say (one window per invocation of the run loop).
struct RunWindows {
  std::int64_t windows = 0;
  double wall_s = 0;                    ///< summed over windows
  std::int64_t max_concurrency = 0;     ///< the largest of any window
  std::optional<double> energy_joules;  ///< measured over the windows (idle included); nothing: none measured
  std::optional<double> idle_joules;    ///< measured energy attributed to no sample
  std::string energy_method;            ///< distinct methods, "+"-joined as stored
  std::string devices_json;             ///< the last measured window's devices
  std::string unavailable;              ///< distinct reasons, "; "-joined
};

}  // namespace rb::reports
