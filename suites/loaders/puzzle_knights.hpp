#pragma once
// knights_and_knaves — Logic-RL's Knights and Knaves test sets, knights_and_knaves_logic_rl/
// kk_{3..7}ppl_test.jsonl.gz (100 puzzles each, 500 in all), graded by the "knights_and_knaves"
// verifier against each record's `solution`. Parameter people=3..7 loads one file (default: all
// five). --data may name one file or the folder.
#include "harness/core/problem.hpp"
#include "suites/params.hpp"

namespace rb::suites {

struct LoadOptions;

Suite load_knights_data(SuiteParams& params, const LoadOptions& options);

}  // namespace rb::suites
