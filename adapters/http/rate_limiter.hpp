#pragma once
// Admission control for one model's requests: token buckets for requests and tokens per minute
// (providers publish their limits that way) and an optional adaptive concurrency limit that
// halves on 429 and grows back by one per round trip (AIMD, as TCP congestion control). The run
// loop decides how many requests are in flight; this only delays the start of an attempt, from
// timers on the HTTP loop (no thread sleeps). Used by HttpAdapter.
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>

#include "adapters/http/http_client.hpp"

namespace rb::adapters::http {

/// A bucket holds this many seconds of its rate, so starts are paced rather than bursty.
inline constexpr double k_bucket_seconds = 1.0;
/// The adaptive limit before the first 429: no limit.
inline constexpr double k_unlimited_concurrency = 1e9;

struct RateLimits {
  double requests_per_min = 0;  ///< 0: none
  double tokens_per_min = 0;    ///< 0: none
  bool adaptive = false;        ///< AIMD concurrency limit on 429
  bool any() const { return requests_per_min > 0 || tokens_per_min > 0 || adaptive; }
};

/// Thread-safe. Admit callbacks run inline in acquire() or on the HTTP loop thread.
class RateLimiter {
 public:
  /// `admitted` is false when cancelled; `ticket` is passed back to release().
  using Admit = std::function<void(bool admitted, std::uint64_t ticket)>;

  RateLimiter(RateLimits limits, std::shared_ptr<HttpClient> client, GroupId group);

  /// Runs `admit` once an attempt costing `tokens` may start (at once when nothing limits it).
  void acquire(std::int64_t tokens, Admit admit);
  /// An admitted attempt ended. `rate_limited`: the server said 429; `token_correction`: tokens
  /// actually used minus the estimate given to acquire() (0 when unknown).
  void release(std::uint64_t ticket, bool rate_limited, std::int64_t token_correction);
  /// Every waiting acquire() gets admit(false) before this returns.
  void cancel_all();

  double concurrency_limit() const;  ///< the adaptive limit (k_unlimited_concurrency before any 429)
  std::int64_t waiting() const;      ///< acquires not yet admitted
  std::int64_t in_flight() const;    ///< admitted attempts not yet released

 private:
  struct Waiter {
    std::int64_t tokens = 0;
    Admit admit;
  };
  struct Bucket {
    double rate_per_s = 0;  ///< 0: no limit
    double capacity = 0;
    double level = 0;
  };
  using Lock = std::unique_lock<std::mutex>;

  /// Admits what may start now (callbacks run after unlocking) and arms a timer for the rest.
  void pump(Lock& lock);
  void refill(Clock::time_point now);
  /// Seconds until the front waiter fits the buckets (0 when it fits now).
  double wait_s(std::int64_t tokens) const;

  RateLimits m_limits;
  std::shared_ptr<HttpClient> m_client;
  GroupId m_group;
  mutable std::mutex m_mutex;
  std::deque<Waiter> m_waiting;  ///< guarded by m_mutex
  Bucket m_requests;             ///< guarded
  Bucket m_tokens;               ///< guarded
  Clock::time_point m_last_refill;
  double m_limit = k_unlimited_concurrency;  ///< guarded
  std::int64_t m_in_flight = 0;              ///< guarded
  std::int64_t m_peak = 0;                   ///< guarded: most admitted at once
  std::uint64_t m_epoch = 0;                 ///< guarded: bumped at each decrease
  bool m_timer_armed = false;                ///< guarded
};

}  // namespace rb::adapters::http
