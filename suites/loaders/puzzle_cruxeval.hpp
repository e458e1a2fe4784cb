#pragma once
// cruxeval — CRUXEval (800 Python functions), cruxeval/cruxeval.jsonl, graded by running the
// function in the sandbox ("cruxeval" verifier). Parameter mode=output (predict f(input), the
// default) or mode=input (find an input giving the output); sandbox=weak runs the checker in
// the weaker sandbox (rlimits and seccomp only) where Linux namespaces are refused.
#include "harness/core/problem.hpp"
#include "suites/params.hpp"

namespace rb::suites {

struct LoadOptions;

Suite load_cruxeval_data(SuiteParams& params, const LoadOptions& options);

}  // namespace rb::suites
