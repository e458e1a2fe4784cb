#pragma once
// When to retry a failed request: exponential backoff with full jitter (AWS Architecture Blog,
// "Exponential Backoff and Jitter", 2015), never sooner than the server asked with Retry-After
// (delta-seconds or HTTP-date, RFC 9110 10.2.3), retry-after-ms, or OpenAI's x-ratelimit-reset-*.
#include <chrono>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string_view>

#include "adapters/http/http_types.hpp"
#include "harness/util/rng.hpp"

namespace rb::adapters::http {

inline constexpr Milliseconds k_default_backoff_base{500};
inline constexpr Milliseconds k_default_backoff_cap{30'000};
/// A server asking for a longer wait than this is not retried (the run would look stuck).
inline constexpr Milliseconds k_default_max_server_delay{600'000};
/// Retries a RetryBudget allows before any request has been started.
inline constexpr double k_retry_budget_floor = 100;

struct RetryOptions {
  Milliseconds base = k_default_backoff_base;  ///< the first retry waits up to this
  Milliseconds cap = k_default_backoff_cap;    ///< no backoff is longer (a server's request may be)
  Milliseconds max_server_delay = k_default_max_server_delay;
};

/// The wait a response asks for, from its headers: retry-after-ms, else Retry-After (seconds or
/// HTTP-date relative to `now`), else (only for 429) the larger of x-ratelimit-reset-requests
/// and x-ratelimit-reset-tokens. Nothing when no header says.
std::optional<Milliseconds> server_delay(const HttpHead& head, std::chrono::system_clock::time_point now);

/// Retry-After's value: "120" or "Wed, 21 Oct 2015 07:28:00 GMT" (a past date gives 0).
std::optional<Milliseconds> parse_retry_after(std::string_view value,
                                              std::chrono::system_clock::time_point now);

/// A Go-style duration as OpenAI's x-ratelimit-reset-* headers send it: "1s", "6m0s", "20ms", "1h2m3.5s".
std::optional<Milliseconds> parse_duration(std::string_view value);

/// An RFC 3339 time as Anthropic's anthropic-ratelimit-*-reset headers send it
/// ("2025-01-01T00:00:30Z"), as a wait from `now` (a past time gives 0).
std::optional<Milliseconds> parse_rfc3339_wait(std::string_view value, std::chrono::system_clock::time_point now);

/// A budget of retries over a whole run (as in gRPC's retry throttling): each request started
/// adds `ratio` retries, each retry takes one, starting from k_retry_budget_floor. When an
/// endpoint fails everything, requests stop being retried once the budget is spent, so a broken
/// endpoint fails fast instead of looking stuck. Thread-safe.
class RetryBudget {
 public:
  /// `ratio` 0: unlimited (only max_retries bounds retries).
  explicit RetryBudget(double ratio) : m_ratio(ratio) {}
  void on_request();
  /// Takes one retry; false when the budget is spent.
  bool try_retry();
  bool unlimited() const { return m_ratio <= 0; }

 private:
  double m_ratio;
  std::mutex m_mutex;
  double m_balance = k_retry_budget_floor;  ///< guarded by m_mutex
};

/// Full-jitter backoff. Not thread-safe (each adapter uses it from the HTTP loop thread).
class RetryPolicy {
 public:
  RetryPolicy(RetryOptions options, std::uint64_t seed);

  /// Uniform in [0, min(cap, base * 2^(retry-1))] for retry = 1, 2, ...
  Milliseconds backoff(int retry);

  /// The wait before retry number `retry`: the backoff, but at least `server` when given.
  /// Nothing when the server asks for more than max_server_delay (give up instead).
  std::optional<Milliseconds> delay(int retry, std::optional<Milliseconds> server);

  const RetryOptions& options() const { return m_options; }

 private:
  RetryOptions m_options;
  util::SplitMix64 m_rng;
};

}  // namespace rb::adapters::http
