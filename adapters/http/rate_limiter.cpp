#include "adapters/http/rate_limiter.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

namespace rb::adapters::http {

namespace {

constexpr double k_min_wait_s = 0.001;

}  // namespace

RateLimiter::RateLimiter(RateLimits limits, std::shared_ptr<HttpClient> client, GroupId group)
    : m_limits(limits), m_client(std::move(client)), m_group(group), m_last_refill(Clock::now())
{
  for (auto [bucket, per_min] : {std::pair{&m_requests, limits.requests_per_min}, {&m_tokens, limits.tokens_per_min}}) {
    if (per_min > 0) {
      bucket->rate_per_s = per_min / 60.0;
      bucket->capacity = std::max(1.0, bucket->rate_per_s * k_bucket_seconds);
      bucket->level = bucket->capacity;
    }
  }
}

void RateLimiter::refill(Clock::time_point now)
{
  const double seconds = std::chrono::duration<double>(now - m_last_refill).count();
  m_last_refill = now;
  for (Bucket* bucket : {&m_requests, &m_tokens}) {
    if (bucket->rate_per_s > 0) {
      bucket->level = std::min(bucket->capacity, bucket->level + seconds * bucket->rate_per_s);
    }
  }
}

double RateLimiter::wait_s(std::int64_t tokens) const
{
  double wait = 0;
  const auto need = [&](const Bucket& bucket, double amount) {
    if (bucket.rate_per_s <= 0) {
      return;
    }
    const double target = std::min(amount, bucket.capacity);  // a large request waits for a full bucket
    if (bucket.level < target) {
      wait = std::max(wait, (target - bucket.level) / bucket.rate_per_s);
    }
  };
  need(m_requests, 1.0);
  need(m_tokens, static_cast<double>(std::max<std::int64_t>(tokens, 0)));
  return wait;
}

void RateLimiter::acquire(std::int64_t tokens, Admit admit)
{
  Lock lock(m_mutex);
  m_waiting.push_back(Waiter{tokens, std::move(admit)});
  pump(lock);
}

void RateLimiter::pump(Lock& lock)
{
  std::vector<std::pair<Admit, std::uint64_t>> admitted;
  double next_wait = 0;
  refill(Clock::now());
  while (!m_waiting.empty()) {
    if (static_cast<double>(m_in_flight) >= std::floor(m_limit)) {
      break;  // a release will pump again
    }
    const Waiter& front = m_waiting.front();
    next_wait = wait_s(front.tokens);
    if (next_wait > 0) {
      break;
    }
    m_requests.level -= m_requests.rate_per_s > 0 ? 1.0 : 0.0;
    m_tokens.level -= m_tokens.rate_per_s > 0 ? static_cast<double>(front.tokens) : 0.0;
    ++m_in_flight;
    m_peak = std::max(m_peak, m_in_flight);
    admitted.emplace_back(std::move(m_waiting.front().admit), m_epoch);
    m_waiting.pop_front();
  }
  if (next_wait > 0 && !m_timer_armed) {
    m_timer_armed = true;
    const auto delay = Milliseconds(static_cast<Milliseconds::rep>(std::ceil(std::max(next_wait, k_min_wait_s) * 1000)));
    lock.unlock();
    m_client->after(
        delay,
        [this](TimerEvent event) {
          Lock timer_lock(m_mutex);
          m_timer_armed = false;
          if (event == TimerEvent::fired) {
            pump(timer_lock);
          }
        },
        m_group);
    lock.lock();
  }
  lock.unlock();
  for (auto& [admit, ticket] : admitted) {
    admit(true, ticket);
  }
  lock.lock();
}

void RateLimiter::release(std::uint64_t ticket, bool rate_limited, std::int64_t token_correction)
{
  Lock lock(m_mutex);
  m_in_flight = std::max<std::int64_t>(0, m_in_flight - 1);
  if (m_tokens.rate_per_s > 0 && token_correction != 0) {
    m_tokens.level = std::min(m_tokens.capacity, m_tokens.level - static_cast<double>(token_correction));
  }
  if (m_limits.adaptive) {
    if (rate_limited) {
      if (ticket >= m_epoch) {  // one decrease per window: attempts started before it say the same
        m_limit = std::max(1.0, std::floor(static_cast<double>(m_in_flight + 1) / 2.0));
        ++m_epoch;
      }
    } else if (m_limit < k_unlimited_concurrency) {
      m_limit = std::min(m_limit + 1.0 / m_limit, static_cast<double>(m_peak) + 1.0);
    }
  }
  pump(lock);
}

void RateLimiter::cancel_all()
{
  std::deque<Waiter> waiting;
  {
    Lock lock(m_mutex);
    waiting.swap(m_waiting);
  }
  for (Waiter& waiter : waiting) {
    waiter.admit(false, 0);
  }
}

double RateLimiter::concurrency_limit() const
{
  std::lock_guard lock(m_mutex);
  return m_limit;
}

std::int64_t RateLimiter::waiting() const
{
  std::lock_guard lock(m_mutex);
  return static_cast<std::int64_t>(m_waiting.size());
}

std::int64_t RateLimiter::in_flight() const
{
  std::lock_guard lock(m_mutex);
  return m_in_flight;
}

}  // namespace rb::adapters::http
