// C++ function-call tasks: the trusted split and expected values (split_cpp), and grading a
// candidate's program against them (verify_cpp_call).
#include "harness/util/strings.hpp"
#include "verifiers/code/compare.hpp"
#include "verifiers/code/cpp_programs.hpp"
#include "verifiers/code/extract.hpp"
#include "verifiers/code/prepass.hpp"
#include "verifiers/code/task.hpp"

namespace rb::verifiers::code {

namespace {

constexpr std::chrono::milliseconds k_cpu_without_reference{5'000};

json to_json(const CppSplit& split)
{
  json statements = json::array();
  for (const auto& s : split.statements) {
    statements.push_back(s.test < 0 ? json{{"text", s.text}} : json{{"test", s.test}});
  }
  json tests = json::array();
  for (const auto& t : split.tests) {
    json test{{"call", t.call}, {"cmp", t.cmp}};
    if (t.cmp == "close") {
      test["abs_tol"] = t.abs_tol;
      test["strict"] = t.strict;
    }
    tests.push_back(std::move(test));
  }
  return {{"statements", statements}, {"tests", tests}};
}

/// Overrides written in the loader ({"call", "cmp", "expected_expr", "abs_tol", "args"}).
CppSplit from_overrides(const json& task)
{
  CppSplit split;
  for (const auto& t : task["split"]) {
    CppTest test;
    test.call = t.value("call", "");
    test.cmp = t.value("cmp", "eq");
    test.expected_expr = t.value("expected_expr", "");
    test.abs_tol = t.value("abs_tol", 0.0);
    test.strict = t.value("strict", true);
    split.statements.push_back({"", static_cast<int>(split.tests.size())});
    split.tests.push_back(std::move(test));
  }
  split.prelude = task.value("prelude", "");
  return split;
}

}  // namespace

namespace detail {

json split_cpp(const json& task, sandbox::Sandbox& box)
{
  const std::string call_name = task.value("call_name", task.value("entry", ""));
  const CppSplit split = task.contains("split") ? from_overrides(task) : split_cpp_test(task.value("test", ""), call_name);
  if (!split.error.empty()) {
    return {{"unsupported", split.error}};
  }
  json out = to_json(split);
  if (task.contains("split")) {  // poly_root tests carry their arguments for the comparison
    for (std::size_t i = 0; i < split.tests.size(); ++i) {
      if (task["split"][i].contains("args")) {
        out["tests"][i]["args"] = task["split"][i]["args"];
      }
    }
  }
  sandbox::RunSpec spec;
  spec.language = sandbox::Language::cpp;
  spec.source = cpp_expected_program(task, split);
  spec.limits.cpu = std::chrono::milliseconds(60'000);
  spec.limits.wall = std::chrono::milliseconds(120'000);
  const sandbox::RunResult run = box.run(spec);
  if (run.status == sandbox::Status::compile_error) {
    std::string first = run.detail;
    for (const auto& line : util::split(run.stderr_text, '\n')) {
      if (line.find("error") != std::string::npos) {
        first = line;
        break;
      }
    }
    return {{"unsupported", "the expected-value program does not compile: " + util::shorten(first, 300)}};
  }
  if (run.status != sandbox::Status::ok) {
    return {{"unsupported", "the expected-value program failed (" + std::string(sandbox::to_string(run.status)) + ": " +
                                run.detail + ")"},
            {"transient", run.status == sandbox::Status::sandbox_error}};
  }
  json& tests = out["tests"];
  json reference_fails = json::array();
  std::vector<json> reference(tests.size());
  for (const auto& line : util::split(run.stdout_text, '\n')) {
    const json parsed = json::parse(line, nullptr, false);
    if (!parsed.is_object()) {
      continue;
    }
    if (parsed.contains("done")) {
      out["ref_ms"] = parsed.value("reference_us", 0LL) / 1000.0;
    } else if (parsed.contains("i") && parsed.contains("v")) {
      tests[parsed["i"].get<std::size_t>()]["expected"] = parsed["v"];
    } else if (parsed.contains("r")) {
      reference[parsed["r"].get<std::size_t>()] = parsed;
    }
  }
  for (std::size_t i = 0; i < tests.size(); ++i) {
    if (!tests[i].contains("expected") && tests[i].value("cmp", "") != "poly_root") {
      return {{"unsupported", "no expected value for test " + std::to_string(i + 1)}};
    }
    if (!task.value("reference_body", "").empty()) {
      const bool ok = reference[i].contains("v") && compare_result(tests[i], reference[i]["v"]).passed;
      if (!ok) {
        reference_fails.push_back(i);
      }
    }
  }
  out["reference_fails"] = reference_fails;
  return out;
}

}  // namespace detail

Verdict verify_cpp_call(const json& task, std::string_view answer, Context& context)
{
  const std::string entry = task.value("entry", "");
  const auto code = extract_code(answer, sandbox::Language::cpp, entry);
  if (!code) {
    return {VerdictKind::no_answer, std::nullopt, "no C++ code found in the answer"};
  }
  const Split split = split_tests(task, context.sandbox);
  if (split->contains("unsupported")) {
    return harness_error("this problem's tests could not be prepared: " + split->value("unsupported", ""));
  }
  const json& tests = (*split)["tests"];
  sandbox::RunSpec spec;
  spec.language = sandbox::Language::cpp;
  spec.source = cpp_driver_program(task, (*split)["statements"], tests, code->code);
  const double reference_ms = split->value("ref_ms", 0.0);
  spec.limits = scaled_limits(reference_ms > 0 ? reference_ms : 0, k_cpu_without_reference, task.value("memory_mb", 0));
  const sandbox::RunResult run = context.sandbox.run(spec);
  json facts{{"sandbox", sandbox::to_string(context.sandbox.isolation())},
             {"cpu_limit_ms", spec.limits.cpu.count()},
             {"wall_limit_ms", spec.limits.wall.count()},
             {"extraction", code->rule}};
  if (reference_ms > 0) {
    facts["reference_ms"] = reference_ms;
    facts["measured_on"] = split->value("measured_on", "");
  }
  Verdict verdict = grade_calls(tests, run, facts);
  verdict.extracted = code->code;
  return verdict;
}

}  // namespace rb::verifiers::code
