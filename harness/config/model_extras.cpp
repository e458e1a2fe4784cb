#include "harness/config/model_extras.hpp"

#include <algorithm>
#include <array>

#include "harness/config/schema.hpp"
#include "harness/core/error.hpp"
#include "harness/util/strings.hpp"

namespace rb::config {
namespace {

using Json = nlohmann::ordered_json;

/// Body keys the harness writes itself; the ones with a model key of their own say which.
constexpr std::array<std::pair<std::string_view, std::string_view>, 16> k_reserved_params{{
    {"model", ""},
    {"messages", ""},
    {"prompt", ""},
    {"system", ""},
    {"stream", "stream"},
    {"stream_options", ""},
    {"temperature", "temperature"},
    {"top_p", "top_p"},
    {"max_tokens", "max_tokens"},
    {"max_completion_tokens", "max_tokens"},
    {"seed", ""},
    {"reasoning_effort", "reasoning_effort"},
    {"thinking", "thinking_budget"},
    {"n", ""},
    {"api_key", ""},
    {"key", ""},
}};

/// Headers the transport writes; a second copy would confuse servers.
constexpr std::array<std::string_view, 6> k_transport_headers{"host",       "content-length", "transfer-encoding",
                                                              "connection", "content-type",   "expect"};

/// Names whose value is a credential even if looks_like_secret_key does not say so.
constexpr std::array<std::string_view, 3> k_credential_headers{"cookie", "proxy-authorization", "x-goog-api-key"};

bool is_env_name(std::string_view name)
{
  if (name.empty() || (name[0] >= '0' && name[0] <= '9')) {
    return false;
  }
  return std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

bool is_token(std::string_view name)
{
  constexpr std::string_view k_extra = "!#$%&'*+-.^_`|~";
  return !name.empty() && std::all_of(name.begin(), name.end(), [&](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
           k_extra.find(c) != std::string_view::npos;
  });
}

/// True when every "${" in `value` starts a well-formed ${NAME}.
bool references_ok(std::string_view value)
{
  for (std::size_t at = value.find("${"); at != std::string_view::npos; at = value.find("${", at + 2)) {
    const std::size_t end = value.find('}', at);
    if (end == std::string_view::npos || !is_env_name(value.substr(at + 2, end - at - 2))) {
      return false;
    }
  }
  return true;
}

std::optional<Json> to_json_node(const toml::node& node)
{
  if (const auto* v = node.as_string()) {
    return Json(v->get());
  }
  if (const auto* v = node.as_integer()) {
    return Json(v->get());
  }
  if (const auto* v = node.as_floating_point()) {
    return Json(v->get());
  }
  if (const auto* v = node.as_boolean()) {
    return Json(v->get());
  }
  if (const auto* array = node.as_array()) {
    Json out = Json::array();
    for (const auto& element : *array) {
      auto value = to_json_node(element);
      if (!value) {
        return std::nullopt;
      }
      out.push_back(std::move(*value));
    }
    return out;
  }
  if (const auto* table = node.as_table()) {
    Json out = Json::object();
    for (auto&& [key, child] : *table) {
      auto value = to_json_node(child);
      if (!value) {
        return std::nullopt;
      }
      out[std::string(key.str())] = std::move(*value);
    }
    return out;
  }
  return std::nullopt;  // dates and times have no JSON form
}

/// Sorted keys at every level, so equal params give one body and one fingerprint.
Json sorted(const Json& value)
{
  if (value.is_object()) {
    std::vector<std::string> keys;
    for (auto it = value.begin(); it != value.end(); ++it) {
      keys.push_back(it.key());
    }
    std::sort(keys.begin(), keys.end());
    Json out = Json::object();
    for (const auto& key : keys) {
      out[key] = sorted(value.at(key));
    }
    return out;
  }
  if (value.is_array()) {
    Json out = Json::array();
    for (const auto& element : value) {
      out.push_back(sorted(element));
    }
    return out;
  }
  return value;
}

[[noreturn]] void fail(const std::string& where, const std::string& problem)
{
  throw ConfigError(where + ": " + problem);
}

void read_params(const toml::node& node, ModelConfig& model, const ExtrasScope& scope,
                 std::map<std::string, std::string>& origin)
{
  const std::string display = scope.display + " " + std::string(k_params_table);
  const auto* table = node.as_table();
  if (table == nullptr) {
    fail(scope.at(node), display + ": expected a table ([model.params] or params = {...})");
  }
  Json params = Json::object();
  for (auto&& [key, child] : *table) {
    const std::string name(key.str());
    if (auto problem = check_param_name(name)) {
      fail(scope.at(child), display + "." + name + ": " + *problem);
    }
    auto value = to_json_node(child);
    if (!value) {
      fail(scope.at(child), display + "." + name + ": dates and times cannot be sent as JSON");
    }
    params[name] = std::move(*value);
    origin[scope.origin_prefix + std::string(k_params_table) + "." + name] = scope.at(child);
  }
  model.params_json = params.empty() ? "" : sorted(params).dump();
}

void read_headers(const toml::node& node, ModelConfig& model, const ExtrasScope& scope,
                  std::map<std::string, std::string>& origin)
{
  const std::string display = scope.display + " " + std::string(k_headers_table);
  const auto* table = node.as_table();
  if (table == nullptr) {
    fail(scope.at(node), display + ": expected a table of strings ([model.headers])");
  }
  for (auto&& [key, child] : *table) {
    const std::string name(key.str());
    const auto* value = child.as_string();
    if (value == nullptr) {
      fail(scope.at(child), display + "." + name + ": expected a string");
    }
    if (auto problem = check_header(name, value->get())) {
      fail(scope.at(child), display + "." + name + ": " + *problem);
    }
    model.headers[name] = value->get();
    origin[scope.origin_prefix + std::string(k_headers_table) + "." + name] = scope.at(child);
  }
}

void read_tags(const toml::node& node, ModelConfig& model, const ExtrasScope& scope,
               std::map<std::string, std::string>& origin)
{
  const std::string display = scope.display + " " + std::string(k_reasoning_tags_key);
  const auto* array = node.as_array();
  const std::string shape = "expected an array of [open, close] string pairs, e.g. [[\"<think>\", \"</think>\"]]";
  if (array == nullptr) {
    fail(scope.at(node), display + ": " + shape);
  }
  model.reasoning_tags.clear();
  for (const auto& element : *array) {
    const auto* pair = element.as_array();
    if (pair == nullptr || pair->size() != 2 || !pair->get(0)->is_string() || !pair->get(1)->is_string()) {
      fail(scope.at(element), display + ": " + shape);
    }
    std::string open(*pair->get(0)->value<std::string_view>());
    std::string close(*pair->get(1)->value<std::string_view>());
    if (open.empty() || close.empty() || open == close) {
      fail(scope.at(element), display + ": tags must be non-empty and differ");
    }
    model.reasoning_tags.emplace_back(std::move(open), std::move(close));
  }
  origin[scope.origin_prefix + std::string(k_reasoning_tags_key)] = scope.at(node);
}

}  // namespace

std::optional<std::string> check_param_name(std::string_view name)
{
  for (const auto& [reserved, key] : k_reserved_params) {
    if (name == reserved) {
      return key.empty() ? std::string("set by the harness itself")
                         : "set by the harness; use the model key '" + std::string(key) + "'";
    }
  }
  if (looks_like_secret_key(name)) {
    return std::string("credentials are never read from config files; use api_key_env");
  }
  return std::nullopt;
}

std::optional<std::string> check_header(std::string_view name, std::string_view value)
{
  if (!is_token(name)) {
    return std::string("not a valid header name");
  }
  const std::string lower = util::to_lower(name);
  if (std::find(k_transport_headers.begin(), k_transport_headers.end(), lower) != k_transport_headers.end()) {
    return std::string("set by the transport itself");
  }
  if (value.find_first_of("\r\n") != std::string_view::npos) {
    return std::string("a header value must be one line (value not shown)");
  }
  if (!references_ok(value)) {
    return std::string("${...} must name an environment variable, e.g. ${MY_TOKEN} (value not shown)");
  }
  const bool credential = looks_like_secret_key(lower) ||
                          std::find(k_credential_headers.begin(), k_credential_headers.end(), lower) !=
                              k_credential_headers.end();
  const bool whole_reference = value.starts_with("${") && value.ends_with("}") && value.find('}') == value.size() - 1;
  if (credential && !whole_reference) {
    // Defends against a credential pasted into the file: it would reach the stored run.
    return "a credential header takes its value from the environment: write \"${NAME}\" (value not shown)";
  }
  return std::nullopt;
}

void read_model_extras(const toml::table& table, ModelConfig& model, const ExtrasScope& scope,
                       std::map<std::string, std::string>& origin)
{
  if (const toml::node* node = table.get(k_params_table)) {
    read_params(*node, model, scope, origin);
  }
  if (const toml::node* node = table.get(k_headers_table)) {
    read_headers(*node, model, scope, origin);
  }
  if (const toml::node* node = table.get(k_reasoning_tags_key)) {
    read_tags(*node, model, scope, origin);
  }
}

void extras_to_json(const ModelConfig& model, nlohmann::ordered_json& entry, bool plan_only)
{
  if (!model.params_json.empty()) {
    entry[std::string(k_params_table)] = Json::parse(model.params_json);
  }
  if (plan_only) {
    return;
  }
  if (!model.headers.empty()) {
    Json headers = Json::object();
    for (const auto& [name, value] : model.headers) {
      headers[name] = value;  // ${NAME} references, never their values
    }
    entry[std::string(k_headers_table)] = std::move(headers);
  }
  if (!model.reasoning_tags.empty()) {
    Json tags = Json::array();
    for (const auto& [open, close] : model.reasoning_tags) {
      tags.push_back(Json::array({open, close}));
    }
    entry[std::string(k_reasoning_tags_key)] = std::move(tags);
  }
}

void extras_from_json(const nlohmann::ordered_json& entry, ModelConfig& model, const std::string& where)
{
  if (const auto params = entry.find(std::string(k_params_table)); params != entry.end()) {
    if (!params->is_object()) {
      fail(where + ".params", "expected an object");
    }
    for (auto it = params->begin(); it != params->end(); ++it) {
      if (auto problem = check_param_name(it.key())) {
        fail(where + ".params." + it.key(), *problem);
      }
    }
    model.params_json = params->empty() ? "" : sorted(*params).dump();
  }
  if (const auto headers = entry.find(std::string(k_headers_table)); headers != entry.end()) {
    if (!headers->is_object()) {
      fail(where + ".headers", "expected an object");
    }
    for (auto it = headers->begin(); it != headers->end(); ++it) {
      if (!it->is_string()) {
        fail(where + ".headers." + it.key(), "expected a string");
      }
      if (auto problem = check_header(it.key(), it->get<std::string>())) {
        fail(where + ".headers." + it.key(), *problem);
      }
      model.headers[it.key()] = it->get<std::string>();
    }
  }
  if (const auto tags = entry.find(std::string(k_reasoning_tags_key)); tags != entry.end()) {
    if (!tags->is_array()) {
      fail(where + ".reasoning_tags", "expected an array");
    }
    for (const auto& pair : *tags) {
      if (!pair.is_array() || pair.size() != 2 || !pair[0].is_string() || !pair[1].is_string()) {
        fail(where + ".reasoning_tags", "expected [open, close] string pairs");
      }
      model.reasoning_tags.emplace_back(pair[0].get<std::string>(), pair[1].get<std::string>());
    }
  }
}

std::string extras_reference_markdown()
{
  return "| `reasoning_tags` | array of [open, close] | the kind's tags | non-empty, distinct | | "
         "reasoning tag pairs split from the answer, e.g. [[\"<think>\", \"</think>\"]]; empty: <think>, "
         "<thinking>, <reasoning>, <\\|begin_of_thought\\|> |\n"
         "| `[model.params]` | table | none | any JSON value | yes | extra request-body parameters, e.g. "
         "chat_template_kwargs = { enable_thinking = true }, top_k = 20; not the keys the harness sets |\n"
         "| `[model.headers]` | table of strings | none | header names; credentials only as \"${NAME}\" | | "
         "extra HTTP headers; ${NAME} is replaced by the environment variable NAME when the adapter is built |\n";
}

}  // namespace rb::config
