#pragma once
// Plain values exchanged with HttpClient: what to send (HttpRequest), the response head
// (HttpHead) and how a transfer ended (HttpResult). No libcurl types here (pimpl, STYLE.md 13).
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace rb::adapters::http {

using Milliseconds = std::chrono::milliseconds;
using Clock = std::chrono::steady_clock;

inline constexpr Milliseconds k_default_connect_timeout{10'000};
inline constexpr Milliseconds k_default_first_byte_timeout{0};  ///< 0: bounded by the total only
inline constexpr Milliseconds k_default_idle_timeout{120'000};
inline constexpr Milliseconds k_default_total_timeout{1'800'000};
inline constexpr std::string_view k_user_agent = "reasonbench/0.1";

/// Header (name, value) pairs in arrival order. Response header names are lower-cased.
using Headers = std::vector<std::pair<std::string, std::string>>;

struct HttpRequest {
  std::string method = "POST";  ///< "GET" or "POST"
  std::string url;
  Headers headers;   ///< sent as given; may hold secrets, never logged
  std::string body;  ///< sent when method is POST
  Milliseconds connect_timeout = k_default_connect_timeout;        ///< TCP + TLS handshake
  Milliseconds first_byte_timeout = k_default_first_byte_timeout;  ///< request sent to first byte; 0: off
  Milliseconds idle_timeout = k_default_idle_timeout;              ///< no byte received for this long; 0: off
  Milliseconds total_timeout = k_default_total_timeout;            ///< the whole transfer; 0: off
  std::string ca_file;  ///< PEM certificates to verify the server with; empty: the system's
};

/// The status line and headers of the final (non-1xx) response.
struct HttpHead {
  int status = 0;
  Headers headers;  ///< names lower-cased, values trimmed

  /// The value of the first header named `lower_name` (lower case), if any.
  std::optional<std::string_view> header(std::string_view lower_name) const;
};

enum class HttpOutcome {
  completed,  ///< a whole response arrived (any status: check head.status)
  transport,  ///< connection refused or reset, DNS, TLS, truncated body
  untrusted,  ///< the server's TLS certificate failed verification: asking again cannot help
  timeout,    ///< connect, first-byte, idle or total timeout
  aborted,    ///< the data callback returned false
  cancelled,  ///< cancel_all()/cancel_group() or client shutdown
};

struct HttpResult {
  HttpOutcome outcome = HttpOutcome::cancelled;
  HttpHead head;                           ///< status 0 when no response head arrived
  std::string error;                       ///< one line when outcome is not completed
  Clock::time_point started;               ///< when start() was called
  Clock::duration time_to_first_byte{-1};  ///< to the first response byte; negative: none
  Clock::duration total{0};                ///< start() to the end of the transfer
  std::int64_t bytes_received = 0;         ///< body bytes
};

/// "api.openai.com" from "https://api.openai.com/v1/chat/completions" (port kept: "host:8000").
std::string host_of(std::string_view url);

/// "transport", "timeout"... for messages.
std::string_view to_string(HttpOutcome outcome);

}  // namespace rb::adapters::http
