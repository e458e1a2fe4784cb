#pragma once
// Internal to harness/config: the [[model]] entries that are not scalar keys (schema.hpp):
// [model.params] (extra request-body parameters, any TOML value), [model.headers] (extra HTTP
// headers, whose values may name environment variables as ${NAME}) and reasoning_tags (pairs of
// strings). Read from TOML, written to and read back from JSON, and documented, in one place.
#include <nlohmann/json.hpp>
#include <toml++/toml.h>

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "harness/config/config.hpp"

namespace rb::config {

/// One [[model]] table as messages name it.
struct ExtrasScope {
  std::string display;        ///< "[[model]] #2"
  std::string origin_prefix;  ///< "model[1]."
  std::function<std::string(const toml::node&)> at;  ///< "FILE:LINE" of a node
};

/// Reads params, headers and reasoning_tags of `table` into `model`, recording origins. Throws
/// ConfigError "FILE:LINE: [[model]] #2 headers.Authorization: ..." (never quoting a secret).
void read_model_extras(const toml::table& table, ModelConfig& model, const ExtrasScope& scope,
                       std::map<std::string, std::string>& origin);

/// Adds the set extras to a model's JSON object; `plan_only`: only those in the plan fingerprint
/// (params). Nothing is added for unset extras.
void extras_to_json(const ModelConfig& model, nlohmann::ordered_json& entry, bool plan_only);

/// Reads extras back from a model's JSON object. Throws ConfigError "WHERE.headers: ...".
void extras_from_json(const nlohmann::ordered_json& entry, ModelConfig& model, const std::string& where);

/// What is wrong with a body parameter name (one the harness sets itself), or nothing.
std::optional<std::string> check_param_name(std::string_view name);

/// What is wrong with a header: not a token name, a header the transport sets, a line break, a
/// malformed ${NAME}, or a credential-like name whose value is not exactly "${NAME}". Never
/// quotes the value.
std::optional<std::string> check_header(std::string_view name, std::string_view value);

/// The key reference rows for the extras (Markdown), appended to the [[model]] section.
std::string extras_reference_markdown();

}  // namespace rb::config
