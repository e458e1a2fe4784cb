#include "adapters/registry.hpp"

#include <cstdlib>
#include <string>
#include <vector>

#include "adapters/budget_forcing.hpp"
#include "adapters/cmd_adapter.hpp"
#include "adapters/presets.hpp"
#include "adapters/registry_detail.hpp"
#include "adapters/replay_adapter.hpp"
#include "adapters/sim/scenario.hpp"
#include "harness/core/error.hpp"
#include "harness/util/strings.hpp"

namespace rb::adapters {

namespace {

enum class Family { http, cmd, replay };

struct KindRow {
  AdapterKind kind;
  const Preset* preset;  ///< HTTP kinds only
  Family family;
};

const std::vector<KindRow>& rows()
{
  static const std::vector<KindRow> table = [] {
    std::vector<KindRow> out;
    for (const Preset& preset : presets()) {
      out.push_back({{preset.kind, preset.description, preset.example}, &preset, Family::http});
    }
    out.push_back({{"cmd", "a local program: one process per request, or a JSON-lines worker (worker = true)",
                    "cmd:python3 my_engine.py --model m"},
                   nullptr,
                   Family::cmd});
    out.push_back({{"replay", "recorded generations from a JSON Lines file (grade-only runs, demos, re-scoring)",
                    "replay:generations.jsonl"},
                   nullptr,
                   Family::replay});
    return out;
  }();
  return table;
}

const std::vector<AdapterKind>& kinds()
{
  static const std::vector<AdapterKind> table = [] {
    std::vector<AdapterKind> out;
    for (const KindRow& row : rows()) {
      out.push_back(row.kind);
    }
    return out;
  }();
  return table;
}

std::vector<std::string> kind_names()
{
  std::vector<std::string> names;
  for (const KindRow& row : rows()) {
    names.emplace_back(row.kind.name);
  }
  return names;
}

const KindRow& row_for(const config::ModelConfig& model)
{
  const std::vector<std::string> names = kind_names();
  const std::string known = " (kinds: " + util::join(names, ", ") + ")";
  const std::size_t colon = model.spec.find(':');
  if (colon == std::string::npos || colon == 0) {
    throw ConfigError(detail::where(model) + "expected KIND:NAME" + util::did_you_mean(model.spec, names) + known);
  }
  const std::string kind = model.spec.substr(0, colon);
  for (const KindRow& row : rows()) {
    if (row.kind.name == kind) {
      return row;
    }
  }
  throw ConfigError(detail::where(model) + "unknown kind '" + kind + "'" + util::did_you_mean(kind, names) + known);
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

/// Fills spec.base_url and spec.model from the text after "KIND:"; "" or why it is malformed.
std::string parse_http(const Preset& preset, std::string_view rest, const config::ModelConfig& model, ModelSpec& spec)
{
  const std::string kind(preset.kind);
  if (preset.simulated) {
    if (!split_url_model(rest, spec)) {
      spec.base_url = detail::env_or(k_sim_url_env, k_default_sim_url);
      spec.model = rest;
    }
    return "";
  }
  if (!preset.url_in_spec) {
    if (rest.empty() || rest.find('#') != std::string_view::npos) {
      return "expected " + kind + ":MODEL" +
             (kind == "openai" ? " (other servers: openai-compatible:BASE_URL#MODEL)" : "");
    }
    spec.base_url = preset.base_url;
    spec.model = rest;
    return "";
  }
  if (split_url_model(rest, spec)) {
    return "";
  }
  const bool url_only = rest.starts_with("http://") || rest.starts_with("https://");
  if (url_only || (preset.base_url.empty() && model.base_url.empty())) {
    return "expected " + kind + ":BASE_URL#MODEL, e.g. " + std::string(preset.example);
  }
  spec.base_url = preset.base_url;
  spec.model = rest;  // the base URL comes from the preset or the model's base_url
  return "";
}

}  // namespace

namespace detail {

std::string env_or(std::string_view name, std::string_view fallback)
{
  const char* value = std::getenv(std::string(name).c_str());
  return value != nullptr && *value != '\0' ? std::string(value) : std::string(fallback);
}

std::string label_of(const config::ModelConfig& model)
{
  return model.label.empty() ? model.spec : model.label;
}

std::string where(const config::ModelConfig& model)
{
  return "model '" + label_of(model) + "': spec '" + model.spec + "': ";
}

const Preset& preset_for(const config::ModelConfig& model)
{
  const KindRow& row = row_for(model);
  if (row.preset == nullptr) {
    throw ConfigError(where(model) + "'" + std::string(row.kind.name) + ":' models are not served over HTTP");
  }
  return *row.preset;
}

}  // namespace detail

BudgetForcingOptions budget_forcing_options(const config::ModelConfig& model)
{
  BudgetForcingOptions o;
  o.min_thinking = model.force_min_thinking;
  o.max_waits = model.force_max_waits;
  o.max_thinking = model.force_max_thinking;
  o.answer_tokens = model.force_answer_tokens;
  o.wait_text = model.force_wait_text;
  o.prefix = model.force_prefix;
  o.suffix = model.force_suffix;
  o.think_open = model.force_think_open;
  o.think_close = model.force_think_close;
  return o;
}

std::span<const AdapterKind> adapter_kinds()
{
  return kinds();
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
  const std::string_view rest = std::string_view(model.spec).substr(spec.kind.size() + 1);
  if (row.family != Family::http) {
    spec.model = std::string(util::trim(rest));
    if (spec.model.empty()) {
      throw ConfigError(detail::where(model) + (row.family == Family::cmd ? "the command is empty" : "the file name is empty"));
    }
    return spec;
  }
  if (const std::string problem = parse_http(*row.preset, rest, model, spec); !problem.empty()) {
    throw ConfigError(detail::where(model) + problem);
  }
  if (!model.base_url.empty()) {
    spec.base_url = model.base_url;
  }
  while (spec.base_url.ends_with('/')) {
    spec.base_url.pop_back();
  }
  if (spec.model.empty()) {
    throw ConfigError(detail::where(model) + "the model name is empty");
  }
  if (!spec.base_url.starts_with("http://") && !spec.base_url.starts_with("https://")) {
    throw ConfigError(detail::where(model) + "base URL '" + spec.base_url + "' must start with http:// or https://");
  }
  return spec;
}

void apply_spec_defaults(config::ModelConfig& model)
{
  if (!is_simulated(model) || model.prices.known()) {
    return;
  }
  ModelSpec spec;
  if (!parse_http(*find_preset("sim"), std::string_view(model.spec).substr(4), model, spec).empty()) {
    return;
  }
  if (const sim::SimModel* sim_model = sim::find_model(sim::default_scenario(), spec.model)) {
    model.prices = sim_model->prices;
  }
}

std::unique_ptr<Adapter> make_adapter(const config::ModelConfig& model, std::shared_ptr<http::HttpClient> client)
{
  const KindRow& row = row_for(model);
  if (row.family != Family::cmd && model.worker) {
    throw ConfigError(detail::where(model) + "worker = true applies to cmd: models only");
  }
  switch (row.family) {
    case Family::cmd:
      return make_cmd_adapter(model, parse_spec(model));
    case Family::replay:
      return make_replay_adapter(model, parse_spec(model));
    case Family::http:
      break;
  }
  auto adapter = std::make_unique<HttpAdapter>(http_options(model), std::move(client));
  const BudgetForcingOptions forcing = budget_forcing_options(model);
  if (!forcing.active()) {
    return adapter;
  }
  if (model.api != "completions") {
    throw ConfigError(detail::where(model) + "budget forcing (force_min_thinking, force_max_waits, force_max_thinking) "
                      "edits the raw prompt: set api = \"completions\"");
  }
  return make_budget_forcing_adapter(std::move(adapter), forcing);
}

std::unique_ptr<Adapter> make_adapter(const config::ModelConfig& model)
{
  return make_adapter(model, nullptr);
}

}  // namespace rb::adapters
