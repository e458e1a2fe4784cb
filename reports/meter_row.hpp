#pragma once
// Collects the meters' figures of one report row (or a whole run) sample by sample. Private to
// reports/. Needs the run's windows (PUE and grid intensity per window) and SLOs, read once per run.
#include <map>
#include <string>
#include <unordered_map>

#include "harness/store/store.hpp"
#include "reports/meter_figures.hpp"
#include "reports/summary.hpp"

namespace rb::reports {

struct MeterContext {
  stats::Slo slo;  ///< from the run's stored configuration
  struct Window {
    double pue = 1;
    std::optional<double> grid_gco2_per_kwh;
  };
  std::unordered_map<std::int64_t, Window> windows;
  RunWindows run;
};

/// The run's windows and SLOs. A stored configuration that does not parse gives no SLOs.
MeterContext meter_context(store::Store& store, const store::RunRecord& run);

/// Stores `figures` in `row`, with the energy and throughput columns the row already has.
void apply_meters(SummaryRow& row, MeterFigures figures);

class MeterRow {
 public:
  explicit MeterRow(const MeterContext& context) : m_context(&context) {}
  void add(const store::SampleFacts& s);
  MeterFigures finish();

 private:
  const MeterContext* m_context;
  stats::LatencyAccumulator m_latency;
  double m_joules = 0;
  double m_energy_tokens = 0;  // output tokens of the samples with energy
  double m_kwh = 0;
  double m_co2 = 0;
  bool m_any_energy = false;
  bool m_estimated = false;
  bool m_co2_known = true;
  std::map<std::string, std::int64_t> m_energy_methods;
  std::map<std::string, std::int64_t> m_token_methods;
};

}  // namespace rb::reports
