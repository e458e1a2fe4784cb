// to_json / from_json / plan_fingerprint: the resolved configuration as JSON, shaped like the
// TOML file ({"run": {...}, "suite": [...], "model": [{..., "prices": {...}}]}), keys in key
// table order. Unset optional values are left out.
#include <limits>
#include <nlohmann/json.hpp>

#include "harness/config/config.hpp"
#include "harness/config/model_extras.hpp"
#include "harness/config/schema.hpp"
#include "harness/core/error.hpp"
#include "harness/util/sha256.hpp"

namespace rb::config {
namespace {

using Json = nlohmann::ordered_json;

Json to_json_value(const Value& value)
{
  return std::visit([](const auto& v) { return Json(v); }, value);
}

std::optional<Value> from_json_value(Kind kind, const Json& json)
{
  switch (kind) {
    case Kind::string:
      return json.is_string() ? std::optional<Value>(json.get<std::string>()) : std::nullopt;
    case Kind::integer:
      if (json.is_number_unsigned() && json.get<std::uint64_t>() > std::numeric_limits<std::int64_t>::max()) {
        return std::nullopt;
      }
      return json.is_number_integer() ? std::optional<Value>(json.get<std::int64_t>()) : std::nullopt;
    case Kind::number:
      return json.is_number() ? std::optional<Value>(json.get<double>()) : std::nullopt;
    case Kind::boolean:
      return json.is_boolean() ? std::optional<Value>(json.get<bool>()) : std::nullopt;
  }
  return std::nullopt;
}

/// The keys of `keys` that have a value, restricted to those with all of `flags` when nonzero.
template <typename Target>
Json table_to_json(const Target& target, std::span<const Key<Target>> keys, unsigned flags = 0)
{
  Json out = Json::object();
  for (const auto& key : keys) {
    if ((key.flags & flags) != flags || omitted(key, target)) {
      continue;
    }
    if (const auto value = key.field.get(target)) {
      out[std::string(key.name)] = to_json_value(*value);
    }
  }
  return out;
}

[[noreturn]] void fail(const std::string& where, const std::string& problem)
{
  throw ConfigError("stored run configuration: " + where + ": " + problem);
}

template <typename Target>
void table_from_json(const Json& object, std::span<const Key<Target>> keys, Target& target,
                     const std::string& where)
{
  if (!object.is_object()) {
    fail(where, "expected an object");
  }
  for (const auto& key : keys) {
    const auto it = object.find(std::string(key.name));
    if (it == object.end() || it->is_null()) {
      continue;
    }
    const std::string path = where + "." + std::string(key.name);
    const auto value = from_json_value(key.field.kind, *it);
    if (!value) {
      fail(path, "expected " + std::string(kind_name(key.field.kind)));
    }
    if (const auto problem = check_value(key, *value)) {
      fail(path, *problem);
    }
    key.field.set(target, *value);
  }
}

const Json& list_of(const Json& root, const char* name)
{
  static const Json k_empty = Json::array();
  const auto it = root.find(name);
  if (it == root.end()) {
    return k_empty;
  }
  if (!it->is_array()) {
    fail(name, "expected an array");
  }
  return *it;
}

}  // namespace

std::string to_json(const RunConfig& config)
{
  Json root = Json::object();
  root["run"] = table_to_json(config, run_keys());
  Json suites = Json::array();
  for (const auto& suite : config.suites) {
    suites.push_back(table_to_json(suite, suite_keys()));
  }
  root["suite"] = std::move(suites);
  Json models = Json::array();
  for (const auto& model : config.models) {
    Json entry = table_to_json(model, model_keys());
    entry[std::string(k_prices_table)] = table_to_json(model.prices, price_keys());
    extras_to_json(model, entry, false);
    models.push_back(std::move(entry));
  }
  root["model"] = std::move(models);
  for (auto [name, table] : {std::pair{"energy", table_to_json(config.energy, energy_keys())},
                             std::pair{"slo", table_to_json(config.slo, slo_keys())}}) {
    if (!table.empty()) {
      root[name] = std::move(table);  // left out while at its defaults: stored runs keep their form
    }
  }
  return root.dump();
}

RunConfig from_json(std::string_view json_text)
{
  Json root;
  try {
    root = Json::parse(json_text);
  } catch (const nlohmann::json::parse_error& e) {
    throw ConfigError(std::string("stored run configuration: invalid JSON: ") + e.what());
  }
  if (!root.is_object()) {
    fail("(top)", "expected an object");
  }
  RunConfig config;
  if (const auto run = root.find("run"); run != root.end()) {
    table_from_json(*run, run_keys(), config, "run");
  }
  if (const auto energy = root.find("energy"); energy != root.end()) {
    table_from_json(*energy, energy_keys(), config.energy, "energy");
  }
  if (const auto slo = root.find("slo"); slo != root.end()) {
    table_from_json(*slo, slo_keys(), config.slo, "slo");
  }
  const Json& suites = list_of(root, "suite");
  for (std::size_t i = 0; i < suites.size(); ++i) {
    SuiteConfig suite;
    table_from_json(suites[i], suite_keys(), suite, "suite[" + std::to_string(i) + "]");
    config.suites.push_back(std::move(suite));
  }
  const Json& models = list_of(root, "model");
  for (std::size_t i = 0; i < models.size(); ++i) {
    ModelConfig model;
    const std::string where = "model[" + std::to_string(i) + "]";
    table_from_json(models[i], model_keys(), model, where);
    if (const auto prices = models[i].find(std::string(k_prices_table)); prices != models[i].end()) {
      table_from_json(*prices, price_keys(), model.prices, where + ".prices");
    }
    extras_from_json(models[i], model, "stored run configuration: " + where);
    config.models.push_back(std::move(model));
  }
  return config;
}

std::string plan_fingerprint(const RunConfig& config)
{
  Json plan = Json::object();
  plan["run"] = table_to_json(config, run_keys(), k_plan);
  Json suites = Json::array();
  for (const auto& suite : config.suites) {
    suites.push_back(table_to_json(suite, suite_keys(), k_plan));
  }
  plan["suite"] = std::move(suites);
  Json models = Json::array();
  for (ModelConfig model : config.models) {
    if (model.label.empty()) {
      model.label = model.spec;  // as validate() fills it, so before and after give one fingerprint
    }
    Json entry = table_to_json(model, model_keys(), k_plan);
    extras_to_json(model, entry, true);
    models.push_back(std::move(entry));
  }
  plan["model"] = std::move(models);
  return util::sha256_hex("reasonbench plan v1\n" + plan.dump());
}

}  // namespace rb::config
