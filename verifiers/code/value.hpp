#pragma once
// Values a program returned, as tagged JSON (docs/code.md "Values"): null, bool, JSON integers
// or {"$int": "digits"}, {"$f": "repr"} floats, strings, lists, {"$tuple"}, {"$set"},
// {"$dict": [[k, v]...]}, {"$bytes": hex}, {"$complex"}, {"$list_node"}, {"$tree_node"}.
// Both the trusted pre-pass and the sandboxed driver write this form; only the harness compares.
#include <nlohmann/json_fwd.hpp>

#include <cstddef>
#include <string>

namespace rb::verifiers::code {

/// The float rule: equal when both are NaN, both the same infinity, or
/// |a - e| <= max(k_float_rel_tol * max(|a|, |e|), k_float_abs_tol).
constexpr double k_float_rel_tol = 1e-9;
constexpr double k_float_abs_tol = 1e-12;
bool float_equal(double actual, double expected);

/// Python's == on plain data, with the float rule: int, float and bool compare as numbers
/// (True == 1, as the datasets' asserts see it: MBPP's references return 0 for `== False`);
/// a list is never a tuple, a string never a number; set order and dict order do not matter.
bool values_equal(const nlohmann::json& actual, const nlohmann::json& expected);

/// The value as a number (int, float), or false when it is not one (bools are not numbers).
bool as_number(const nlohmann::json& value, double& out);

/// A Python-like rendering for messages ("[1, 2.5, 'a']", "(1, 2)"), cut at `max_chars`.
std::string render(const nlohmann::json& value, std::size_t max_chars = 120);

}  // namespace rb::verifiers::code
