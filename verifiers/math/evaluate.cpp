#include "verifiers/math/evaluate.hpp"

#include "verifiers/math/evaluate_functions.hpp"

namespace rb::verifiers::math {

namespace {

constexpr long k_max_sum_terms = 1'000;

Value constant(const std::string& name)
{
  Monomial m;
  if (name == "pi") {
    m.pi = 1;
  } else if (name == "e") {
    m.e = 1;
  } else {
    m.imag = true;
  }
  return Value::of(Form::monomial(m));
}

/// \sum_{k=a}^{b} body and \prod with integer bounds (at most k_max_sum_terms terms).
Value big_operator(const Tree& tree, const Node& node, EvalContext& ctx)
{
  const Node& lower = node.kids[0];
  if ((node.text != "sum" && node.text != "prod") || lower.kind != NodeKind::relation || lower.text != "=" ||
      lower.kids.size() != 2 || lower.kids[0].kind != NodeKind::symbol) {
    return Value::unevaluable("\\" + node.text + " without integer bounds");
  }
  const auto from = evaluate(tree, lower.kids[1], ctx).small_integer();
  const auto to = evaluate(tree, node.kids[1], ctx).small_integer();
  if (!from || !to || *to - *from > k_max_sum_terms) {
    return Value::unevaluable("\\" + node.text + " without small integer bounds");
  }
  Assignment extended = ctx.variables != nullptr ? *ctx.variables : Assignment{};
  extended.emplace_back(lower.kids[0].text, 0);
  const Assignment* saved = ctx.variables;
  ctx.variables = &extended;
  Value acc = Value::rational(node.text == "sum" ? 0 : 1);
  for (long k = *from; k <= *to && acc.ok(); ++k) {
    extended.back().second = k;
    const Value term = evaluate(tree, node.kids[2], ctx);
    acc = node.text == "sum" ? value_add(acc, term, ctx.precision) : value_mul(acc, term, ctx.precision);
  }
  ctx.variables = saved;
  return acc;
}

/// An unknown function f(x) is a fixed pseudo-random function of its name and its arguments'
/// values: f(x) equals f(x) and f(2x/2), and differs from g(x) and f(x+1) (identity testing with
/// uninterpreted functions).
Value unknown_function(const Tree& tree, const Node& node, EvalContext& ctx)
{
  std::string key = node.text;
  for (const auto& k : node.kids) {
    const Value v = evaluate(tree, k, ctx);
    if (!v.ok()) {
      return v;
    }
    key += '|';
    if (v.state == Value::State::exact) {
      key += v.form.to_string();
    } else {
      mp_exp_t exp = 0;
      key += v.ball->re.get_str(exp, 10, 40) + "e" + std::to_string(exp);
      if (!v.ball->real) {
        key += "i" + v.ball->im.get_str(exp, 10, 40) + "e" + std::to_string(exp);
      }
    }
  }
  std::uint64_t h = 1469598103934665603ULL;  // FNV-1a
  for (const char c : key) {
    h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
  }
  constexpr unsigned long k_modulus = 1'000'003;
  return Value::rational(mpq_class(static_cast<long>(k_modulus + h % k_modulus), static_cast<long>(k_modulus)));
}

}  // namespace

Value evaluate(const Tree& tree, const Node& node, EvalContext& ctx)
{
  if (--ctx.steps_left < 0) {
    return Value::unevaluable("evaluation budget spent");
  }
  switch (node.kind) {
    case NodeKind::number:
      return Value::rational(tree.numbers[static_cast<std::size_t>(node.num)].value);
    case NodeKind::base_number: {
      mpz_class value;
      if (mpz_set_str(value.get_mpz_t(), node.text.c_str(), node.num) != 0) {
        return Value::unevaluable("bad base-" + std::to_string(node.num) + " digits");
      }
      return Value::rational(mpq_class(value));
    }
    case NodeKind::symbol:
      if (ctx.variables != nullptr) {
        for (const auto& [name, value] : *ctx.variables) {
          if (name == node.text) {
            return Value::rational(value);
          }
        }
      }
      return Value::unevaluable("free symbol " + node.text);
    case NodeKind::constant:
      return constant(node.text);
    case NodeKind::add: {
      Value acc = evaluate(tree, node.kids[0], ctx);
      for (std::size_t i = 1; i < node.kids.size() && acc.ok(); ++i) {
        acc = value_add(acc, evaluate(tree, node.kids[i], ctx), ctx.precision);
      }
      return acc;
    }
    case NodeKind::mul: {
      Value acc = evaluate(tree, node.kids[0], ctx);
      for (std::size_t i = 1; i < node.kids.size() && acc.ok(); ++i) {
        acc = value_mul(acc, evaluate(tree, node.kids[i], ctx), ctx.precision);
      }
      return acc;
    }
    case NodeKind::neg:
      return value_neg(evaluate(tree, node.kids[0], ctx));
    case NodeKind::div:
      return value_div(evaluate(tree, node.kids[0], ctx), evaluate(tree, node.kids[1], ctx), ctx.precision);
    case NodeKind::pow:
      return value_pow(evaluate(tree, node.kids[0], ctx), evaluate(tree, node.kids[1], ctx), ctx.precision);
    case NodeKind::percent:
      return value_div(evaluate(tree, node.kids[0], ctx), Value::rational(100), ctx.precision);
    case NodeKind::degree:
      return value_mul(evaluate(tree, node.kids[0], ctx), Value::of(Form::monomial(Monomial{1, 0, 1, false}, mpq_class(1, 180))),
                       ctx.precision);
    case NodeKind::with_unit:
      return evaluate(tree, node.kids[0], ctx);
    case NodeKind::factorial:
      return factorial(evaluate(tree, node.kids[0], ctx));
    case NodeKind::func: {
      std::vector<Value> args;
      args.reserve(node.kids.size());
      for (const auto& k : node.kids) {
        args.push_back(evaluate(tree, k, ctx));
        if (!args.back().ok()) {
          return args.back();
        }
      }
      return call_function(node.text, args, ctx.precision);
    }
    case NodeKind::opaque:
      return big_operator(tree, node, ctx);
    case NodeKind::infinity:
      return Value::unevaluable("infinity");
    case NodeKind::apply:
      return unknown_function(tree, node, ctx);
    case NodeKind::plus_minus:
      return Value::unevaluable("\\pm");
    default:
      return Value::unevaluable("not a number");
  }
}

}  // namespace rb::verifiers::math
