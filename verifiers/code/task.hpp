#pragma once
// Internal to verifiers/code/: the pieces one grading is made of. Includes nlohmann/json, so
// only this folder's .cpp files include it.
#include <nlohmann/json.hpp>

#include <chrono>
#include <memory>
#include <string>
#include <string_view>

#include "harness/core/verdict.hpp"
#include "verifiers/sandbox/sandbox.hpp"

namespace rb::verifiers::code {

using json = nlohmann::json;

/// What a grading needs besides the problem and the answer.
struct Context {
  sandbox::Sandbox& sandbox;
};

/// The trusted split of one problem's tests (cached; see prepass.hpp):
/// {"tests": [...], "ref_ms", "reference_fails", "measured_on", ...} or {"unsupported": why}.
using Split = std::shared_ptr<const json>;

/// Limits for one grading run derived from the reference's measured CPU time: the CPU limit is
/// k_base + k_factor * reference (capped), and the wall clock twice that plus a margin, so a
/// loaded machine does not turn a correct program into a timeout.
sandbox::Limits scaled_limits(double reference_ms, std::chrono::milliseconds fallback_cpu, std::int64_t memory_mb);

/// Grades the driver's output for function-call tests (Python and C++ alike).
Verdict grade_calls(const json& tests, const sandbox::RunResult& run, const json& facts);

Verdict verify_python_call(const json& task, std::string_view answer, Context& context);
Verdict verify_cpp_call(const json& task, std::string_view answer, Context& context);
Verdict verify_stdio(const json& task, std::string_view answer, Context& context);

/// Verdict for a failure of the harness or the sandbox (never the model's fault).
Verdict harness_error(std::string detail);

/// "python" / "cpp" from a task's "lang" field.
sandbox::Language task_language(const json& task);

}  // namespace rb::verifiers::code
