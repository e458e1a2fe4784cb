#include "adapters/registry.hpp"

#include <array>
#include <cmath>
#include <cstdlib>
#include <string>
#include <vector>

#include "adapters/sim/scenario.hpp"
#include "harness/core/error.hpp"
#include "harness/util/strings.hpp"

namespace rb::adapters {

namespace {

/// Fills spec.base_url and spec.model from the text after "KIND:"; "" or a reason it is malformed.
using SpecParser = std::string (*)(std::string_view rest, const config::ModelConfig& model, ModelSpec& spec);

struct KindRow {
  AdapterKind kind;
  SpecParser parse;
  bool key_required;  ///< an API key must be set even without api_key_env
  bool simulated;
};

std::string env_or(std::string_view name, std::string_view fallback)
{
  const char* value = std::getenv(std::string(name).c_str());
  return value != nullptr && *value != '\0' ? std::string(value) : std::string(fallback);
}

/// "BASE_URL#MODEL" into its parts; false without '#'.
bool split_url_model(std::string_view rest, ModelSpec& spec)
{
  const std::size_t hash = rest.rfind('#');
  if (hash == std::string_view::npos) {
    return false;
  }
  spec.base_url = std::string(rest.substr(0, hash));
  spec.model = std::string(rest.substr(hash + 1));
  return true;
}

std::string parse_openai(std::string_view rest, const config::ModelConfig&, ModelSpec& spec)
{
  if (rest.empty() || rest.find('#') != std::string_view::npos) {
    return "expected openai:MODEL (other servers: openai-compatible:BASE_URL#MODEL)";
  }
  spec.base_url = k_openai_base_url;
  spec.model = rest;
  return "";
}

std::string parse_compatible(std::string_view rest, const config::ModelConfig& model, ModelSpec& spec)
{
  if (!split_url_model(rest, spec)) {
    if (model.base_url.empty()) {
      return "expected openai-compatible:BASE_URL#MODEL, e.g. openai-compatible:http://localhost:8000/v1#qwq";
    }
    spec.model = rest;  // the base URL comes from the model's base_url
  }
  return "";
}

std::string parse_sim(std::string_view rest, const config::ModelConfig&, ModelSpec& spec)
{
  if (!split_url_model(rest, spec)) {
    spec.base_url = env_or(k_sim_url_env, k_default_sim_url);
    spec.model = rest;
  }
  return "";
}

constexpr std::array<KindRow, 3> k_rows{{
    {{"openai", "OpenAI Chat Completions; key from OPENAI_API_KEY (or api_key_env)", "openai:gpt-4o-mini"},
     &parse_openai,
     true,
     false},
    {{"openai-compatible", "any OpenAI-compatible server (vLLM, SGLang, llama.cpp, Ollama, DeepSeek)",
      "openai-compatible:http://localhost:8000/v1#DeepSeek-R1-Distill-Qwen-7B"},
     &parse_compatible,
     false,
     false},
    {{"sim", "a SIMULATED model served by `reasonbench serve-sim` (REASONBENCH_SIM_URL, default :8377)",
      "sim:r1-like"},
     &parse_sim,
     false,
     true},
}};

constexpr std::array<AdapterKind, k_rows.size()> k_kinds = [] {
  std::array<AdapterKind, k_rows.size()> kinds{};
  for (std::size_t i = 0; i < k_rows.size(); ++i) {
    kinds[i] = k_rows[i].kind;
  }
  return kinds;
}();

std::vector<std::string> kind_names()
{
  std::vector<std::string> names;
  for (const KindRow& row : k_rows) {
    names.emplace_back(row.kind.name);
  }
  return names;
}

std::string where(const config::ModelConfig& model)
{
  return "model '" + (model.label.empty() ? model.spec : model.label) + "': spec '" + model.spec + "': ";
}

const KindRow& row_for(const config::ModelConfig& model)
{
  const std::vector<std::string> names = kind_names();
  const std::string known = " (kinds: " + util::join(names, ", ") + ")";
  const std::size_t colon = model.spec.find(':');
  if (colon == std::string::npos || colon == 0) {
    throw ConfigError(where(model) + "expected KIND:NAME" + util::did_you_mean(model.spec, names) + known);
  }
  const std::string kind = model.spec.substr(0, colon);
  for (const KindRow& row : k_rows) {
    if (row.kind.name == kind) {
      return row;
    }
  }
  throw ConfigError(where(model) + "unknown kind '" + kind + "'" + util::did_you_mean(kind, names) + known);
}

http::Milliseconds seconds_to_ms(double seconds)
{
  return http::Milliseconds(seconds > 0 ? std::llround(seconds * 1000.0) : 0);
}

}  // namespace

std::span<const AdapterKind> adapter_kinds()
{
  return k_kinds;
}

bool is_simulated(const config::ModelConfig& model)
{
  return model.spec.starts_with("sim:");
}

ModelSpec parse_spec(const config::ModelConfig& model)
{
  const KindRow& row = row_for(model);
  ModelSpec spec;
  spec.kind = row.kind.name;
  if (const std::string problem = row.parse(model.spec.substr(spec.kind.size() + 1), model, spec);
      !problem.empty()) {
    throw ConfigError(where(model) + problem);
  }
  if (!model.base_url.empty()) {
    spec.base_url = model.base_url;
  }
  while (spec.base_url.ends_with('/')) {
    spec.base_url.pop_back();
  }
  if (spec.model.empty()) {
    throw ConfigError(where(model) + "the model name is empty");
  }
  if (!spec.base_url.starts_with("http://") && !spec.base_url.starts_with("https://")) {
    throw ConfigError(where(model) + "base URL '" + spec.base_url + "' must start with http:// or https://");
  }
  return spec;
}

void apply_spec_defaults(config::ModelConfig& model)
{
  if (!is_simulated(model) || model.prices.known()) {
    return;
  }
  ModelSpec spec;
  if (!parse_sim(std::string_view(model.spec).substr(4), model, spec).empty()) {
    return;
  }
  if (const sim::SimModel* sim_model = sim::find_model(sim::default_scenario(), spec.model)) {
    model.prices = sim_model->prices;
  }
}

openai::ChatOptions chat_options(const config::ModelConfig& model)
{
  const KindRow& row = row_for(model);
  const ModelSpec spec = parse_spec(model);
  openai::ChatOptions options;
  options.kind = spec.kind;
  options.base_url = spec.base_url;
  options.model = spec.model;
  if (!model.api_key_env.empty() || row.key_required) {
    const std::string variable =
        model.api_key_env.empty() ? std::string(k_openai_key_env) : model.api_key_env;
    options.api_key = env_or(variable, "");
    if (options.api_key.empty()) {
      const std::string label = model.label.empty() ? model.spec : model.label;
      throw ConfigError("model '" + label + "': environment variable " + variable + " is not set");
    }
  }
  options.send_oracle = row.simulated;
  options.stream = model.stream;
  options.defaults = model.params;
  options.token_limit_field = spec.kind == "openai" ? openai::TokenLimitField::max_completion_tokens
                                                    : openai::TokenLimitField::max_tokens;
  options.max_retries = model.max_retries;
  options.connect_timeout = seconds_to_ms(model.connect_timeout_s);
  options.idle_timeout = seconds_to_ms(model.idle_timeout_s);
  options.total_timeout = seconds_to_ms(model.request_timeout_s);
  options.prices = model.prices;
  return options;
}

std::unique_ptr<Adapter> make_adapter(const config::ModelConfig& model,
                                      std::shared_ptr<http::HttpClient> client)
{
  return std::make_unique<openai::ChatAdapter>(chat_options(model), std::move(client));
}

std::unique_ptr<Adapter> make_adapter(const config::ModelConfig& model)
{
  return make_adapter(model, nullptr);
}

}  // namespace rb::adapters
