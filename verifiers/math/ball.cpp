#include "verifiers/math/ball.hpp"

#include <algorithm>

namespace rb::verifiers::math {

namespace {

mpf_class abs_low(const mpf_class& x)
{
  mpf_class r(0, k_radius_bits);
  mpf_abs(r.get_mpf_t(), x.get_mpf_t());
  return r;
}

/// Radius arithmetic rounds toward zero; a 1 + 2^-50 factor makes each sum an upper bound.
mpf_class widen(const mpf_class& r)
{
  mpf_class out(r, k_radius_bits);
  mpf_class tiny(r, k_radius_bits);
  mpf_div_2exp(tiny.get_mpf_t(), tiny.get_mpf_t(), 50);
  out += tiny;
  return out;
}

}  // namespace

Ball::Ball(unsigned long precision)
    : re(0, precision), im(0, precision), rad(0, k_radius_bits), real(true), prec(precision)
{
}

Ball Ball::exact(const mpq_class& value, unsigned long precision)
{
  Ball b(precision);
  mpf_set_q(b.re.get_mpf_t(), value.get_mpq_t());
  b.rad = rounding(b);
  return b;
}

Ball Ball::from_float(const mpf_class& value, unsigned long precision)
{
  Ball b(precision);
  b.re = value;
  return b;
}

mpf_class magnitude_upper(const Ball& z)
{
  mpf_class m = abs_low(z.re);
  if (!z.real) {
    m += abs_low(z.im);
  }
  m += z.rad;
  return widen(m);
}

mpf_class magnitude_lower(const Ball& z)
{
  mpf_class m = abs_low(z.re);
  if (!z.real) {
    m = std::max(m, abs_low(z.im));
  }
  m -= z.rad;
  m -= rounding(z);
  return m;
}

mpf_class rounding(const Ball& z)
{
  mpf_class m = abs_low(z.re);
  if (!z.real) {
    m += abs_low(z.im);
  }
  mpf_div_2exp(m.get_mpf_t(), m.get_mpf_t(), z.prec > 4 ? z.prec - 4 : 0);
  return m;
}

Ball add(const Ball& a, const Ball& b)
{
  Ball r(std::max(a.prec, b.prec));
  r.re = a.re + b.re;
  r.real = a.real && b.real;
  if (!r.real) {
    r.im = a.im + b.im;
  }
  r.rad = widen(a.rad + b.rad + rounding(r));
  return r;
}

Ball neg(const Ball& a)
{
  Ball r = a;
  r.re = -a.re;
  r.im = -a.im;
  return r;
}

Ball sub(const Ball& a, const Ball& b) { return add(a, neg(b)); }

Ball mul(const Ball& a, const Ball& b)
{
  Ball r(std::max(a.prec, b.prec));
  r.real = a.real && b.real;
  if (r.real) {
    r.re = a.re * b.re;
  } else {
    r.re = a.re * b.re - a.im * b.im;
    r.im = a.re * b.im + a.im * b.re;
  }
  mpf_class ma = magnitude_upper(a) - a.rad;
  mpf_class mb = magnitude_upper(b) - b.rad;
  r.rad = widen(ma * b.rad + mb * a.rad + a.rad * b.rad + 4 * rounding(r));
  return r;
}

std::optional<Ball> inv(const Ball& a)
{
  mpf_class m = abs_low(a.re);
  if (!a.real) {
    m = std::max(m, abs_low(a.im));
  }
  if (m <= a.rad || m == 0) {
    return std::nullopt;
  }
  Ball r(a.prec);
  r.real = a.real;
  if (a.real) {
    r.re = 1 / a.re;
  } else {
    mpf_class norm(0, a.prec);
    norm = a.re * a.re + a.im * a.im;
    r.re = a.re / norm;
    r.im = -a.im / norm;
  }
  mpf_class gap = m - a.rad;
  r.rad = widen(a.rad / (m * gap) + 8 * rounding(r));
  return r;
}

std::optional<Ball> div(const Ball& a, const Ball& b)
{
  auto ib = inv(b);
  if (!ib) {
    return std::nullopt;
  }
  return mul(a, *ib);
}

Ball mul_i(const Ball& a)
{
  Ball r = a;
  r.re = -a.im;
  r.im = a.re;
  r.real = false;
  return r;
}

Ball scale(const Ball& a, const mpq_class& q) { return mul(a, Ball::exact(q, a.prec)); }

BallOrder compare_balls(const Ball& a, const Ball& b, unsigned long agree_bits, bool final)
{
  const unsigned long prec = std::max(a.prec, b.prec);
  mpf_class dre(a.re - b.re, prec);
  mpf_class dim(0, prec);
  if (!a.real || !b.real) {
    dim = a.im - b.im;
  }
  mpf_class dist_low = std::max(abs_low(dre), abs_low(dim));
  mpf_class dist_high = abs_low(dre) + abs_low(dim);
  Ball scratch(prec);
  scratch.re = abs_low(a.re) + abs_low(b.re) + abs_low(a.im) + abs_low(b.im);
  const mpf_class slack = rounding(scratch);
  mpf_class rsum = widen(a.rad + b.rad + slack);
  if (dist_low > rsum) {
    return BallOrder::different;
  }
  mpf_class size = std::max(magnitude_upper(a), magnitude_upper(b));
  // Beyond 2^(prec - agree_bits) the precision no longer resolves units: 10^{10^{10}} and
  // 10^{10^{10}} + 1 overlap at any feasible precision, so overlap proves nothing there.
  long size_exp = 0;
  mpf_get_d_2exp(&size_exp, size.get_mpf_t());
  if (size_exp > static_cast<long>(prec) - static_cast<long>(agree_bits)) {
    return BallOrder::unknown;
  }
  if (final) {
    return BallOrder::equal;
  }
  mpf_class spread = rsum + dist_high;
  if (spread == 0) {
    return BallOrder::equal;
  }
  mpf_div_2exp(size.get_mpf_t(), size.get_mpf_t(), agree_bits);
  return spread <= size ? BallOrder::equal : BallOrder::unknown;
}

int order_real(const Ball& a, const Ball& b)
{
  if (!a.real || !b.real) {
    return 0;
  }
  mpf_class gap(b.re - a.re, std::max(a.prec, b.prec));
  mpf_class r = widen(a.rad + b.rad);
  if (gap > r) {
    return -1;
  }
  if (-gap > r) {
    return 1;
  }
  return 0;
}

}  // namespace rb::verifiers::math
