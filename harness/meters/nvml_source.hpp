#pragma once
// GPU energy through NVML, loaded at run time with dlopen (libnvidia-ml.so.1): no build
// dependency, so one binary serves machines with and without GPUs. On Volta and newer,
// nvmlDeviceGetTotalEnergyConsumption (millijoules since the driver loaded) is read and
// differenced (method "nvml-energy"); where it is not supported, nvmlDeviceGetPowerUsage
// (milliwatts) is integrated between reads (method "nvml-power": read often).
#include <expected>
#include <memory>
#include <string>
#include <vector>

#include "harness/meters/energy_source.hpp"

namespace rb::meters {

class NvmlEnergySource : public EnergySource {
 public:
  /// Opens NVML and the GPUs with the given indexes (empty: all). Unavailable says why not
  /// (library absent, no GPU, an index out of range).
  static std::expected<std::unique_ptr<NvmlEnergySource>, Unavailable> open(const std::vector<int>& gpus);
  ~NvmlEnergySource() override;

  std::string method() const override;
  std::vector<DeviceEnergy> read() override;

  /// Instantaneous power of each GPU in watts (for cross-checks and power-mode integration).
  std::vector<double> power_watts();

 private:
  struct Impl;
  explicit NvmlEnergySource(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> m_impl;
};

}  // namespace rb::meters
