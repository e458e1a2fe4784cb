#pragma once
// The OpenAI legacy Completions wire format (POST /completions: a raw prompt, for base models
// that have no chat template), as OpenAI, vLLM, SGLang, llama.cpp, Ollama and serve-sim serve it.
// The prompt is the messages' contents joined by blank lines, with no template around them.
#include <expected>
#include <memory>
#include <string>
#include <string_view>

#include "adapters/wire.hpp"

namespace rb::adapters::openai {

/// The raw prompt for `messages`: their contents joined by "\n\n".
std::string raw_prompt(const std::vector<Message>& messages);

/// {"max_tokens", "model", "n", "prompt", "seed", "stream", "stream_options", "temperature",
/// "top_p"} plus the extra parameters; keys sorted.
std::string build_completions_body(const Request& request, const WireOptions& options);

/// A whole text_completion body: choices[i].text, finish_reason, usage.
std::expected<WireResponse, std::string> parse_text_completion(std::string_view body);

class CompletionsDialect : public Dialect {
 public:
  explicit CompletionsDialect(WireOptions options) : m_options(std::move(options)) {}
  std::string_view path() const override { return "/completions"; }
  std::string body(const Request& request) const override { return build_completions_body(request, m_options); }
  void add_headers(http::Headers& headers, const std::string& api_key) const override;
  std::unique_ptr<StreamDecoder> stream_decoder() const override;
  std::expected<WireResponse, std::string> parse(std::string_view body) const override
  {
    return parse_text_completion(body);
  }

 private:
  WireOptions m_options;
};

}  // namespace rb::adapters::openai
