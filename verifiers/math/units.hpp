#pragma once
// Units written after an answer ("5 cm", "125 miles", "864 inches^2", "4:30 p.m."): a name, a
// dimension and a factor to the dimension's base unit. Units are ignored when only one side has
// one; two units must agree ("5 cm" is not "5 m": a known mistake of graders that strip units),
// with conversion inside a dimension ("2 hours" = "120 minutes"). Internal.
#include <gmpxx.h>

#include <optional>
#include <string>
#include <string_view>

namespace rb::verifiers::math {

struct Unit {
  std::string name;       ///< canonical ("centimeter", "mile^2")
  std::string dimension;  ///< "length", "length^2", "time", "money", "word:apple"...
  mpq_class factor;       ///< value in the dimension's base unit
};

/// The unit a parsed suffix names; nothing for neutral words ("units", "square units").
std::optional<Unit> read_unit(std::string_view text);

}  // namespace rb::verifiers::math
