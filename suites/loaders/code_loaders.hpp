#pragma once
// The code suites' loaders (docs/code.md), one per dataset, for the suite registry. Each reads
// the dataset's published file and builds problems whose checker_data the code verifier
// understands; the tests are split later, by the verifier's trusted pre-pass.
#include "suites/registry.hpp"

namespace rb::suites {

Suite load_humaneval(SuiteParams& params, const LoadOptions& options);
Suite load_mbpp(SuiteParams& params, const LoadOptions& options);        ///< sanitized, 427
Suite load_mbpp_full(SuiteParams& params, const LoadOptions& options);   ///< 974 (DeepSeek copy)
Suite load_mbpp_plus(SuiteParams& params, const LoadOptions& options);   ///< EvalPlus inputs
Suite load_leetcode_contest(SuiteParams& params, const LoadOptions& options);
Suite load_leetcodedataset(SuiteParams& params, const LoadOptions& options);
Suite load_codecontests(SuiteParams& params, const LoadOptions& options);
Suite load_codeforces(SuiteParams& params, const LoadOptions& options);
Suite load_humaneval_cpp(SuiteParams& params, const LoadOptions& options);    ///< MultiPL-E
Suite load_humaneval_x_cpp(SuiteParams& params, const LoadOptions& options);  ///< HumanEval-X

}  // namespace rb::suites
