// Forged passes (tests/fixtures/adversarial/forgery/): every attempt to be graded correct
// without computing the answer — sys.exit(0), os._exit, atexit hooks, always-true __eq__,
// monkeypatched builtins, frame, bytecode and memory reads of expected values, fake success
// lines, C++ exit paths, constructors and macros — is graded anything but correct, through the
// real code verifier and the real namespace sandbox (and the weak one, whose grading contract
// is the same). The honest answer passes, so the task itself is passable.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <cstdlib>
#include <filesystem>

#include "harness/core/verifier.hpp"
#include "tests/sandbox/sandbox_test_support.hpp"
#include "verifiers/code/code_verifier.hpp"

using namespace rb;
using json = nlohmann::json;

namespace {

constexpr const char* k_python_reference = "def mix(n):\n    return (n * 2654435761) % 1000000007\n";
// The expected values are the test's literals: they exist in the pre-pass only.
constexpr const char* k_python_test =
    "def check(candidate):\n"
    "    assert candidate(1) == 654435747\n"
    "    assert candidate(12345) == 9240162\n"
    "    assert candidate(999999) == 87983208\n"
    "    assert candidate(0) == 0\n"
    "    assert candidate(7) != 0\n"
    "    assert candidate(31337) == 52860183\n";
constexpr const char* k_cpp_test =
    "int main() {\n"
    "  assert(mix(1) == 654435747);\n"
    "  assert(mix(12345) == 9240162);\n"
    "  assert(mix(999999) == 87983208);\n"
    "  assert(mix(0) == 0);\n"
    "  assert(mix(31337) == 52860183);\n"
    "  assert(mix(7) == 581050201);\n"
    "}\n";

/// A cache (split tests, the precompiled header) private to this test process, for its lifetime.
void use_private_cache()
{
  static const test::TempDir k_dir;
  ::setenv("REASONBENCH_CACHE", k_dir.path().c_str(), 1);
}

Problem python_task()
{
  Problem p;
  p.id = "forgery/python";
  p.checker_data = json{{"kind", "python_call"}, {"lang", "python"},   {"dataset", "forgery-test"},
                        {"entry", "mix"},        {"target", {{"kind", "function"}}},
                        {"program", k_python_reference}, {"test", k_python_test}, {"check", "check"},
                        {"callables", {{"candidate", "mix"}}}}
                       .dump();
  return p;
}

Problem cpp_task()
{
  Problem p;
  p.id = "forgery/cpp";
  p.checker_data = json{{"kind", "cpp_call"},
                        {"lang", "cpp"},
                        {"dataset", "forgery-test"},
                        {"entry", "mix"},
                        {"header", "#include <bits/stdc++.h>\nusing namespace std;\n"},
                        {"signature", "long long mix(long long n) {"},
                        {"reference_body", "  return (n * 2654435761LL) % 1000000007LL;\n}"},
                        {"test", k_cpp_test}}
                       .dump();
  return p;
}

Problem stdio_task()
{
  Problem p;
  p.id = "forgery/stdio";
  json tests = json::array();
  for (const auto& [in, out] : {std::pair{"1\n", "654435747\n"}, std::pair{"12345\n", "9240162\n"},
                                std::pair{"999999\n", "87983208\n"}}) {
    tests.push_back({{"input", in}, {"output", out}});
  }
  p.checker_data = json{{"kind", "stdio"}, {"lang", "python"}, {"dataset", "forgery-test"}, {"tests", tests},
                        {"time_limit_ms", 1000}, {"memory_mb", 256}}
                       .dump();
  return p;
}

std::vector<std::string> fixtures(const std::string& prefix)
{
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(test::source_dir() + "/tests/fixtures/adversarial/forgery")) {
    const std::string name = entry.path().filename().string();
    if (name.starts_with(prefix)) {
      names.push_back(name);
    }
  }
  std::sort(names.begin(), names.end());
  return names;
}

Verdict grade(const Verifier& verifier, const Problem& problem, const std::string& fixture, const char* language)
{
  const std::string code = test::read_file(test::source_dir() + "/tests/fixtures/adversarial/forgery/" + fixture);
  const std::string answer = "Here is my solution.\n\n```" + std::string(language) + "\n" + code + "```\n";
  return verifier.verify(problem, Response{answer, "", "stop", false});
}

void check_forgeries(sandbox::Isolation isolation)
{
  use_private_cache();
  verifiers::code::CodeVerifier verifier(isolation);
  const struct {
    Problem problem;
    const char* language;
    std::string honest;
    std::string prefix;
    std::size_t at_least;
  } k_cases[] = {
      {python_task(), "python", "honest.py", "py_", 14},
      {cpp_task(), "cpp", "honest.cpp", "cpp_", 8},
      {stdio_task(), "python", "stdio_honest.py", "stdio_", 4},
  };
  for (const auto& c : k_cases) {
    const Verdict honest = grade(verifier, c.problem, c.honest, c.language);
    INFO(c.problem.id << " honest: " << honest.detail);
    CHECK(honest.kind == VerdictKind::correct);
    const auto names = fixtures(c.prefix);
    CHECK(names.size() >= c.at_least);
    for (const auto& name : names) {
      if (name == c.honest) {
        continue;
      }
      const Verdict v = grade(verifier, c.problem, name, c.language);
      INFO(c.problem.id << " " << name << ": " << to_string(v.kind) << ": " << v.detail);
      CHECK(v.kind != VerdictKind::correct);
      CHECK(v.kind != VerdictKind::error);  // a forgery is the program's failure, not the harness's
    }
  }
}

}  // namespace

TEST_CASE("forged passes fail in the namespace sandbox, Python, C++ and stdin-stdout", "[sandbox][code]")
{
  RB_REQUIRE_NAMESPACES();
  check_forgeries(sandbox::Isolation::namespaces);
}

TEST_CASE("forged passes fail in the weak sandbox too (the grading contract does not depend on isolation)",
          "[sandbox][code]")
{
  check_forgeries(sandbox::Isolation::weak);
}

TEST_CASE("the gc and file scanner finds no expected value in the sandbox: they never enter it", "[sandbox][code]")
{
  RB_REQUIRE_NAMESPACES();
  use_private_cache();
  verifiers::code::CodeVerifier verifier(sandbox::Isolation::namespaces);
  const Verdict v = grade(verifier, python_task(), "py_gc_scan.py", "python");
  INFO(v.detail);
  const json data = json::parse(v.data);
  // Only the test whose expected value is 0 passes: the table it built is empty.
  CHECK(data.value("tests_passed", -1) == 1);
  CHECK(data.value("tests_total", -1) == 6);
}
