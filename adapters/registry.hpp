#pragma once
// The adapter registry: one explicit table of model-spec kinds (STYLE.md 5), printed by
// `reasonbench models`. A model spec is "KIND:REST", e.g. "openai:gpt-4o-mini",
// "openai-compatible:http://localhost:8000/v1#my-model", "sim:r1-like".
#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "adapters/openai/chat_adapter.hpp"
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

inline constexpr std::string_view k_openai_base_url = "https://api.openai.com/v1";
inline constexpr std::string_view k_openai_key_env = "OPENAI_API_KEY";
inline constexpr std::string_view k_sim_url_env = "REASONBENCH_SIM_URL";  ///< serve-sim's base URL
inline constexpr std::string_view k_default_sim_url = "http://127.0.0.1:8377/v1";

/// A model spec taken apart (ModelConfig::base_url already applied).
struct ModelSpec {
  std::string kind;      ///< "openai", "openai-compatible", "sim"
  std::string base_url;  ///< without a trailing '/'
  std::string model;     ///< the model name sent to the server
};

/// Parses `model.spec`. Throws ConfigError naming the model's label and spec.
ModelSpec parse_spec(const config::ModelConfig& model);

/// The chat adapter options `model` resolves to, the API key read from the environment. Throws
/// ConfigError like make_adapter. Tests adjust the result (backoff, timeouts) before building.
openai::ChatOptions chat_options(const config::ModelConfig& model);

/// make_adapter on an explicit HTTP client (nullptr: the process-wide one).
std::unique_ptr<Adapter> make_adapter(const config::ModelConfig& model,
                                      std::shared_ptr<http::HttpClient> client);

}  // namespace rb::adapters
