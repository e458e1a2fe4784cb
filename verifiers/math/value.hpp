#pragma once
// A scalar value during evaluation: an exact canonical form when the arithmetic stays inside
// the forms, a high-precision ball otherwise; or the reason there is no value (undefined at
// this point, such as 1/0, or not evaluable at all, such as f(x) or a set). Internal.
#include <optional>
#include <string>
#include <string_view>

#include "verifiers/math/ball.hpp"
#include "verifiers/math/exact_form.hpp"

namespace rb::verifiers::math {

/// The reason of a floor or ceiling whose argument is too close to an integer at this point
/// (floor(log_2 8) with balls): the point cannot decide, the expression is not unevaluable.
inline constexpr std::string_view k_step_undecided = "floor or ceiling too close to an integer to decide";

struct Value {
  enum class State : std::uint8_t { exact, approx, undefined, unevaluable };
  State state = State::unevaluable;
  Form form;                ///< state exact
  std::optional<Ball> ball;  ///< state approx
  std::string why;          ///< states undefined and unevaluable

  static Value of(Form f);
  static Value of(Ball b);
  static Value rational(const mpq_class& q) { return of(Form::rational(q)); }
  static Value undefined(std::string why);
  static Value unevaluable(std::string why);
  bool ok() const { return state == State::exact || state == State::approx; }
  /// The value as a ball at `precision` (exact forms are converted); requires ok().
  Ball to_ball(unsigned long precision) const;
  /// The value when it is an exact rational.
  std::optional<mpq_class> rational() const;
  /// The value when it is an exact integer small enough for a long.
  std::optional<long> small_integer() const;
};

/// Arithmetic on values: exact when both are exact and the result stays a form, else balls.
/// Errors propagate: an undefined or unevaluable operand gives that state.
Value value_add(const Value& a, const Value& b, unsigned long precision);
Value value_neg(const Value& a);
Value value_mul(const Value& a, const Value& b, unsigned long precision);
Value value_div(const Value& a, const Value& b, unsigned long precision);
Value value_pow(const Value& a, const Value& b, unsigned long precision);

}  // namespace rb::verifiers::math
