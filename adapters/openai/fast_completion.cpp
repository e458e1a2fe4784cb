#include "adapters/openai/fast_completion.hpp"

#include "adapters/openai/json_fields.hpp"

namespace rb::adapters::openai::detail {

namespace {

/// A token count: integers (or floats, truncated); null is 0.
bool count(Cursor& c, std::int64_t& out)
{
  return c.peek('n') ? c.literal("null") : c.number(&out);
}

bool read_usage(Cursor& c, Usage& usage)
{
  usage.reported = true;
  std::int64_t top_reasoning = 0;
  std::int64_t cache_hits = 0;
  const bool ok = c.object([&](const RawString& key) {
    const std::string_view k = key.raw;
    if (k == "prompt_tokens") {
      return count(c, usage.prompt_tokens);
    }
    if (k == "completion_tokens") {
      return count(c, usage.completion_tokens);
    }
    if (k == "reasoning_tokens") {
      return count(c, top_reasoning);
    }
    if (k == "prompt_cache_hit_tokens") {
      return count(c, cache_hits);
    }
    if ((k == "completion_tokens_details" || k == "prompt_tokens_details") && c.peek('{')) {
      const bool completion = k == "completion_tokens_details";
      return c.object([&](const RawString& inner) {
        if (completion && inner.raw == "reasoning_tokens") {
          return count(c, usage.reasoning_tokens);
        }
        if (!completion && inner.raw == "cached_tokens") {
          return count(c, usage.cached_tokens);
        }
        return c.skip_value(2);
      });
    }
    return c.skip_value(1);
  });
  usage.reasoning_tokens = std::max(usage.reasoning_tokens, top_reasoning);
  if (usage.cached_tokens == 0) {
    usage.cached_tokens = cache_hits;
  }
  return ok;
}

struct Texts {
  RawString content;
  RawString reasoning;
  std::size_t reasoning_field = 0;
  RawString finish_reason;
};

bool read_message(Cursor& c, const std::vector<std::string>& fields, Texts& texts)
{
  return c.object([&](const RawString& key) {
    if (key.escaped) {
      return false;
    }
    if (key.raw == "content") {
      return c.string_or_null(texts.content);
    }
    for (std::size_t i = 0; i < fields.size(); ++i) {
      if (key.raw == fields[i]) {
        RawString value;
        if (!c.string_or_null(value)) {
          return false;
        }
        if (value.present && !value.raw.empty() && !texts.reasoning.present) {
          texts.reasoning = value;
          texts.reasoning_field = i;
        }
        return true;
      }
    }
    return c.skip_value(1);
  });
}

}  // namespace

FastRead read_completion(std::string_view body, const std::vector<std::string>& reasoning_fields, WireResponse& out)
{
  Cursor c(body);
  Texts texts;
  RawString id;
  RawString model;
  RawString fingerprint;
  int choices = 0;
  bool has_message = false;
  Usage usage;
  bool has_usage = false;
  const bool ok = c.object([&](const RawString& key) {
    if (key.escaped) {
      return false;
    }
    const std::string_view k = key.raw;
    if (k == "choices") {
      return c.array([&] {
        if (++choices > 1) {
          return false;  // several choices: the general parser
        }
        return c.object([&](const RawString& field) {
          if (field.raw == "index") {
            std::int64_t index = -1;
            return c.number(&index) && index == 0;
          }
          if (field.raw == "message") {
            has_message = true;
            return read_message(c, reasoning_fields, texts);
          }
          if (field.raw == "finish_reason") {
            return c.string_or_null(texts.finish_reason);
          }
          return c.skip_value(1);
        });
      });
    }
    if (k == "id") {
      return c.string_or_null(id);
    }
    if (k == "model") {
      return c.string_or_null(model);
    }
    if (k == "system_fingerprint") {
      return c.string_or_null(fingerprint);
    }
    if (k == "created") {
      return count(c, out.created);
    }
    if (k == "usage") {
      if (c.peek('n')) {
        return c.literal("null");
      }
      has_usage = true;
      return read_usage(c, usage);
    }
    if (k == "error" || k == "timings") {
      return c.literal("null");  // anything but null: the general parser
    }
    return c.skip_value(1);
  });
  if (!ok || !c.at_end() || choices != 1 || !has_message) {
    return FastRead::fallback;
  }
  if (!texts.content.append_to(out.content) || !texts.reasoning.append_to(out.reasoning) ||
      !id.append_to(out.id) || !model.append_to(out.model) || !fingerprint.append_to(out.system_fingerprint) ||
      !texts.finish_reason.append_to(out.finish_reason)) {
    return FastRead::fallback;
  }
  if (texts.reasoning.present && !out.reasoning.empty()) {
    out.reasoning_field = reasoning_fields[texts.reasoning_field];
  }
  out.finish_reason = normalise_finish(std::move(out.finish_reason));
  if (has_usage) {
    out.usage = usage;
  }
  return FastRead::ok;
}

}  // namespace rb::adapters::openai::detail
