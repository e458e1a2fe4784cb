#pragma once
// A multi-producer queue drained by the run loop's coordinating thread. Adapters (from their
// transport threads) and the grading pool push; the run loop pops everything at once.
#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <vector>

namespace rb::runner {

template <typename Event>
class EventQueue {
 public:
  void push(Event event)
  {
    {
      std::lock_guard lock(m_mutex);
      m_events.push_back(std::move(event));
    }
    m_ready.notify_one();
  }

  /// Waits up to `timeout` for at least one event, then takes all of them (maybe none).
  std::vector<Event> pop_all(std::chrono::milliseconds timeout)
  {
    std::unique_lock lock(m_mutex);
    m_ready.wait_for(lock, timeout, [this] { return !m_events.empty(); });
    std::vector<Event> out(std::make_move_iterator(m_events.begin()), std::make_move_iterator(m_events.end()));
    m_events.clear();
    return out;
  }

 private:
  std::mutex m_mutex;
  std::condition_variable m_ready;
  std::deque<Event> m_events;
};

}  // namespace rb::runner
