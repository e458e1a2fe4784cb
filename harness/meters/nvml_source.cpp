#include "harness/meters/nvml_source.hpp"

#include <dlfcn.h>

#include <chrono>

#include "harness/meters/energy_counter.hpp"

namespace rb::meters {

namespace {

// The few NVML declarations we use (nvml.h is not a build dependency). Signatures and values
// from NVIDIA's NVML API reference; nvmlDevice_t is an opaque handle.
using nvmlReturn_t = int;
using nvmlDevice_t = void*;
constexpr nvmlReturn_t k_nvml_success = 0;
constexpr unsigned k_name_length = 96;

struct NvmlApi {
  void* library = nullptr;
  nvmlReturn_t (*init)() = nullptr;
  nvmlReturn_t (*shutdown)() = nullptr;
  nvmlReturn_t (*device_count)(unsigned*) = nullptr;
  nvmlReturn_t (*device_by_index)(unsigned, nvmlDevice_t*) = nullptr;
  nvmlReturn_t (*device_name)(nvmlDevice_t, char*, unsigned) = nullptr;
  nvmlReturn_t (*total_energy)(nvmlDevice_t, unsigned long long*) = nullptr;
  nvmlReturn_t (*power_usage)(nvmlDevice_t, unsigned*) = nullptr;
  const char* (*error_string)(nvmlReturn_t) = nullptr;

  std::string error(nvmlReturn_t code) const
  {
    return error_string != nullptr ? error_string(code) : "NVML error " + std::to_string(code);
  }
};

template <typename F>
bool bind(void* library, const char* name, F& out)
{
  out = reinterpret_cast<F>(::dlsym(library, name));
  return out != nullptr;
}

struct Gpu {
  nvmlDevice_t handle = nullptr;
  std::string name;
  bool energy_counter = false;
  EnergyCounter counter{1e-3, 0};
  PowerIntegrator integrator;
};

}  // namespace

struct NvmlEnergySource::Impl {
  NvmlApi api;
  std::vector<Gpu> gpus;
  std::chrono::steady_clock::time_point opened = std::chrono::steady_clock::now();

  ~Impl()
  {
    if (api.shutdown != nullptr) {
      api.shutdown();
    }
    if (api.library != nullptr) {
      ::dlclose(api.library);
    }
  }
};

NvmlEnergySource::NvmlEnergySource(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
NvmlEnergySource::~NvmlEnergySource() = default;

std::expected<std::unique_ptr<NvmlEnergySource>, Unavailable> NvmlEnergySource::open(const std::vector<int>& gpus)
{
  auto impl = std::make_unique<Impl>();
  NvmlApi& api = impl->api;
  api.library = ::dlopen("libnvidia-ml.so.1", RTLD_NOW | RTLD_LOCAL);
  if (api.library == nullptr) {
    return std::unexpected(Unavailable{"nvml", "libnvidia-ml.so.1 not found (no NVIDIA driver)"});
  }
  const bool bound = bind(api.library, "nvmlInit_v2", api.init) && bind(api.library, "nvmlShutdown", api.shutdown) &&
                     bind(api.library, "nvmlDeviceGetCount_v2", api.device_count) &&
                     bind(api.library, "nvmlDeviceGetHandleByIndex_v2", api.device_by_index) &&
                     bind(api.library, "nvmlDeviceGetName", api.device_name) &&
                     bind(api.library, "nvmlDeviceGetPowerUsage", api.power_usage) &&
                     bind(api.library, "nvmlErrorString", api.error_string);
  bind(api.library, "nvmlDeviceGetTotalEnergyConsumption", api.total_energy);  // Volta and newer
  if (!bound) {
    return std::unexpected(Unavailable{"nvml", "libnvidia-ml.so.1 lacks the NVML functions needed"});
  }
  if (const nvmlReturn_t rc = api.init(); rc != k_nvml_success) {
    api.shutdown = nullptr;
    return std::unexpected(Unavailable{"nvml", "nvmlInit failed: " + api.error(rc)});
  }
  unsigned count = 0;
  if (const nvmlReturn_t rc = api.device_count(&count); rc != k_nvml_success || count == 0) {
    return std::unexpected(Unavailable{"nvml", count == 0 ? "no GPU visible to NVML" : api.error(rc)});
  }
  std::vector<int> wanted = gpus;
  if (wanted.empty()) {
    for (unsigned i = 0; i < count; ++i) {
      wanted.push_back(static_cast<int>(i));
    }
  }
  for (const int index : wanted) {
    if (index < 0 || static_cast<unsigned>(index) >= count) {
      return std::unexpected(Unavailable{"nvml", "GPU " + std::to_string(index) + " does not exist (NVML sees " +
                                                     std::to_string(count) + ")"});
    }
    Gpu gpu;
    if (const nvmlReturn_t rc = api.device_by_index(static_cast<unsigned>(index), &gpu.handle); rc != k_nvml_success) {
      return std::unexpected(Unavailable{"nvml", "GPU " + std::to_string(index) + ": " + api.error(rc)});
    }
    char name[k_name_length] = {};
    api.device_name(gpu.handle, name, k_name_length);
    gpu.name = "gpu" + std::to_string(index) + " " + name;
    unsigned long long millijoules = 0;
    gpu.energy_counter = api.total_energy != nullptr && api.total_energy(gpu.handle, &millijoules) == k_nvml_success;
    impl->gpus.push_back(std::move(gpu));
  }
  auto source = std::unique_ptr<NvmlEnergySource>(new NvmlEnergySource(std::move(impl)));
  source->read();  // the first reading is the baseline
  return source;
}

std::string NvmlEnergySource::method() const
{
  for (const auto& gpu : m_impl->gpus) {
    if (!gpu.energy_counter) {
      return "nvml-power";
    }
  }
  return "nvml-energy";
}

std::vector<DeviceEnergy> NvmlEnergySource::read()
{
  const double now = std::chrono::duration<double>(std::chrono::steady_clock::now() - m_impl->opened).count();
  std::vector<DeviceEnergy> out;
  for (auto& gpu : m_impl->gpus) {
    if (gpu.energy_counter) {
      unsigned long long millijoules = 0;
      if (m_impl->api.total_energy(gpu.handle, &millijoules) == k_nvml_success) {
        gpu.counter.add(millijoules);
      }
      out.push_back({gpu.name, gpu.counter.total_joules()});
    } else {
      unsigned milliwatts = 0;
      if (m_impl->api.power_usage(gpu.handle, &milliwatts) == k_nvml_success) {
        gpu.integrator.add(now, milliwatts / 1000.0);
      }
      out.push_back({gpu.name, gpu.integrator.total_joules()});
    }
  }
  return out;
}

std::vector<double> NvmlEnergySource::power_watts()
{
  std::vector<double> out;
  for (auto& gpu : m_impl->gpus) {
    unsigned milliwatts = 0;
    out.push_back(m_impl->api.power_usage(gpu.handle, &milliwatts) == k_nvml_success ? milliwatts / 1000.0 : -1.0);
  }
  return out;
}

}  // namespace rb::meters
