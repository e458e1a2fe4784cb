#pragma once
// Private to adapters/sim: the waits of a simulated response (time to first token, token rate,
// stalls). Every wait ends as soon as the server stops, so stop() never waits for a response.
#include <chrono>
#include <condition_variable>
#include <mutex>

namespace rb::sim::detail {

using Clock = std::chrono::steady_clock;

/// Thread-safe; one per server, shared by every response.
class StopSignal {
 public:
  /// Waits until `deadline`. False when stop() came first (at once when it already had).
  bool sleep_until(Clock::time_point deadline)
  {
    std::unique_lock lock(m_mutex);
    return !m_cv.wait_until(lock, deadline, [this] { return m_stopped; });
  }

  template <class Rep, class Period>
  bool sleep_for(std::chrono::duration<Rep, Period> duration)
  {
    return sleep_until(Clock::now() + std::chrono::duration_cast<Clock::duration>(duration));
  }

  void stop()
  {
    {
      std::lock_guard lock(m_mutex);
      m_stopped = true;
    }
    m_cv.notify_all();
  }

  bool stopped() const
  {
    std::lock_guard lock(m_mutex);
    return m_stopped;
  }

 private:
  mutable std::mutex m_mutex;
  std::condition_variable m_cv;
  bool m_stopped = false;  ///< guarded by m_mutex
};

}  // namespace rb::sim::detail
