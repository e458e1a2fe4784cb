#pragma once
// Private to adapters/sim: the dialects serve-sim speaks. Three APIs (OpenAI Chat Completions,
// OpenAI legacy Completions, Anthropic Messages) and, for the OpenAI ones, the flavors of the
// engines that serve them, chosen by a URL prefix (/vllm/v1/chat/completions): where field-style
// reasoning goes, what usage holds and where it comes in a stream, llama.cpp's timings object.
// Written from each engine's public API documentation (docs/serve-sim.md, "Dialects").
#include <optional>
#include <span>
#include <string_view>

namespace rb::sim::detail {

enum class SimApi { chat, completions, messages };

struct Flavor {
  std::string_view name;             ///< the URL prefix; "openai" is also served without one
  std::string_view reasoning_field;  ///< where field-style reasoning goes; "": <think> tags in the content
  bool usage_details = true;         ///< completion_tokens_details and prompt_tokens_details in usage
  bool deepseek_cache = false;       ///< prompt_cache_hit_tokens and prompt_cache_miss_tokens
  bool timings = false;              ///< llama.cpp's timings object next to usage
  bool usage_in_finish_chunk = false;  ///< streams: usage in the finish_reason chunk, no empty-choices chunk
  bool usage_always = false;         ///< streams carry usage even without stream_options.include_usage
  std::string_view fingerprint = "serve-sim";
};

std::span<const Flavor> flavors();
/// The flavor named `name`, or nullptr.
const Flavor* find_flavor(std::string_view name);
const Flavor& openai_flavor();

}  // namespace rb::sim::detail
