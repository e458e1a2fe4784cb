#include "adapters/openai/fast_chunk.hpp"

#include <charconv>

namespace rb::adapters::openai::detail {

namespace {

bool read_delta(Cursor& c, const std::vector<std::string>& fields, FastChunk& out)
{
  return c.object([&](const RawString& key) {
    if (key.escaped) {
      return false;
    }
    if (key.raw == "content") {
      return c.string_or_null(out.content);  // an array of parts falls back
    }
    for (std::size_t i = 0; i < fields.size(); ++i) {
      if (key.raw == fields[i]) {
        RawString value;
        if (!c.string_or_null(value)) {
          return false;
        }
        if (value.present && !value.raw.empty() && !out.reasoning.present) {
          out.reasoning = value;
          out.reasoning_field = i;
        }
        return true;
      }
    }
    return c.skip_value(1);
  });
}

bool read_choices(Cursor& c, const std::vector<std::string>& fields, FastChunk& out)
{
  return c.array([&] {
    if (out.has_choice) {
      return false;  // several choices: the general parser
    }
    out.has_choice = true;
    return c.object([&](const RawString& key) {
      if (key.escaped) {
        return false;
      }
      if (key.raw == "index") {
        std::int64_t index = -1;
        return c.number(&index) && index == 0;
      }
      if (key.raw == "delta") {
        return read_delta(c, fields, out);
      }
      if (key.raw == "finish_reason") {
        return c.string_or_null(out.finish_reason);
      }
      return c.skip_value(1);
    });
  });
}

}  // namespace

FastRead read_chunk(std::string_view data, const std::vector<std::string>& reasoning_fields, FastChunk& out)
{
  Cursor c(data);
  const bool ok = c.object([&](const RawString& key) {
    if (key.escaped) {
      return false;
    }
    const std::string_view k = key.raw;
    if (k == "choices") {
      return c.peek('n') ? c.literal("null") : read_choices(c, reasoning_fields, out);
    }
    if (k == "id") {
      return c.string_or_null(out.id);
    }
    if (k == "model") {
      return c.string_or_null(out.model);
    }
    if (k == "system_fingerprint") {
      return c.string_or_null(out.system_fingerprint);
    }
    if (k == "created") {
      out.has_created = true;
      return c.number(&out.created);
    }
    if (k == "usage" || k == "error" || k == "timings") {
      return c.literal("null");  // anything but null: the general parser
    }
    return c.skip_value(1);
  });
  if (!ok || !c.at_end()) {
    return FastRead::fallback;
  }
  return FastRead::ok;
}

}  // namespace rb::adapters::openai::detail
