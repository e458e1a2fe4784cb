#include "tests/support/fake_adapter.hpp"

namespace rb::test {

namespace {
constexpr int k_workers = 4;
}

void InFlightMeter::add()
{
  const int current = ++now;
  int seen = peak.load();
  while (current > seen && !peak.compare_exchange_weak(seen, current)) {
  }
}

FakeAdapter::FakeAdapter(Answer answer, std::chrono::milliseconds delay, std::string identity,
                         std::shared_ptr<InFlightMeter> shared)
    : m_answer(std::move(answer)), m_delay(delay), m_identity(std::move(identity)), m_shared(std::move(shared))
{
  for (int i = 0; i < k_workers; ++i) {
    m_workers.emplace_back([this] { work(); });
  }
}

FakeAdapter::~FakeAdapter()
{
  {
    std::lock_guard lock(m_mutex);
    m_quit = true;
  }
  m_wake.notify_all();
  for (auto& t : m_workers) {
    t.join();
  }
}

std::string FakeAdapter::request_body(const Request& request) const
{
  std::string body = "{";
  for (const auto& m : request.messages) {
    body += m.role + ":" + m.content + ";";
  }
  body += "seed:" + std::to_string(request.params.seed.value_or(-1)) + "}";
  return body;
}

void FakeAdapter::start(const Request& request, SampleCallback done)
{
  // Counted before the job is visible to a worker, so a peak is never missed.
  m_own.add();
  if (m_shared) {
    m_shared->add();
  }
  ++m_started;
  {
    std::lock_guard lock(m_mutex);
    ++m_calls[request.messages.back().content + "#" + std::to_string(request.sample_index)];
    m_jobs.push_back({request, std::move(done), std::chrono::steady_clock::now() + m_delay});
  }
  m_wake.notify_one();
}

void FakeAdapter::work()
{
  while (true) {
    Job job;
    {
      std::unique_lock lock(m_mutex);
      m_wake.wait(lock, [this] { return m_quit || !m_jobs.empty(); });
      if (m_quit && m_jobs.empty()) {
        return;
      }
      job = std::move(m_jobs.front());
      m_jobs.pop_front();
    }
    std::this_thread::sleep_until(job.due);
    auto result = m_answer(job.request);
    --m_own.now;
    if (m_shared) {
      --m_shared->now;
    }
    job.done(std::move(result));
  }
}

void FakeAdapter::cancel_all()
{
  std::deque<Job> cancelled;
  {
    std::lock_guard lock(m_mutex);
    cancelled.swap(m_jobs);
  }
  for (auto& job : cancelled) {
    --m_own.now;
    if (m_shared) {
      --m_shared->now;
    }
    job.done(std::unexpected(Error{ErrorKind::cancelled, "cancelled"}));
  }
}

AdapterStats FakeAdapter::stats() const
{
  return {m_started.load(), 0, m_own.now.load()};
}

std::map<std::string, int> FakeAdapter::calls() const
{
  std::lock_guard lock(m_mutex);
  return m_calls;
}

int FakeAdapter::total_calls() const
{
  int total = 0;
  for (const auto& [key, n] : calls()) {
    total += n;
  }
  return total;
}

Sample make_sample(const std::string& text, const std::string& finish_reason)
{
  Sample s;
  s.text = text;
  s.reasoning = "thinking about it";
  s.finish_reason = finish_reason;
  s.usage = {20, 50, 30, 0, true};
  s.timings.e2e_ms = 12;
  s.request_json = "{}";
  s.response_json = "{}";
  return s;
}

}  // namespace rb::test
