#include "verifiers/math/evaluate_functions.hpp"

#include <cstdlib>

namespace rb::verifiers::math {

namespace {

constexpr long k_max_binomial_k = 100'000;

Value ball_result(std::optional<Ball> b, const char* why)
{
  return b ? Value::of(std::move(*b)) : Value::undefined(why);
}

Value pi_over(long n) { return Value::of(Form::monomial(Monomial{1, 0, 1, false}, mpq_class(1, n))); }

bool is_zero(const Value& v) { return v.state == Value::State::exact && v.form.is_zero(); }

Value sqrt_value(const Value& x, unsigned long prec)
{
  if (x.state == Value::State::exact) {
    if (auto f = square_root(x.form)) {
      return Value::of(std::move(*f));
    }
  }
  return ball_result(ball_sqrt(x.to_ball(prec)), "square root at 0 or across a branch cut");
}

Value root_value(const Value& x, const Value& index, unsigned long prec)
{
  const auto n = index.small_integer();
  if (!n || *n < 2 || *n > 1000) {
    return Value::unevaluable("root index is not a small integer");
  }
  if (*n == 2) {
    return sqrt_value(x, prec);
  }
  if (const auto q = x.rational()) {
    if (const auto r = exact_root(*q, static_cast<unsigned long>(*n))) {
      return Value::rational(*r);
    }
  }
  Ball b = x.to_ball(prec);
  const bool odd_negative = b.real && b.re < 0 && *n % 2 == 1;  // \sqrt[3]{-8} = -2, the real root
  if (odd_negative) {
    b = neg(b);
  }
  auto r = ball_pow(b, Ball::exact(mpq_class(1, *n), prec));
  if (!r) {
    return Value::undefined("root at 0");
  }
  return Value::of(odd_negative ? neg(*r) : *r);
}

Value abs_value(const Value& x, unsigned long prec)
{
  if (x.state == Value::State::exact) {
    if (const auto q = x.rational()) {
      return Value::rational(abs(*q));
    }
    if (x.form.is_real()) {
      const int sign = order_real(Ball::exact(0, prec), x.to_ball(prec));
      if (sign != 0) {
        return sign < 0 ? x : value_neg(x);
      }
    }
    // a + b i with rational a, b: sqrt(a^2 + b^2)
    const auto& t = x.form.terms();
    bool gaussian = true;
    mpq_class norm = 0;
    for (const auto& term : t) {
      gaussian = gaussian && term.m.pi == 0 && term.m.e == 0 && term.m.radicand == 1;
      norm += term.coef * term.coef;
    }
    if (gaussian) {
      return sqrt_value(Value::rational(norm), prec);
    }
  }
  return ball_result(ball_abs(x.to_ball(prec)), "abs");
}

Value trig(const std::string& name, const Value& x, unsigned long prec)
{
  if (is_zero(x)) {
    if (name == "sin" || name == "tan" || name == "sinh" || name == "tanh") {
      return Value::rational(0);
    }
    if (name == "cos" || name == "sec" || name == "cosh") {
      return Value::rational(1);
    }
  }
  const Ball b = x.to_ball(prec);
  if (name == "sin") {
    return ball_result(ball_sin(b), "sin");
  }
  if (name == "cos") {
    return ball_result(ball_cos(b), "cos");
  }
  if (name == "sinh" || name == "cosh" || name == "tanh") {
    const auto ep = ball_exp(b);
    const auto em = ball_exp(neg(b));
    if (!ep || !em) {
      return Value::undefined("hyperbolic function out of range");
    }
    const Ball s = scale(sub(*ep, *em), mpq_class(1, 2));
    const Ball c = scale(add(*ep, *em), mpq_class(1, 2));
    if (name == "sinh") {
      return Value::of(s);
    }
    if (name == "cosh") {
      return Value::of(c);
    }
    return ball_result(div(s, c), "tanh");
  }
  const auto s = ball_sin(b);
  const auto c = ball_cos(b);
  if (!s || !c) {
    return Value::undefined("trigonometric function out of range");
  }
  if (name == "tan") {
    return ball_result(div(*s, *c), "tan at a pole");
  }
  if (name == "cot") {
    return ball_result(div(*c, *s), "cot at a pole");
  }
  if (name == "sec") {
    return ball_result(inv(*c), "sec at a pole");
  }
  return ball_result(inv(*s), "csc at a pole");  // csc
}

Value inverse_trig(const std::string& name, const Value& x, unsigned long prec)
{
  if (const auto q = x.rational()) {
    if (*q == 0) {
      return name == "arccos" || name == "arccot" ? pi_over(2) : Value::rational(0);
    }
    if ((name == "arcsin" || name == "arccos") && abs(*q) == 1) {
      if (name == "arcsin") {
        return *q > 0 ? pi_over(2) : value_neg(pi_over(2));
      }
      return *q > 0 ? Value::rational(0) : pi_over(1);
    }
  }
  Ball b = x.to_ball(prec);
  if (!b.real) {
    return Value::unevaluable("inverse trigonometric function of a complex value");
  }
  if (name == "arctan") {
    return ball_result(ball_atan(b), "arctan");
  }
  if (name == "arccot") {
    const auto a = ball_atan(b);
    return a ? Value::of(sub(scale(ball_pi(prec), mpq_class(1, 2)), *a)) : Value::undefined("arccot");
  }
  // arcsin x = atan(x / sqrt(1 - x^2)) for |x| < 1
  const auto root = ball_sqrt(sub(Ball::exact(1, prec), mul(b, b)));
  if (!root || !root->real) {
    return Value::undefined("arcsin or arccos outside [-1, 1]");
  }
  const auto ratio = div(b, *root);
  const auto a = ratio ? ball_atan(*ratio) : std::nullopt;
  if (!a) {
    return Value::undefined("arcsin");
  }
  if (name == "arcsin") {
    return Value::of(*a);
  }
  return Value::of(sub(scale(ball_pi(prec), mpq_class(1, 2)), *a));  // arccos
}

bool is_e_power(const Form& f, int* power)
{
  if (f.terms().size() != 1) {
    return false;
  }
  const Term& t = f.terms()[0];
  if (t.coef != 1 || t.m.pi != 0 || t.m.radicand != 1 || t.m.imag) {
    return false;
  }
  *power = t.m.e;
  return true;
}

Value log_value(const Value& x, unsigned long prec)
{
  if (x.state == Value::State::exact) {
    int power = 0;
    if (is_e_power(x.form, &power)) {
      return Value::rational(power);
    }
    if (is_zero(x)) {
      return Value::undefined("log of 0");
    }
  }
  return ball_result(ball_log(x.to_ball(prec)), "log at 0 or across a branch cut");
}

Value exp_value(const Value& x, unsigned long prec)
{
  if (const auto n = x.small_integer(); n && std::labs(*n) <= k_max_constant_power) {
    return Value::of(Form::monomial(Monomial{0, static_cast<int>(*n), 1, false}));
  }
  return ball_result(ball_exp(x.to_ball(prec)), "exp out of range");
}

Value rounding_function(const std::string& name, const Value& x, unsigned long prec)
{
  const bool ceiling = name == "ceil";
  if (const auto q = x.rational()) {
    mpz_class r;
    if (ceiling) {
      mpz_cdiv_q(r.get_mpz_t(), q->get_num_mpz_t(), q->get_den_mpz_t());
    } else {
      mpz_fdiv_q(r.get_mpz_t(), q->get_num_mpz_t(), q->get_den_mpz_t());
    }
    return Value::rational(mpq_class(r));
  }
  const Ball b = x.to_ball(prec);
  if (!b.real) {
    return Value::unevaluable("floor of a complex value");
  }
  mpf_class low(b.re - b.rad, prec);
  mpf_class high(b.re + b.rad, prec);
  mpf_class fl(0, prec);
  mpf_class fh(0, prec);
  if (ceiling) {
    fl = ceil(low);
    fh = ceil(high);
  } else {
    fl = floor(low);
    fh = floor(high);
  }
  if (fl != fh) {
    return Value::unevaluable(std::string(k_step_undecided));
  }
  mpz_class r(fl);
  return Value::rational(mpq_class(r));
}

Value integer_function(const std::string& name, const std::vector<Value>& args)
{
  std::vector<mpz_class> n;
  for (const auto& a : args) {
    const auto q = a.rational();
    if (!q || q->get_den() != 1) {
      return Value::unevaluable(name + " of a non-integer");
    }
    n.push_back(q->get_num());
  }
  if (n.empty()) {
    return Value::unevaluable(name + " without arguments");
  }
  mpz_class acc = n[0];
  for (std::size_t i = 1; i < n.size(); ++i) {
    if (name == "gcd") {
      mpz_gcd(acc.get_mpz_t(), acc.get_mpz_t(), n[i].get_mpz_t());
    } else {
      mpz_lcm(acc.get_mpz_t(), acc.get_mpz_t(), n[i].get_mpz_t());
    }
  }
  return Value::rational(mpq_class(abs(acc)));
}

Value binomial(const std::vector<Value>& args, unsigned long prec)
{
  if (args.size() != 2) {
    return Value::unevaluable("binom needs two arguments");
  }
  const auto n = args[0].rational();
  const auto k = args[1].small_integer();
  if (!k) {
    return Value::unevaluable("binom with a non-integer lower index");
  }
  if (!n || n->get_den() != 1) {
    // n(n-1)...(n-k+1)/k! for any n: \binom{n}{2} = n(n-1)/2 as polynomials.
    if (*k < 0 || *k > 64) {
      return Value::unevaluable("binom of a non-integer with a large index");
    }
    Value acc = Value::rational(1);
    for (long i = 0; i < *k && acc.ok(); ++i) {
      acc = value_mul(acc, value_add(args[0], Value::rational(-i), prec), prec);
      acc = value_div(acc, Value::rational(i + 1), prec);
    }
    return acc;
  }
  if (*k < 0) {
    return Value::rational(0);
  }
  if (*k > k_max_binomial_k || mpz_sizeinbase(n->get_num_mpz_t(), 2) * static_cast<std::size_t>(*k) > k_max_exact_bits) {
    return Value::unevaluable("binomial too large");
  }
  mpz_class r;
  mpz_bin_ui(r.get_mpz_t(), n->get_num_mpz_t(), static_cast<unsigned long>(*k));
  return Value::rational(mpq_class(r));
}

Value extremum(const std::string& name, const std::vector<Value>& args, unsigned long prec)
{
  std::size_t best = 0;
  for (std::size_t i = 1; i < args.size(); ++i) {
    const int order = order_real(args[i].to_ball(prec), args[best].to_ball(prec));
    if (args[i].rational() && args[best].rational()) {
      const bool less = *args[i].rational() < *args[best].rational();
      if ((name == "min") == less && *args[i].rational() != *args[best].rational()) {
        best = i;
      }
      continue;
    }
    if (order == 0) {
      return Value::unevaluable(name + " of values too close to order");
    }
    if ((name == "min") == (order < 0)) {
      best = i;
    }
  }
  return args[best];
}

}  // namespace

Value factorial(const Value& n)
{
  if (!n.ok()) {
    return n;
  }
  const auto k = n.small_integer();
  if (!k || *k < 0) {
    return Value::unevaluable("factorial of a non-integer");
  }
  if (*k > k_max_factorial) {
    return Value::unevaluable("factorial too large to compute exactly");
  }
  mpz_class r;
  mpz_fac_ui(r.get_mpz_t(), static_cast<unsigned long>(*k));
  return Value::rational(mpq_class(r));
}

Value call_function(const std::string& name, const std::vector<Value>& args, unsigned long prec)
{
  if (args.empty()) {
    return Value::unevaluable(name + " without arguments");
  }
  const Value& x = args[0];
  if (name == "sqrt" && args.size() == 1) {
    return sqrt_value(x, prec);
  }
  if (name == "root" && args.size() == 2) {
    return root_value(x, args[1], prec);
  }
  if (name == "abs" && args.size() == 1) {
    return abs_value(x, prec);
  }
  if (name == "conj" && args.size() == 1) {
    if (x.state == Value::State::exact) {
      Form f;
      for (const auto& t : x.form.terms()) {
        f.add_term(t.m, t.m.imag ? mpq_class(-t.coef) : t.coef);
      }
      return Value::of(std::move(f));
    }
    Ball b = *x.ball;
    b.im = -b.im;
    return Value::of(std::move(b));
  }
  if (args.size() == 1 && (name == "sin" || name == "cos" || name == "tan" || name == "cot" || name == "sec" ||
                           name == "csc" || name == "sinh" || name == "cosh" || name == "tanh")) {
    return trig(name, x, prec);
  }
  if (args.size() == 1 && (name == "arcsin" || name == "arccos" || name == "arctan" || name == "arccot")) {
    return inverse_trig(name, x, prec);
  }
  if (name == "exp" && args.size() == 1) {
    return exp_value(x, prec);
  }
  if ((name == "ln" || name == "log") && args.size() == 1) {
    return log_value(x, prec);
  }
  if ((name == "log" && args.size() == 2) || (name == "lg" && args.size() == 1)) {
    const Value base = name == "lg" ? Value::rational(10) : args[1];
    return value_div(log_value(x, prec), log_value(base, prec), prec);
  }
  if ((name == "floor" || name == "ceil") && args.size() == 1) {
    return rounding_function(name, x, prec);
  }
  if (name == "gcd" || name == "lcm") {
    return integer_function(name, args);
  }
  if (name == "binom") {
    return binomial(args, prec);
  }
  if (name == "max" || name == "min") {
    return extremum(name, args, prec);
  }
  return Value::unevaluable("function " + name);
}

}  // namespace rb::verifiers::math
