#pragma once
// A background thread that reads every EnergySource at a fixed interval and keeps the timeline
// of cumulative joules, for energy per run window and per sample (attribution.hpp). One cheap
// read per interval: NVML reads cost ~4 ms of CPU each on an H200 VM, so the default 1 s interval
// keeps the thread under 0.5% of a core
// (bench/RESULTS.md, "Energy meter overhead").
#include <chrono>
#include <memory>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "harness/meters/energy_source.hpp"

namespace rb::meters {

inline constexpr std::chrono::milliseconds k_default_sample_interval{1000};

struct EnergyPoint {
  double seconds = 0;  ///< since the sampler was constructed (steady clock)
  double joules = 0;   ///< cumulative over every source and device
};

class EnergySampler {
 public:
  EnergySampler(std::vector<std::unique_ptr<EnergySource>> sources,
                std::chrono::milliseconds interval = k_default_sample_interval);
  ~EnergySampler();  ///< stops the thread
  EnergySampler(const EnergySampler&) = delete;
  EnergySampler& operator=(const EnergySampler&) = delete;

  /// Takes a first reading and starts sampling. No sources: does nothing.
  void start();
  /// Takes a last reading and stops. Idempotent.
  void stop();

  /// Seconds on the timeline's clock now (for stamping sample windows).
  double seconds_now() const;
  std::vector<EnergyPoint> timeline() const;
  /// Joules per device since start().
  std::vector<DeviceEnergy> totals() const;
  /// The sources' methods joined with '+', e.g. "nvml-energy+rapl"; "" without sources.
  std::string methods() const;
  /// CPU time the sampling thread has used (for the overhead figure).
  double thread_cpu_seconds() const;

 private:
  void sample();
  void loop();

  std::vector<std::unique_ptr<EnergySource>> m_sources;
  std::chrono::milliseconds m_interval;
  std::chrono::steady_clock::time_point m_epoch = std::chrono::steady_clock::now();
  mutable std::mutex m_mutex;
  std::vector<EnergyPoint> m_timeline;
  std::vector<DeviceEnergy> m_start;
  std::vector<DeviceEnergy> m_last;
  std::thread m_thread;
  bool m_running = false;
  bool m_stop = false;
  std::condition_variable_any m_wake;
  double m_thread_cpu = 0;
};

}  // namespace rb::meters
