#include "adapters/http/retry.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <string>

#include "harness/util/strings.hpp"

namespace rb::adapters::http {

namespace {

constexpr double k_max_delay_ms = 1e12;  ///< beyond any sensible wait; guards conversions
constexpr int k_max_doublings = 40;

bool all_digits(std::string_view text)
{
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::optional<Milliseconds> from_ms(double ms)
{
  if (!std::isfinite(ms) || ms < 0) {
    return std::nullopt;
  }
  return Milliseconds(static_cast<Milliseconds::rep>(std::ceil(std::min(ms, k_max_delay_ms))));
}

/// The reset time of the exhausted limit (remaining == 0), from OpenAI's rate-limit headers
/// (x-ratelimit-reset-*: durations) or Anthropic's (anthropic-ratelimit-*-reset: RFC 3339 times).
std::optional<Milliseconds> rate_limit_reset(const HttpHead& head, std::chrono::system_clock::time_point now)
{
  std::optional<Milliseconds> out;
  for (const std::string_view kind : {"requests", "tokens", "input-tokens", "output-tokens"}) {
    const std::string name(kind);
    if (const auto remaining = head.header("x-ratelimit-remaining-" + name);
        remaining && util::trim(*remaining) == "0") {
      if (const auto reset = head.header("x-ratelimit-reset-" + name)) {
        if (const auto ms = parse_duration(*reset)) {
          out = std::max(out.value_or(Milliseconds(0)), *ms);
        }
      }
    }
    if (const auto remaining = head.header("anthropic-ratelimit-" + name + "-remaining");
        remaining && util::trim(*remaining) == "0") {
      if (const auto reset = head.header("anthropic-ratelimit-" + name + "-reset")) {
        if (const auto ms = parse_rfc3339_wait(*reset, now)) {
          out = std::max(out.value_or(Milliseconds(0)), *ms);
        }
      }
    }
  }
  return out;
}

}  // namespace

std::optional<Milliseconds> parse_retry_after(std::string_view value,
                                              std::chrono::system_clock::time_point now)
{
  value = util::trim(value);
  if (all_digits(value)) {
    const auto seconds = util::parse_double(value);
    return seconds ? from_ms(*seconds * 1000.0) : std::nullopt;
  }
  if (const auto seconds = util::parse_double(value)) {  // "1.5": not RFC 9110, but sent by some servers
    return from_ms(*seconds * 1000.0);
  }
  const std::string text(value);
  const time_t when = curl_getdate(text.c_str(), nullptr);  // IMF-fixdate, RFC 850 and asctime forms
  if (when < 0 || text.find(' ') == std::string::npos) {
    return std::nullopt;
  }
  const auto wait = std::chrono::system_clock::from_time_t(when) - now;
  return std::max(Milliseconds(0), std::chrono::ceil<Milliseconds>(wait));
}

std::optional<Milliseconds> parse_duration(std::string_view value)
{
  value = util::trim(value);
  if (value.empty()) {
    return std::nullopt;
  }
  double total_ms = 0;
  while (!value.empty()) {
    std::size_t n = 0;
    while (n < value.size() && (std::isdigit(static_cast<unsigned char>(value[n])) != 0 || value[n] == '.')) {
      ++n;
    }
    const auto number = util::parse_double(value.substr(0, n));
    if (n == 0 || !number) {
      return std::nullopt;
    }
    value.remove_prefix(n);
    std::size_t u = 0;
    while (u < value.size() && std::isalpha(static_cast<unsigned char>(value[u])) != 0) {
      ++u;
    }
    const std::string_view unit = value.substr(0, u);
    value.remove_prefix(u);
    if (unit == "h") {
      total_ms += *number * 3'600'000;
    } else if (unit == "m") {
      total_ms += *number * 60'000;
    } else if (unit == "s") {
      total_ms += *number * 1000;
    } else if (unit == "ms") {
      total_ms += *number;
    } else if (unit == "us") {
      total_ms += *number / 1000;
    } else if (unit == "ns") {
      total_ms += *number / 1e6;
    } else {
      return std::nullopt;
    }
  }
  return from_ms(total_ms);
}

std::optional<Milliseconds> server_delay(const HttpHead& head, std::chrono::system_clock::time_point now)
{
  if (const auto ms = head.header("retry-after-ms")) {
    if (const auto value = util::parse_double(util::trim(*ms))) {
      if (auto delay = from_ms(*value)) {
        return delay;
      }
    }
  }
  if (const auto value = head.header("retry-after")) {
    if (auto delay = parse_retry_after(*value, now)) {
      return delay;
    }
  }
  if (head.status == 429) {
    return rate_limit_reset(head, now);
  }
  return std::nullopt;
}

std::optional<Milliseconds> parse_rfc3339_wait(std::string_view value, std::chrono::system_clock::time_point now)
{
  value = util::trim(value);
  // YYYY-MM-DDTHH:MM:SS[.fff](Z|+HH:MM)
  constexpr std::size_t k_min_length = 20;
  if (value.size() < k_min_length || value[4] != '-' || value[7] != '-' || (value[10] != 'T' && value[10] != 't') ||
      value[13] != ':' || value[16] != ':') {
    return std::nullopt;
  }
  const auto number = [&](std::size_t at, std::size_t n) { return util::parse_int(value.substr(at, n)); };
  const auto year = number(0, 4), month = number(5, 2), day = number(8, 2);
  const auto hour = number(11, 2), minute = number(14, 2), second = number(17, 2);
  if (!year || !month || !day || !hour || !minute || !second) {
    return std::nullopt;
  }
  std::size_t at = 19;
  double fraction = 0;
  if (at < value.size() && value[at] == '.') {
    std::size_t end = at + 1;
    while (end < value.size() && std::isdigit(static_cast<unsigned char>(value[end])) != 0) {
      ++end;
    }
    fraction = util::parse_double("0" + std::string(value.substr(at, end - at))).value_or(0);
    at = end;
  }
  long offset_s = 0;
  const std::string_view zone = value.substr(at);
  if (zone == "Z" || zone == "z") {
    offset_s = 0;
  } else if (zone.size() == 6 && (zone[0] == '+' || zone[0] == '-') && zone[3] == ':') {
    const auto h = util::parse_int(zone.substr(1, 2));
    const auto m = util::parse_int(zone.substr(4, 2));
    if (!h || !m) {
      return std::nullopt;
    }
    offset_s = (zone[0] == '+' ? 1 : -1) * static_cast<long>(*h * 3600 + *m * 60);
  } else {
    return std::nullopt;
  }
  using namespace std::chrono;
  const year_month_day date{std::chrono::year(static_cast<int>(*year)), std::chrono::month(static_cast<unsigned>(*month)),
                            std::chrono::day(static_cast<unsigned>(*day))};
  if (!date.ok()) {
    return std::nullopt;
  }
  const auto when = sys_days(date) + hours(*hour) + minutes(*minute) + seconds(*second) - seconds(offset_s);
  const double wait_ms =
      duration<double, std::milli>(when - now).count() + fraction * 1000.0;
  return from_ms(std::max(wait_ms, 0.0));
}

void RetryBudget::on_request()
{
  std::lock_guard lock(m_mutex);
  m_balance += m_ratio;
}

bool RetryBudget::try_retry()
{
  if (unlimited()) {
    return true;
  }
  std::lock_guard lock(m_mutex);
  if (m_balance < 1) {
    return false;
  }
  m_balance -= 1;
  return true;
}

RetryPolicy::RetryPolicy(RetryOptions options, std::uint64_t seed) : m_options(options), m_rng(seed) {}

Milliseconds RetryPolicy::backoff(int retry)
{
  const int doublings = std::clamp(retry - 1, 0, k_max_doublings);
  const double ceiling = std::min(static_cast<double>(m_options.cap.count()),
                                  static_cast<double>(m_options.base.count()) * std::ldexp(1.0, doublings));
  const auto ceiling_ms = static_cast<std::int64_t>(std::max(ceiling, 0.0));
  return Milliseconds(m_rng.range(0, ceiling_ms));
}

std::optional<Milliseconds> RetryPolicy::delay(int retry, std::optional<Milliseconds> server)
{
  const Milliseconds jittered = backoff(retry);
  if (!server) {
    return jittered;
  }
  if (*server > m_options.max_server_delay) {
    return std::nullopt;
  }
  return std::max(jittered, *server);
}

}  // namespace rb::adapters::http
