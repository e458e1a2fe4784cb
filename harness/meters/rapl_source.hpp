#pragma once
// CPU package and DRAM energy through Linux RAPL in /sys/class/powercap: each domain's
// energy_uj counter, wrapping at max_energy_range_uj (counted, never mistaken for a reset).
// Package domains already include their core/uncore subdomains, so only package-N and dram
// domains are read (no double counting). Absent or unreadable (root-only on recent kernels):
// Unavailable says which, and reports say "not measured".
#include <expected>
#include <memory>
#include <string>
#include <vector>

#include "harness/meters/energy_counter.hpp"
#include "harness/meters/energy_source.hpp"

namespace rb::meters {

inline constexpr const char* k_powercap_root = "/sys/class/powercap";

class RaplEnergySource : public EnergySource {
 public:
  /// `root`: the powercap folder (tests pass a fake one).
  static std::expected<std::unique_ptr<RaplEnergySource>, Unavailable> open(const std::string& root = k_powercap_root);

  std::string method() const override { return "rapl"; }
  std::vector<DeviceEnergy> read() override;

 private:
  struct Domain {
    std::string name;         ///< "cpu package-0", "dram package-0"
    std::string energy_path;  ///< .../energy_uj
    EnergyCounter counter;
  };
  explicit RaplEnergySource(std::vector<Domain> domains) : m_domains(std::move(domains)) {}
  std::vector<Domain> m_domains;
};

}  // namespace rb::meters
