#pragma once
// The adapter registry: one explicit table of model-spec kinds (STYLE.md 5), printed by
// `reasonbench models`. A model spec is "KIND:REST", e.g. "openai:o3-mini",
// "deepseek:deepseek-reasoner", "anthropic:claude-sonnet-4-5", "vllm:http://host:8000/v1#Qwen",
// "ollama:qwq", "sim:r1-like", "cmd:python3 engine.py", "replay:generations.jsonl".
#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "adapters/budget_forcing.hpp"
#include "adapters/http_adapter.hpp"
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
/// spec is malformed, the kind unknown (with a suggestion), a required API key is missing from
/// the environment (naming the variable, never a value), or a model key does not fit the kind.
std::unique_ptr<Adapter> make_adapter(const config::ModelConfig& model);

/// The model's budget-forcing settings (force_* keys); inactive when none is set.
BudgetForcingOptions budget_forcing_options(const config::ModelConfig& model);

inline constexpr std::string_view k_openai_base_url = "https://api.openai.com/v1";
inline constexpr std::string_view k_openai_key_env = "OPENAI_API_KEY";
inline constexpr std::string_view k_sim_url_env = "REASONBENCH_SIM_URL";  ///< serve-sim's base URL
inline constexpr std::string_view k_default_sim_url = "http://127.0.0.1:8377/v1";

/// A model spec taken apart (ModelConfig::base_url already applied).
struct ModelSpec {
  std::string kind;      ///< "openai", "vllm", "sim", "cmd", "replay", ...
  std::string base_url;  ///< without a trailing '/'; "" for cmd and replay
  std::string model;     ///< the model name sent to the server; cmd: the command line; replay: the file
};

/// Parses `model.spec`. Throws ConfigError naming the model's label and spec.
ModelSpec parse_spec(const config::ModelConfig& model);

/// The HTTP adapter options `model` resolves to (HTTP kinds only), secrets read from the
/// environment or key file. Throws ConfigError like make_adapter. Tests adjust the result
/// (backoff, timeouts) before building.
HttpAdapterOptions http_options(const config::ModelConfig& model);
/// The same under its first name.
inline openai::ChatOptions chat_options(const config::ModelConfig& model)
{
  return http_options(model);
}

/// make_adapter on an explicit HTTP client (nullptr: the process-wide one).
std::unique_ptr<Adapter> make_adapter(const config::ModelConfig& model,
                                      std::shared_ptr<http::HttpClient> client);

}  // namespace rb::adapters
