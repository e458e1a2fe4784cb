#pragma once
// Accumulates a streamed chat completion (SSE `data:` payloads of chat.completion.chunk objects)
// into one WireResponse, timing the first token and the first answer token as chunks arrive.
// Common chunks take a fast path (fast_chunk.hpp); the rest are parsed with nlohmann::json.
#include <cstdint>
#include <expected>
#include <string>
#include <string_view>

#include "adapters/openai/chat_wire.hpp"

namespace rb::adapters::openai {

class StreamAccumulator : public StreamDecoder {
 public:
  StreamAccumulator() : StreamAccumulator(WireOptions{}) {}
  explicit StreamAccumulator(WireOptions options);

  /// One event's data at `elapsed_ms` after the request started: a JSON chunk or "[DONE]".
  /// Error: a one-line reason (malformed chunk, or an error object sent mid-stream).
  std::expected<void, std::string> feed(std::string_view data, double elapsed_ms);
  std::expected<void, std::string> feed(std::string_view, std::string_view data, double elapsed_ms) override
  {
    return feed(data, elapsed_ms);
  }

  /// True once a finish_reason or [DONE] arrived: the stream ended properly.
  bool complete() const override { return m_done || !m_response.finish_reason.empty(); }
  bool done_seen() const { return m_done; }
  std::int64_t chunks() const override { return m_chunks; }
  std::int64_t fast_chunks() const { return m_fast_chunks; }  ///< chunks read by the fast path
  double ttft_ms() const override { return m_ttft_ms; }
  double first_answer_ms() const override { return m_timer.first_answer_ms(); }
  const WireResponse& response() const override { return m_response; }

  /// The stream reassembled as one chat.completion object, with "stream": true and "chunks".
  std::string reassembled_json() const override;

 private:
  std::expected<void, std::string> feed_general(std::string_view data, double elapsed_ms);
  void on_token(double elapsed_ms);

  WireOptions m_options;
  WireResponse m_response;
  std::string m_usage_json;  ///< the usage object as sent, for reassembled_json()
  bool m_done = false;
  std::int64_t m_chunks = 0;
  std::int64_t m_fast_chunks = 0;
  double m_ttft_ms = -1;
  AnswerTimer m_timer;
};

}  // namespace rb::adapters::openai
