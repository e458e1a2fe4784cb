// Answers, lists, brackets, sets, matrices, units and text: the structural half of the parser.
#include <string_view>

#include "verifiers/math/parser.hpp"
#include "verifiers/math/parser_impl.hpp"

namespace rb::verifiers::math {

namespace {

bool is_separator(Tok kind) { return kind == Tok::comma || kind == Tok::semicolon || kind == Tok::list_sep; }

/// Units written as one letter ("5 m", "1.5 s", "3 m^2") that a number may carry. Only read
/// as a unit after a space, a decimal number or with a power, so "2m" stays 2 times m.
bool is_letter_unit(std::string_view name)
{
  return name == "m" || name == "g" || name == "s" || name == "h" || name == "L" || name == "J" || name == "N" ||
         name == "W" || name == "V" || name == "K";
}

}  // namespace

std::optional<Tree> parse_answer(std::string_view text, std::string* error)
{
  Tree tree;
  const auto tokens = lex(text, tree, error);
  if (!tokens) {
    return std::nullopt;
  }
  Parser parser(*tokens, tree);
  tree.root = parser.answer();
  if (parser.failed()) {
    if (error != nullptr) {
      *error = parser.error();
    }
    return std::nullopt;
  }
  return tree;
}

Node Parser::answer()
{
  std::vector<Node> items;
  bool joined_and = false;
  items_until(Tok::end, Tok::end, items, &joined_and);
  if (m_failed) {
    return make_node(NodeKind::text);
  }
  if (m_pos < m_tokens.size()) {
    return fail("unexpected token after the answer");
  }
  if (items.empty()) {
    return fail("empty answer");
  }
  if (items.size() == 1) {
    return std::move(items[0]);
  }
  Node list = make_node(NodeKind::list, std::move(items));
  list.flags = joined_and ? k_joined_and : 0;
  return list;
}

bool Parser::at_item_end() const
{
  switch (peek().kind) {
    case Tok::end:
    case Tok::comma:
    case Tok::semicolon:
    case Tok::list_sep:
    case Tok::rparen:
    case Tok::rbrack:
    case Tok::rbrace:
    case Tok::rset:
    case Tok::amp:
    case Tok::row_sep:
    case Tok::end_matrix:
      return true;
    default:
      return false;
  }
}

Node Parser::items_until(Tok closer_a, Tok closer_b, std::vector<Node>& out, bool* joined_and)
{
  while (!m_failed) {
    const Tok kind = peek().kind;
    if (kind == closer_a || kind == closer_b || kind == Tok::end) {
      break;
    }
    if (is_separator(kind)) {
      if (joined_and != nullptr && kind == Tok::list_sep && peek().text == "and") {
        *joined_and = true;
      }
      ++m_pos;
      continue;
    }
    out.push_back(item());
    if (!m_failed && !at_item_end()) {
      return fail("unexpected '" + peek().text + "' in the answer");
    }
    if (!m_failed && !is_separator(peek().kind) && peek().kind != closer_a && peek().kind != closer_b &&
        peek().kind != Tok::end) {
      return fail("unbalanced brackets");
    }
  }
  return make_node(NodeKind::list);
}

Node Parser::item()
{
  const std::size_t start = m_pos;
  const bool outer_text = m_text_item;  // items nest (\frac{..}{..}): keep the outer item's flag
  m_text_item = false;
  ++m_item_depth;
  Node e = relation();
  --m_item_depth;
  const bool is_text = m_text_item;
  m_text_item = outer_text;
  if (is_text) {
    return text_item(start);
  }
  if (m_failed) {
    return e;
  }
  if (at(Tok::word)) {
    if (!unit_suffix(e)) {
      return text_item(start);
    }
  } else if (!at_item_end() && (at(Tok::ident) || at(Tok::number))) {
    return text_item(start);
  }
  // A one-letter unit: "5 m", "1.5 s", "1,000.99 m^2" (a whole answer, not "\frac{3 m}{2}").
  if (m_item_depth == 0 && e.kind == NodeKind::mul && e.kids.size() == 2 && e.kids[0].kind == NodeKind::number) {
    const Node& u = e.kids[1];
    const Node& sym = u.kind == NodeKind::pow ? u.kids[0] : u;
    const bool powered = u.kind == NodeKind::pow && u.kids[1].kind == NodeKind::number;
    const bool decimal = m_tree.numbers[static_cast<std::size_t>(e.kids[0].num)].decimals > 0;
    if (sym.kind == NodeKind::symbol && is_letter_unit(sym.text) && (powered || decimal || (sym.flags & k_spaced))) {
      std::string unit = sym.text;
      if (powered) {
        unit += "^" + m_tree.numbers[static_cast<std::size_t>(u.kids[1].num)].value.get_str();
      }
      Node value = std::move(e.kids[0]);
      return make_node(NodeKind::with_unit, {std::move(value)}, unit);
    }
  }
  return e;
}

bool Parser::unit_suffix(Node& node)
{
  std::string unit;
  while (!at_item_end()) {
    if (at(Tok::word)) {
      unit += (unit.empty() || unit.back() == '/' ? "" : " ") + peek().text;
      ++m_pos;
    } else if (at(Tok::caret) && !unit.empty() && peek(1).kind == Tok::number) {
      unit += "^" + peek(1).text;
      m_pos += 2;
    } else if (at(Tok::caret) && !unit.empty() && peek(1).kind == Tok::lbrace && peek(2).kind == Tok::number &&
               peek(3).kind == Tok::rbrace) {
      unit += "^" + peek(2).text;
      m_pos += 4;
    } else if (at(Tok::divide) && !unit.empty() && (peek(1).kind == Tok::word || peek(1).kind == Tok::ident)) {
      unit += "/" + peek(1).text;
      m_pos += 2;
    } else if (at(Tok::ident) && !unit.empty() && unit.back() != ' ' && peek().text.size() == 1 &&
               !peek().space_before) {
      unit += peek().text;  // "km/h" lexes "h" as a letter
      ++m_pos;
    } else {
      return false;
    }
  }
  node = make_node(NodeKind::with_unit, {std::move(node)}, unit);
  return true;
}

Node Parser::text_item(std::size_t start)
{
  m_failed = false;
  m_error.clear();
  std::size_t end = start;
  int depth = 0;
  while (end < m_tokens.size()) {
    const Tok kind = m_tokens[end].kind;
    if (kind == Tok::lparen || kind == Tok::lbrack || kind == Tok::lbrace || kind == Tok::lset) {
      ++depth;
    } else if (kind == Tok::rparen || kind == Tok::rbrack || kind == Tok::rbrace || kind == Tok::rset) {
      if (depth == 0) {
        break;
      }
      --depth;
    } else if (depth == 0 && (kind == Tok::comma || kind == Tok::semicolon || kind == Tok::list_sep)) {
      break;
    }
    ++end;
  }
  m_pos = end;
  return make_node(NodeKind::text, token_text(m_tokens, start, end));
}

Node Parser::bracket(Tok open)
{
  ++m_pos;
  std::vector<Node> items;
  items_until(Tok::rparen, Tok::rbrack, items);
  if (m_failed) {
    return make_node(NodeKind::text);
  }
  const Tok close = peek().kind;
  if (close != Tok::rparen && close != Tok::rbrack) {
    return fail("unclosed bracket");
  }
  ++m_pos;
  const bool round_open = open == Tok::lparen;
  const bool round_close = close == Tok::rparen;
  if (items.empty()) {
    return fail("empty brackets");
  }
  if (items.size() == 1) {
    if (round_open != round_close) {
      return fail("an interval needs two ends");
    }
    Node inner = std::move(items[0]);
    if (round_open) {
      inner.flags |= k_parenthesised;
    }
    return inner;
  }
  if (items.size() == 2 && (round_open != round_close || !round_open)) {
    Node interval = make_node(NodeKind::interval, std::move(items));
    interval.flags = static_cast<std::uint8_t>((round_open ? 0 : k_low_closed) | (round_close ? 0 : k_high_closed));
    return interval;
  }
  if (round_open != round_close) {
    return fail("mismatched brackets");
  }
  Node tuple = make_node(NodeKind::tuple, std::move(items));
  if (round_open && tuple.kids.size() == 2) {
    tuple.flags = k_paren_pair;
  }
  return tuple;
}

Node Parser::set_literal()
{
  ++m_pos;
  std::vector<Node> items;
  items_until(Tok::rset, Tok::rset, items);
  if (!expect(Tok::rset, "'\\}'")) {
    return make_node(NodeKind::text);
  }
  if (items.empty()) {
    return make_node(NodeKind::empty_set);
  }
  return make_node(NodeKind::set, std::move(items));
}

Node Parser::matrix()
{
  ++m_pos;
  std::vector<Node> rows;
  std::vector<Node> row;
  bool cell_open = false;
  while (!m_failed) {
    if (at(Tok::end)) {
      return fail("unclosed matrix");
    }
    if (at(Tok::end_matrix) || at(Tok::row_sep)) {
      const bool done = at(Tok::end_matrix);
      ++m_pos;
      if (!row.empty() || cell_open) {
        rows.push_back(make_node(NodeKind::tuple, std::move(row)));
        row.clear();
      }
      cell_open = false;
      if (done) {
        break;
      }
      continue;
    }
    if (accept(Tok::amp)) {
      if (!cell_open) {
        return fail("empty matrix cell");
      }
      cell_open = false;
      continue;
    }
    if (cell_open) {
      return fail("unexpected token in a matrix");
    }
    row.push_back(item());
    cell_open = true;
  }
  if (rows.empty()) {
    return fail("empty matrix");
  }
  for (const auto& r : rows) {
    if (r.kids.size() != rows[0].kids.size()) {
      return fail("matrix rows of different lengths");
    }
  }
  return make_node(NodeKind::matrix, std::move(rows));
}

}  // namespace rb::verifiers::math
