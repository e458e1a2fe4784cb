#pragma once
// Internal to adapters/openai: the state of one chat request across its attempts. Everything but
// construction runs on the HTTP loop thread, so nothing here is locked.
#include <atomic>
#include <optional>
#include <string>

#include "adapters/http/sse_parser.hpp"
#include "adapters/openai/chat_adapter.hpp"
#include "adapters/openai/chat_stream.hpp"

namespace rb::adapters::openai {

struct ChatAdapter::Call {
  Call(std::string body_, const Request& request, SampleCallback done_, std::size_t max_bytes);

  /// Resets the per-attempt state before attempt number `attempts + 1`.
  void begin_attempt();
  /// The response head: decides whether the body is parsed as a stream.
  void on_head(const http::HttpHead& head, bool stream_requested);
  /// Body bytes. False (abort the transfer) once `failure` is set.
  bool on_data(std::string_view bytes);
  /// The response of a transfer that completed with a 2xx status, and the JSON to store.
  std::expected<std::pair<ChatResponse, std::string>, std::string> response() const;
  /// Milliseconds since the attempt started.
  double elapsed_ms() const;

  const std::string body;
  const std::string oracle;
  const std::size_t prompt_chars;
  const std::size_t max_response_bytes;
  SampleCallback done;
  std::atomic<bool> finished{false};
  int attempts = 0;  ///< started so far

  // The current attempt.
  http::Clock::time_point attempt_start;
  bool streaming = false;
  std::string raw;  ///< a non-streamed body (or an error body)
  std::optional<http::SseParser> sse;
  StreamAccumulator stream;
  std::string failure;  ///< why on_data gave up (a protocol error); "" when it did not
};

}  // namespace rb::adapters::openai
