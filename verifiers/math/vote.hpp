#pragma once
// The canonical form of an answer for majority voting (Verdict::vote): equivalent answers get
// the same string in the common cases ("1/2" for 0.5, \frac12 and 1/2; "1/2*sqrt(2)" for
// \frac{\sqrt2}{2} and \frac{1}{\sqrt2}; lists and sets sorted). Values the exact forms cannot
// hold vote by their first 30 significant digits, expressions with variables by their values at
// two fixed points. Internal.
#include <string>

#include "verifiers/math/expr.hpp"

namespace rb::verifiers::math {

/// Bounded (evaluation step budget, output length); empty when the answer cannot be put in a
/// canonical form.
std::string vote_of(const Tree& tree);

}  // namespace rb::verifiers::math
