// Grading a Python function-call task: the candidate's program and the calls (inputs only) go
// into the sandbox; the values that come back are compared here.
#include "verifiers/code/extract.hpp"
#include "verifiers/code/prepass.hpp"
#include "verifiers/code/python_scripts.hpp"
#include "verifiers/code/task.hpp"

namespace rb::verifiers::code {

namespace {

constexpr std::chrono::milliseconds k_cpu_without_reference{10'000};

/// calls.json: what the driver may know. Expected values are deliberately absent.
std::string calls_file(const json& task, const json& tests)
{
  json calls = json::array();
  for (const auto& t : tests) {
    json call{{"fn", t.value("fn", task.value("entry", ""))}, {"args", t.value("args", json::array())}};
    for (const char* key : {"kwargs", "wrap", "wrap_def"}) {
      if (t.contains(key)) {
        call[key] = t[key];
      }
    }
    calls.push_back(std::move(call));
  }
  return json{{"target", task.value("target", json{{"kind", "function"}})}, {"calls", std::move(calls)}}.dump();
}

}  // namespace

Verdict verify_python_call(const json& task, std::string_view answer, Context& context)
{
  const std::string entry = task.value("extract_entry", task.value("entry", ""));
  const auto code = extract_code(answer, sandbox::Language::python, entry);
  if (!code) {
    return {VerdictKind::no_answer, std::nullopt, "no Python code found in the answer"};
  }
  const Split split = split_tests(task, context.sandbox);
  if (split->contains("unsupported")) {
    return harness_error("this problem's tests could not be prepared: " + split->value("unsupported", ""));
  }
  const json& tests = (*split)["tests"];
  sandbox::RunSpec spec;
  spec.language = sandbox::Language::python;
  spec.source = python_driver_program();
  spec.files.push_back({"solution.py", task.value("prefix", "") + "\n" + code->code + "\n" + task.value("suffix", "")});
  spec.files.push_back({"calls.json", calls_file(task, tests)});
  const double reference_ms = split->value("ref_ms", 0.0);
  spec.limits = scaled_limits(reference_ms, k_cpu_without_reference, task.value("memory_mb", 0));
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
