// exp, log, sqrt, powers, trigonometry and pi on balls. Series with guard bits, argument
// reduction, and radii from the derivative's bound on the ball.
#include <algorithm>

#include "verifiers/math/ball.hpp"

namespace rb::verifiers::math {

namespace {

constexpr unsigned long k_constant_bits = 1344;  // pi and ln 2 are computed once at this precision
constexpr long k_max_argument_exponent = 40;     // exp(2^40) is out of range: nothing

long exponent_of(const mpf_class& x)
{
  if (x == 0) {
    return -1'000'000'000L;
  }
  long e = 0;
  mpf_get_d_2exp(&e, x.get_mpf_t());
  return e;
}

/// atan(1/n) = sum (-1)^k / ((2k+1) n^(2k+1)), for pi by Machin's formula.
mpf_class atan_inverse(unsigned long n, unsigned long prec)
{
  mpf_class power(1, prec);
  power /= n;
  mpf_class sum(power, prec);
  mpf_class term(0, prec);
  const unsigned long n2 = n * n;
  for (unsigned long k = 1;; ++k) {
    power /= n2;
    term = power / (2 * k + 1);
    if (exponent_of(term) < -static_cast<long>(prec) - 8) {
      break;
    }
    if (k % 2 == 1) {
      sum -= term;
    } else {
      sum += term;
    }
  }
  return sum;
}

const mpf_class& pi_constant()
{
  static const mpf_class k_pi = [] {
    const unsigned long prec = k_constant_bits + 64;
    mpf_class pi(16 * atan_inverse(5, prec) - 4 * atan_inverse(239, prec), prec);
    return pi;
  }();
  return k_pi;
}

const mpf_class& ln2_constant()
{
  static const mpf_class k_ln2 = [] {
    const unsigned long prec = k_constant_bits + 64;
    // ln 2 = 2 atanh(1/3) = 2 sum 1 / ((2k+1) 3^(2k+1))
    mpf_class power(1, prec);
    power /= 3;
    mpf_class sum(power, prec);
    mpf_class term(0, prec);
    for (unsigned long k = 1;; ++k) {
      power /= 9;
      term = power / (2 * k + 1);
      if (exponent_of(term) < -static_cast<long>(prec) - 8) {
        break;
      }
      sum += term;
    }
    return mpf_class(2 * sum, prec);
  }();
  return k_ln2;
}

mpf_class constant_at(const mpf_class& c, unsigned long prec) { return mpf_class(c, prec); }

std::optional<mpf_class> exp_real(const mpf_class& x, unsigned long prec)
{
  if (exponent_of(x) > k_max_argument_exponent) {
    return std::nullopt;
  }
  const unsigned long wp = prec + 64;
  const mpf_class ln2 = constant_at(ln2_constant(), std::min(wp + 48, k_constant_bits));
  mpf_class q(x / ln2, wp);
  const long k = mpf_get_si(mpf_class(floor(q + 0.5), wp).get_mpf_t());
  mpf_class r(x - k * ln2, wp);
  constexpr unsigned long s = 10;
  mpf_div_2exp(r.get_mpf_t(), r.get_mpf_t(), s);
  mpf_class sum(1, wp);
  mpf_class term(1, wp);
  for (unsigned long n = 1; n < 400; ++n) {
    term *= r;
    term /= n;
    sum += term;
    if (exponent_of(term) < -static_cast<long>(wp)) {
      break;
    }
  }
  for (unsigned long i = 0; i < s; ++i) {
    sum *= sum;
  }
  if (k >= 0) {
    mpf_mul_2exp(sum.get_mpf_t(), sum.get_mpf_t(), static_cast<unsigned long>(k));
  } else {
    mpf_div_2exp(sum.get_mpf_t(), sum.get_mpf_t(), static_cast<unsigned long>(-k));
  }
  return mpf_class(sum, prec);
}

/// log(x) for x > 0.
mpf_class log_real(const mpf_class& x, unsigned long prec)
{
  const unsigned long wp = prec + 64;
  long k = exponent_of(x);
  mpf_class m(x, wp);
  if (k >= 0) {
    mpf_div_2exp(m.get_mpf_t(), m.get_mpf_t(), static_cast<unsigned long>(k));
  } else {
    mpf_mul_2exp(m.get_mpf_t(), m.get_mpf_t(), static_cast<unsigned long>(-k));
  }
  if (m < 0.70710678) {
    m *= 2;
    --k;
  }
  mpf_class t((m - 1) / (m + 1), wp);
  mpf_class t2(t * t, wp);
  mpf_class sum(t, wp);
  mpf_class power(t, wp);
  mpf_class term(0, wp);
  for (unsigned long n = 1; n < 2000; ++n) {
    power *= t2;
    term = power / (2 * n + 1);
    sum += term;
    if (exponent_of(term) < -static_cast<long>(wp)) {
      break;
    }
  }
  const mpf_class ln2 = constant_at(ln2_constant(), std::min(wp + 48, k_constant_bits));
  return mpf_class(2 * sum + k * ln2, prec);
}

struct SinCos {
  mpf_class sin;
  mpf_class cos;
};

std::optional<SinCos> sin_cos_real(const mpf_class& x, unsigned long prec)
{
  const long ex = exponent_of(x);
  if (ex > k_max_argument_exponent) {
    return std::nullopt;
  }
  const unsigned long wp = prec + 64 + static_cast<unsigned long>(std::max(0L, ex));
  mpf_class half_pi = constant_at(pi_constant(), std::min(wp, k_constant_bits));
  mpf_div_2exp(half_pi.get_mpf_t(), half_pi.get_mpf_t(), 1);
  mpf_class q(x / half_pi, wp);
  const long k = mpf_get_si(mpf_class(floor(q + 0.5), wp).get_mpf_t());
  mpf_class r(x - k * half_pi, wp);
  constexpr unsigned long s = 8;
  mpf_div_2exp(r.get_mpf_t(), r.get_mpf_t(), s);
  mpf_class r2(r * r, wp);
  mpf_class sn(r, wp);
  mpf_class cs(1, wp);
  mpf_class term_s(r, wp);
  mpf_class term_c(1, wp);
  for (unsigned long n = 1; n < 400; ++n) {
    term_s *= r2;
    term_s /= (2 * n) * (2 * n + 1);
    term_c *= r2;
    term_c /= (2 * n - 1) * (2 * n);
    if (n % 2 == 1) {
      sn -= term_s;
      cs -= term_c;
    } else {
      sn += term_s;
      cs += term_c;
    }
    if (exponent_of(term_c) < -static_cast<long>(wp)) {
      break;
    }
  }
  for (unsigned long i = 0; i < s; ++i) {
    mpf_class next_s(2 * sn * cs, wp);
    cs = cs * cs - sn * sn;
    sn = next_s;
  }
  switch (((k % 4) + 4) % 4) {
    case 0:
      return SinCos{mpf_class(sn, prec), mpf_class(cs, prec)};
    case 1:
      return SinCos{mpf_class(cs, prec), mpf_class(-sn, prec)};
    case 2:
      return SinCos{mpf_class(-sn, prec), mpf_class(-cs, prec)};
    default:
      return SinCos{mpf_class(-cs, prec), mpf_class(sn, prec)};
  }
}

mpf_class atan_real(const mpf_class& x, unsigned long prec)
{
  const unsigned long wp = prec + 64;
  if (x == 0) {
    return mpf_class(0, prec);
  }
  const bool negative = x < 0;
  mpf_class y(abs(x), wp);
  const bool inverted = y > 1;
  if (inverted) {
    y = 1 / y;
  }
  for (int i = 0; i < 2; ++i) {  // atan y = 2 atan(y / (1 + sqrt(1 + y^2)))
    mpf_class root(0, wp);
    mpf_class arg(1 + y * y, wp);
    mpf_sqrt(root.get_mpf_t(), arg.get_mpf_t());
    y = y / (1 + root);
  }
  mpf_class y2(y * y, wp);
  mpf_class sum(y, wp);
  mpf_class power(y, wp);
  mpf_class term(0, wp);
  for (unsigned long n = 1; n < 2000; ++n) {
    power *= y2;
    term = power / (2 * n + 1);
    if (n % 2 == 1) {
      sum -= term;
    } else {
      sum += term;
    }
    if (exponent_of(term) < -static_cast<long>(wp)) {
      break;
    }
  }
  sum *= 4;
  if (inverted) {
    mpf_class half_pi = constant_at(pi_constant(), std::min(wp, k_constant_bits));
    mpf_div_2exp(half_pi.get_mpf_t(), half_pi.get_mpf_t(), 1);
    sum = half_pi - sum;
  }
  return mpf_class(negative ? mpf_class(-sum) : sum, prec);
}

/// The radius of f(ball) for a function whose derivative is bounded by `slope` on the ball, plus
/// a few rounding units of the result.
void set_radius(Ball& out, const Ball& in, const mpf_class& slope)
{
  out.rad = mpf_class(in.rad * slope, k_radius_bits) + 64 * rounding(out);
  out.rad *= mpf_class(1.0001, k_radius_bits);
}

bool too_wide(const Ball& z) { return z.rad > 0.0625; }

}  // namespace

Ball ball_pi(unsigned long precision)
{
  Ball b(precision);
  b.re = constant_at(pi_constant(), std::min(precision, k_constant_bits));
  b.rad = 16 * rounding(b);
  if (precision > k_constant_bits - 64) {
    b.rad += mpf_class(4, k_radius_bits);
    mpf_div_2exp(b.rad.get_mpf_t(), b.rad.get_mpf_t(), k_constant_bits - 8);
  }
  return b;
}

Ball ball_e(unsigned long precision)
{
  Ball b(precision);
  b.re = *exp_real(mpf_class(1, precision), precision);
  b.rad = 64 * rounding(b);
  return b;
}

std::optional<Ball> ball_exp(const Ball& z)
{
  if (too_wide(z)) {
    return std::nullopt;
  }
  const auto ex = exp_real(z.re, z.prec);
  if (!ex) {
    return std::nullopt;
  }
  Ball out(z.prec);
  if (z.real) {
    out.re = *ex;
  } else {
    const auto sc = sin_cos_real(z.im, z.prec);
    if (!sc) {
      return std::nullopt;
    }
    out.real = false;
    out.re = *ex * sc->cos;
    out.im = *ex * sc->sin;
  }
  set_radius(out, z, mpf_class(abs(*ex) * 2.2, k_radius_bits));  // |exp'| = |exp|, e^r - 1 <= 1.1 r
  return out;
}

std::optional<Ball> ball_log(const Ball& z)
{
  const mpf_class low = magnitude_lower(z);
  // Relative width: log(10^{300}) is fine with a radius of 2^800 (its derivative is 1/|z|).
  if (low <= 0 || z.rad * 16 > low) {
    return std::nullopt;
  }
  Ball out(z.prec);
  if (z.real && z.re > 0) {
    out.re = log_real(z.re, z.prec);
  } else {
    if (!z.real && z.re < 0 && abs(z.im) <= z.rad) {
      return std::nullopt;  // the ball crosses the branch cut
    }
    mpf_class norm(z.re * z.re + z.im * z.im, z.prec + 32);
    out.re = log_real(norm, z.prec) / 2;
    out.real = false;
    if (z.real) {
      out.im = ball_pi(z.prec).re;  // log of a negative real: log|x| + i pi
    } else if (z.re > 0) {
      out.im = atan_real(z.im / z.re, z.prec);
    } else if (z.re < 0) {
      const mpf_class pi = ball_pi(z.prec).re;
      out.im = atan_real(z.im / z.re, z.prec) + (z.im > 0 ? pi : mpf_class(-pi));
    } else {
      mpf_class half_pi = ball_pi(z.prec).re / 2;
      out.im = z.im > 0 ? half_pi : mpf_class(-half_pi);
    }
  }
  set_radius(out, z, mpf_class(1 / low, k_radius_bits));
  return out;
}

std::optional<Ball> ball_sqrt(const Ball& z)
{
  if (z.real && z.re == 0 && z.rad == 0) {
    return Ball(z.prec);
  }
  if (z.real) {
    const mpf_class low = magnitude_lower(z);
    if (low <= 0) {
      return std::nullopt;
    }
    Ball out(z.prec);
    mpf_class a(abs(z.re), z.prec);
    mpf_class root(0, z.prec);
    mpf_sqrt(root.get_mpf_t(), a.get_mpf_t());
    mpf_class low_root(0, k_radius_bits);
    mpf_sqrt(low_root.get_mpf_t(), low.get_mpf_t());
    if (z.re > 0) {
      out.re = root;
    } else {
      out.real = false;
      out.im = root;
    }
    set_radius(out, z, mpf_class(1 / low_root, k_radius_bits));  // |sqrt'| = 1/(2 sqrt)
    return out;
  }
  const auto l = ball_log(z);
  if (!l) {
    return std::nullopt;
  }
  return ball_exp(scale(*l, mpq_class(1, 2)));
}

std::optional<Ball> ball_pow(const Ball& base, const Ball& exponent)
{
  const auto l = ball_log(base);
  if (!l) {
    return std::nullopt;
  }
  return ball_exp(mul(exponent, *l));
}

std::optional<Ball> ball_sin(const Ball& z)
{
  if (too_wide(z)) {
    return std::nullopt;
  }
  const auto sc = sin_cos_real(z.re, z.prec);
  if (!sc) {
    return std::nullopt;
  }
  Ball out(z.prec);
  if (z.real) {
    out.re = sc->sin;
    set_radius(out, z, mpf_class(1, k_radius_bits));
    return out;
  }
  // sin(x + iy) = sin x cosh y + i cos x sinh y
  const auto ep = exp_real(z.im, z.prec);
  const auto em = exp_real(-z.im, z.prec);
  if (!ep || !em) {
    return std::nullopt;
  }
  out.real = false;
  out.re = sc->sin * (*ep + *em) / 2;
  out.im = sc->cos * (*ep - *em) / 2;
  set_radius(out, z, mpf_class((*ep + *em) * 1.2, k_radius_bits));
  return out;
}

std::optional<Ball> ball_cos(const Ball& z)
{
  if (too_wide(z)) {
    return std::nullopt;
  }
  const auto sc = sin_cos_real(z.re, z.prec);
  if (!sc) {
    return std::nullopt;
  }
  Ball out(z.prec);
  if (z.real) {
    out.re = sc->cos;
    set_radius(out, z, mpf_class(1, k_radius_bits));
    return out;
  }
  // cos(x + iy) = cos x cosh y - i sin x sinh y
  const auto ep = exp_real(z.im, z.prec);
  const auto em = exp_real(-z.im, z.prec);
  if (!ep || !em) {
    return std::nullopt;
  }
  out.real = false;
  out.re = sc->cos * (*ep + *em) / 2;
  out.im = -sc->sin * (*ep - *em) / 2;
  set_radius(out, z, mpf_class((*ep + *em) * 1.2, k_radius_bits));
  return out;
}

std::optional<Ball> ball_atan(const Ball& z)
{
  if (!z.real || too_wide(z)) {
    return std::nullopt;
  }
  Ball out(z.prec);
  out.re = atan_real(z.re, z.prec);
  set_radius(out, z, mpf_class(1, k_radius_bits));
  return out;
}

std::optional<Ball> ball_abs(const Ball& z)
{
  Ball out(z.prec);
  if (z.real) {
    out.re = abs(z.re);
    out.rad = z.rad;
    return out;
  }
  mpf_class norm(z.re * z.re + z.im * z.im, z.prec);
  mpf_sqrt(out.re.get_mpf_t(), norm.get_mpf_t());
  set_radius(out, z, mpf_class(1, k_radius_bits));
  return out;
}

}  // namespace rb::verifiers::math
