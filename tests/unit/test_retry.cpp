#include <catch2/catch.hpp>

#include <chrono>

#include "adapters/http/retry.hpp"

using namespace rb::adapters::http;
using std::chrono::system_clock;

namespace {
system_clock::time_point at(int year, unsigned month, unsigned day, int h, int m, int s)
{
  const auto date =
      std::chrono::sys_days{std::chrono::year{year} / std::chrono::month{month} / std::chrono::day{day}};
  return date + std::chrono::hours(h) + std::chrono::minutes(m) + std::chrono::seconds(s);
}
}  // namespace

TEST_CASE("retry: full jitter stays between 0 and the capped exponential ceiling and covers it", "[retry]")
{
  RetryPolicy policy(RetryOptions{Milliseconds(100), Milliseconds(1000)}, 42);
  for (int retry = 1; retry <= 8; ++retry) {
    const long ceiling = std::min(1000L, 100L << (retry - 1));
    Milliseconds lo{1'000'000};
    Milliseconds hi{0};
    for (int i = 0; i < 2000; ++i) {
      const Milliseconds d = policy.backoff(retry);
      REQUIRE(d.count() >= 0);
      REQUIRE(d.count() <= ceiling);
      lo = std::min(lo, d);
      hi = std::max(hi, d);
    }
    CHECK(lo.count() <= ceiling / 10);      // jitter reaches near zero...
    CHECK(hi.count() >= ceiling * 9 / 10);  // ...and near the ceiling
  }
}

TEST_CASE("retry: the same seed gives the same delays", "[retry]")
{
  RetryPolicy a(RetryOptions{}, 7);
  RetryPolicy b(RetryOptions{}, 7);
  for (int retry = 1; retry < 10; ++retry) {
    CHECK(a.backoff(retry) == b.backoff(retry));
  }
}

TEST_CASE("retry: the cap holds for huge attempt numbers", "[retry]")
{
  RetryPolicy policy(RetryOptions{}, 1);
  for (int retry : {20, 64, 1000}) {
    CHECK(policy.backoff(retry) <= k_default_backoff_cap);
  }
}

TEST_CASE("retry: Retry-After in seconds and as an HTTP-date", "[retry]")
{
  const auto now = at(2015, 10, 21, 7, 28, 0);
  CHECK(parse_retry_after("120", now) == Milliseconds(120'000));
  CHECK(parse_retry_after(" 0 ", now) == Milliseconds(0));
  CHECK(parse_retry_after("1.5", now) == Milliseconds(1500));
  CHECK(parse_retry_after("Wed, 21 Oct 2015 07:28:30 GMT", now) == Milliseconds(30'000));
  CHECK(parse_retry_after("Wednesday, 21-Oct-15 07:29:00 GMT", now) == Milliseconds(60'000));  // RFC 850
  CHECK(parse_retry_after("Wed Oct 21 07:28:10 2015", now) == Milliseconds(10'000));           // asctime
  CHECK(parse_retry_after("Wed, 21 Oct 2015 07:00:00 GMT", now) == Milliseconds(0));           // in the past
  CHECK_FALSE(parse_retry_after("soon", now));
  CHECK_FALSE(parse_retry_after("-5", now));
  CHECK_FALSE(parse_retry_after("", now));
}

TEST_CASE("retry: Go durations of x-ratelimit-reset headers", "[retry]")
{
  CHECK(parse_duration("1s") == Milliseconds(1000));
  CHECK(parse_duration("6m0s") == Milliseconds(360'000));
  CHECK(parse_duration("20ms") == Milliseconds(20));
  CHECK(parse_duration("1h2m3.5s") == Milliseconds(3'723'500));
  CHECK_FALSE(parse_duration("5"));
  CHECK_FALSE(parse_duration("1d"));
}

TEST_CASE("retry: server_delay prefers retry-after-ms then Retry-After then rate-limit resets", "[retry]")
{
  const auto now = system_clock::now();
  HttpHead head;
  head.status = 429;
  CHECK_FALSE(server_delay(head, now));
  head.headers = {{"x-ratelimit-remaining-requests", "0"},
                  {"x-ratelimit-reset-requests", "2s"},
                  {"x-ratelimit-remaining-tokens", "100"},
                  {"x-ratelimit-reset-tokens", "9s"}};
  CHECK(server_delay(head, now) == Milliseconds(2000));  // only the exhausted limit counts
  head.headers.emplace_back("retry-after", "3");
  CHECK(server_delay(head, now) == Milliseconds(3000));
  head.headers.emplace_back("retry-after-ms", "250");
  CHECK(server_delay(head, now) == Milliseconds(250));
  head.status = 503;
  head.headers = {{"x-ratelimit-remaining-requests", "0"}, {"x-ratelimit-reset-requests", "2s"}};
  CHECK_FALSE(server_delay(head, now));  // rate-limit headers only matter on 429
}

TEST_CASE("retry: the delay is at least what the server asked within the limit", "[retry]")
{
  RetryPolicy policy(RetryOptions{Milliseconds(100), Milliseconds(200), Milliseconds(60'000)}, 3);
  for (int i = 0; i < 100; ++i) {
    CHECK(policy.delay(1, Milliseconds(5000)) == Milliseconds(5000));  // above the cap: honoured
    const auto small = policy.delay(3, Milliseconds(10));
    REQUIRE(small);
    CHECK(*small >= Milliseconds(10));
    CHECK(*small <= Milliseconds(200));
  }
  CHECK_FALSE(policy.delay(1, Milliseconds(61'000)));  // longer than max_server_delay: give up
  CHECK(policy.delay(1, std::nullopt) <= Milliseconds(100));
}
