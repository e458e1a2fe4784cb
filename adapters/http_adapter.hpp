#pragma once
// HttpAdapter: the Adapter for every model served over HTTP, whatever its dialect (wire.hpp):
// OpenAI Chat Completions and the servers that speak it (DeepSeek, vLLM, SGLang, llama.cpp,
// Ollama, TGI, serve-sim), OpenAI legacy Completions, Anthropic Messages. It streams when asked,
// separates reasoning, retries retryable failures with backoff on the HTTP loop's timers (no
// thread waits) within a retry budget, paces starts with the model's rate limits, and keeps
// secrets out of everything it returns. Built by the registry (registry.hpp) from a
// ModelConfig; tests build it directly. openai::ChatAdapter is the same class.
#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "adapters/http/http_client.hpp"
#include "adapters/http/rate_limiter.hpp"
#include "adapters/http/retry.hpp"
#include "adapters/wire.hpp"
#include "harness/config/config.hpp"
#include "harness/core/adapter.hpp"
#include "harness/core/pricing.hpp"

namespace rb::adapters {

inline constexpr std::size_t k_default_max_response_bytes = 64u << 20;
inline constexpr std::string_view k_oracle_header = "X-Reasonbench-Oracle";
/// Output tokens assumed for a tokens-per-minute limit when no budget is set.
inline constexpr std::int64_t k_default_output_estimate = 1024;

struct HttpAdapterOptions {
  std::string kind = "openai-compatible";  ///< first part of identity()
  std::string base_url;                    ///< e.g. "https://api.openai.com/v1" (no trailing '/')
  std::string model;
  std::string api_key;       ///< secret: sent as the dialect's auth header; never shown anywhere
  bool send_oracle = false;  ///< simulated engines only: X-Reasonbench-Oracle
  bool stream = true;
  SamplingParams defaults;  ///< where the Request leaves a parameter unset
  TokenLimitField token_limit_field = TokenLimitField::max_tokens;
  int max_retries = config::k_default_max_retries;
  http::Milliseconds connect_timeout = http::k_default_connect_timeout;
  http::Milliseconds idle_timeout = http::k_default_idle_timeout;  ///< also bounds a stream's first byte
  http::Milliseconds total_timeout = http::k_default_total_timeout;
  std::string ca_file;  ///< PEM certificates to trust for https; empty: the system's
  /// Request sent to first byte; negative: idle_timeout when streaming, else none (total bounds it).
  http::Milliseconds first_byte_timeout{-1};
  http::RetryOptions retry;
  std::uint64_t retry_seed = 0;  ///< jitter seed; 0: a random one
  double retry_budget = 0;       ///< retries per request started over the adapter's life; 0: unlimited
  http::Headers extra_headers;   ///< sent with every request (not part of identity)
  std::vector<std::string> secrets;  ///< redacted like api_key (header values from the environment)
  Prices prices;                 ///< for Sample::cost_usd
  std::size_t max_response_bytes = k_default_max_response_bytes;

  // The dialect and what shapes its bodies (WireOptions).
  Api api = Api::chat;
  bool stream_usage = true;
  std::string reasoning_effort;
  std::optional<std::int64_t> thinking_budget;
  std::string extra_params_json;
  int n = 1;
  std::vector<std::string> reasoning_fields = default_reasoning_fields();
  std::vector<TagPair> reasoning_tags;  ///< empty: the defaults
  http::RateLimits limits;
};

/// The samples of one request asked with n > 1 choices (start_choices).
using ChoicesCallback = std::function<void(std::expected<std::vector<Sample>, Error>)>;

class HttpAdapter : public Adapter {
 public:
  /// `client` runs the transfers (nullptr: HttpClient::shared()).
  HttpAdapter(HttpAdapterOptions options, std::shared_ptr<http::HttpClient> client);
  /// Cancels what is in flight (their callbacks run with ErrorKind::cancelled).
  ~HttpAdapter() override;
  HttpAdapter(const HttpAdapter&) = delete;
  HttpAdapter& operator=(const HttpAdapter&) = delete;

  /// "KIND:BASE_URL#MODEL", e.g. "openai-compatible:http://localhost:8000/v1#qwq".
  std::string identity() const override;
  std::string request_body(const Request& request) const override;
  void start(const Request& request, SampleCallback done) override;
  void cancel_all() override;
  AdapterStats stats() const override;

  /// Like start(), for an adapter built with n > 1: one request, one Sample per choice (usage
  /// shared evenly). Samples of one request are not independent draws on every server.
  void start_choices(const Request& request, ChoicesCallback done);

  const HttpAdapterOptions& options() const { return m_options; }
  /// The rate limiter; nullptr when the model has no limits.
  const http::RateLimiter* limiter() const { return m_limiter.get(); }

  struct Call;  ///< one request across its attempts (http_call.cpp)

 private:
  void begin(std::shared_ptr<Call> call);
  void attempt(const std::shared_ptr<Call>& call);
  void send(const std::shared_ptr<Call>& call);
  void attempt_done(const std::shared_ptr<Call>& call, http::HttpResult result);
  std::optional<Error> deliver(const std::shared_ptr<Call>& call, const http::HttpResult& result);
  void retry_or_fail(const std::shared_ptr<Call>& call, Error error, const http::HttpHead& head);
  void finish(const std::shared_ptr<Call>& call, std::expected<std::vector<Sample>, Error> result);
  void release(Call& call, int status, std::int64_t token_correction);
  http::HttpRequest http_request(const Call& call) const;
  /// Prompt tokens (estimated) plus the budget, for a tokens-per-minute limit.
  std::int64_t token_estimate(const Request& request) const;
  /// `text` with every secret replaced by "[redacted]" (servers may echo keys in error bodies).
  std::string redact(std::string text) const;

  HttpAdapterOptions m_options;
  std::shared_ptr<const ReasoningTags> m_tags;
  std::unique_ptr<Dialect> m_dialect;
  std::shared_ptr<http::HttpClient> m_client;
  http::GroupId m_group;
  std::string m_url;
  std::string m_host;
  http::RetryPolicy m_retry;  ///< used on the loop thread only
  http::RetryBudget m_budget;
  std::unique_ptr<http::RateLimiter> m_limiter;
  std::atomic<std::int64_t> m_started{0};
  std::atomic<std::int64_t> m_retries{0};
  std::atomic<std::int64_t> m_in_flight{0};
};

}  // namespace rb::adapters
