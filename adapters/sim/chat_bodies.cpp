// Chat Completions and legacy Completions bodies and stream events, in each engine's flavor.
#include <cmath>

#include "adapters/sim/wire_json.hpp"

namespace rb::sim::detail {

namespace {

/// The usage object; legacy completions (`text`) report the three totals only.
Json usage_json(const ResponseMeta& meta, const Completion& completion, bool text)
{
  const Flavor& flavor = *meta.flavor;
  Json usage{{"prompt_tokens", meta.prompt_tokens},
             {"completion_tokens", completion.total_tokens()},
             {"total_tokens", meta.prompt_tokens + completion.total_tokens()}};
  if (text) {
    return usage;
  }
  if (flavor.usage_details || flavor.deepseek_cache) {
    usage["completion_tokens_details"] = {{"reasoning_tokens", completion.reasoning_tokens}};
  }
  if (flavor.usage_details) {
    usage["prompt_tokens_details"] = {{"cached_tokens", 0}};
  }
  if (flavor.deepseek_cache) {
    usage["prompt_cache_hit_tokens"] = 0;
    usage["prompt_cache_miss_tokens"] = meta.prompt_tokens;
  }
  return usage;
}

/// llama.cpp's timings object, from the model's pacing (deterministic).
Json timings_json(const ResponseMeta& meta, const Completion& completion)
{
  const auto predicted = static_cast<double>(completion.total_tokens());
  const double predicted_ms = meta.tokens_per_s > 0 ? 1000.0 * predicted / meta.tokens_per_s : 0;
  const auto prompt = static_cast<double>(meta.prompt_tokens);
  return Json{{"cache_n", 0},
              {"prompt_n", meta.prompt_tokens},
              {"prompt_ms", meta.ttft_ms},
              {"prompt_per_token_ms", prompt > 0 ? meta.ttft_ms / prompt : 0},
              {"prompt_per_second", meta.ttft_ms > 0 ? 1000.0 * prompt / meta.ttft_ms : 0},
              {"predicted_n", completion.total_tokens()},
              {"predicted_ms", predicted_ms},
              {"predicted_per_token_ms", predicted > 0 ? predicted_ms / predicted : 0},
              {"predicted_per_second", meta.tokens_per_s}};
}

Json envelope(const ResponseMeta& meta, std::string_view object)
{
  Json out{{"id", meta.id}, {"object", object}, {"created", k_created}, {"model", meta.model}};
  if (!meta.flavor->fingerprint.empty() && object != "text_completion") {
    out["system_fingerprint"] = meta.flavor->fingerprint;
  }
  return out;
}

void add_usage(Json& body, const ResponseMeta& meta, const Completion& completion, bool text = false)
{
  body["usage"] = usage_json(meta, completion, text);
  if (meta.flavor->timings) {
    body["timings"] = timings_json(meta, completion);
  }
}

}  // namespace

std::string completion_body(const ResponseMeta& meta, const SimModel& model, const Completion& completion)
{
  const RenderedText text = render(model, completion);
  Json message = {{"role", "assistant"}, {"content", text.content}};
  if (model.reasoning == ReasoningStyle::field) {
    message[std::string(meta.flavor->reasoning_field)] = text.reasoning_content;
  }
  Json body = envelope(meta, "chat.completion");
  body["choices"] = Json::array(
      {Json{{"index", 0}, {"message", std::move(message)}, {"finish_reason", finish_reason(completion)}}});
  add_usage(body, meta, completion);
  return dump(body);
}

std::string chunk_event(const ResponseMeta& meta, const Completion& completion, const Piece& piece,
                        bool first, bool last, bool usage)
{
  Json delta = Json::object();
  if (first) {
    delta["role"] = "assistant";
  }
  delta[piece.reasoning_field ? std::string(meta.flavor->reasoning_field) : std::string("content")] = piece.text;
  Json body = envelope(meta, "chat.completion.chunk");
  body["choices"] = Json::array({Json{{"index", 0},
                                      {"delta", std::move(delta)},
                                      {"finish_reason", last ? Json(finish_reason(completion)) : Json()}}});
  if (last && usage) {
    add_usage(body, meta, completion);
  }
  return "data: " + dump(body) + "\n\n";
}

std::string usage_event(const ResponseMeta& meta, const Completion& completion)
{
  Json body = envelope(meta, "chat.completion.chunk");
  body["choices"] = Json::array();
  add_usage(body, meta, completion);
  return "data: " + dump(body) + "\n\n";
}

std::string text_completion_body(const ResponseMeta& meta, const SimModel& model, const Completion& completion)
{
  Json body = envelope(meta, "text_completion");
  body["choices"] = Json::array({Json{{"text", render(model, completion).content},
                                      {"index", 0},
                                      {"logprobs", nullptr},
                                      {"finish_reason", finish_reason(completion)}}});
  add_usage(body, meta, completion, true);
  return dump(body);
}

std::string text_chunk_event(const ResponseMeta& meta, const Completion& completion, const Piece& piece,
                             bool last, bool usage)
{
  Json body = envelope(meta, "text_completion");
  body["choices"] = Json::array({Json{{"text", piece.text},
                                      {"index", 0},
                                      {"logprobs", nullptr},
                                      {"finish_reason", last ? Json(finish_reason(completion)) : Json()}}});
  if (last && usage) {
    add_usage(body, meta, completion, true);
  }
  return "data: " + dump(body) + "\n\n";
}

std::string text_usage_event(const ResponseMeta& meta, const Completion& completion)
{
  Json body = envelope(meta, "text_completion");
  body["choices"] = Json::array();
  add_usage(body, meta, completion, true);
  return "data: " + dump(body) + "\n\n";
}

}  // namespace rb::sim::detail
