// Grading a stdin/stdout task: each test runs the program in a fresh sandbox with the test's
// input; its stdout is compared token-wise here (tokens.hpp). Expected outputs never enter the
// sandbox. A C++ program is compiled once (in the sandbox) and its binary run per test.
#include <algorithm>

#include "harness/util/strings.hpp"
#include "verifiers/code/extract.hpp"
#include "verifiers/code/task.hpp"
#include "verifiers/code/tokens.hpp"

namespace rb::verifiers::code {

namespace {

constexpr double k_python_time_factor = 3;  ///< statement limits are set for C++
constexpr std::size_t k_max_listed_tests = 200;

}  // namespace

Verdict verify_stdio(const json& task, std::string_view answer, Context& context)
{
  const sandbox::Language language = task_language(task);
  const auto code = extract_code(answer, language, "");
  if (!code) {
    return {VerdictKind::no_answer, std::nullopt,
            std::string("no ") + (language == sandbox::Language::cpp ? "C++" : "Python") + " code found in the answer"};
  }
  const json& tests = task["tests"];
  const double statement_ms = task.value("time_limit_ms", 2000.0);
  const double cpu_ms = language == sandbox::Language::python ? k_python_time_factor * statement_ms : statement_ms;
  sandbox::Limits limits;
  limits.cpu = std::chrono::milliseconds(static_cast<long long>(cpu_ms));
  limits.wall = std::chrono::milliseconds(static_cast<long long>(2 * cpu_ms + 2000));
  limits.memory_bytes = std::max<std::int64_t>(task.value("memory_mb", 256), 64) * sandbox::k_mib;
  json data{{"sandbox", sandbox::to_string(context.sandbox.isolation())},
            {"cpu_limit_ms", limits.cpu.count()},
            {"wall_limit_ms", limits.wall.count()},
            {"extraction", code->rule}};
  if (task.value("multiple_answers", false)) {
    data["warning"] = "the statement may accept other outputs; graded by exact tokens (no checker)";
  }

  sandbox::RunSpec base;
  base.language = language;
  base.limits = limits;
  if (language == sandbox::Language::cpp) {
    sandbox::RunSpec compile;
    compile.language = language;
    compile.source = code->code;
    compile.return_binary = true;
    compile.limits.stdout_bytes = 256 * sandbox::k_mib;
    const sandbox::RunResult built = context.sandbox.run(compile);
    if (built.status == sandbox::Status::sandbox_error) {
      return harness_error("sandbox failure: " + built.detail);
    }
    if (built.status != sandbox::Status::ok) {
      data["compiler"] = util::shorten(built.stderr_text, 2000);
      Verdict v{VerdictKind::incorrect, code->code, "compile error: " + util::shorten(built.stderr_text, 200), "",
                data.dump(-1, ' ', false, json::error_handler_t::replace)};
      return v;
    }
    base.command = {"./prog"};
    base.files.push_back({"prog", built.stdout_text, true});
  } else {
    base.source = code->code;
  }

  const std::size_t total = tests.size();
  const bool case_insensitive = task.value("case_insensitive", false);
  std::size_t passed = 0;
  std::string first_failure;
  std::string stopped;
  bool timed_out = false;
  bool wrong = false;
  json listed = json::array();
  for (std::size_t i = 0; i < total; ++i) {
    std::string reason;
    bool ok = false;
    if (!stopped.empty()) {
      reason = "not run: " + stopped;
    } else {
      sandbox::RunSpec spec = base;
      spec.stdin_data = tests[i].value("input", "");
      const sandbox::RunResult run = context.sandbox.run(spec);
      if (run.status == sandbox::Status::sandbox_error) {
        return harness_error("sandbox failure: " + run.detail);
      }
      if (run.status == sandbox::Status::ok) {
        const TokenComparison c = compare_tokens(run.stdout_text, tests[i].value("output", ""), case_insensitive);
        ok = c.equal;
        reason = c.reason;
        wrong = wrong || !ok;
      } else {
        reason = std::string(sandbox::to_string(run.status)) + ": " + run.detail;
        if (run.status == sandbox::Status::timeout || run.status == sandbox::Status::memory_limit) {
          stopped = "an earlier test hit a limit";  // the rest would likely cost the full limit each
          timed_out = timed_out || run.status == sandbox::Status::timeout;
          wrong = wrong || run.status != sandbox::Status::timeout;
        } else {
          wrong = true;
        }
        if (!run.stderr_text.empty() && !data.contains("stderr_tail")) {
          data["stderr_tail"] = util::shorten(run.stderr_text, 1000);
        }
      }
    }
    passed += ok ? 1 : 0;
    if (!ok && first_failure.empty()) {
      first_failure = "test " + std::to_string(i + 1) + ": " + reason;
    }
    if (listed.size() < k_max_listed_tests) {
      json entry{{"i", i}, {"passed", ok}};
      if (!ok) {
        entry["reason"] = util::shorten(reason, 300);
      }
      listed.push_back(std::move(entry));
    }
  }
  data["tests_passed"] = passed;
  data["tests_total"] = total;
  data["tests"] = std::move(listed);
  std::string detail = std::to_string(passed) + "/" + std::to_string(total) + " tests passed";
  if (!first_failure.empty()) {
    detail += "; first failure: " + first_failure;
  }
  VerdictKind kind = VerdictKind::incorrect;
  if (total > 0 && passed == total) {
    kind = VerdictKind::correct;
  } else if (timed_out && !wrong) {
    kind = VerdictKind::timeout;
  } else if (total == 0) {
    return harness_error("the problem has no tests");
  }
  return {kind, code->code, detail, "", data.dump(-1, ' ', false, json::error_handler_t::replace)};
}

}  // namespace rb::verifiers::code
