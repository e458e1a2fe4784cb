#pragma once
#include "harness/cli/grade_file.hpp"

namespace rb::cli {

/// Re-grades every stored sample of the chosen runs with the current verifiers, replaces their
/// verdicts (batched transactions) and reports how many verdicts changed.
int grade_database(const GradeFlags& flags);

}  // namespace rb::cli
