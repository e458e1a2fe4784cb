#pragma once
// The adapter registry: one explicit table of model-spec kinds (STYLE.md 5), printed by
// `reasonbench models`. A model spec is "KIND:REST", e.g. "openai:gpt-4o-mini",
// "openai-compatible:http://localhost:8000/v1#my-model", "sim:r1-like".
#include <memory>
#include <span>
#include <string_view>

#include "harness/config/config.hpp"
#include "harness/core/adapter.hpp"

namespace rb::adapters {

struct AdapterKind {
  std::string_view name;         ///< the part of the spec before the first ':'
  std::string_view description;  ///< one line
  std::string_view example;      ///< a spec that works
};

std::span<const AdapterKind> adapter_kinds();

/// True for specs served by serve-sim: every output names such models SIMULATED.
bool is_simulated(const config::ModelConfig& model);

/// Fills what the spec implies and the config left unset (prices of simulated models).
void apply_spec_defaults(config::ModelConfig& model);

/// Builds the adapter for a model. Throws ConfigError naming the model's label and spec when the
/// spec is malformed, the kind unknown (with a suggestion), or a required API key is missing
/// from the environment (naming the variable, never a value).
std::unique_ptr<Adapter> make_adapter(const config::ModelConfig& model);

}  // namespace rb::adapters
