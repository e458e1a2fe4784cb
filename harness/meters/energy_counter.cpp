#include "harness/meters/energy_counter.hpp"

namespace rb::meters {

EnergyCounter::EnergyCounter(double joules_per_unit, std::uint64_t wrap_range)
    : m_scale(joules_per_unit), m_range(wrap_range)
{
}

double EnergyCounter::add(std::uint64_t raw)
{
  if (!m_last) {
    m_last = raw;
    return 0;
  }
  std::uint64_t delta_units = 0;
  if (raw >= *m_last) {
    delta_units = raw - *m_last;
  } else if (m_range > 0) {
    delta_units = (m_range - *m_last) + raw;  // wrapped past the range
    ++m_wraps;
  } else {
    delta_units = raw;  // reset to zero, then counted up to raw
    ++m_resets;
  }
  m_last = raw;
  const double joules = static_cast<double>(delta_units) * m_scale;
  m_total += joules;
  return joules;
}

double PowerIntegrator::add(double seconds, double watts)
{
  if (m_last_seconds && seconds < *m_last_seconds) {
    return 0;
  }
  double joules = 0;
  if (m_last_seconds) {
    joules = (seconds - *m_last_seconds) * (watts + m_last_watts) / 2;
  }
  m_last_seconds = seconds;
  m_last_watts = watts;
  m_total += joules;
  return joules;
}

}  // namespace rb::meters
