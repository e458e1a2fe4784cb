#pragma once
// Complex ball arithmetic on GMP floats: a midpoint at a chosen precision and a radius that
// bounds the distance to the true value. Used for values the exact forms cannot hold (logs,
// trig, x^{2/3}...): two balls that do not overlap are certainly different; two that overlap
// with a radius far below the values' size are equal to that many bits (identity testing, never
// a loose tolerance). Arbitrary exponent range, so 1/2004! is not 0 (Math-Verify issue #14).
// mpf has no global state here: every float gets its precision explicitly (thread-safe).
// Internal to verifiers/math.
#include <gmpxx.h>

#include <optional>

namespace rb::verifiers::math {

inline constexpr unsigned long k_radius_bits = 64;

struct Ball {
  mpf_class re;
  mpf_class im;
  mpf_class rad;     ///< >= |true value - (re + i im)|
  bool real = true;  ///< im is exactly 0 and the value is known to be real
  unsigned long prec = 0;

  explicit Ball(unsigned long precision);
  static Ball exact(const mpq_class& value, unsigned long precision);
  static Ball from_float(const mpf_class& value, unsigned long precision);  ///< rad 0 (caller adds)
};

/// An upper bound of |z| (|re| + |im| + rad).
mpf_class magnitude_upper(const Ball& z);
/// A lower bound of |z| (max(|re|, |im|) - rad), possibly negative.
mpf_class magnitude_lower(const Ball& z);
/// 2^(4 - prec) * |mid|: the rounding slack of one operation.
mpf_class rounding(const Ball& z);

Ball add(const Ball& a, const Ball& b);
Ball sub(const Ball& a, const Ball& b);
Ball neg(const Ball& a);
Ball mul(const Ball& a, const Ball& b);
/// Nothing when the ball may contain 0.
std::optional<Ball> inv(const Ball& a);
std::optional<Ball> div(const Ball& a, const Ball& b);
Ball mul_i(const Ball& a);
/// The ball times a rational (exact scaling plus rounding).
Ball scale(const Ball& a, const mpq_class& q);

/// Transcendental and algebraic functions (ball_functions.cpp). Nothing when the result is not
/// defined, not continuous across the ball (a branch cut), or out of range (overflow).
std::optional<Ball> ball_exp(const Ball& z);
std::optional<Ball> ball_log(const Ball& z);
std::optional<Ball> ball_sqrt(const Ball& z);
std::optional<Ball> ball_pow(const Ball& base, const Ball& exponent);
std::optional<Ball> ball_sin(const Ball& z);
std::optional<Ball> ball_cos(const Ball& z);
std::optional<Ball> ball_atan(const Ball& z);  ///< real arguments only
std::optional<Ball> ball_abs(const Ball& z);
Ball ball_pi(unsigned long precision);
Ball ball_e(unsigned long precision);

enum class BallOrder { equal, different, unknown };
/// Equal when the balls overlap and their radii are below 2^-`agree_bits` of their size (or when
/// `final` and they overlap at all); different when they do not overlap; unknown when they
/// overlap but are larger than 2^(precision - agree_bits) (units no longer resolved).
BallOrder compare_balls(const Ball& a, const Ball& b, unsigned long agree_bits, bool final);
/// Real balls only: -1 / +1 when a < b / a > b certainly, 0 otherwise.
int order_real(const Ball& a, const Ball& b);

}  // namespace rb::verifiers::math
