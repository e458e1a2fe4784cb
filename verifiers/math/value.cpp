#include "verifiers/math/value.hpp"

#include <cstdlib>

namespace rb::verifiers::math {

namespace {

constexpr long k_max_ball_integer_power = 64;  // larger integer powers of balls go through exp/log

Ball ball_power_int(const Ball& base, long n)
{
  Ball result = Ball::exact(1, base.prec);
  Ball b = base;
  long k = std::labs(n);
  while (k > 0) {
    if (k & 1) {
      result = mul(result, b);
    }
    k >>= 1;
    if (k > 0) {
      b = mul(b, b);
    }
  }
  return result;
}

const Value* problem(const Value& a, const Value& b)
{
  if (!a.ok()) {
    return &a;
  }
  if (!b.ok()) {
    return &b;
  }
  return nullptr;
}

bool is_e(const Form& f)
{
  return f.terms().size() == 1 && f.terms()[0].coef == 1 && f.terms()[0].m.e == 1 && f.terms()[0].m.pi == 0 &&
         f.terms()[0].m.radicand == 1 && !f.terms()[0].m.imag;
}

Value from_ball(std::optional<Ball> b, const char* why)
{
  return b ? Value::of(std::move(*b)) : Value::undefined(why);
}

}  // namespace

Value Value::of(Form f)
{
  Value v;
  v.state = State::exact;
  v.form = std::move(f);
  return v;
}

Value Value::of(Ball b)
{
  Value v;
  v.state = State::approx;
  v.ball.emplace(std::move(b));
  return v;
}

Value Value::undefined(std::string why)
{
  Value v;
  v.state = State::undefined;
  v.why = std::move(why);
  return v;
}

Value Value::unevaluable(std::string why)
{
  Value v;
  v.state = State::unevaluable;
  v.why = std::move(why);
  return v;
}

Ball Value::to_ball(unsigned long precision) const
{
  if (state == State::approx) {
    return *ball;
  }
  Ball acc(precision);
  for (const auto& t : form.terms()) {
    Ball term = Ball::exact(t.coef, precision);
    if (t.m.pi != 0) {
      Ball p = ball_power_int(ball_pi(precision), t.m.pi);
      term = t.m.pi > 0 ? mul(term, p) : *div(term, p);
    }
    if (t.m.e != 0) {
      Ball e = ball_power_int(ball_e(precision), t.m.e);
      term = t.m.e > 0 ? mul(term, e) : *div(term, e);
    }
    if (t.m.radicand != 1) {
      term = mul(term, *ball_sqrt(Ball::exact(mpq_class(static_cast<unsigned long>(t.m.radicand)), precision)));
    }
    if (t.m.imag) {
      term = mul_i(term);
    }
    acc = add(acc, term);
  }
  return acc;
}

std::optional<mpq_class> Value::rational() const
{
  if (state != State::exact) {
    return std::nullopt;
  }
  return form.rational_value();
}

std::optional<long> Value::small_integer() const
{
  const auto q = rational();
  if (!q || q->get_den() != 1 || !q->get_num().fits_slong_p()) {
    return std::nullopt;
  }
  return q->get_num().get_si();
}

Value value_add(const Value& a, const Value& b, unsigned long precision)
{
  if (const Value* p = problem(a, b)) {
    return *p;
  }
  if (a.state == Value::State::exact && b.state == Value::State::exact) {
    if (auto f = add(a.form, b.form)) {
      return Value::of(std::move(*f));
    }
  }
  return Value::of(add(a.to_ball(precision), b.to_ball(precision)));
}

Value value_neg(const Value& a)
{
  if (!a.ok()) {
    return a;
  }
  if (a.state == Value::State::exact) {
    return Value::of(*negate(a.form));
  }
  return Value::of(neg(*a.ball));
}

Value value_mul(const Value& a, const Value& b, unsigned long precision)
{
  if (const Value* p = problem(a, b)) {
    return *p;
  }
  if (a.state == Value::State::exact && b.state == Value::State::exact) {
    if (auto f = multiply(a.form, b.form)) {
      return Value::of(std::move(*f));
    }
  }
  return Value::of(mul(a.to_ball(precision), b.to_ball(precision)));
}

Value value_div(const Value& a, const Value& b, unsigned long precision)
{
  if (const Value* p = problem(a, b)) {
    return *p;
  }
  if (b.state == Value::State::exact) {
    if (b.form.is_zero()) {
      return Value::undefined("division by zero");
    }
    if (a.state == Value::State::exact) {
      if (const auto inv = inverse(b.form)) {
        if (auto f = multiply(a.form, *inv)) {
          return Value::of(std::move(*f));
        }
      }
    }
  }
  return from_ball(div(a.to_ball(precision), b.to_ball(precision)), "division by a value too close to 0");
}

Value value_pow(const Value& a, const Value& b, unsigned long precision)
{
  if (const Value* p = problem(a, b)) {
    return *p;
  }
  if (const auto q = b.rational()) {
    const bool a_zero = a.state == Value::State::exact && a.form.is_zero();
    if (a_zero) {
      if (*q > 0) {
        return Value::rational(0);
      }
      return *q == 0 ? Value::rational(1) : Value::undefined("0 to a negative power");
    }
    if (q->get_den() == 1) {
      if (!q->get_num().fits_slong_p()) {
        return Value::unevaluable("exponent too large");
      }
      const long n = q->get_num().get_si();
      if (a.state == Value::State::exact) {
        if (auto f = power(a.form, n)) {
          return Value::of(std::move(*f));
        }
      }
      if (std::labs(n) <= k_max_ball_integer_power) {
        Ball r = ball_power_int(a.to_ball(precision), n);
        return n >= 0 ? Value::of(std::move(r)) : from_ball(inv(r), "0 to a negative power");
      }
    } else if (const auto base = a.rational(); base && *base > 0 && q->get_den().fits_ulong_p() &&
                                                 q->get_num().fits_slong_p()) {
      const unsigned long d = q->get_den().get_ui();
      const long n = q->get_num().get_si();
      std::optional<Form> root;
      if (d == 2) {
        root = square_root(Form::rational(*base));
      } else if (const auto r = exact_root(*base, d)) {
        root = Form::rational(*r);
      }
      if (root) {
        if (auto f = power(*root, n)) {
          return Value::of(std::move(*f));
        }
      }
    }
  }
  // x^{p/q} with odd q for a negative real x is the real root, as \sqrt[q]{x}^p: x^{2/3} and
  // (\sqrt[3]{x})^2 agree for every real x (the principal complex power would not).
  if (const auto q = b.rational(); q && q->get_den() != 1 && mpz_odd_p(q->get_den_mpz_t()) != 0 &&
                                    q->get_num().fits_slong_p()) {
    const Ball base = a.to_ball(precision);
    if (base.real && order_real(base, Ball::exact(0, precision)) < 0) {
      auto r = ball_pow(neg(base), Ball::exact(*q, precision));
      if (!r) {
        return Value::undefined("power out of range");
      }
      return Value::of(mpz_odd_p(q->get_num_mpz_t()) != 0 ? neg(*r) : *r);
    }
  }
  if (a.state == Value::State::exact && is_e(a.form)) {
    return from_ball(ball_exp(b.to_ball(precision)), "exponent out of range");
  }
  return from_ball(ball_pow(a.to_ball(precision), b.to_ball(precision)), "power out of range or at a branch cut");
}

}  // namespace rb::verifiers::math
