#pragma once
// Internal to adapters/: helpers the registry's files share.
#include <string>
#include <string_view>

#include "adapters/presets.hpp"
#include "harness/config/config.hpp"

namespace rb::adapters::detail {

/// The environment variable's value, or `fallback` when unset or empty.
std::string env_or(std::string_view name, std::string_view fallback);
/// The model's label, or its spec when it has none.
std::string label_of(const config::ModelConfig& model);
/// "model 'LABEL': spec 'SPEC': " for messages.
std::string where(const config::ModelConfig& model);
/// The preset of an HTTP model. Throws ConfigError for other kinds.
const Preset& preset_for(const config::ModelConfig& model);

}  // namespace rb::adapters::detail
