#pragma once
// Loaders for the math suites, each reading its dataset's published format (../shared/data
// SOURCES.md): gsm8k, math500, aime24, aime25, hmmt_feb_2025, amc23, minerva_math,
// olympiadbench, and the generic "math" format {"id", "problem", "answer"}. Every suite is
// graded by the "math" verifier. Default files are relative to $REASONBENCH_DATA; problem ids
// are the dataset's own (or the record's index when it has none) and unique; every problem's
// reference is a correct final answer ("The final answer is \boxed{...}.") for serve-sim.
// Rows in suites/registry.cpp call these.
#include "harness/core/problem.hpp"
#include "suites/registry.hpp"

namespace rb::suites {

Suite load_gsm8k(SuiteParams& params, const LoadOptions& options);
Suite load_math500(SuiteParams& params, const LoadOptions& options);  ///< params: level, subject
Suite load_aime24(SuiteParams& params, const LoadOptions& options);
Suite load_aime25(SuiteParams& params, const LoadOptions& options);
Suite load_hmmt_feb_2025(SuiteParams& params, const LoadOptions& options);
Suite load_amc23(SuiteParams& params, const LoadOptions& options);
Suite load_minerva_math(SuiteParams& params, const LoadOptions& options);
Suite load_olympiadbench(SuiteParams& params, const LoadOptions& options);
/// The generic format: one JSON object per line with "id", "problem" and "answer"; needs a file.
Suite load_math_file(SuiteParams& params, const LoadOptions& options);

/// The content of the last \boxed{...} (or \fbox{}, \framebox{}) in `text`, braces balanced;
/// empty when there is none. Minerva's gold answer is the last box of its solution.
std::string last_boxed_content(std::string_view text);

}  // namespace rb::suites
