// A standalone probe of reasonbench's NVML meter for GPU machines (bench/energy_nvml_check.sh):
// prints, every interval, the wall-clock time, the meter's cumulative joules (the same
// EnergySampler and NvmlEnergySource the run loop uses) and NVML's instantaneous power, then
// the sampling thread's CPU time. Built statically against libstdc++ so it runs on the GPU
// machine's image without reasonbench's other dependencies.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>

#include "harness/meters/energy_sampler.hpp"
#include "harness/meters/nvml_source.hpp"

int main(int argc, char** argv)
{
  const double seconds = argc > 1 ? std::atof(argv[1]) : 40;
  const int interval_ms = argc > 2 ? std::atoi(argv[2]) : 250;
  auto opened = rb::meters::NvmlEnergySource::open({});
  if (!opened) {
    std::printf("unavailable %s\n", opened.error().why.c_str());
    return 1;
  }
  auto* nvml = opened->get();
  std::printf("method %s\n", nvml->method().c_str());
  std::vector<std::unique_ptr<rb::meters::EnergySource>> sources;
  sources.push_back(std::move(*opened));
  rb::meters::EnergySampler sampler(std::move(sources), std::chrono::milliseconds(interval_ms));
  sampler.start();
  const auto start = std::chrono::steady_clock::now();
  while (std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() < seconds) {
    std::this_thread::sleep_for(std::chrono::milliseconds(interval_ms));
    const double unix_now =
        std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
    const auto timeline = sampler.timeline();
    const auto watts = nvml->power_watts();
    std::printf("sample %.3f %.3f %.1f\n", unix_now, timeline.back().joules, watts.empty() ? -1.0 : watts[0]);
    std::fflush(stdout);
  }
  sampler.stop();
  const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("sampler_cpu_seconds %.6f wall_seconds %.3f interval_ms %d\n", sampler.thread_cpu_seconds(), wall,
              interval_ms);
  return 0;
}
