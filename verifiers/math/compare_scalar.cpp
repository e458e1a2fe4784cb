// Scalars: exact forms first, then identity testing at fixed rational points with
// high-precision balls; equations and inequalities up to moving terms and scaling.
#include <algorithm>

#include "verifiers/math/compare_impl.hpp"

namespace rb::verifiers::math {

namespace {

constexpr std::size_t k_max_variables = 16;
constexpr std::size_t k_integer_points = 40;  // integer test points for step functions
constexpr int k_min_decimal_digits = 15;  // a decimal this long is a float print of the exact value

/// Distinct positive rationals in (0.4, 6): each variable gets its own value at each point, so
/// x - y is never 0 by accident and sqrt(x), log(x), x^(2/3) stay real.
const std::vector<mpq_class>& point_table()
{
  static const std::vector<mpq_class> k_points = [] {
    std::vector<mpq_class> v;
    for (long i = 0; v.size() < 64 && i < 10'000; ++i) {
      mpq_class q(41 + (i * 37) % 211, 23 + (i * 19) % 31);
      q.canonicalize();
      if (q > mpq_class(2, 5) && q < 6 && std::find(v.begin(), v.end(), q) == v.end() && q.get_den() != 1) {
        v.push_back(q);
      }
    }
    return v;
  }();
  return k_points;
}

/// Non-integer rationals from 0.4 to ~300, for expressions with floor, ceiling, |x|, max, min:
/// piecewise functions agree on small ranges ("\lceil n/2 \rceil + 1" and
/// "\lfloor 2n/3 \rfloor + 1" agree for n < 6).
const std::vector<mpq_class>& wide_table()
{
  static const std::vector<mpq_class> k_points = [] {
    std::vector<mpq_class> v;
    for (long i = 0; v.size() < 64 && i < 10'000; ++i) {
      mpq_class q(101 + (i * 7919) % 30011, 29 + (i * 13) % 97);
      q.canonicalize();
      if (q > mpq_class(2, 5) && q < 320 && q.get_den() != 1 && std::find(v.begin(), v.end(), q) == v.end()) {
        v.push_back(q);
      }
    }
    return v;
  }();
  return k_points;
}

bool piecewise(const Node& n)
{
  if (n.kind == NodeKind::func && (n.text == "floor" || n.text == "ceil" || n.text == "abs" || n.text == "max" ||
                                   n.text == "min" || n.text == "sgn")) {
    return true;
  }
  return std::any_of(n.kids.begin(), n.kids.end(), [](const Node& k) { return piecewise(k); });
}

std::vector<Assignment> make_points(const std::vector<std::string>& vars, bool wide = false)
{
  if (vars.empty()) {
    return {Assignment{}};
  }
  const auto& table = wide ? wide_table() : point_table();
  std::vector<Assignment> points(static_cast<std::size_t>(wide ? k_identity_points * 4 : k_identity_points));
  for (std::size_t k = 0; k < points.size(); ++k) {
    for (std::size_t j = 0; j < vars.size(); ++j) {
      points[k].emplace_back(vars[j], table[(k * vars.size() + j) % table.size()]);
    }
  }
  if (wide) {
    // Step functions of an integer n differ on narrow ranges ("\lfloor\sqrt{n-1}\rfloor" and
    // "\lfloor\sqrt{n-2}\rfloor" only where n - 1 is a square): the integers 1..k_integer_points too.
    for (std::size_t k = 0; k < k_integer_points; ++k) {
      Assignment point;
      for (std::size_t j = 0; j < vars.size(); ++j) {
        point.emplace_back(vars[j], mpq_class(static_cast<long>((k * vars.size() + j) % k_integer_points + 1)));
      }
      points.push_back(std::move(point));
    }
  }
  return points;
}

std::vector<std::string> variables_of(const Node& a, const Node& b)
{
  std::vector<std::string> vars;
  collect_symbols(a, vars);
  collect_symbols(b, vars);
  std::sort(vars.begin(), vars.end());
  vars.erase(std::unique(vars.begin(), vars.end()), vars.end());
  return vars;
}

std::string value_text(const Value& v)
{
  if (v.state == Value::State::exact) {
    std::string s = v.form.to_string();
    return s.size() > 60 ? s.substr(0, 57) + "..." : s;
  }
  if (v.state == Value::State::approx) {
    mp_exp_t exp = 0;
    std::string digits = v.ball->re.get_str(exp, 10, 12);
    std::string out = digits.empty() ? "0" : (digits[0] == '-' ? "-0." + digits.substr(1) : "0." + digits);
    out += "e" + std::to_string(exp);
    if (!v.ball->real) {
      out += "+" + std::string(v.ball->im.get_str(exp, 10, 6)) + "..i";
    }
    return "~" + out;
  }
  return v.why;
}

std::string point_text(const Assignment* point)
{
  if (point == nullptr || point->empty()) {
    return "";
  }
  std::string out = " at ";
  for (std::size_t i = 0; i < point->size() && i < 3; ++i) {
    out += (i > 0 ? ", " : "") + (*point)[i].first + "=" + (*point)[i].second.get_str();
  }
  return out;
}

const Node* unwrap_negation(const Node& n, bool* negative)
{
  *negative = n.kind == NodeKind::neg;
  return n.kind == NodeKind::neg ? &n.kids[0] : &n;
}

/// A decimal literal with at least k_min_decimal_digits significant digits.
const NumberInfo* long_decimal(const Tree& tree, const Node& n)
{
  bool negative = false;
  const Node* inner = unwrap_negation(n, &negative);
  if (inner->kind != NodeKind::number) {
    return nullptr;
  }
  const NumberInfo& info = tree.numbers[static_cast<std::size_t>(inner->num)];
  if (info.decimals < 1 || info.repeating || info.scientific || info.significant_digits < k_min_decimal_digits) {
    return nullptr;
  }
  return &info;
}

/// The binary exponent of an upper bound of |v| (v.ok()).
long magnitude_bits(const Value& v, unsigned long precision)
{
  const mpf_class size = magnitude_upper(v.to_ball(precision));
  if (size == 0) {
    return 0;
  }
  long exp = 0;
  mpf_get_d_2exp(&exp, size.get_mpf_t());
  return exp;
}

bool is_marker(const Node& n) { return n.kind == NodeKind::percent || n.kind == NodeKind::degree; }

}  // namespace

Value Comparer::eval(const Tree& tree, const Node& node, const Assignment* point, unsigned long precision)
{
  EvalContext ctx;
  ctx.precision = precision;
  ctx.variables = point;
  ctx.steps_left = m_steps;
  Value v = evaluate(tree, node, ctx);
  m_steps = ctx.steps_left;
  return v;
}

Outcome Comparer::compare_values(const Value& a, const Value& b, unsigned long precision, bool final)
{
  if (a.state == Value::State::exact && b.state == Value::State::exact) {
    return a.form == b.form ? Outcome::equal : Outcome::different;
  }
  switch (compare_balls(a.to_ball(precision), b.to_ball(precision), k_agree_bits, final)) {
    case BallOrder::equal:
      return Outcome::equal;
    case BallOrder::different:
      return Outcome::different;
    default:
      return Outcome::unknown;
  }
}

/// One point: equal, different, unknown (not evaluable) or, with `skip`, undefined on both sides.
Outcome Comparer::values_at(const Node& g, const mpq_class& sg, const Node& p, const mpq_class& sp,
                            const Assignment* point, std::string* detail)
{
  unsigned long final_precision = k_final_precision;
  for (const bool final : {false, true}) {
    const unsigned long precision = final ? final_precision : k_precision;
    Value a = eval(m_gold, g, point, precision);
    Value b = eval(m_pred, p, point, precision);
    if (!a.ok() || !b.ok()) {
      if (a.state == Value::State::unevaluable || b.state == Value::State::unevaluable) {
        const std::string& why = a.state == Value::State::unevaluable ? a.why : b.why;
        if (final && why == k_step_undecided) {
          *detail = "skip";  // this point cannot decide; the others do
          return Outcome::unknown;
        }
        if (!final && why == k_step_undecided) {
          continue;  // perhaps decided at the final precision
        }
        *detail = "not evaluable: " + why;
        return Outcome::unknown;
      }
      if (!a.ok() && !b.ok()) {
        *detail = "skip";
        return Outcome::unknown;
      }
      if (!final) {
        continue;  // perhaps only too wide at this precision: decide at the final one
      }
      *detail = "defined on one side only" + point_text(point) + " (" + (a.ok() ? b.why : a.why) + ")";
      return Outcome::different;
    }
    if (sg != 1) {
      a = value_mul(a, Value::rational(sg), precision);
    }
    if (sp != 1) {
      b = value_mul(b, Value::rational(sp), precision);
    }
    const Outcome o = compare_values(a, b, precision, final);
    if (o == Outcome::different) {
      *detail = value_text(a) + " != " + value_text(b) + point_text(point);
      return o;
    }
    if (o == Outcome::equal) {
      const bool exact = a.state == Value::State::exact && b.state == Value::State::exact;
      *detail = exact ? "exact: " + value_text(a)
                      : (final ? "agree to " + std::to_string(precision) + "-bit precision"
                               : "agree to " + std::to_string(k_agree_bits) + " bits");
      return o;
    }
    if (!final) {
      // Large values need the precision to resolve units: e^{1000} ~ 2^{1443}. Beyond
      // k_max_precision (10^{10^{10}} vs 10^{10^{10}}+1) no evaluation can decide.
      const long bits = std::max(magnitude_bits(a, precision), magnitude_bits(b, precision));
      const long needed = bits + static_cast<long>(k_agree_bits) + 64;
      if (needed > static_cast<long>(k_max_precision)) {
        break;
      }
      final_precision = std::max(k_final_precision, static_cast<unsigned long>(std::max(needed, 0L)));
    }
  }
  *detail = "numerically undecidable";
  return Outcome::unknown;
}

Outcome Comparer::identity(const Node& g, const mpq_class& sg, const Node& p, const mpq_class& sp,
                           std::string* detail)
{
  const auto vars = variables_of(g, p);
  if (vars.size() > k_max_variables) {
    *detail = "too many variables";
    return Outcome::unknown;
  }
  int valid = 0;
  std::string last;
  for (const auto& point : make_points(vars, piecewise(g) || piecewise(p))) {
    std::string d;
    const Outcome o = values_at(g, sg, p, sp, vars.empty() ? nullptr : &point, &d);
    if (o == Outcome::unknown && d == "skip") {
      continue;
    }
    if (o != Outcome::equal) {
      *detail = d;
      return o;
    }
    last = d;
    ++valid;
  }
  if (valid == 0 || (!vars.empty() && valid < 2)) {
    *detail = "undefined at the test points";
    return Outcome::unknown;
  }
  *detail = vars.empty() ? last : last + " at " + std::to_string(valid) + " points (identity test)";
  return Outcome::equal;
}

Decision Comparer::scalars(const Node& g, const Node& p, const mpq_class& scale_g, const mpq_class& scale_p)
{
  std::string detail;
  if (is_marker(g) || is_marker(p)) {
    // 10% vs 10 and 10% vs 0.1 are both accepted; 50 vs 0.5 (no sign on either side) is not.
    // A % the answer adds to a gold without one is a value (1/2% is not 1/2), unless the
    // problem asks for a percentage (gold 10, answer 10%).
    const Node& gr = is_marker(g) ? g.kids[0] : g;
    const Node& pr = is_marker(p) ? p.kids[0] : p;
    const bool added_percent = p.kind == NodeKind::percent && g.kind != NodeKind::percent;
    if ((!added_percent || m_context.percent_question) &&
        identity(gr, scale_g, pr, scale_p, &detail) == Outcome::equal) {
      return {true, detail + " (ignoring the % or degree sign)"};
    }
    if (identity(g, scale_g, p, scale_p, &detail) == Outcome::equal) {
      return {true, detail + " (as values: % is /100, degrees are pi/180)"};
    }
    return {false, "different values with % or degrees: " + detail};
  }
  const Outcome o = identity(g, scale_g, p, scale_p, &detail);
  if (o == Outcome::equal) {
    return {true, detail};
  }
  if (o == Outcome::different && scale_g == 1 && scale_p == 1) {
    // A 16-digit float print of 1/12 is accepted; 0.333 for 1/3 is not (too few digits).
    const bool gold_long = long_decimal(m_gold, g) != nullptr;
    const NumberInfo* info = gold_long ? long_decimal(m_gold, g) : long_decimal(m_pred, p);
    if (info != nullptr && variables_of(g, p).empty()) {
      const Value a = eval(m_gold, g, nullptr, k_precision);
      const Value b = eval(m_pred, p, nullptr, k_precision);
      if (a.ok() && b.ok()) {
        Ball diff = sub(a.to_ball(k_precision), b.to_ball(k_precision));
        mpz_class scale;
        mpz_ui_pow_ui(scale.get_mpz_t(), 10, static_cast<unsigned long>(info->decimals));
        const Ball unit = Ball::exact(mpq_class(1, scale), k_precision);
        if (diff.real && magnitude_upper(diff) <= unit.re) {
          return {true, "the decimal agrees with the exact value in all " + std::to_string(info->significant_digits) +
                            " written digits"};
        }
      }
    }
    return {false, detail};
  }
  if (o == Outcome::different) {
    return {false, detail};
  }
  if (print(m_gold, g) == print(m_pred, p)) {
    return {true, "same expression (" + detail + ")"};
  }
  return {false, "not shown equal (" + detail + ")"};
}

Outcome Comparer::proportional(const Node& fg, const Node& fp, int* sign, std::string* detail)
{
  const auto vars = variables_of(fg, fp);
  if (vars.size() > k_max_variables) {
    *detail = "too many variables";
    return Outcome::unknown;
  }
  const auto points = make_points(vars, piecewise(fg) || piecewise(fp));
  for (const bool final : {false, true}) {
    const unsigned long precision = final ? k_final_precision : k_precision;
    const Value zero = Value::rational(0);
    std::optional<Value> ratio;
    bool undecided = false;
    for (const auto& point : points) {
      const Assignment* at = vars.empty() ? nullptr : &point;
      const Value a = eval(m_gold, fg, at, precision);
      const Value b = eval(m_pred, fp, at, precision);
      if (!a.ok() || !b.ok()) {
        if (a.state == Value::State::unevaluable || b.state == Value::State::unevaluable) {
          *detail = "not evaluable: " + (a.ok() ? b.why : a.why);
          return Outcome::unknown;
        }
        if (!a.ok() && !b.ok()) {
          continue;
        }
        *detail = "defined on one side only" + point_text(at);
        return Outcome::different;
      }
      const Outcome za = compare_values(a, zero, precision, final);
      const Outcome zb = compare_values(b, zero, precision, final);
      if (za == Outcome::unknown || zb == Outcome::unknown) {
        undecided = true;
        break;
      }
      if (za != zb) {
        *detail = "one side vanishes where the other does not" + point_text(at);
        return Outcome::different;
      }
      if (za == Outcome::equal) {
        continue;
      }
      if (!ratio) {
        ratio = value_div(a, b, precision);
        continue;
      }
      const Outcome o = compare_values(a, value_mul(*ratio, b, precision), precision, final);
      if (o == Outcome::unknown) {
        undecided = true;
        break;
      }
      if (o == Outcome::different) {
        *detail = "not proportional" + point_text(at);
        return Outcome::different;
      }
    }
    if (undecided) {
      continue;
    }
    *sign = 0;
    if (ratio) {
      const Ball c = ratio->to_ball(precision);
      *sign = order_real(Ball::exact(0, precision), c) != 0 ? (c.re > 0 ? 1 : -1) : 0;
      *detail = "equal up to the factor " + value_text(*ratio);
    } else {
      *detail = "both sides vanish identically";
    }
    return Outcome::equal;
  }
  *detail = "numerically undecidable";
  return Outcome::unknown;
}

Decision Comparer::relations(const Node& g, const Node& p)
{
  auto normal = [](char op) { return op == rel::approx ? rel::eq : op; };
  if (g.kids.size() != 2 || p.kids.size() != 2) {
    if (g.text != p.text || g.kids.size() != p.kids.size()) {
      return {false, "different chains of relations"};
    }
    for (std::size_t i = 0; i < g.kids.size(); ++i) {
      const Decision d = items(g.kids[i], p.kids[i]);
      if (!d.equal) {
        return {false, "chains differ: " + d.rule};
      }
    }
    return {true, "same chain of relations"};
  }
  const char og = normal(g.text[0]);
  const char op = normal(p.text[0]);
  const bool scalar_sides = is_scalar_kind(g.kids[0].kind) && is_scalar_kind(g.kids[1].kind) &&
                            is_scalar_kind(p.kids[0].kind) && is_scalar_kind(p.kids[1].kind);
  auto inequality = [](char o) { return o == rel::lt || o == rel::le || o == rel::gt || o == rel::ge; };
  if (og == op && (og == rel::eq || og == rel::ne || og == rel::in || og == 't')) {
    const Decision l = items(g.kids[0], p.kids[0]);
    if (l.equal) {
      const Decision r = items(g.kids[1], p.kids[1]);
      if (r.equal) {
        return {true, "same sides: " + r.rule};
      }
    }
    if (og == rel::eq || og == rel::ne) {
      const Decision l2 = items(g.kids[0], p.kids[1]);
      if (l2.equal && items(g.kids[1], p.kids[0]).equal) {
        return {true, "same sides, swapped"};
      }
    }
    if (!scalar_sides || og == rel::in || og == 't') {
      return {false, "different relations"};
    }
    const Node fg = make_node(NodeKind::add, {g.kids[0], make_node(NodeKind::neg, {g.kids[1]})});
    const Node fp = make_node(NodeKind::add, {p.kids[0], make_node(NodeKind::neg, {p.kids[1]})});
    int sign = 0;
    std::string detail;
    const Outcome o = proportional(fg, fp, &sign, &detail);
    if (o == Outcome::equal) {
      return {true, "equations equal up to moving terms and scaling: " + detail};
    }
    return {false, "different equations: " + detail};
  }
  if (inequality(og) && inequality(op) && scalar_sides) {
    const bool strict_g = og == rel::lt || og == rel::gt;
    const bool strict_p = op == rel::lt || op == rel::gt;
    if (strict_g != strict_p) {
      return {false, "strict and non-strict inequalities differ"};
    }
    // Orient both as f < 0 (or f <= 0).
    const bool g_less = og == rel::lt || og == rel::le;
    const bool p_less = op == rel::lt || op == rel::le;
    const Node& g_small = g_less ? g.kids[0] : g.kids[1];
    const Node& g_big = g_less ? g.kids[1] : g.kids[0];
    const Node& p_small = p_less ? p.kids[0] : p.kids[1];
    const Node& p_big = p_less ? p.kids[1] : p.kids[0];
    const Node fg = make_node(NodeKind::add, {g_small, make_node(NodeKind::neg, {g_big})});
    const Node fp = make_node(NodeKind::add, {p_small, make_node(NodeKind::neg, {p_big})});
    int sign = 0;
    std::string detail;
    const Outcome o = proportional(fg, fp, &sign, &detail);
    if (o == Outcome::equal && sign > 0) {
      return {true, "inequalities equal up to moving terms and positive scaling: " + detail};
    }
    return {false, sign < 0 ? "inequality reversed" : "different inequalities: " + detail};
  }
  return {false, "different relations"};
}

}  // namespace rb::verifiers::math
