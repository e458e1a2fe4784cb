#pragma once
// The Python program that grades one CRUXEval prediction inside the sandbox, and the reading of
// its report. Output prediction: the prediction must be a Python literal (ast.literal_eval), and
// f(gold input) == prediction. Input prediction: the predicted arguments are evaluated under a
// whitelist (literals, lambdas, comprehensions, calls of safe builtins and of the code's own
// non-module names; no name or attribute starting with '_'), so model-written code cannot
// rebind f, exit early or print the result line itself; then f(*args) == gold output.
#include <string>
#include <string_view>

namespace rb::verifiers {

/// The checker program (main.py). It reads code.py, mode.txt ("output" or "input"),
/// input.txt, output.txt and prediction.txt, and ends its stdout with one line
/// "RB_RESULT <equal|different|not_literal|refused|raised|bad_gold> <detail>", preceded by
/// "RB_VOTE <repr>" when the prediction was evaluated.
std::string_view cruxeval_checker_source();

struct CheckReport {
  std::string status;  ///< empty when the program printed no result line
  std::string detail;
  std::string vote;  ///< repr of the predicted output (output mode) or of (args, kwargs) (input mode)
};

/// The last result line of the checker's stdout.
CheckReport parse_check_report(std::string_view stdout_text);

}  // namespace rb::verifiers
