#pragma once
// Accumulates a streamed chat completion (SSE `data:` payloads of chat.completion.chunk objects)
// into one ChatResponse, timing the first token and the first answer token as chunks arrive.
#include <cstdint>
#include <expected>
#include <string>
#include <string_view>

#include "adapters/openai/chat_wire.hpp"

namespace rb::adapters::openai {

class StreamAccumulator {
 public:
  /// One event's data at `elapsed_ms` after the request started: a JSON chunk or "[DONE]".
  /// Error: a one-line reason (malformed chunk, or an error object sent mid-stream).
  std::expected<void, std::string> feed(std::string_view data, double elapsed_ms);

  /// True once a finish_reason or [DONE] arrived: the stream ended properly.
  bool complete() const { return m_done || !m_response.finish_reason.empty(); }
  bool done_seen() const { return m_done; }
  std::int64_t chunks() const { return m_chunks; }
  double ttft_ms() const { return m_ttft_ms; }                  ///< -1: no token yet
  double first_answer_ms() const { return m_first_answer_ms; }  ///< -1: no answer token yet
  const ChatResponse& response() const { return m_response; }

  /// The stream reassembled as one chat.completion object, with "stream": true and "chunks".
  std::string reassembled_json() const;

 private:
  void on_content(std::string_view delta, double elapsed_ms);

  ChatResponse m_response;
  std::string m_usage_json;  ///< the usage object as sent, for reassembled_json()
  bool m_done = false;
  std::int64_t m_chunks = 0;
  double m_ttft_ms = -1;
  double m_first_answer_ms = -1;
  std::size_t m_answer_from = 0;  ///< content offset after the last closing reasoning tag
};

}  // namespace rb::adapters::openai
