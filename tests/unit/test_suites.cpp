#include <catch2/catch.hpp>

#include <cctype>
#include <set>

#include "harness/core/error.hpp"
#include "harness/util/sha256.hpp"
#include "suites/registry.hpp"
#include "verifiers/exact/numeric_verifier.hpp"

using namespace rb;

namespace {
// An independent evaluator for the generated expressions (+ - * / and parentheses), so the
// test does not trust the generator's own bookkeeping. Division must be exact.
struct Evaluator {
  std::string s;
  std::size_t i = 0;
  void skip()
  {
    while (i < s.size() && s[i] == ' ') {
      ++i;
    }
  }
  long long primary()
  {
    skip();
    if (s[i] == '(') {
      ++i;
      const long long v = sum();
      skip();
      REQUIRE(s[i] == ')');
      ++i;
      return v;
    }
    long long v = 0;
    REQUIRE(std::isdigit(static_cast<unsigned char>(s[i])));
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) {
      v = v * 10 + (s[i++] - '0');
    }
    return v;
  }
  long long product()
  {
    long long v = primary();
    for (skip(); i < s.size() && (s[i] == '*' || s[i] == '/'); skip()) {
      const char op = s[i++];
      const long long r = primary();
      if (op == '*') {
        v *= r;
      } else {
        REQUIRE(v % r == 0);
        v /= r;
      }
    }
    return v;
  }
  long long sum()
  {
    long long v = product();
    for (skip(); i < s.size() && (s[i] == '+' || s[i] == '-'); skip()) {
      const char op = s[i++];
      const long long r = product();
      v = op == '+' ? v + r : v - r;
    }
    return v;
  }
};

std::string expression_of(const std::string& text)
{
  const std::size_t start = text.starts_with("What is ") ? 8 : std::string("Compute the value of ").size();
  const std::size_t end = text.find_first_of("?.", start);
  return text.substr(start, end - start);
}
}  // namespace

TEST_CASE("gen:arith is deterministic for a seed and differs across seeds", "[suites]")
{
  const auto a = suites::load_suite("gen:arith?n=20&seed=7", {});
  const auto b = suites::load_suite("gen:arith?n=20&seed=7", {});
  const auto c = suites::load_suite("gen:arith?n=20&seed=8", {});
  REQUIRE(a.problems.size() == 20);
  std::string all_a;
  std::string all_c;
  for (std::size_t i = 0; i < a.problems.size(); ++i) {
    CHECK(a.problems[i].text == b.problems[i].text);
    CHECK(a.problems[i].answer == b.problems[i].answer);
    all_a += a.problems[i].text;
    all_c += c.problems[i].text;
  }
  CHECK(all_a != all_c);
}

TEST_CASE("gen:arith golden: the first problems of seed 7 hash to a pinned value", "[suites]")
{
  const auto suite = suites::load_suite("gen:arith?n=5&seed=7&difficulty=3", {});
  std::string joined;
  for (const auto& p : suite.problems) {
    joined += p.id + "|" + p.text + "|" + p.answer + "\n";
  }
  INFO(joined);
  CHECK(util::sha256_hex(joined) == "440dd082082b82d1685966e81aedaf42ef8fccef954938fc1c218eb279b566b9");
}

TEST_CASE("gen:arith answers are the values of their expressions", "[suites]")
{
  const auto suite = suites::load_suite("gen:arith?n=200&seed=3&difficulty=5", {});
  std::set<std::string> ids;
  for (const auto& p : suite.problems) {
    CHECK(ids.insert(p.id).second);
    Evaluator e{expression_of(p.text)};
    CHECK(std::to_string(e.sum()) == p.answer);
    // The reference answer grades correct with the suite's own verifier.
    verifiers::NumericVerifier v;
    CHECK(v.verify(p, Response{p.reference, "", "stop", false}).kind == VerdictKind::correct);
  }
}

TEST_CASE("suite specs: limits, prompts and errors", "[suites]")
{
  suites::LoadOptions opts;
  opts.limit = 3;
  CHECK(suites::load_suite("gen:arith?n=10", opts).problems.size() == 3);
  opts.limit = 0;
  opts.prompt = "direct";
  CHECK(suites::load_suite("gen:arith", opts).prompt.name == "direct");

  const auto message = [](const std::string& spec, const suites::LoadOptions& o) {
    try {
      suites::load_suite(spec, o);
    } catch (const ConfigError& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  CHECK(message("gen:arth", {}) == "unknown suite 'gen:arth', did you mean 'gen:arith'? (run 'reasonbench suites' for the list)");
  CHECK(message("gen:arith?sed=3", {}) ==
        "suite 'gen:arith?sed=3': unknown parameter 'sed', did you mean 'seed'? (known: difficulty, n, seed)");
  CHECK(message("gen:arith?n=abc", {}) == "suite 'gen:arith?n=abc': parameter 'n' must be an integer, got 'abc'");
  CHECK(message("gen:arith?n=0", {}) == "suite 'gen:arith?n=0': parameter 'n' must be in [1, 1000000], got 0");
  CHECK(message("gen:arith?n", {}) == "suite 'gen:arith?n': parameter 'n' is not key=value");
  suites::LoadOptions bad_prompt;
  bad_prompt.prompt = "cott";
  CHECK(message("gen:arith", bad_prompt) ==
        "suite 'gen:arith': unknown prompt variant 'cott', did you mean 'cot'? (variants: cot, direct)");
}
