// Turning a driver's output into a verdict: results are parsed strictly (one per test, by
// index), compared by the harness, and the exit status never makes a test pass.
#include <algorithm>
#include <vector>

#include "harness/util/strings.hpp"
#include "verifiers/code/compare.hpp"
#include "verifiers/code/task.hpp"
#include "verifiers/code/value.hpp"

namespace rb::verifiers::code {

namespace {

constexpr double k_base_cpu_ms = 2000;      ///< interpreter start-up and the driver, with room
constexpr double k_reference_factor = 4;    ///< a correct but slower program still passes
constexpr double k_max_cpu_ms = 60'000;
constexpr std::size_t k_max_listed_tests = 200;

struct TestResult {
  bool seen = false;
  bool duplicate = false;
  json line;
};

/// "f(1, [2, 3])" for a Python test, or the C++ call's source.
std::string describe_call(const json& test)
{
  if (test.contains("call") && test["call"].is_string()) {
    return util::shorten(test["call"].get<std::string>(), 120);
  }
  std::string text = test.value("fn", "f") + "(";
  bool first = true;
  if (const auto args = test.find("args"); args != test.end() && args->is_array()) {
    for (const auto& a : *args) {
      text += (first ? "" : ", ") + render(a, 60);
      first = false;
    }
  }
  if (const auto kwargs = test.find("kwargs"); kwargs != test.end() && kwargs->is_object()) {
    for (auto it = kwargs->begin(); it != kwargs->end(); ++it) {
      text += (first ? "" : ", ") + it.key() + "=" + render(it.value(), 60);
      first = false;
    }
  }
  return util::shorten(text + ")", 160);
}

}  // namespace

sandbox::Limits scaled_limits(double reference_ms, std::chrono::milliseconds fallback_cpu, std::int64_t memory_mb)
{
  sandbox::Limits limits;
  const double cpu_ms = reference_ms > 0 ? std::min(k_max_cpu_ms, k_base_cpu_ms + k_reference_factor * reference_ms)
                                         : static_cast<double>(fallback_cpu.count());
  limits.cpu = std::chrono::milliseconds(static_cast<long long>(cpu_ms));
  limits.wall = std::chrono::milliseconds(static_cast<long long>(2 * cpu_ms + 2000));
  if (memory_mb > 0) {
    limits.memory_bytes = memory_mb * sandbox::k_mib;
  }
  return limits;
}

Verdict harness_error(std::string detail) { return {VerdictKind::error, std::nullopt, std::move(detail)}; }

sandbox::Language task_language(const json& task)
{
  return task.value("lang", "python") == "cpp" ? sandbox::Language::cpp : sandbox::Language::python;
}

Verdict grade_calls(const json& tests, const sandbox::RunResult& run, const json& facts)
{
  if (run.status == sandbox::Status::sandbox_error) {
    return harness_error("sandbox failure: " + run.detail);
  }
  json data = facts;
  data["status"] = sandbox::to_string(run.status);
  data["wall_ms"] = run.wall.count();
  data["cpu_ms"] = run.cpu.count();
  const std::size_t total = tests.size();
  if (run.status == sandbox::Status::compile_error) {
    data["tests_passed"] = 0;
    data["tests_total"] = total;
    data["compiler"] = util::shorten(run.stderr_text, 2000);
    const auto lines = util::split(run.stderr_text, '\n');
    std::string first;
    for (const auto& l : lines) {
      if (l.find("error") != std::string::npos) {
        first = l;
        break;
      }
    }
    return {VerdictKind::incorrect, std::nullopt, "compile error: " + util::shorten(first.empty() ? run.detail : first, 200),
            "", data.dump()};
  }
  std::vector<TestResult> results(total);
  std::string load_error;
  bool done = false;
  for (const auto& line : util::split(run.stdout_text, '\n')) {
    const json parsed = json::parse(line, nullptr, false);
    if (!parsed.is_object()) {
      continue;  // not ours (or mangled by the program): it counts for nothing
    }
    if (parsed.contains("load_error") && parsed["load_error"].is_string()) {
      load_error = parsed["load_error"].get<std::string>();
    } else if (parsed.contains("done")) {
      done = true;
    } else if (parsed.contains("i") && parsed["i"].is_number_integer()) {
      const auto i = parsed["i"].get<std::int64_t>();
      if (i >= 0 && static_cast<std::size_t>(i) < total) {
        auto& r = results[static_cast<std::size_t>(i)];
        r.duplicate = r.seen;  // a second line for the same test can only be a forgery: it fails
        r.seen = true;
        r.line = parsed;
      }
    }
  }
  std::size_t passed = 0;
  bool wrong_answer = false;
  std::string first_failure;
  json listed = json::array();
  for (std::size_t i = 0; i < total; ++i) {
    const auto& r = results[i];
    CheckOutcome outcome;
    if (!load_error.empty()) {
      outcome.reason = "the program failed to load: " + load_error;
    } else if (!r.seen) {
      outcome.reason = "no result (the program ended: " + std::string(sandbox::to_string(run.status)) + ")";
    } else if (r.duplicate) {
      outcome.reason = "two results for one test";
    } else if (r.line.contains("error")) {
      outcome.reason = "raised " + util::shorten(r.line["error"].is_string() ? r.line["error"].get<std::string>() : "?", 200);
    } else if (!r.line.contains("v")) {
      outcome.reason = "malformed result";
    } else {
      outcome = compare_result(tests[i], r.line["v"]);
    }
    if (outcome.passed) {
      ++passed;
    } else {
      wrong_answer = wrong_answer || r.seen || !load_error.empty();
      if (first_failure.empty()) {
        first_failure = "test " + std::to_string(i + 1) + ": " + describe_call(tests[i]) + ": " + outcome.reason;
      }
    }
    if (listed.size() < k_max_listed_tests) {
      json entry{{"i", i}, {"passed", outcome.passed}};
      if (!outcome.passed) {
        entry["reason"] = util::shorten(outcome.reason, 300);
      }
      listed.push_back(std::move(entry));
    }
  }
  data["tests_passed"] = passed;
  data["tests_total"] = total;
  data["tests"] = std::move(listed);
  if (total > k_max_listed_tests) {
    data["tests_listed"] = k_max_listed_tests;
  }
  if (!run.stderr_text.empty() && passed < total) {
    data["stderr_tail"] = run.stderr_text.substr(run.stderr_text.size() > 1000 ? run.stderr_text.size() - 1000 : 0);
  }
  std::string detail = std::to_string(passed) + "/" + std::to_string(total) + " tests passed";
  if (!first_failure.empty()) {
    detail += "; first failure: " + first_failure;
  }
  if (run.status != sandbox::Status::ok) {
    detail += "; the program ended with " + std::string(sandbox::to_string(run.status)) +
              (run.detail.empty() ? "" : " (" + run.detail + ")");
  }
  VerdictKind kind = VerdictKind::incorrect;
  if (total > 0 && passed == total && done && run.status == sandbox::Status::ok) {
    kind = VerdictKind::correct;
  } else if (run.status == sandbox::Status::timeout && !wrong_answer) {
    kind = VerdictKind::timeout;
  } else if (total == 0) {
    detail = "the problem has no tests";
    kind = VerdictKind::error;
  }
  return {kind, std::nullopt, detail, "", data.dump(-1, ' ', false, json::error_handler_t::replace)};
}

}  // namespace rb::verifiers::code
