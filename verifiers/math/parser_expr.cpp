// Arithmetic, relations, functions and literals: the expression half of the parser.
#include <string_view>

#include "verifiers/math/parser_impl.hpp"

namespace rb::verifiers::math {

namespace {

/// Letters that name a function when followed by "(" (f(x), P(A), N(n)); other letters
/// multiply: x(x+1) is a product.
bool is_function_letter(std::string_view name)
{
  static constexpr std::string_view k_letters = "fghpqFGHPQNITSLuvw";
  return name.size() == 1 && k_letters.find(name[0]) != std::string_view::npos;
}

std::string inverse_function(const std::string& name)
{
  for (const char* trig : {"sin", "cos", "tan", "cot", "sec", "csc"}) {
    if (name == trig) {
      return std::string("arc") + trig;
    }
  }
  return name + "^{-1}";
}

bool is_minus_one(const Tree& tree, const Node& n)
{
  if (n.kind == NodeKind::neg && n.kids[0].kind == NodeKind::number) {
    return tree.numbers[static_cast<std::size_t>(n.kids[0].num)].value == 1;
  }
  return n.kind == NodeKind::number && tree.numbers[static_cast<std::size_t>(n.num)].value == -1;
}

std::string token_piece(const Token& t)
{
  switch (t.kind) {
    case Tok::plus:
      return "+";
    case Tok::minus:
      return "-";
    case Tok::comma:
      return ",";
    case Tok::times:
      return "*";
    case Tok::divide:
      return "/";
    case Tok::caret:
      return "^";
    case Tok::relop:
      return "=";
    case Tok::lparen:
      return "(";
    case Tok::rparen:
      return ")";
    case Tok::prime:
      return "'";
    default:
      return t.text;
  }
}

}  // namespace

const Token& Parser::peek(std::size_t ahead) const
{
  static const Token k_end{};
  const std::size_t i = m_pos + ahead;
  return i < m_tokens.size() ? m_tokens[i] : k_end;
}

bool Parser::accept(Tok kind)
{
  if (at(kind)) {
    ++m_pos;
    return true;
  }
  return false;
}

bool Parser::expect(Tok kind, const char* what)
{
  if (accept(kind)) {
    return true;
  }
  fail(std::string("expected ") + what);
  return false;
}

Node Parser::fail(const std::string& why)
{
  if (!m_failed) {
    m_failed = true;
    m_error = why;
  }
  m_pos = m_tokens.size();  // stop everything
  return make_node(NodeKind::text);
}

bool Parser::enter()
{
  if (++m_depth > k_max_depth) {
    fail("nested too deep");
    return false;
  }
  return true;
}

Node Parser::relation()
{
  Node first = ratio();
  if (!at(Tok::relop)) {
    return first;
  }
  Node r = make_node(NodeKind::relation);
  r.kids.push_back(std::move(first));
  while (at(Tok::relop) && !m_failed) {
    r.text += peek().text;
    ++m_pos;
    r.kids.push_back(ratio());
  }
  return r;
}

Node Parser::ratio()
{
  Node first = set_expression();
  if (!at(Tok::colon)) {
    return first;
  }
  Node r = make_node(NodeKind::ratio);
  r.kids.push_back(std::move(first));
  while (accept(Tok::colon) && !m_failed) {
    r.kids.push_back(set_expression());
  }
  return r;
}

Node Parser::set_expression()
{
  Node left = sum();
  while (!m_failed && (at(Tok::cup) || at(Tok::cap) || at(Tok::setminus))) {
    const Tok op = peek().kind;
    ++m_pos;
    const NodeKind kind = op == Tok::cup ? NodeKind::set_union
                                         : (op == Tok::cap ? NodeKind::set_intersection : NodeKind::set_difference);
    Node right = sum();
    if (left.kind == kind && kind == NodeKind::set_union) {
      left.kids.push_back(std::move(right));
    } else {
      left = make_node(kind, {std::move(left), std::move(right)});
    }
  }
  return left;
}

Node Parser::sum()
{
  std::vector<Node> kids;
  kids.push_back(term());
  while (!m_failed) {
    if (accept(Tok::plus)) {
      kids.push_back(term());
    } else if (accept(Tok::minus)) {
      kids.push_back(make_node(NodeKind::neg, {term()}));
    } else if (at(Tok::pm) || at(Tok::mp)) {
      const bool minus_plus = at(Tok::mp);
      ++m_pos;
      Node left = kids.size() == 1 ? std::move(kids[0]) : make_node(NodeKind::add, std::move(kids));
      Node pm = make_node(NodeKind::plus_minus, {std::move(left), term()});
      pm.flags = minus_plus ? 1 : 0;
      kids.clear();
      kids.push_back(std::move(pm));
    } else {
      break;
    }
  }
  return kids.size() == 1 ? std::move(kids[0]) : make_node(NodeKind::add, std::move(kids));
}

bool Parser::starts_factor() const
{
  switch (peek().kind) {
    case Tok::ident:
    case Tok::func:
    case Tok::frac:
    case Tok::sqrt:
    case Tok::binom:
    case Tok::lparen:
    case Tok::lbrace:
    case Tok::lfloor:
    case Tok::lceil:
    case Tok::begin_matrix:
    case Tok::big_op:
      return true;
    case Tok::bar:
      return m_abs_depth == 0;
    default:
      return false;
  }
}

Node Parser::term()
{
  std::vector<Node> kids;
  kids.push_back(signed_factor());
  while (!m_failed) {
    if (accept(Tok::times)) {
      kids.push_back(signed_factor());
    } else if (accept(Tok::divide)) {
      // Left-associative: "2 \times 3 \cdot 4 \div 6" is (2*3*4)/6, "a/b/c" is (a/b)/c.
      Node left = kids.size() == 1 ? std::move(kids[0]) : make_node(NodeKind::mul, std::move(kids));
      kids.clear();
      kids.push_back(make_node(NodeKind::div, {std::move(left), signed_factor()}));
    } else if (starts_factor()) {
      kids.push_back(postfix());
    } else {
      break;
    }
  }
  return kids.size() == 1 ? std::move(kids[0]) : make_node(NodeKind::mul, std::move(kids));
}

Node Parser::signed_factor()
{
  if (!enter()) {
    return make_node(NodeKind::text);
  }
  Node out;
  if (accept(Tok::minus)) {
    out = make_node(NodeKind::neg, {signed_factor()});
  } else if (accept(Tok::plus)) {
    out = signed_factor();
  } else if (at(Tok::pm) || at(Tok::mp)) {
    const bool minus_plus = at(Tok::mp);
    ++m_pos;
    out = make_node(NodeKind::plus_minus, {signed_factor()});
    out.flags = minus_plus ? 1 : 0;
  } else {
    out = postfix();
  }
  leave();
  return out;
}

Node Parser::postfix()
{
  Node p = primary();
  while (!m_failed) {
    if (at(Tok::caret)) {
      ++m_pos;
      if (accept(Tok::degree)) {
        p = make_node(NodeKind::degree, {std::move(p)});
      } else if (at(Tok::lbrace) && peek(1).kind == Tok::degree && peek(2).kind == Tok::rbrace) {
        m_pos += 3;
        p = make_node(NodeKind::degree, {std::move(p)});
      } else if (accept(Tok::prime) || (at(Tok::lbrace) && peek(1).kind == Tok::prime)) {
        while (!at(Tok::end) && !accept(Tok::rbrace)) {
          ++m_pos;
        }
        p = make_node(NodeKind::func, {std::move(p)}, "prime");
      } else {
        p = make_node(NodeKind::pow, {std::move(p), exponent()});
      }
    } else if (accept(Tok::bang)) {
      p = make_node(NodeKind::factorial, {std::move(p)});
    } else if (accept(Tok::percent)) {
      p = make_node(NodeKind::percent, {std::move(p)});
    } else if (at(Tok::currency)) {
      p = make_node(NodeKind::with_unit, {std::move(p)}, peek().text);  // "5\$"
      ++m_pos;
    } else if (accept(Tok::degree)) {
      p = make_node(NodeKind::degree, {std::move(p)});
    } else if (accept(Tok::prime)) {
      if (p.kind == NodeKind::symbol) {
        p.text += "'";
      } else {
        p = make_node(NodeKind::func, {std::move(p)}, "prime");
      }
    } else if (at(Tok::underscore) && p.kind == NodeKind::symbol) {
      ++m_pos;
      p.text += "_{" + subscript_text() + "}";
    } else {
      break;
    }
  }
  return p;
}

Node Parser::exponent()
{
  if (at(Tok::lbrace)) {
    return braced_scalar();
  }
  if (accept(Tok::minus)) {
    return make_node(NodeKind::neg, {exponent()});
  }
  accept(Tok::plus);
  if (!enter()) {
    return make_node(NodeKind::text);
  }
  Node e = primary();
  leave();
  return e;
}

Node Parser::braced_scalar()
{
  if (!expect(Tok::lbrace, "'{'")) {
    return make_node(NodeKind::text);
  }
  std::vector<Node> items;
  items_until(Tok::rbrace, Tok::rbrace, items);
  if (!expect(Tok::rbrace, "'}'")) {
    return make_node(NodeKind::text);
  }
  if (items.empty()) {
    return fail("empty group");
  }
  return items.size() == 1 ? std::move(items[0]) : make_node(NodeKind::list, std::move(items));
}

Node Parser::delimited(Tok close, const char* name)
{
  ++m_pos;
  Node inner = sum();
  expect(close, "a closing delimiter");
  return make_node(NodeKind::func, {std::move(inner)}, name);
}

std::string Parser::subscript_text()
{
  if (!at(Tok::lbrace)) {
    const Token& t = peek();
    ++m_pos;
    return token_piece(t);
  }
  ++m_pos;
  std::string text;
  int depth = 1;
  while (!at(Tok::end)) {
    const Token& t = peek();
    ++m_pos;
    if (t.kind == Tok::lbrace) {
      ++depth;
    } else if (t.kind == Tok::rbrace && --depth == 0) {
      break;
    }
    text += token_piece(t);
  }
  return text;
}

Node Parser::primary()
{
  if (!enter()) {
    return make_node(NodeKind::text);
  }
  Node out;
  const Token& t = peek();
  switch (t.kind) {
    case Tok::number:
      out = number_literal();
      break;
    case Tok::ident:
      out = identifier();
      break;
    case Tok::func:
      out = function_call();
      break;
    case Tok::frac: {
      ++m_pos;
      Node num = braced_scalar();
      Node den = braced_scalar();
      out = make_node(NodeKind::div, {std::move(num), std::move(den)});
      break;
    }
    case Tok::sqrt: {
      const bool unicode = t.text == "u";
      ++m_pos;
      Node index;
      bool has_index = false;
      if (accept(Tok::lbrack)) {
        index = sum();
        has_index = expect(Tok::rbrack, "']'");
      }
      Node arg = unicode && !at(Tok::lbrace) ? postfix() : braced_scalar();
      out = has_index ? make_node(NodeKind::func, {std::move(arg), std::move(index)}, "root")
                      : make_node(NodeKind::func, {std::move(arg)}, "sqrt");
      break;
    }
    case Tok::binom: {
      ++m_pos;
      Node n = braced_scalar();
      Node k = braced_scalar();
      out = make_node(NodeKind::func, {std::move(n), std::move(k)}, "binom");
      break;
    }
    case Tok::lparen:
    case Tok::lbrack:
      out = bracket(t.kind);
      break;
    case Tok::lbrace: {
      ++m_pos;
      std::vector<Node> items;
      items_until(Tok::rbrace, Tok::rbrace, items);
      expect(Tok::rbrace, "'}'");
      if (items.empty()) {
        out = fail("empty group");
      } else {
        out = items.size() == 1 ? std::move(items[0]) : make_node(NodeKind::list, std::move(items));
      }
      break;
    }
    case Tok::lset:
      out = set_literal();
      break;
    case Tok::bar: {
      ++m_pos;
      ++m_abs_depth;
      Node inner = sum();
      --m_abs_depth;
      expect(Tok::bar, "'|'");
      out = make_node(NodeKind::func, {std::move(inner)}, "abs");
      break;
    }
    case Tok::lfloor:
      out = delimited(Tok::rfloor, "floor");
      break;
    case Tok::lceil:
      out = delimited(Tok::rceil, "ceil");
      break;
    case Tok::begin_matrix:
      out = matrix();
      break;
    case Tok::big_op:
      out = big_operator();
      break;
    case Tok::infinity:
      ++m_pos;
      out = make_node(NodeKind::infinity);
      break;
    case Tok::reals:
      ++m_pos;
      out = make_node(NodeKind::reals);
      break;
    case Tok::empty_set:
      ++m_pos;
      out = make_node(NodeKind::empty_set);
      break;
    case Tok::ellipsis:
      ++m_pos;
      out = make_node(NodeKind::ellipsis);
      break;
    case Tok::currency: {
      const std::string unit = t.text;
      ++m_pos;
      out = make_node(NodeKind::with_unit, {postfix()}, unit);
      break;
    }
    case Tok::word:
      m_text_item = true;
      ++m_pos;
      out = make_node(NodeKind::text, t.text);
      break;
    case Tok::end:
      out = fail("answer ends too early");
      break;
    default:
      out = fail("unexpected '" + token_piece(t) + "'");
      break;
  }
  leave();
  return out;
}

Node Parser::number_literal()
{
  const Token& t = peek();
  ++m_pos;
  Node n;
  n.kind = NodeKind::number;
  n.num = t.num;
  const NumberInfo& info = m_tree.numbers[static_cast<std::size_t>(t.num)];
  const bool integer = info.decimals == 0 && !info.scientific && !info.repeating;
  auto integer_token = [&](std::size_t ahead) {
    const Token& k = peek(ahead);
    if (k.kind != Tok::number) {
      return false;
    }
    const NumberInfo& ki = m_tree.numbers[static_cast<std::size_t>(k.num)];
    return ki.decimals == 0 && !ki.scientific && !ki.repeating;
  };
  // Base subscript: 204_5, 4210_{5}.
  if (integer && at(Tok::underscore)) {
    std::size_t base_at = 1;
    bool braced = false;
    if (peek(1).kind == Tok::lbrace && integer_token(2) && peek(3).kind == Tok::rbrace) {
      base_at = 2;
      braced = true;
    }
    if (integer_token(base_at)) {
      const mpq_class& base = m_tree.numbers[static_cast<std::size_t>(peek(base_at).num)].value;
      bool digits_ok = base >= 2 && base <= 36;
      for (char c : t.text) {
        digits_ok = digits_ok && c >= '0' && c <= '9' && (c - '0') < base;
      }
      if (digits_ok) {
        m_pos += braced ? 4 : 2;
        Node b = make_node(NodeKind::base_number, t.text);
        b.num = static_cast<std::int32_t>(base.get_num().get_si());
        return b;
      }
    }
  }
  // Mixed numbers: 2\frac{1}{4} and "7 3/4".
  if (integer && at(Tok::frac) && peek(1).kind == Tok::lbrace && integer_token(2) && peek(3).kind == Tok::rbrace &&
      peek(4).kind == Tok::lbrace && integer_token(5) && peek(6).kind == Tok::rbrace) {
    Node num;
    num.kind = NodeKind::number;
    num.num = peek(2).num;
    Node den;
    den.kind = NodeKind::number;
    den.num = peek(5).num;
    m_pos += 7;
    Node mixed = make_node(NodeKind::add, {std::move(n), make_node(NodeKind::div, {std::move(num), std::move(den)})});
    mixed.flags = k_mixed_number;
    return mixed;
  }
  if (integer && integer_token(0) && peek().space_before && peek(1).kind == Tok::divide && integer_token(2) &&
      peek(3).kind != Tok::caret) {
    Node num;
    num.kind = NodeKind::number;
    num.num = peek().num;
    Node den;
    den.kind = NodeKind::number;
    den.num = peek(2).num;
    m_pos += 3;
    Node mixed = make_node(NodeKind::add, {std::move(n), make_node(NodeKind::div, {std::move(num), std::move(den)})});
    mixed.flags = k_mixed_number;
    return mixed;
  }
  return n;
}

Node Parser::identifier()
{
  const Token& t = peek();
  ++m_pos;
  std::string name = t.text;
  if (name == "pi") {
    return make_node(NodeKind::constant, "pi");
  }
  if (at(Tok::underscore)) {
    ++m_pos;
    name += "_{" + subscript_text() + "}";
    Node s = make_node(NodeKind::symbol, name);
    s.flags = t.space_before ? k_spaced : 0;
    return s;
  }
  if (name == "e" || name == "i") {
    return make_node(NodeKind::constant, name);
  }
  if (is_function_letter(name)) {
    // f^{-1}(x) and f'(x)
    if (at(Tok::caret) && peek(1).kind == Tok::lbrace && peek(2).kind == Tok::minus && peek(3).kind == Tok::number &&
        peek(3).text == "1" && peek(4).kind == Tok::rbrace && peek(5).kind == Tok::lparen) {
      m_pos += 5;
      name += "^{-1}";
    }
    while (at(Tok::prime) && (peek(1).kind == Tok::lparen || peek(1).kind == Tok::prime)) {
      ++m_pos;
      name += "'";
    }
    if (at(Tok::lparen) && !peek().space_before) {
      ++m_pos;
      std::vector<Node> args;
      items_until(Tok::rparen, Tok::rparen, args);
      expect(Tok::rparen, "')'");
      return make_node(NodeKind::apply, std::move(args), name);
    }
  }
  Node s = make_node(NodeKind::symbol, name);
  s.flags = t.space_before ? k_spaced : 0;
  return s;
}

Node Parser::function_call()
{
  std::string name = peek().text;
  ++m_pos;
  Node power;
  Node base;
  bool has_power = false;
  bool has_base = false;
  for (int k = 0; k < 2; ++k) {
    if (!has_power && accept(Tok::caret)) {
      power = exponent();
      has_power = true;
    } else if (!has_base && accept(Tok::underscore)) {
      if (at(Tok::lbrace)) {
        base = braced_scalar();
      } else if (enter()) {
        base = primary();
        leave();
      }
      has_base = true;
    }
  }
  std::vector<Node> args;
  if (at(Tok::lparen)) {
    ++m_pos;
    items_until(Tok::rparen, Tok::rbrack, args);
    if (!accept(Tok::rparen) && !accept(Tok::rbrack)) {
      return fail("expected ')'");
    }
  } else if (at(Tok::lbrace)) {
    args.push_back(braced_scalar());
  } else {
    std::vector<Node> factors;
    factors.push_back(signed_factor());
    while (!m_failed && (at(Tok::ident) || at(Tok::number)) && !(at(Tok::number) && peek().space_before)) {
      factors.push_back(postfix());
    }
    args.push_back(factors.size() == 1 ? std::move(factors[0]) : make_node(NodeKind::mul, std::move(factors)));
  }
  if (args.empty()) {
    return fail("function '" + name + "' without an argument");
  }
  if (has_base && (name == "log" || name == "lg")) {
    args.push_back(std::move(base));
  }
  if (name == "abs" && args.size() == 1) {
    name = "abs";
  }
  Node f = make_node(NodeKind::func, std::move(args), name);
  if (has_power) {
    if (is_minus_one(m_tree, power)) {
      f.text = inverse_function(name);
    } else {
      f = make_node(NodeKind::pow, {std::move(f), std::move(power)});
    }
  }
  return f;
}

Node Parser::big_operator()
{
  const std::string name = peek().text;
  ++m_pos;
  Node lower = make_node(NodeKind::text);
  Node upper = make_node(NodeKind::text);
  for (int k = 0; k < 2; ++k) {
    if (accept(Tok::underscore)) {
      lower = at(Tok::lbrace) ? braced_scalar() : primary();
    } else if (accept(Tok::caret)) {
      upper = at(Tok::lbrace) ? braced_scalar() : primary();
    }
  }
  Node body = term();
  return make_node(NodeKind::opaque, {std::move(lower), std::move(upper), std::move(body)}, name);
}

}  // namespace rb::verifiers::math
