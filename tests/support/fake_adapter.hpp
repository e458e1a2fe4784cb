#pragma once
// FakeAdapter: an in-process Adapter for run-loop tests. Answers come from a function of the
// request; completions are delivered asynchronously from a worker thread after an optional
// delay, like a real transport. It counts requests per (prompt, sample) and the peak number in
// flight, and supports cancel_all().
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "harness/core/adapter.hpp"

namespace rb::test {

/// Requests in flight over several adapters, and the most at once.
struct InFlightMeter {
  std::atomic<int> now{0};
  std::atomic<int> peak{0};
  void add();
};

class FakeAdapter : public Adapter {
 public:
  using Answer = std::function<std::expected<Sample, Error>(const Request&)>;

  explicit FakeAdapter(Answer answer, std::chrono::milliseconds delay = std::chrono::milliseconds(0),
                       std::string identity = "fake:model", std::shared_ptr<InFlightMeter> shared = nullptr);
  ~FakeAdapter() override;

  std::string identity() const override { return m_identity; }
  std::string request_body(const Request& request) const override;
  void start(const Request& request, SampleCallback done) override;
  void cancel_all() override;
  AdapterStats stats() const override;

  /// Requests started per "<user prompt>#<sample index>".
  std::map<std::string, int> calls() const;
  int total_calls() const;
  int peak_in_flight() const { return m_own.peak.load(); }

 private:
  struct Job {
    Request request;
    SampleCallback done;
    std::chrono::steady_clock::time_point due;
  };
  void work();

  Answer m_answer;
  std::chrono::milliseconds m_delay;
  std::string m_identity;
  mutable std::mutex m_mutex;
  std::condition_variable m_wake;
  std::deque<Job> m_jobs;
  std::map<std::string, int> m_calls;
  InFlightMeter m_own;
  std::shared_ptr<InFlightMeter> m_shared;
  std::atomic<long long> m_started{0};
  bool m_quit = false;
  std::vector<std::thread> m_workers;
};

/// A Sample whose answer part is `text`, with plausible usage.
Sample make_sample(const std::string& text, const std::string& finish_reason = "stop");

}  // namespace rb::test
