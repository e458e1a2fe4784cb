#include "adapters/openai/completions_wire.hpp"

#include "adapters/openai/chat_wire.hpp"
#include "adapters/openai/json_fields.hpp"
#include "harness/util/strings.hpp"

namespace rb::adapters::openai {

using detail::Json;

namespace {

constexpr std::size_t k_chunk_excerpt_chars = 80;

/// Streamed text_completion chunks: choices[i].text deltas, usage in a final chunk.
class CompletionsStream : public StreamDecoder {
 public:
  explicit CompletionsStream(WireOptions options) : m_options(std::move(options)), m_timer(m_options.tags.get()) {}

  std::expected<void, std::string> feed(std::string_view, std::string_view data, double elapsed_ms) override
  {
    if (util::trim(data) == "[DONE]") {
      m_done = true;
      return {};
    }
    const Json chunk = Json::parse(data, nullptr, false);
    if (chunk.is_discarded() || !chunk.is_object()) {
      return std::unexpected("malformed stream chunk: " + util::shorten(data, k_chunk_excerpt_chars));
    }
    if (const auto error = chunk.find("error"); error != chunk.end() && !error->is_null()) {
      return std::unexpected("error in the stream: " + error_message(data, k_server_message_chars));
    }
    ++m_chunks;
    if (m_response.id.empty()) {
      m_response.id = detail::text_field(chunk, "id");
      m_response.created = detail::int_field(chunk, "created");
      m_response.model = detail::text_field(chunk, "model");
    }
    if (const auto choices = chunk.find("choices"); choices != chunk.end() && choices->is_array()) {
      for (const Json& choice : *choices) {
        const std::int64_t index = detail::int_field(choice, "index");
        const std::string text = detail::text_field(choice, "text");
        std::string reason = detail::normalise_finish(detail::text_field(choice, "finish_reason"));
        if (index > 0 && index < m_options.n) {
          if (m_response.more_choices.size() < static_cast<std::size_t>(index)) {
            m_response.more_choices.resize(static_cast<std::size_t>(index));
          }
          auto& more = m_response.more_choices[static_cast<std::size_t>(index - 1)];
          more.content += text;
          more.finish_reason = reason.empty() ? more.finish_reason : reason;
          continue;
        }
        if (index != 0) {
          continue;
        }
        if (!text.empty()) {
          const std::size_t old_size = m_response.content.size();
          m_response.content += text;
          m_timer.on_text(m_response.content, old_size, elapsed_ms);
          m_ttft_ms = m_ttft_ms < 0 ? elapsed_ms : m_ttft_ms;
        }
        if (!reason.empty()) {
          m_response.finish_reason = std::move(reason);
        }
      }
    }
    if (const auto usage = chunk.find("usage"); usage != chunk.end() && usage->is_object()) {
      m_response.usage = detail::parse_usage(*usage);
      m_usage_json = usage->dump();
    }
    if (const auto timings = chunk.find("timings"); timings != chunk.end() && timings->is_object()) {
      m_response.timings_json = timings->dump();
      detail::apply_timings(*timings, m_response.usage);
    }
    return {};
  }

  bool complete() const override { return m_done || !m_response.finish_reason.empty(); }
  std::int64_t chunks() const override { return m_chunks; }
  double ttft_ms() const override { return m_ttft_ms; }
  double first_answer_ms() const override { return m_timer.first_answer_ms(); }
  const WireResponse& response() const override { return m_response; }

  std::string reassembled_json() const override
  {
    const auto finish_of = [](const std::string& r) { return r.empty() ? Json(nullptr) : Json(r); };
    Json choices = Json::array();
    choices.push_back(Json{{"index", 0}, {"text", m_response.content}, {"finish_reason", finish_of(m_response.finish_reason)}});
    for (std::size_t i = 0; i < m_response.more_choices.size(); ++i) {
      const auto& more = m_response.more_choices[i];
      choices.push_back(Json{{"index", i + 1}, {"text", more.content}, {"finish_reason", finish_of(more.finish_reason)}});
    }
    Json out{{"id", m_response.id},          {"object", "text_completion"}, {"created", m_response.created},
             {"model", m_response.model},    {"choices", std::move(choices)}, {"stream", true},
             {"chunks", m_chunks}};
    if (!m_usage_json.empty()) {
      out["usage"] = Json::parse(m_usage_json);
    }
    if (!m_response.timings_json.empty()) {
      out["timings"] = Json::parse(m_response.timings_json);
    }
    return out.dump();
  }

 private:
  WireOptions m_options;
  WireResponse m_response;
  std::string m_usage_json;
  bool m_done = false;
  std::int64_t m_chunks = 0;
  double m_ttft_ms = -1;
  AnswerTimer m_timer;
};

}  // namespace

std::string raw_prompt(const std::vector<Message>& messages)
{
  std::string prompt;
  for (const Message& message : messages) {
    if (!prompt.empty()) {
      prompt += "\n\n";
    }
    prompt += message.content;
  }
  return prompt;
}

std::string build_completions_body(const Request& request, const WireOptions& options)
{
  Json body = Json::object();
  body["model"] = options.model;
  body["prompt"] = raw_prompt(request.messages);
  body["stream"] = options.stream;
  if (options.stream && options.stream_usage) {
    body["stream_options"] = Json{{"include_usage", true}};
  }
  detail::put_sampling(body, request, options, "max_tokens", true);
  if (options.n > 1) {
    body["n"] = options.n;
  }
  detail::merge_params(body, options.extra_params_json);
  return body.dump();
}

std::expected<WireResponse, std::string> parse_text_completion(std::string_view body)
{
  const Json json = Json::parse(body, nullptr, false);
  if (json.is_discarded() || !json.is_object()) {
    return std::unexpected("the response body is not a JSON object");
  }
  const auto choices = json.find("choices");
  if (choices == json.end() || !choices->is_array() || choices->empty() || !choices->front().is_object()) {
    if (json.contains("error")) {
      return std::unexpected("error in a successful response: " + error_message(body, k_server_message_chars));
    }
    return std::unexpected("the response has no choices");
  }
  WireResponse out;
  out.id = detail::text_field(json, "id");
  out.model = detail::text_field(json, "model");
  out.created = detail::int_field(json, "created");
  out.system_fingerprint = detail::text_field(json, "system_fingerprint");
  out.content = detail::text_field(choices->front(), "text");
  out.finish_reason = detail::normalise_finish(detail::text_field(choices->front(), "finish_reason"));
  for (std::size_t i = 1; i < choices->size(); ++i) {
    const Json& choice = (*choices)[i];
    out.more_choices.push_back(WireChoice{detail::text_field(choice, "text"), "",
                                          detail::normalise_finish(detail::text_field(choice, "finish_reason"))});
  }
  if (const auto usage = json.find("usage"); usage != json.end() && usage->is_object()) {
    out.usage = detail::parse_usage(*usage);
  }
  if (const auto timings = json.find("timings"); timings != json.end() && timings->is_object()) {
    out.timings_json = timings->dump();
    detail::apply_timings(*timings, out.usage);
  }
  return out;
}

void CompletionsDialect::add_headers(http::Headers& headers, const std::string& api_key) const
{
  if (!api_key.empty()) {
    headers.emplace_back("Authorization", "Bearer " + api_key);
  }
}

std::unique_ptr<StreamDecoder> CompletionsDialect::stream_decoder() const
{
  return std::make_unique<CompletionsStream>(m_options);
}

}  // namespace rb::adapters::openai
