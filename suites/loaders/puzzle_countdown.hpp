#pragma once
// Real-data arithmetic puzzles, graded by the "countdown" verifier:
//   countdown  TinyZero's Countdown test set (2,001: 1,001 with 3 numbers, 1,000 with 4),
//              countdown_tinyzero/countdown_test.jsonl.gz; parameter use=all|subset.
//   game24     Tree-of-Thoughts' 24.csv (1,362 puzzles); parameter rows=900-999 (0-based,
//              inclusive; the ToT test slice, the default) or rows=all.
// No gold expression is published: the reference answer is found by exhaustive search.
#include "harness/core/problem.hpp"
#include "suites/params.hpp"

namespace rb::suites {

struct LoadOptions;

Suite load_countdown_data(SuiteParams& params, const LoadOptions& options);
Suite load_game24_data(SuiteParams& params, const LoadOptions& options);

}  // namespace rb::suites
