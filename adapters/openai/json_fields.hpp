#pragma once
// Internal to adapters/openai (includes nlohmann/json): lenient field readers for server JSON,
// which sends null, omits fields, or uses floats for counts depending on the engine.
#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <string_view>

#include "harness/core/sample.hpp"

namespace rb::adapters::openai::detail {

using Json = nlohmann::json;

/// obj[key] as text: a string, or the concatenated "text" of an array of content parts; else "".
std::string text_field(const Json& obj, std::string_view key);

/// obj[key] as an integer (integers or floats); else 0.
std::int64_t int_field(const Json& obj, std::string_view key);

/// A usage object: prompt/completion tokens, completion_tokens_details.reasoning_tokens,
/// prompt_tokens_details.cached_tokens. reported = true.
Usage parse_usage(const Json& usage);

/// The reasoning text of a message or delta: reasoning_content (DeepSeek, vLLM) or reasoning
/// (OpenRouter, Ollama, newer vLLM). `field` receives the name used.
std::string reasoning_field(const Json& obj, std::string& field);

}  // namespace rb::adapters::openai::detail
