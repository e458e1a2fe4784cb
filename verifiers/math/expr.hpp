#pragma once
// The expression tree that the math parser builds from an answer (LaTeX or plain text) and that
// evaluation and equivalence read. Internal to verifiers/math (includes gmpxx).
#include <gmpxx.h>

#include <cstdint>
#include <string>
#include <vector>

namespace rb::verifiers::math {

enum class NodeKind : std::uint8_t {
  number,       ///< Tree::numbers[num]
  symbol,       ///< a variable: text is its canonical name ("x", "x_{1}", "\alpha")
  constant,     ///< text "pi", "e" or "i"
  infinity,     ///< +infinity (minus infinity is neg(infinity))
  add,          ///< n-ary sum
  mul,          ///< n-ary product
  neg,          ///< unary minus
  div,          ///< kids[0] / kids[1]
  pow,          ///< kids[0] ^ kids[1]
  func,         ///< text: function name; kids: arguments (sqrt: radicand[, index]; log: arg[, base])
  apply,        ///< an unknown function applied: text: name, kids: arguments (f(x), P(A))
  factorial,    ///< kids[0]!
  percent,      ///< kids[0] % (the value is kids[0] / 100)
  degree,       ///< kids[0] degrees
  plus_minus,   ///< kids[0] +- kids[1]; flags: 1 = "-+"
  text,         ///< words: text holds them normalised (lower case, single spaces)
  base_number,  ///< digits text in base num (an integer)
  tuple,        ///< ordered; flags k_paren_pair: written "(a, b)" (also reads as an open interval)
  list,         ///< several answers, unordered ("1, 2", "1 and 2")
  set,          ///< \{...\}, unordered
  interval,     ///< kids: low, high; flags: k_low_closed, k_high_closed
  matrix,       ///< kids: rows (each a tuple node)
  relation,     ///< chain kids[0] op0 kids[1] op1 ...; text: one op char per link (see RelOp)
  set_union,
  set_intersection,
  set_difference,
  reals,        ///< \mathbb{R}
  empty_set,
  ellipsis,     ///< \ldots inside a list
  ratio,        ///< a : b
  with_unit,    ///< kids[0] carries the unit in text (normalised)
  opaque,       ///< kept only for structural comparison (sums, integrals...): text printed form
};

/// Relation operators, one char each in a relation node's text.
namespace rel {
inline constexpr char eq = '=';
inline constexpr char lt = '<';
inline constexpr char le = 'l';
inline constexpr char gt = '>';
inline constexpr char ge = 'g';
inline constexpr char ne = 'n';
inline constexpr char approx = 'a';
inline constexpr char in = 'i';
}  // namespace rel

inline constexpr std::uint8_t k_low_closed = 1;
inline constexpr std::uint8_t k_high_closed = 2;
inline constexpr std::uint8_t k_paren_pair = 4;   ///< tuple written with round brackets and 2 items
inline constexpr std::uint8_t k_parenthesised = 8;  ///< a group written inside ( ) (for "(C)")
inline constexpr std::uint8_t k_mixed_number = 16;  ///< add node from "2\frac{1}{4}" or "7 3/4"
inline constexpr std::uint8_t k_spaced = 32;        ///< symbol written after a space ("5 m")
inline constexpr std::uint8_t k_joined_and = 64;    ///< list whose items are joined by "and"

struct Node {
  NodeKind kind = NodeKind::number;
  std::uint8_t flags = 0;
  std::int32_t num = -1;  ///< index into Tree::numbers (number, base_number)
  std::string text;
  std::vector<Node> kids;
};

/// A number literal as written, and its exact value.
struct NumberInfo {
  mpq_class value;
  int significant_digits = 0;  ///< digits written from the first non-zero one (decimals only)
  int decimals = 0;            ///< digits after the decimal point (0: an integer literal)
  bool repeating = false;      ///< has an \overline{} repeating part (exact)
  bool scientific = false;     ///< written with e/E exponent
};

struct Tree {
  std::vector<NumberInfo> numbers;
  Node root;
};

Node make_node(NodeKind kind, std::string text = {});
Node make_node(NodeKind kind, std::vector<Node> kids, std::string text = {});
/// A number node holding `value` (appended to tree.numbers).
Node make_number(Tree& tree, const mpq_class& value);

/// A canonical printed form, used for structural comparison and diagnostics. Bounded by
/// `max_chars` (longer output is cut and marked).
std::string print(const Tree& tree, const Node& node, std::size_t max_chars = 4000);

/// True when the subtree contains a node of `kind`.
bool contains(const Node& node, NodeKind kind);
/// Names of the free symbols in the subtree, in order of appearance, without duplicates.
void collect_symbols(const Node& node, std::vector<std::string>& out);
/// True for number, constant and arithmetic over them (no symbols, no structures).
bool is_scalar_kind(NodeKind kind);

}  // namespace rb::verifiers::math
