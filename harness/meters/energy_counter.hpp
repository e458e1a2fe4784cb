#pragma once
// Turning raw cumulative energy counters into joules: a counter that only grows, except when it
// wraps at a known range (RAPL's energy_uj wraps at max_energy_range_uj) or resets (a GPU driver
// reload restarts NVML's total energy counter at 0). Pure logic: the meters feed it readings.
#include <cstdint>
#include <optional>

namespace rb::meters {

class EnergyCounter {
 public:
  /// `joules_per_unit`: 1e-3 for NVML's millijoules, 1e-6 for RAPL's microjoules.
  /// `wrap_range`: the counter's range when it wraps (RAPL), or 0 when it never wraps (NVML).
  EnergyCounter(double joules_per_unit, std::uint64_t wrap_range);

  /// Adds a reading; returns the joules since the previous reading (0 for the first).
  /// A smaller reading means a wrap when the counter wraps (delta += range), else a reset
  /// (the new reading is the energy since the reset).
  double add(std::uint64_t raw);

  double total_joules() const { return m_total; }
  int wraps() const { return m_wraps; }
  int resets() const { return m_resets; }

 private:
  double m_scale;
  std::uint64_t m_range;
  std::optional<std::uint64_t> m_last;
  double m_total = 0;
  int m_wraps = 0;
  int m_resets = 0;
};

/// Trapezoidal integration of power samples (watts at seconds) into joules, for devices that
/// report power but no energy counter, or windows shorter than the counter's update period.
class PowerIntegrator {
 public:
  /// Adds a sample; returns the joules since the previous one. Samples must come in time order
  /// (an out-of-order sample is ignored and returns 0).
  double add(double seconds, double watts);
  double total_joules() const { return m_total; }

 private:
  std::optional<double> m_last_seconds;
  double m_last_watts = 0;
  double m_total = 0;
};

}  // namespace rb::meters
