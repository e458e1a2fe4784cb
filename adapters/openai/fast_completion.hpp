#pragma once
// Internal to adapters/openai: the fast path for a whole chat.completion body of the common
// shape (one choice, string content, usage with the usual counts), read without building a
// JSON document (nlohmann::json::parse was most of the CPU time of a non-streamed request).
// Anything else — several choices, content parts, an error, llama.cpp's timings, malformed
// JSON — says "fallback" and the general parser reads it.
#include <string>
#include <string_view>
#include <vector>

#include "adapters/openai/fast_chunk.hpp"
#include "adapters/wire.hpp"

namespace rb::adapters::openai::detail {

FastRead read_completion(std::string_view body, const std::vector<std::string>& reasoning_fields, WireResponse& out);

}  // namespace rb::adapters::openai::detail
