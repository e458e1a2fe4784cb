#include "verifiers/code/compare.hpp"

#include <nlohmann/json.hpp>

#include <cmath>

#include "verifiers/code/value.hpp"

namespace rb::verifiers::code {

namespace {

using json = nlohmann::json;

double number_or(const json& check, const char* key, double fallback)
{
  const auto it = check.find(key);
  return it != check.end() && it->is_number() ? it->get<double>() : fallback;
}

const json* sequence(const json& v)
{
  if (v.is_array()) {
    return &v;
  }
  if (v.is_object() && v.size() == 1 && v.contains("$tuple")) {
    return &v["$tuple"];
  }
  return nullptr;
}

/// |a - e| < tol (or <=), elementwise through lists and tuples: abs(candidate(x) - y) < 1e-6,
/// and HumanEval-X's issame() on float vectors.
bool close(const json& a, const json& e, double tol, bool strict)
{
  double x = 0;
  double y = 0;
  if (as_number(a, x) && as_number(e, y)) {
    const double d = std::fabs(x - y);
    return strict ? d < tol : d <= tol;
  }
  const json* sa = sequence(a);
  const json* se = sequence(e);
  if (sa == nullptr || se == nullptr || sa->size() != se->size() || a.is_array() != e.is_array()) {
    return false;
  }
  for (std::size_t i = 0; i < sa->size(); ++i) {
    if (!close((*sa)[i], (*se)[i], tol, strict)) {
      return false;
    }
  }
  return true;
}

/// EvalPlus's rule: exact, else numpy.allclose (|a - e| <= atol + rtol * |e|) on numbers and
/// sequences of numbers; atol 0 becomes 1e-6 when the expected value is a float (or floats).
bool allclose(const json& a, const json& e, double atol, double rtol)
{
  double x = 0;
  double y = 0;
  if (as_number(a, x) && as_number(e, y)) {
    return std::fabs(x - y) <= atol + rtol * std::fabs(y) || float_equal(x, y);
  }
  const json* sa = sequence(a);
  const json* se = sequence(e);
  if (sa == nullptr || se == nullptr || sa->size() != se->size()) {
    return false;
  }
  for (std::size_t i = 0; i < sa->size(); ++i) {
    if (!allclose((*sa)[i], (*se)[i], atol, rtol)) {
      return false;
    }
  }
  return true;
}

bool is_float(const json& v) { return v.is_object() && v.contains("$f"); }

bool all_floats(const json& e)
{
  if (is_float(e)) {
    return true;
  }
  const json* s = sequence(e);
  if (s == nullptr || s->empty()) {
    return false;
  }
  for (const auto& x : *s) {
    if (!is_float(x)) {
      return false;
    }
  }
  return true;
}

/// HumanEval/32: the returned x must be a root of the polynomial given as the first argument.
bool poly_root(const json& check, const json& actual, double tol)
{
  double x = 0;
  const auto args = check.find("args");
  if (!as_number(actual, x) || args == check.end() || !args->is_array() || args->empty() || !(*args)[0].is_array()) {
    return false;
  }
  double sum = 0;
  double power = 1;
  for (const auto& c : (*args)[0]) {
    double coefficient = 0;
    if (!as_number(c, coefficient)) {
      return false;
    }
    sum += coefficient * power;
    power *= x;
  }
  return std::fabs(sum) < tol;
}

}  // namespace

CheckOutcome compare_result(const json& check, const json& actual)
{
  const std::string cmp = check.value("cmp", "eq");
  const json expected = check.contains("expected") ? check["expected"] : json();
  bool passed = false;
  if (cmp == "eq") {
    passed = values_equal(actual, expected);
    if (const auto alternatives = check.find("alternatives"); alternatives != check.end() && alternatives->is_array()) {
      for (const auto& alternative : *alternatives) {
        passed = passed || values_equal(actual, alternative);
      }
    }
  } else if (cmp == "ne") {
    passed = !values_equal(actual, expected);
  } else if (cmp == "close") {
    passed = close(actual, expected, number_or(check, "abs_tol", 0), check.value("strict", true));
  } else if (cmp == "isclose") {
    double a = 0;
    double e = 0;
    if (as_number(actual, a) && as_number(expected, e)) {
      const double scale = std::max(std::fabs(a), std::fabs(e));
      passed = std::fabs(a - e) <= std::max(number_or(check, "rel_tol", 1e-9) * scale, number_or(check, "abs_tol", 0));
    }
  } else if (cmp == "allclose") {
    double atol = number_or(check, "abs_tol", 0);
    if (atol == 0 && all_floats(expected)) {
      atol = 1e-6;
    }
    passed = values_equal(actual, expected) || allclose(actual, expected, atol, number_or(check, "rel_tol", 1e-7));
    if (const auto alternatives = check.find("alternatives"); alternatives != check.end() && alternatives->is_array()) {
      for (const auto& alternative : *alternatives) {
        passed = passed || values_equal(actual, alternative);
      }
    }
  } else if (cmp == "any") {
    passed = true;  // EvalPlus accepts every output here (its reference is wrong); errors still fail
  } else if (cmp == "poly_root") {
    passed = poly_root(check, actual, number_or(check, "abs_tol", 1e-4));
  } else {
    return {false, "unknown comparison '" + cmp + "'"};
  }
  if (passed) {
    return {true, ""};
  }
  if (cmp == "ne") {
    return {false, "expected anything but " + render(expected) + ", got it"};
  }
  if (cmp == "poly_root") {
    return {false, render(actual) + " is not a root"};
  }
  return {false, "expected " + render(expected) + ", got " + render(actual)};
}

}  // namespace rb::verifiers::code
