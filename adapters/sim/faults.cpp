#include "adapters/sim/faults.hpp"

#include "harness/util/rng.hpp"

namespace rb::sim::detail {

namespace {

constexpr std::uint64_t k_fault_salt = 0x6661756c74000003ULL;  // "fault"

}  // namespace

std::string_view to_string(FaultKind kind)
{
  switch (kind) {
    case FaultKind::none:
      return "none";
    case FaultKind::status_429:
      return "429";
    case FaultKind::status_500:
      return "500";
    case FaultKind::status_503:
      return "503";
    case FaultKind::reset:
      return "reset";
    case FaultKind::malformed:
      return "malformed";
    case FaultKind::stall:
      return "stall";
  }
  return "none";
}

FaultKind FaultPlan::next(std::uint64_t key)
{
  std::lock_guard lock(m_mutex);
  Counts& counts = m_counts[key];
  const std::uint64_t attempt = counts.attempts++;
  if (counts.faults >= m_faults.max_faults_per_request) {
    return FaultKind::none;
  }
  util::SplitMix64 rng(util::mix_seed(key ^ k_fault_salt, attempt));
  const double u = rng.uniform();
  // Independent slices of [0, 1), in a fixed order.
  const std::pair<double, FaultKind> slices[] = {
      {m_faults.rate_429, FaultKind::status_429},      {m_faults.rate_500, FaultKind::status_500},
      {m_faults.rate_503, FaultKind::status_503},      {m_faults.rate_reset, FaultKind::reset},
      {m_faults.rate_malformed, FaultKind::malformed}, {m_faults.rate_stall, FaultKind::stall},
  };
  double edge = 0;
  for (const auto& [rate, kind] : slices) {
    edge += rate;
    if (u < edge) {
      ++counts.faults;
      ++m_injected;
      return kind;
    }
  }
  return FaultKind::none;
}

long long FaultPlan::injected() const
{
  std::lock_guard lock(m_mutex);
  return m_injected;
}

}  // namespace rb::sim::detail
