// http_options(): a ModelConfig resolved into HttpAdapterOptions: the preset's defaults, the
// model's keys over them, and the secrets (API key, header values) read from the environment or
// a key file. Secrets are named by their variable or file, never quoted.
#include <cmath>
#include <fstream>

#include "adapters/registry.hpp"
#include "adapters/registry_detail.hpp"
#include "harness/core/error.hpp"
#include "harness/util/strings.hpp"

namespace rb::adapters {

namespace {

http::Milliseconds seconds_to_ms(double seconds)
{
  return http::Milliseconds(seconds > 0 ? std::llround(seconds * 1000.0) : 0);
}

std::string model_error(const config::ModelConfig& model, const std::string& problem)
{
  return "model '" + detail::label_of(model) + "': " + problem;
}

/// The first line of `path`, trimmed. The content is never part of a message.
std::string read_key_file(const config::ModelConfig& model)
{
  std::ifstream in(model.api_key_file);
  if (!in) {
    throw ConfigError(model_error(model, "api_key_file '" + model.api_key_file + "' cannot be read"));
  }
  std::string line;
  std::getline(in, line);
  std::string key(util::trim(line));
  if (key.empty()) {
    throw ConfigError(model_error(model, "api_key_file '" + model.api_key_file + "' is empty"));
  }
  return key;
}

std::string read_key(const config::ModelConfig& model, const Preset& preset)
{
  if (!model.api_key_file.empty()) {
    return read_key_file(model);
  }
  if (model.api_key_env.empty() && !preset.key_required) {
    return "";
  }
  const std::string variable = model.api_key_env.empty() ? std::string(preset.key_env) : model.api_key_env;
  std::string key = detail::env_or(variable, "");
  if (key.empty()) {
    throw ConfigError(model_error(model, "environment variable " + variable + " is not set"));
  }
  return key;
}

/// `value` with each ${NAME} replaced by the variable's value; the values go to `secrets`.
std::string expand(const config::ModelConfig& model, const std::string& header, const std::string& value,
                   std::vector<std::string>& secrets)
{
  std::string out;
  std::size_t at = 0;
  while (true) {
    const std::size_t open = value.find("${", at);
    if (open == std::string::npos) {
      out += value.substr(at);
      return out;
    }
    const std::size_t close = value.find('}', open);
    const std::string name = value.substr(open + 2, close - open - 2);
    const std::string secret = detail::env_or(name, "");
    if (secret.empty()) {
      throw ConfigError(model_error(model, "header '" + header + "': environment variable " + name + " is not set"));
    }
    secrets.push_back(secret);
    out += value.substr(at, open - at) + secret;
    at = close + 1;
  }
}

std::vector<std::string> split_fields(std::string_view list)
{
  std::vector<std::string> fields;
  for (const std::string& field : util::split(list, ',')) {
    if (!field.empty()) {
      fields.push_back(field);
    }
  }
  return fields;
}

}  // namespace

HttpAdapterOptions http_options(const config::ModelConfig& model)
{
  const Preset& preset = detail::preset_for(model);
  const ModelSpec spec = parse_spec(model);
  HttpAdapterOptions o;
  o.kind = spec.kind;
  o.base_url = spec.base_url;
  o.model = spec.model;
  o.api = preset.api;
  if (!model.api.empty()) {
    const auto api = parse_api(model.api);
    if (!api) {
      throw ConfigError(model_error(model, "api '" + model.api + "' must be chat, completions or messages"));
    }
    o.api = *api;
  }
  if (model.thinking_budget && o.api != Api::messages) {
    throw ConfigError(model_error(model, "thinking_budget applies to Anthropic Messages (api = \"messages\"); "
                                         "for other servers set their parameter in [model.params]"));
  }
  if (!model.reasoning_effort.empty() && o.api != Api::chat) {
    throw ConfigError(model_error(model, "reasoning_effort applies to Chat Completions (api = \"chat\")"));
  }
  o.api_key = read_key(model, preset);
  o.send_oracle = preset.simulated;
  o.stream = model.stream;
  o.defaults = model.params;
  o.token_limit_field = preset.token_field;
  o.max_retries = model.max_retries;
  o.connect_timeout = seconds_to_ms(model.connect_timeout_s);
  o.idle_timeout = seconds_to_ms(model.idle_timeout_s);
  o.total_timeout = seconds_to_ms(model.request_timeout_s);
  if (!model.ca_file.empty()) {
    if (!std::ifstream(model.ca_file)) {
      throw ConfigError(model_error(model, "ca_file '" + model.ca_file + "' cannot be read"));
    }
    o.ca_file = model.ca_file;
  }
  if (model.first_byte_timeout_s) {
    o.first_byte_timeout = seconds_to_ms(*model.first_byte_timeout_s);
  }
  o.prices = model.prices;
  o.retry_budget = model.retry_budget;
  o.reasoning_effort = model.reasoning_effort;
  o.thinking_budget = model.thinking_budget;
  o.extra_params_json = model.params_json;
  o.reasoning_fields =
      split_fields(model.reasoning_field.empty() ? preset.reasoning_fields : std::string_view(model.reasoning_field));
  o.reasoning_tags = model.reasoning_tags;
  o.limits = http::RateLimits{model.requests_per_min, model.tokens_per_min, model.adaptive_concurrency};
  for (const auto& [name, value] : model.headers) {
    o.extra_headers.emplace_back(name, expand(model, name, value, o.secrets));
  }
  return o;
}

}  // namespace rb::adapters
