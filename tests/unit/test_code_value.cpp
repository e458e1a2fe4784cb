// Type-aware equality of returned values and the float rule (verifiers/code/value.hpp).
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <cmath>

#include "verifiers/code/value.hpp"

using namespace rb::verifiers::code;
using json = nlohmann::json;

namespace {
json f(const char* repr) { return json{{"$f", repr}}; }
json tuple(json items) { return json{{"$tuple", std::move(items)}}; }
json set(json items) { return json{{"$set", std::move(items)}}; }
}  // namespace

TEST_CASE("values of the same kind compare by content", "[code]")
{
  CHECK(values_equal(json(1), json(1)));
  CHECK_FALSE(values_equal(json(1), json(2)));
  CHECK(values_equal(json("abc"), json("abc")));
  CHECK(values_equal(json::array({1, "a", nullptr}), json::array({1, "a", nullptr})));
  CHECK(values_equal(json{{"$int", "123456789012345678901234567890"}}, json{{"$int", "0123456789012345678901234567890"}}));
  CHECK_FALSE(values_equal(json{{"$int", "12345678901234567890123"}}, json{{"$int", "12345678901234567890124"}}));
}

TEST_CASE("bools compare as 0 and 1 (Python's ==), a list is never a tuple", "[code]")
{
  CHECK(values_equal(json(1), json(true)));
  CHECK(values_equal(json(0), json(false)));
  CHECK(values_equal(json(false), json(0)));
  CHECK_FALSE(values_equal(json(2), json(true)));
  CHECK_FALSE(values_equal(json(1), json(false)));
  CHECK(values_equal(f("1.0"), json(true)));
  CHECK(values_equal(json::array({1, 0}), json::array({true, false})));
  CHECK_FALSE(values_equal(json::array({1, 2}), tuple({1, 2})));
  CHECK_FALSE(values_equal(json("1"), json(1)));
  CHECK_FALSE(values_equal(json(nullptr), json(0)));
  CHECK(values_equal(tuple({1, 2}), tuple({1, 2})));
}

TEST_CASE("the float rule: relative 1e-9, absolute 1e-12, NaN equals NaN", "[code]")
{
  CHECK(values_equal(f("0.30000000000000004"), f("0.3")));
  CHECK(values_equal(json(3), f("3.0")));  // int and float compare as numbers
  CHECK(values_equal(f("1e-15"), f("0.0")));
  CHECK_FALSE(values_equal(f("0.333"), f("0.3333333333")));
  CHECK_FALSE(values_equal(f("1.0000001"), f("1.0")));
  CHECK(values_equal(f("nan"), f("nan")));
  CHECK(values_equal(f("inf"), f("inf")));
  CHECK_FALSE(values_equal(f("inf"), f("-inf")));
  CHECK(float_equal(1e300, 1e300 * (1 + 1e-12)));
}

TEST_CASE("sets and dicts ignore order, sets match floats by the float rule", "[code]")
{
  CHECK(values_equal(set({1, 2, 3}), set({3, 1, 2})));
  CHECK_FALSE(values_equal(set({1, 2}), set({1, 2, 3})));
  CHECK(values_equal(set({f("0.1"), 2}), set({2, f("0.10000000000000001")})));
  // Pairs built with json::array: a braced {{"a", 1}, ...} would become a JSON object instead.
  const auto dict = [](json pairs) { return json{{"$dict", std::move(pairs)}}; };
  const auto pair = [](json k, json v) { return json::array({std::move(k), std::move(v)}); };
  const json a = dict(json::array({pair("a", 1), pair("b", 2)}));
  const json b = dict(json::array({pair("b", 2), pair("a", 1)}));
  CHECK(values_equal(a, b));
  CHECK_FALSE(values_equal(a, dict(json::array({pair("a", 1), pair("b", 3)}))));
  CHECK_FALSE(values_equal(a, dict(json::array({pair("a", 1)}))));
  CHECK(values_equal(dict(json::array({pair(1, f("0.1"))})), dict(json::array({pair(1, f("0.10000000000000001"))}))));
  // A payload that is not a list of pairs is malformed, never equal.
  CHECK_FALSE(values_equal(json{{"$dict", {{"a", 1}}}}, json{{"$dict", {{"a", 1}}}}));
}

TEST_CASE("unknown tags and malformed values never compare equal", "[code]")
{
  const json forged{{"$always_equal", true}};
  CHECK_FALSE(values_equal(forged, forged));
  CHECK_FALSE(values_equal(json{{"$f", 1}, {"$int", 2}}, json(1)));
}

TEST_CASE("render writes Python-like text and cuts long values", "[code]")
{
  CHECK(render(json::array({1, f("2.5"), "a", nullptr, true})) == "[1, 2.5, \"a\", None, True]");
  CHECK(render(tuple({1})) == "(1,)");
  CHECK(render(json::array({1, 2, 3, 4, 5, 6, 7, 8, 9, 10}), 10).size() <= 13);
}
