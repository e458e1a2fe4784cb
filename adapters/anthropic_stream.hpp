#pragma once
// Internal to adapters/ (includes nlohmann/json): a streamed Anthropic message, accumulated from
// its named events into one WireResponse.
#include "adapters/anthropic_wire.hpp"
#include "adapters/openai/json_fields.hpp"

namespace rb::adapters::anthropic {

/// Anthropic's usage object: prompt = input + cache creation + cache reads; cached = cache reads.
Usage usage_of(const openai::detail::Json& usage);

class MessageStream : public StreamDecoder {
 public:
  explicit MessageStream(WireOptions options);

  std::expected<void, std::string> feed(std::string_view event, std::string_view data, double elapsed_ms) override;
  bool complete() const override { return m_stopped || !m_stop_reason.empty(); }
  std::int64_t chunks() const override { return m_chunks; }
  double ttft_ms() const override { return m_ttft_ms; }
  double first_answer_ms() const override { return m_timer.first_answer_ms(); }
  const WireResponse& response() const override { return m_response; }
  /// The stream as one Anthropic message object with "stream": true and "chunks".
  std::string reassembled_json() const override;

 private:
  void on_delta(const openai::detail::Json& delta, double elapsed_ms);

  WireOptions m_options;
  WireResponse m_response;
  std::string m_stop_reason;  ///< as sent (end_turn, max_tokens, ...)
  openai::detail::Json m_usage = openai::detail::Json::object();  ///< merged usage fields as sent
  bool m_stopped = false;
  std::int64_t m_chunks = 0;
  double m_ttft_ms = -1;
  AnswerTimer m_timer;
};

}  // namespace rb::adapters::anthropic
