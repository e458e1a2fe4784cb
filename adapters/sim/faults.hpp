#pragma once
// Private to adapters/sim: which fault (if any) a request gets. Each request key has an attempt
// counter; while the key has had fewer than max_faults_per_request faults, a fault class is drawn
// from (key, attempt) with the configured rates, so retries of one request fault a bounded
// number of times and then succeed, and the whole pattern repeats for the same scenario.
#include <cstdint>
#include <mutex>
#include <string_view>
#include <unordered_map>

#include "adapters/sim/scenario.hpp"

namespace rb::sim::detail {

enum class FaultKind { none, status_429, status_500, status_503, reset, malformed, stall };

std::string_view to_string(FaultKind kind);

/// Thread-safe.
class FaultPlan {
 public:
  explicit FaultPlan(Faults faults) : m_faults(faults) {}

  /// Counts an attempt of request `key` and decides its fault.
  FaultKind next(std::uint64_t key);

  long long injected() const;

 private:
  struct Counts {
    std::uint64_t attempts = 0;
    int faults = 0;
  };
  Faults m_faults;
  mutable std::mutex m_mutex;
  std::unordered_map<std::uint64_t, Counts> m_counts;  ///< guarded by m_mutex
  long long m_injected = 0;                            ///< guarded by m_mutex
};

}  // namespace rb::sim::detail
