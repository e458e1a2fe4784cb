#pragma once
// GPU energy of a remote host through NVIDIA dcgm-exporter's Prometheus endpoint: the counter
// DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION (millijoules) per GPU, differenced like NVML's. For
// engines that run on another machine than reasonbench.
#include <expected>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "harness/meters/energy_counter.hpp"
#include "harness/meters/energy_source.hpp"

namespace rb::meters {

inline constexpr std::string_view k_dcgm_energy_metric = "DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION";

struct PromSample {
  std::string name;
  std::map<std::string, std::string> labels;
  double value = 0;
};

/// Parses Prometheus text exposition format (comments, labels with escapes, values). Lines
/// that do not parse are skipped.
std::vector<PromSample> parse_prometheus(std::string_view text);

class DcgmEnergySource : public EnergySource {
 public:
  using Fetch = std::function<std::expected<std::string, std::string>()>;

  /// `fetch` returns the endpoint's text (http_fetch(url) in production; tests pass text).
  static std::expected<std::unique_ptr<DcgmEnergySource>, Unavailable> open(Fetch fetch, std::string endpoint);

  std::string method() const override { return "dcgm"; }
  std::vector<DeviceEnergy> read() override;

 private:
  DcgmEnergySource(Fetch fetch, std::string endpoint) : m_fetch(std::move(fetch)), m_endpoint(std::move(endpoint)) {}
  Fetch m_fetch;
  std::string m_endpoint;
  std::map<std::string, EnergyCounter> m_counters;  // by "gpuN model"
};

/// GET `url` with libcurl (5 s timeout); the body or an error message.
std::expected<std::string, std::string> http_fetch(const std::string& url);

}  // namespace rb::meters
