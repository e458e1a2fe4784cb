#pragma once
// Internal to adapters/: what each HTTP engine or API needs that the OpenAI default does not —
// its wire API, default base URL and key variable, budget field, where it puts the reasoning,
// and its usage quirks (docs/adapters.md lists them). One row per kind; the registry maps
// "KIND:..." specs to these rows.
#include <span>
#include <string_view>

#include "adapters/wire.hpp"

namespace rb::adapters {

struct Preset {
  std::string_view kind;
  std::string_view description;  ///< one line for `reasonbench models`
  std::string_view example;      ///< a spec that works
  Api api = Api::chat;
  std::string_view base_url;     ///< "" : the spec or base_url must give one
  std::string_view key_env;      ///< the variable read by default; "" : no key unless api_key_env
  bool key_required = false;     ///< a key must be set
  bool url_in_spec = true;       ///< the spec may be URL#MODEL
  TokenLimitField token_field = TokenLimitField::max_tokens;
  std::string_view reasoning_fields = "reasoning_content,reasoning";  ///< tried in this order
  std::string_view quirks;       ///< one line: usage and reasoning notes for the docs
  bool simulated = false;
};

/// Every HTTP kind, in the order `reasonbench models` prints them.
std::span<const Preset> presets();

/// The row for `kind`, or nullptr.
const Preset* find_preset(std::string_view kind);

}  // namespace rb::adapters
