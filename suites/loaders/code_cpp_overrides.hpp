#pragma once
// HumanEval-X tests that the harness cannot split as written, rewritten once here: their main()
// loops over random inputs and computes the expected value inside the test program (and, for
// the decode problems, the input from the expected value, which must never reach a candidate).
// Each rewrite keeps the dataset's assertions and replaces its loop by the same kind of inputs,
// drawn from a fixed seed and written out as literals (docs/code.md lists them).
#include <nlohmann/json_fwd.hpp>

#include <string>

namespace rb::suites {

/// Sets task["test"] (a rewritten test) or task["split"] (ready-made tests) for `task_id`
/// ("CPP/32", "CPP/38", "CPP/44", "CPP/50", "CPP/53", "CPP/151"); false for any other problem.
bool apply_humaneval_x_override(const std::string& task_id, const std::string& test, nlohmann::json& task);

}  // namespace rb::suites
