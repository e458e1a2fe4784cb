#pragma once
// Internal to adapters/openai: a fast reader for the common shape of a chat.completion.chunk
// (one choice, index 0, a delta with content or a reasoning field, a finish_reason), without
// building a JSON document: the per-chunk cost of nlohmann::json::parse (~3 us) dominated the
// harness's CPU time on long streamed answers. Anything else (usage, timings, an error object,
// several choices, content parts, malformed JSON) is left to the general parser: the reader
// says "fallback" and has changed nothing.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "adapters/openai/fast_json.hpp"

namespace rb::adapters::openai::detail {

struct FastChunk {
  RawString id;
  RawString model;
  RawString system_fingerprint;
  std::int64_t created = 0;
  bool has_created = false;
  RawString content;
  RawString reasoning;
  std::size_t reasoning_field = 0;  ///< index into the reasoning field list, when present
  RawString finish_reason;
  bool has_choice = false;
};

enum class FastRead { ok, fallback };

/// Reads `data` (one SSE data payload) into `out`. `reasoning_fields` are the delta keys that
/// carry reasoning. On fallback `out` is meaningless. String escapes are not checked here: the
/// caller unescapes what it uses (append_unescaped) and falls back when that fails.
FastRead read_chunk(std::string_view data, const std::vector<std::string>& reasoning_fields, FastChunk& out);

}  // namespace rb::adapters::openai::detail
