// The code verifier's contract, against the fake sandbox: expected values never enter the
// sandbox; the harness compares; the exit status never means passed; per-test facts are kept.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <atomic>
#include <cstdlib>

#include "harness/core/problem.hpp"
#include "tests/support/test_env.hpp"
#include "tests/unit/test_code_fake_sandbox.hpp"
#include "verifiers/code/code_verifier.hpp"

using namespace rb;
using json = nlohmann::json;
using sandbox::RunResult;
using sandbox::RunSpec;
using sandbox::Status;

namespace {

constexpr const char* k_secret = "SECRET-EXPECTED-VALUE";

/// A fresh cache folder and a task no other test shares (the split is memoised by content).
struct Isolated {
  test::TempDir dir;
  std::string tag;
  Isolated()
  {
    static std::atomic<int> counter{0};
    ::setenv("REASONBENCH_CACHE", dir.path().c_str(), 1);
    tag = "unit-" + std::to_string(::getpid()) + "-" + std::to_string(counter++);
  }
};

bool is_splitter(const RunSpec& spec)
{
  for (const auto& f : spec.files) {
    if (f.name == "problems.json") {
      return true;
    }
  }
  return false;
}

bool mentions_secret(const RunSpec& spec)
{
  if (spec.source.find(k_secret) != std::string::npos || spec.stdin_data.find(k_secret) != std::string::npos) {
    return true;
  }
  for (const auto& f : spec.files) {
    if (f.content.find(k_secret) != std::string::npos) {
      return true;
    }
  }
  return false;
}

Problem python_problem(const std::string& tag)
{
  Problem p;
  p.id = "P/1";
  p.checker_data = json{{"kind", "python_call"}, {"dataset", tag}, {"entry", "f"}, {"program", "def f(x): ..."},
                        {"test", "assert f(1) == 'x'"}, {"callables", {{"f", "f"}}}}
                       .dump();
  return p;
}

/// The split the fake pre-pass reports: f(1) must return the secret, f(2) must return 4.
std::string split_line()
{
  return json{{"id", "P/1"},
              {"tests",
               {{{"fn", "f"}, {"args", {1}}, {"cmp", "eq"}, {"expected", k_secret}},
                {{"fn", "f"}, {"args", {2}}, {"cmp", "eq"}, {"expected", 4}}}},
              {"ref_ms", 1.0}}
             .dump() +
         "\n";
}

const std::string k_answer = "```python\ndef f(x):\n    return x\n```";

Verdict grade_with(const std::function<RunResult(const RunSpec&)>& driver, test::FakeSandbox** out = nullptr,
                   const std::string& answer = k_answer)
{
  static std::vector<std::unique_ptr<test::FakeSandbox>> keep;
  Isolated iso;
  keep.push_back(std::make_unique<test::FakeSandbox>([driver](const RunSpec& spec) {
    return is_splitter(spec) ? test::FakeSandbox::ok(split_line()) : driver(spec);
  }));
  if (out != nullptr) {
    *out = keep.back().get();
  }
  verifiers::code::CodeVerifier verifier(*keep.back());
  return verifier.verify(python_problem(iso.tag), Response{answer, "", "stop", false});
}

}  // namespace

TEST_CASE("all tests passing, in the harness's comparison, is correct", "[code]")
{
  test::FakeSandbox* box = nullptr;
  const Verdict v = grade_with(
      [](const RunSpec&) {
        return test::FakeSandbox::ok(std::string("{\"i\":0,\"v\":\"") + k_secret + "\"}\n{\"i\":1,\"v\":4}\n{\"done\":2}\n");
      },
      &box);
  CHECK(v.kind == VerdictKind::correct);
  CHECK(v.detail == "2/2 tests passed");
  const json data = json::parse(v.data);
  CHECK(data["tests_passed"] == 2);
  CHECK(data["tests_total"] == 2);
  CHECK(data["tests"].size() == 2);
  CHECK(data["sandbox"] == "namespaces");
  REQUIRE(v.extracted);
  CHECK(v.extracted->find("return x") != std::string::npos);
}

TEST_CASE("expected values never enter the sandbox", "[code]")
{
  test::FakeSandbox* box = nullptr;
  grade_with([](const RunSpec&) { return test::FakeSandbox::ok(""); }, &box);
  bool graded = false;
  for (const auto& spec : box->specs()) {
    if (!is_splitter(spec)) {
      graded = true;
      CHECK_FALSE(mentions_secret(spec));
    }
  }
  CHECK(graded);
}

TEST_CASE("a wrong value fails and the detail names the call and both values", "[code]")
{
  const Verdict v = grade_with([](const RunSpec&) {
    return test::FakeSandbox::ok(std::string("{\"i\":0,\"v\":\"") + k_secret + "\"}\n{\"i\":1,\"v\":5}\n{\"done\":2}\n");
  });
  CHECK(v.kind == VerdictKind::incorrect);
  CHECK(v.detail == "1/2 tests passed; first failure: test 2: f(2): expected 4, got 5");
  CHECK(json::parse(v.data)["tests_passed"] == 1);
}

TEST_CASE("exit status 0 with no results is not a pass (sys.exit(0), os._exit(0))", "[code]")
{
  const Verdict v = grade_with([](const RunSpec&) { return test::FakeSandbox::ok("All tests passed!\n"); });
  CHECK(v.kind == VerdictKind::incorrect);
  CHECK(v.detail.starts_with("0/2 tests passed"));
}

TEST_CASE("results from a program that did not end cleanly do not pass", "[code]")
{
  const Verdict v = grade_with([](const RunSpec&) {
    RunResult r = test::FakeSandbox::ok(std::string("{\"i\":0,\"v\":\"") + k_secret + "\"}\n{\"i\":1,\"v\":4}\n{\"done\":2}\n");
    r.status = Status::runtime_error;
    r.exit_code = 1;
    return r;
  });
  CHECK(v.kind == VerdictKind::incorrect);
}

TEST_CASE("two results for one test fail it, whichever is right", "[code]")
{
  const Verdict v = grade_with([](const RunSpec&) {
    return test::FakeSandbox::ok(std::string("{\"i\":0,\"v\":\"") + k_secret + "\"}\n{\"i\":0,\"v\":\"" + k_secret +
                                 "\"}\n{\"i\":1,\"v\":4}\n{\"done\":2}\n");
  });
  CHECK(v.kind == VerdictKind::incorrect);
  CHECK(v.detail.find("two results for one test") != std::string::npos);
}

TEST_CASE("forged values of unknown types never compare equal", "[code]")
{
  const Verdict v = grade_with([](const RunSpec&) {
    return test::FakeSandbox::ok("{\"i\":0,\"v\":{\"$always_equal\":true}}\n{\"i\":1,\"v\":{\"$eq\":4}}\n{\"done\":2}\n");
  });
  CHECK(v.kind == VerdictKind::incorrect);
  CHECK(v.detail.starts_with("0/2"));
}

TEST_CASE("a timeout after passing tests is a timeout verdict, after a wrong one, incorrect", "[code]")
{
  auto timed_out = [](std::string out) {
    return [out](const RunSpec&) {
      RunResult r = test::FakeSandbox::ok(out);
      r.status = Status::timeout;
      r.exit_code.reset();
      r.signal = 9;
      return r;
    };
  };
  CHECK(grade_with(timed_out(std::string("{\"i\":0,\"v\":\"") + k_secret + "\"}\n")).kind == VerdictKind::timeout);
  CHECK(grade_with(timed_out("{\"i\":0,\"v\":1}\n")).kind == VerdictKind::incorrect);
}

TEST_CASE("raised exceptions and load errors are failures with their message", "[code]")
{
  const Verdict raised = grade_with([](const RunSpec&) {
    return test::FakeSandbox::ok("{\"i\":0,\"error\":\"ZeroDivisionError: division by zero\"}\n{\"done\":2}\n");
  });
  CHECK(raised.detail.find("raised ZeroDivisionError") != std::string::npos);
  const Verdict load = grade_with([](const RunSpec&) {
    return test::FakeSandbox::ok("{\"load_error\":\"SyntaxError: invalid syntax\"}\n");
  });
  CHECK(load.kind == VerdictKind::incorrect);
  CHECK(load.detail.find("failed to load: SyntaxError") != std::string::npos);
}

TEST_CASE("a sandbox failure is an error, not the model's fault, no code is no_answer", "[code]")
{
  const Verdict broken = grade_with([](const RunSpec&) {
    RunResult r;
    r.status = Status::sandbox_error;
    r.detail = "unshare: EPERM";
    return r;
  });
  CHECK(broken.kind == VerdictKind::error);
  const Verdict none = grade_with([](const RunSpec&) { return test::FakeSandbox::ok(""); }, nullptr, "I cannot solve it.");
  CHECK(none.kind == VerdictKind::no_answer);
}

TEST_CASE("stdin/stdout tasks compare tokens outside, outputs never enter the sandbox", "[code]")
{
  Isolated iso;
  test::FakeSandbox box([](const RunSpec& spec) {
    if (spec.stdin_data == "1 2\n") {
      return test::FakeSandbox::ok("3\n");
    }
    if (spec.stdin_data == "2 2\n") {
      RunResult r = test::FakeSandbox::ok("");
      r.status = Status::timeout;
      return r;
    }
    return test::FakeSandbox::ok("wrong\n");
  });
  Problem p;
  p.id = "S/1";
  p.checker_data = json{{"kind", "stdio"},
                        {"lang", "python"},
                        {"tests",
                         {{{"input", "1 2\n"}, {"output", "3"}},
                          {{"input", "5 5\n"}, {"output", k_secret}},
                          {{"input", "2 2\n"}, {"output", "4"}},
                          {{"input", "3 3\n"}, {"output", "6"}}}},
                        {"time_limit_ms", 1000}}
                       .dump();
  verifiers::code::CodeVerifier verifier(box);
  const Verdict v = verifier.verify(p, Response{"```python\nprint(sum(map(int, input().split())))\n```", "", "stop", false});
  CHECK(v.kind == VerdictKind::incorrect);
  CHECK(v.detail.starts_with("1/4 tests passed; first failure: test 2: token 1"));
  const json data = json::parse(v.data);
  CHECK(data["tests"][3]["reason"].get<std::string>().starts_with("not run"));
  CHECK(box.specs().size() == 3);  // the fourth test was not run after the timeout
  for (const auto& spec : box.specs()) {
    CHECK_FALSE(mentions_secret(spec));
    CHECK(spec.limits.cpu.count() == 3000);  // Python gets 3x the statement's limit
  }
}
