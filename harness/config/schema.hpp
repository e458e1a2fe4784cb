#pragma once
// The configuration's key tables: one row per TOML key with its type, range, rules, a one-line
// description, and a getter and setter on the config structs. The loader, validate(), to_json /
// from_json, plan_fingerprint, the "did you mean" suggestions and the key reference in
// docs/config.md all read these tables, so a key is added (or documented) in one place.
#include <cstdint>
#include <functional>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>

#include "harness/config/config.hpp"

namespace rb::config {

enum class Kind { string, integer, number, boolean };

/// A key's value: std::int64_t for Kind::integer, double for Kind::number (a TOML integer
/// given for a number is converted), std::string and bool for the others.
using Value = std::variant<std::string, std::int64_t, double, bool>;

/// Allowed numeric values: [min, max], or (min, max] when min_exclusive. Unbounded by default.
struct Range {
  double min = -std::numeric_limits<double>::infinity();
  double max = std::numeric_limits<double>::infinity();
  bool min_exclusive = false;
};

inline constexpr unsigned k_required = 1u << 0;   ///< the table is incomplete without it
inline constexpr unsigned k_plan = 1u << 1;       ///< decides which work items exist or what they ask
inline constexpr unsigned k_non_empty = 1u << 2;  ///< a string that must not be empty
inline constexpr unsigned k_env_name = 1u << 3;   ///< names an environment variable; never echoed
/// Left out of to_json and plan_fingerprint while at its default (keys added after runs were
/// stored: old runs keep their stored form and fingerprint).
inline constexpr unsigned k_omit_default = 1u << 4;

/// Reads and writes one field of a Target. `get` returns nothing for a field left unset (an
/// empty optional); `set` expects a Value of the key's Kind that passed check_value.
template <typename Target>
struct Field {
  Kind kind = Kind::string;
  std::function<std::optional<Value>(const Target&)> get;
  std::function<void(Target&, const Value&)> set;
};

/// One row of a key table.
template <typename Target>
struct Key {
  std::string_view name;  ///< as written in TOML and JSON
  Field<Target> field;
  Range range;
  unsigned flags = 0;    ///< k_required | k_plan | k_non_empty | k_env_name | k_omit_default
  std::string_view doc;  ///< one line for the key reference
  std::string_view choices;  ///< "a|b|c": a string key must be one of these (or empty); "" for any
};

/// The keys of [run], of each [[suite]], of each [[model]] and of a model's [model.prices]
/// table, in documentation order (which is also the JSON key order).
std::span<const Key<RunConfig>> run_keys();
std::span<const Key<SuiteConfig>> suite_keys();
std::span<const Key<ModelConfig>> model_keys();
std::span<const Key<Prices>> price_keys();
/// The keys of [energy] and [slo] (all k_omit_default: stored runs keep their form).
std::span<const Key<EnergyConfig>> energy_keys();
std::span<const Key<SloConfig>> slo_keys();

/// The name of the sub-table of a [[model]] that holds its prices.
inline constexpr std::string_view k_prices_table = "prices";
/// The [[model]] entries that are not scalar keys (model_extras.cpp): extra body parameters
/// ([model.params], any TOML values), extra headers ([model.headers], strings) and reasoning tag
/// pairs (reasoning_tags = [["<think>", "</think>"], ...]).
inline constexpr std::string_view k_params_table = "params";
inline constexpr std::string_view k_headers_table = "headers";
inline constexpr std::string_view k_reasoning_tags_key = "reasoning_tags";

/// What is wrong with `value` under these rules, as the end of a message ("must be at least 1
/// (got 0)", "must not be empty"), or nothing. Never quotes the value of a k_env_name key.
std::optional<std::string> check_value(const Range& range, unsigned flags, const Value& value);

/// What is wrong with a string outside `choices` ("a|b|c"; empty strings pass), or nothing.
std::optional<std::string> check_choice(std::string_view choices, const Value& value);

template <typename Target>
std::optional<std::string> check_value(const Key<Target>& key, const Value& value)
{
  if (auto problem = check_value(key.range, key.flags, value)) {
    return problem;
  }
  return check_choice(key.choices, value);
}

/// True when `key` is k_omit_default and `target` holds the default value.
template <typename Target>
bool omitted(const Key<Target>& key, const Target& target)
{
  return (key.flags & k_omit_default) != 0 && key.field.get(target) == key.field.get(Target{});
}

/// "a string", "an integer", "a number", "a boolean".
std::string_view kind_name(Kind kind);

/// A value for a one-line message: numbers as written, strings quoted with JSON escapes and
/// shortened.
std::string format_value(const Value& value);

/// True for key names that would hold a credential (api_key, apikey, token, secret, password...);
/// such keys are refused with a message that never repeats their value.
bool looks_like_secret_key(std::string_view name);

/// The message for a credential written into a config file. Names the key, never the value.
std::string secret_key_message(std::string_view key_display);

/// The key reference of docs/config.md as Markdown tables (one per TOML table), generated from
/// the key tables so that the documentation cannot drift from the code.
std::string key_reference_markdown();

}  // namespace rb::config
