#pragma once
// gen:linear_system — seeded systems of n linear equations in n unknowns with integer
// coefficients and a unique integer solution (the matrix is nonsingular: Bareiss determinant).
// Difficulty 1..5: 2, 3, 3, 4, 5 unknowns; coefficients up to 5 (1) or 9; solutions within
// +-10 (1-2) or +-20.
#include <vector>

#include "harness/core/problem.hpp"
#include "suites/generators/gen_common.hpp"

namespace rb::suites {

struct LinearSystemOptions {
  GenOptions gen;
  int unknowns = 0;  ///< 2..6; 0: from the difficulty
};

std::vector<Problem> generate_linear_system(const LinearSystemOptions& options);

}  // namespace rb::suites
