#include "harness/meters/energy_sampler.hpp"

#include <condition_variable>
#include <ctime>

namespace rb::meters {

namespace {
double thread_cpu_now()
{
  timespec ts{};
  ::clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}
}  // namespace

EnergySampler::EnergySampler(std::vector<std::unique_ptr<EnergySource>> sources, std::chrono::milliseconds interval)
    : m_sources(std::move(sources)), m_interval(interval)
{
}

EnergySampler::~EnergySampler() { stop(); }

double EnergySampler::seconds_now() const
{
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - m_epoch).count();
}

void EnergySampler::sample()
{
  std::vector<DeviceEnergy> all;
  for (auto& source : m_sources) {
    for (auto& device : source->read()) {
      all.push_back(std::move(device));
    }
  }
  double joules = 0;
  for (const auto& d : all) {
    joules += d.joules;
  }
  const double now = seconds_now();
  std::lock_guard lock(m_mutex);
  if (m_start.empty()) {
    m_start = all;
  }
  m_last = std::move(all);
  m_timeline.push_back({now, joules});
}

void EnergySampler::loop()
{
  const double cpu_at_start = thread_cpu_now();
  std::unique_lock lock(m_mutex);
  while (!m_stop) {
    m_wake.wait_for(lock, m_interval, [this] { return m_stop; });
    if (m_stop) {
      break;
    }
    lock.unlock();
    sample();
    lock.lock();
    m_thread_cpu = thread_cpu_now() - cpu_at_start;
  }
}

void EnergySampler::start()
{
  if (m_sources.empty() || m_running) {
    return;
  }
  sample();
  m_running = true;
  m_thread = std::thread([this] { loop(); });
}

void EnergySampler::stop()
{
  if (!m_running) {
    return;
  }
  {
    std::lock_guard lock(m_mutex);
    m_stop = true;
  }
  m_wake.notify_all();
  m_thread.join();
  m_running = false;
  sample();
}

std::vector<EnergyPoint> EnergySampler::timeline() const
{
  std::lock_guard lock(m_mutex);
  return m_timeline;
}

std::vector<DeviceEnergy> EnergySampler::totals() const
{
  std::lock_guard lock(m_mutex);
  std::vector<DeviceEnergy> out = m_last;
  for (std::size_t i = 0; i < out.size() && i < m_start.size(); ++i) {
    out[i].joules -= m_start[i].joules;
  }
  return out;
}

std::string EnergySampler::methods() const
{
  std::string out;
  for (const auto& source : m_sources) {
    out += (out.empty() ? "" : "+") + source->method();
  }
  return out;
}

double EnergySampler::thread_cpu_seconds() const
{
  std::lock_guard lock(m_mutex);
  return m_thread_cpu;
}

}  // namespace rb::meters
