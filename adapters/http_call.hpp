#pragma once
// Internal to adapters/: the state of one HTTP request across its attempts. Everything but
// construction runs on the HTTP loop thread (or, before the first attempt, on the caller's), so
// nothing here is locked.
#include <atomic>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "adapters/http/sse_parser.hpp"
#include "adapters/http_adapter.hpp"
#include "harness/core/chunk_times.hpp"

namespace rb::adapters {

struct HttpAdapter::Call {
  Call(std::string body_, const Request& request, ChoicesCallback done_, std::size_t max_bytes,
       std::int64_t token_estimate_);

  /// Resets the per-attempt state before attempt number `attempts + 1`.
  void begin_attempt();
  /// The response head: decides whether the body is parsed as a stream.
  void on_head(const http::HttpHead& head, bool stream_requested, const Dialect& dialect);
  /// Body bytes. False (abort the transfer) once `failure` is set.
  bool on_data(std::string_view bytes);
  /// The response of a transfer that completed with a 2xx status, and the JSON to store.
  std::expected<std::pair<WireResponse, std::string>, std::string> response(const Dialect& dialect) const;
  /// Milliseconds since the attempt started.
  double elapsed_ms() const;

  const std::string body;
  const std::string oracle;
  const std::size_t prompt_chars;
  const std::size_t max_response_bytes;
  const std::int64_t token_estimate;  ///< prompt + budget, for a tokens-per-minute limit
  ChoicesCallback done;
  std::atomic<bool> finished{false};
  int attempts = 0;  ///< started so far
  std::uint64_t ticket = 0;  ///< from the rate limiter, while admitted
  bool admitted = false;

  // The current attempt.
  http::Clock::time_point attempt_start;
  bool streaming = false;
  std::string raw;  ///< a non-streamed body (or an error body)
  std::optional<http::SseParser> sse;
  std::unique_ptr<StreamDecoder> stream;
  std::vector<std::uint32_t> chunk_ms;  ///< arrival of each SSE event, ms after the attempt started
  ChunkTimesWriter text_chunks;  ///< arrival of each event that added text, µs (for TTFT and ITL)
  std::size_t text_bytes = 0;    ///< answer + reasoning bytes decoded so far
  double data_ms = 0;  ///< when the bytes being parsed arrived (one clock read per read, not per event)
  std::string failure;  ///< why on_data gave up (a protocol error); "" when it did not
};

}  // namespace rb::adapters
