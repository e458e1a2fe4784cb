#pragma once
// ChatAdapter: the Adapter for OpenAI Chat Completions and every server that speaks it (vLLM,
// SGLang, llama.cpp, Ollama, DeepSeek, serve-sim). Streams when asked, separates reasoning,
// retries retryable failures with backoff on the HTTP loop's timers (no thread waits).
// Built by the registry (adapters/registry.hpp) from a ModelConfig; tests build it directly.
#include <atomic>
#include <cstdint>
#include <memory>
#include <string>

#include "adapters/http/http_client.hpp"
#include "adapters/http/retry.hpp"
#include "adapters/openai/chat_wire.hpp"
#include "harness/config/config.hpp"
#include "harness/core/adapter.hpp"
#include "harness/core/pricing.hpp"

namespace rb::adapters::openai {

inline constexpr std::size_t k_default_max_response_bytes = 64u << 20;
inline constexpr std::string_view k_oracle_header = "X-Reasonbench-Oracle";

struct ChatOptions {
  std::string kind = "openai-compatible";  ///< first part of identity()
  std::string base_url;                    ///< e.g. "https://api.openai.com/v1" (no trailing '/')
  std::string model;
  std::string api_key;       ///< secret: sent as "Authorization: Bearer"; never shown anywhere
  bool send_oracle = false;  ///< simulated engines only: X-Reasonbench-Oracle
  bool stream = true;
  SamplingParams defaults;  ///< where the Request leaves a parameter unset
  TokenLimitField token_limit_field = TokenLimitField::max_tokens;
  int max_retries = config::k_default_max_retries;
  http::Milliseconds connect_timeout = http::k_default_connect_timeout;
  http::Milliseconds idle_timeout = http::k_default_idle_timeout;  ///< also bounds a stream's first byte
  http::Milliseconds total_timeout = http::k_default_total_timeout;
  http::RetryOptions retry;
  std::uint64_t retry_seed = 0;  ///< jitter seed; 0: a random one
  http::Headers extra_headers;   ///< sent with every request (not part of identity)
  Prices prices;                 ///< for Sample::cost_usd
  std::size_t max_response_bytes = k_default_max_response_bytes;
};

class ChatAdapter : public Adapter {
 public:
  /// `client` runs the transfers (usually HttpClient::shared()).
  ChatAdapter(ChatOptions options, std::shared_ptr<http::HttpClient> client);
  /// Cancels what is in flight (their callbacks run with ErrorKind::cancelled).
  ~ChatAdapter() override;
  ChatAdapter(const ChatAdapter&) = delete;
  ChatAdapter& operator=(const ChatAdapter&) = delete;

  /// "KIND:BASE_URL#MODEL", e.g. "openai-compatible:http://localhost:8000/v1#qwq".
  std::string identity() const override;
  std::string request_body(const Request& request) const override;
  void start(const Request& request, SampleCallback done) override;
  void cancel_all() override;
  AdapterStats stats() const override;

  const ChatOptions& options() const { return m_options; }

  struct Call;  ///< one request across its attempts (chat_call.cpp)

 private:
  void attempt(const std::shared_ptr<Call>& call);
  void attempt_done(const std::shared_ptr<Call>& call, http::HttpResult result);
  void retry_or_fail(const std::shared_ptr<Call>& call, Error error, const http::HttpHead& head);
  void finish(const std::shared_ptr<Call>& call, std::expected<Sample, Error> result);
  http::HttpRequest http_request(const Call& call) const;
  /// `text` with the API key replaced by "[redacted]" (servers may echo it in error bodies).
  std::string redact(std::string text) const;

  ChatOptions m_options;
  std::shared_ptr<http::HttpClient> m_client;
  http::GroupId m_group;
  std::string m_url;
  std::string m_host;
  http::RetryPolicy m_retry;  ///< used on the loop thread only
  std::atomic<std::int64_t> m_started{0};
  std::atomic<std::int64_t> m_retries{0};
  std::atomic<std::int64_t> m_in_flight{0};
};

}  // namespace rb::adapters::openai
