#pragma once
// The trusted pre-pass: splits one problem's tests into calls and expected values, once.
// Python: the dataset's own test code runs with the reference (python_splitter_text.cpp).
// C++: the test's assertions are split in the harness (cpp_split.hpp) and a trusted program,
// built from the dataset's declarations and reference only, computes the expected values.
// Both run in the sandbox. Results are memoised per process and cached on disk per dataset
// ($REASONBENCH_CACHE/code-tests/<dataset>/<key>.json), keyed by the task and the splitter.
#include "verifiers/code/task.hpp"

namespace rb::verifiers::code {

/// The split for `task` (a problem's checker_data). Thread-safe: concurrent callers for one
/// problem share one computation. Never throws; failures come back as {"unsupported": why}.
Split split_tests(const json& task, sandbox::Sandbox& sandbox);

/// The CPU the reference times were measured on ("model name" of /proc/cpuinfo).
const std::string& cpu_model();

namespace detail {
/// The C++ task's split, computed (not cached). Defined in cpp_prepass.cpp.
json split_cpp(const json& task, sandbox::Sandbox& sandbox);
}  // namespace detail

}  // namespace rb::verifiers::code
