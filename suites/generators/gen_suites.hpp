#pragma once
// Suite loaders of the puzzle generators (gen:countdown, gen:sudoku, ...), for the suite table
// in suites/registry.cpp. Each reads n (1..1000000, default 50), seed (default 0) and
// difficulty (1..5, default 2) plus its own knobs (docs/puzzles.md), and refuses a data file.
#include "harness/core/problem.hpp"
#include "suites/params.hpp"

namespace rb::suites {

struct LoadOptions;

Suite load_gen_countdown(SuiteParams& params, const LoadOptions& options);
Suite load_gen_game24(SuiteParams& params, const LoadOptions& options);
Suite load_gen_knights(SuiteParams& params, const LoadOptions& options);
Suite load_gen_sudoku(SuiteParams& params, const LoadOptions& options);
Suite load_gen_zebra(SuiteParams& params, const LoadOptions& options);
Suite load_gen_shortest_path(SuiteParams& params, const LoadOptions& options);
Suite load_gen_cryptarithm(SuiteParams& params, const LoadOptions& options);
Suite load_gen_linear_system(SuiteParams& params, const LoadOptions& options);

}  // namespace rb::suites
