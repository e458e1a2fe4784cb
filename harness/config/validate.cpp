// validate(): the checks that must also hold after command-line overrides, with messages that
// start where the offending value came from (RunConfig::origin): a flag or FILE:LINE.
#include <vector>

#include "harness/config/config.hpp"
#include "harness/config/schema.hpp"
#include "harness/core/error.hpp"

namespace rb::config {
namespace {

/// Where one table's keys live: how messages name them and where their origins are recorded.
struct Place {
  std::string display;        ///< "[run]", "[[model]] #2"
  std::string key_prefix;     ///< "" or "prices."
  std::string origin_prefix;  ///< "run.", "model[1].", "model[1].prices."
  std::string list;           ///< "suite" or "model" for list elements; "" for [run]
  std::string list_item;      ///< "--model #2" style suffix used when a flag replaced the list
};

std::string find_origin(const RunConfig& config, const std::string& key)
{
  const auto it = config.origin.find(key);
  return it == config.origin.end() ? std::string() : it->second;
}

bool is_flag(const std::string& origin)
{
  return origin.starts_with("--");
}

/// Throws "ORIGIN: PROBLEM" for a value a flag set ("--samples: must be at least 1 (got 0)"),
/// "--model #2: label ..." for an element of a list a flag replaced, "FILE:LINE: [run] samples:
/// PROBLEM" for a value from the file, and "[run] samples: PROBLEM" for a default.
[[noreturn]] void fail_at(const RunConfig& config, const Place& place,
                          const std::vector<std::string>& origin_keys, std::string_view name,
                          const std::string& problem)
{
  const std::string display = place.display + " " + place.key_prefix + std::string(name);
  if (!place.list.empty()) {
    if (const auto list_origin = find_origin(config, place.list); is_flag(list_origin)) {
      throw ConfigError(list_origin + place.list_item + ": " + place.key_prefix + std::string(name) + " " +
                        problem);
    }
  }
  for (const auto& key : origin_keys) {
    const auto origin = find_origin(config, key);
    if (is_flag(origin)) {
      throw ConfigError(origin + ": " + problem);
    }
    if (!origin.empty()) {
      throw ConfigError(origin + ": " + display + ": " + problem);
    }
  }
  throw ConfigError(display + ": " + problem);
}

template <typename Target>
void check_keys(const RunConfig& config, const Target& target, std::span<const Key<Target>> keys,
                const Place& place)
{
  for (const auto& key : keys) {
    const auto value = key.field.get(target);
    if (!value) {
      continue;  // unset optional: the server's default
    }
    if (const auto problem = check_value(key, *value)) {
      fail_at(config, place, {place.origin_prefix + std::string(key.name)}, key.name, *problem);
    }
  }
}

Place element_place(std::string_view list, std::size_t index)
{
  const std::string number = std::to_string(index + 1);
  return Place{"[[" + std::string(list) + "]] #" + number, "",
               std::string(list) + "[" + std::to_string(index) + "].", std::string(list), " #" + number};
}

void check_labels(RunConfig& config)
{
  for (std::size_t i = 0; i < config.models.size(); ++i) {
    auto& model = config.models[i];
    const bool defaulted = model.label.empty();
    if (defaulted) {
      model.label = model.spec;
    }
    for (std::size_t j = 0; j < i; ++j) {
      if (config.models[j].label != model.label) {
        continue;
      }
      const Place place = element_place("model", i);
      const std::string problem = "'" + model.label + "' is also the label of model #" +
                                  std::to_string(j + 1) +
                                  (defaulted ? " (no label set, so the spec is used)" : "") +
                                  "; labels must be unique: set label = \"...\"";
      fail_at(config, place, {place.origin_prefix + "label", place.origin_prefix + "spec"}, "label", problem);
    }
  }
}

void check_suites_distinct(const RunConfig& config)
{
  for (std::size_t i = 0; i < config.suites.size(); ++i) {
    for (std::size_t j = 0; j < i; ++j) {
      if (suite_key(config.suites[j]) != suite_key(config.suites[i])) {
        continue;
      }
      const Place place = element_place("suite", i);
      fail_at(config, place, {place.origin_prefix + "name"}, "name",
              "'" + config.suites[i].name + "' is also suite #" + std::to_string(j + 1) +
                  " with the same prompt; list a suite once per prompt variant");
    }
  }
}

}  // namespace

std::string suite_key(const SuiteConfig& suite)
{
  return suite.prompt.empty() ? suite.name : suite.name + " [" + suite.prompt + "]";
}

void validate(RunConfig& config)
{
  check_keys<RunConfig>(config, config, run_keys(), Place{"[run]", "", "run.", "", ""});
  if (config.suites.empty()) {
    throw ConfigError("no suite: pass --suite NAME or add a [[suite]] table");
  }
  for (std::size_t i = 0; i < config.suites.size(); ++i) {
    check_keys<SuiteConfig>(config, config.suites[i], suite_keys(), element_place("suite", i));
  }
  check_suites_distinct(config);
  if (config.models.empty()) {
    throw ConfigError("no model: pass --model SPEC or add a [[model]] table");
  }
  for (std::size_t i = 0; i < config.models.size(); ++i) {
    const Place place = element_place("model", i);
    check_keys<ModelConfig>(config, config.models[i], model_keys(), place);
    Place prices = place;
    prices.key_prefix = "prices.";
    prices.origin_prefix += "prices.";
    check_keys<Prices>(config, config.models[i].prices, price_keys(), prices);
  }
  check_labels(config);
}

}  // namespace rb::config
