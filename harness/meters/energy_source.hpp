#pragma once
// An EnergySource reads cumulative energy of one or more devices (GPUs through NVML or DCGM,
// CPU packages and DRAM through RAPL). It exists so the sampler and the attribution know
// nothing of where joules come from; tests use FakeEnergySource. Implementations:
// NvmlEnergySource (nvml_source.cpp), RaplEnergySource (rapl_source.cpp),
// DcgmEnergySource (dcgm_source.cpp).
#include <memory>
#include <string>
#include <vector>

namespace rb::meters {

struct DeviceEnergy {
  std::string device;   ///< "gpu0 NVIDIA H200", "cpu package-0", "dram package-0"
  double joules = 0;    ///< cumulative since the source was opened
};

class EnergySource {
 public:
  virtual ~EnergySource() = default;
  /// "nvml-energy", "nvml-power", "rapl", "dcgm": how the joules are obtained (stored with runs).
  virtual std::string method() const = 0;
  /// Reads every device now; cumulative joules since the source opened. Called from one thread.
  virtual std::vector<DeviceEnergy> read() = 0;
};

/// Why a source is not available ("NVML not found (libnvidia-ml.so.1)"), reported, never hidden.
struct Unavailable {
  std::string source;
  std::string why;
};

}  // namespace rb::meters
