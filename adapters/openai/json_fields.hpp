#pragma once
// Internal to adapters/ (includes nlohmann/json): lenient field readers for server JSON, which
// sends null, omits fields, or uses floats for counts depending on the engine; and the body
// helpers every dialect shares.
#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "adapters/wire.hpp"
#include "harness/core/sample.hpp"

namespace rb::adapters::openai::detail {

using Json = nlohmann::json;

/// obj[key] as text: a string, or the concatenated "text" of an array of content parts; else "".
std::string text_field(const Json& obj, std::string_view key);

/// obj[key] as an integer (integers or floats); else 0.
std::int64_t int_field(const Json& obj, std::string_view key);

/// A usage object, reported = true: prompt/completion tokens,
/// completion_tokens_details.reasoning_tokens, prompt_tokens_details.cached_tokens, DeepSeek's
/// prompt_cache_hit_tokens, and `reasoning_tokens` at the top level (some servers).
Usage parse_usage(const Json& usage);

/// llama.cpp's `timings` object fills what usage lacks (cache_n: cached prompt tokens;
/// predicted_n and prompt_n when no usage was sent at all).
void apply_timings(const Json& timings, std::optional<Usage>& usage);

/// The reasoning text of a message or delta from the first of `fields` that is non-empty;
/// `field` receives the name used.
std::string reasoning_field(const Json& obj, const std::vector<std::string>& fields, std::string& field);

/// Writes the sampling parameters every dialect shares: temperature, top_p, seed (when
/// `with_seed`) and the budget under `limit_key` (when `limit_key` is not empty). Request wins
/// over defaults; unset parameters are left out.
void put_sampling(Json& body, const Request& request, const WireOptions& options, std::string_view limit_key,
                  bool with_seed);

/// The budget the request asks for (request, else defaults), if any.
std::optional<std::int64_t> budget(const Request& request, const WireOptions& options);

/// Merges `extra_json` (a JSON object, possibly empty text) into `body`; keys already set win.
void merge_params(Json& body, std::string_view extra_json);

/// Normalised finish reasons: OpenAI's as sent; Anthropic's end_turn/stop_sequence -> "stop",
/// max_tokens -> "length"; TGI's eos_token -> "stop".
std::string normalise_finish(std::string reason);

}  // namespace rb::adapters::openai::detail
