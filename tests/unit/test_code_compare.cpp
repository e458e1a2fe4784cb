// The harness's comparisons of one test (verifiers/code/compare.hpp).
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "verifiers/code/compare.hpp"

using namespace rb::verifiers::code;
using json = nlohmann::json;

namespace {
json f(double x) { return json{{"$f", std::to_string(x)}}; }
}  // namespace

TEST_CASE("eq passes equal values and names both values when it fails", "[code]")
{
  const json check{{"cmp", "eq"}, {"expected", 5}};
  CHECK(compare_result(check, json(5)).passed);
  const auto failed = compare_result(check, json(4));
  CHECK_FALSE(failed.passed);
  CHECK(failed.reason == "expected 5, got 4");
}

TEST_CASE("close follows the assertion's operator and tolerance", "[code]")
{
  const json strict{{"cmp", "close"}, {"expected", f(0.5)}, {"abs_tol", 1e-6}, {"strict", true}};
  CHECK(compare_result(strict, f(0.5000001)).passed);
  CHECK_FALSE(compare_result(strict, f(0.51)).passed);
  CHECK_FALSE(compare_result(strict, json("0.5")).passed);  // abs() of a string fails in Python too
  const json elementwise{{"cmp", "close"}, {"expected", json::array({f(1.0), f(2.0)})}, {"abs_tol", 1e-4}, {"strict", false}};
  CHECK(compare_result(elementwise, json::array({f(1.00005), f(1.99999)})).passed);
  CHECK_FALSE(compare_result(elementwise, json::array({f(1.0)})).passed);
}

TEST_CASE("isclose uses math.isclose's rule", "[code]")
{
  const json check{{"cmp", "isclose"}, {"expected", f(4188.790204786391)}, {"rel_tol", 0.001}, {"abs_tol", 0.0}};
  CHECK(compare_result(check, f(4188.0)).passed);
  CHECK_FALSE(compare_result(check, f(4100.0)).passed);
}

TEST_CASE("allclose follows EvalPlus: 1e-6 for float outputs, alternatives, any", "[code]")
{
  const json floats{{"cmp", "allclose"}, {"expected", f(1.0)}, {"abs_tol", 0}};
  CHECK(compare_result(floats, f(1.0000005)).passed);
  CHECK_FALSE(compare_result(floats, f(1.001)).passed);
  const json ints{{"cmp", "allclose"}, {"expected", 3}, {"abs_tol", 0}};
  CHECK_FALSE(compare_result(ints, json(4)).passed);
  const json or_zero{{"cmp", "allclose"}, {"expected", 7}, {"alternatives", {0}}};
  CHECK(compare_result(or_zero, json(0)).passed);
  CHECK(compare_result(json{{"cmp", "any"}}, json("whatever")).passed);
}

TEST_CASE("poly_root checks that the returned x is a root", "[code]")
{
  const json check{{"cmp", "poly_root"}, {"abs_tol", 1e-4}, {"args", {{-6, 11, -6, 1}}}};  // (x-1)(x-2)(x-3)
  CHECK(compare_result(check, f(2.0)).passed);
  CHECK(compare_result(check, json(3)).passed);
  CHECK_FALSE(compare_result(check, f(2.5)).passed);
  CHECK_FALSE(compare_result(check, json("2")).passed);
}

TEST_CASE("an unknown comparison never passes", "[code]")
{
  CHECK_FALSE(compare_result(json{{"cmp", "trust_me"}}, json(1)).passed);
}
