#pragma once
// The comparer behind equivalent(): compare.cpp (answers, collections, structures, relations),
// compare_scalar.cpp (values, identity testing, equations), compare_sets.cpp (sets of reals).
// Invariant: the first node of every method comes from the gold tree, the second from the
// predicted one. Internal.
#include <optional>
#include <string>
#include <vector>

#include "verifiers/math/compare.hpp"
#include "verifiers/math/evaluate.hpp"

namespace rb::verifiers::math {

inline constexpr unsigned long k_precision = 192;        ///< first evaluation
inline constexpr unsigned long k_agree_bits = 100;       ///< equal when balls agree to this many bits
inline constexpr unsigned long k_final_precision = 1024;  ///< second evaluation, when the first cannot decide
/// The second evaluation's precision grows with the values' size up to this (below the 1,344
/// bits pi and ln 2 are held to, ball_functions.cpp); larger values are compared structurally,
/// since their units cannot be resolved (10^{10^{10}} vs 10^{10^{10}}+1).
inline constexpr unsigned long k_max_precision = 1216;
inline constexpr int k_identity_points = 4;              ///< points per variable assignment test
inline constexpr std::size_t k_max_items = 64;           ///< list items compared pairwise

enum class Outcome { equal, different, unknown };

/// A node's name as a label: "x", "f(x)", "|AB|", "(p,q)"; true when it names a quantity rather
/// than computing one, so "x = 3" answers 3.
bool is_label(const Node& node);
/// Every variant of a node with +- written out (1 \pm \sqrt{2} -> 1 + \sqrt{2}, 1 - \sqrt{2}).
std::vector<Node> expand_plus_minus(const Node& node);

class Comparer {
 public:
  Comparer(const Tree& gold, const Tree& pred, const CompareContext& context = {})
      : m_gold(gold), m_pred(pred), m_context(context)
  {
  }

  Decision answers();
  Decision items(const Node& g, const Node& p);

  // compare_scalar.cpp
  Decision scalars(const Node& g, const Node& p, const mpq_class& scale_g, const mpq_class& scale_p);
  Decision relations(const Node& g, const Node& p);
  /// Outcome of comparing two scalar expressions at the identity-test points.
  Outcome identity(const Node& g, const mpq_class& scale_g, const Node& p, const mpq_class& scale_p,
                   std::string* detail);
  /// Whether f_g = c * f_p for a constant c != 0 at every point (equations up to scaling); the
  /// sign of c in `sign` (0 when unknown).
  Outcome proportional(const Node& fg, const Node& fp, int* sign, std::string* detail);

  // compare_sets.cpp
  /// Both sides as unions of intervals and points, compared; nothing when either side is not a
  /// set of reals (or neither is interval-like).
  std::optional<Decision> real_sets(const Node& g, const Node& p);

 private:
  Decision collections(const std::vector<Node>& g, const std::vector<Node>& p, bool ordered, const char* what);
  Decision tuples(const Node& g, const Node& p);
  Decision with_units(const Node& g, const Node& p);
  Decision text(const Node& g, const Node& p);
  std::optional<Decision> labelled(const Node& g, const Node& p);
  Value eval(const Tree& tree, const Node& node, const Assignment* point, unsigned long precision);
  Outcome compare_values(const Value& a, const Value& b, unsigned long precision, bool final);
  Outcome values_at(const Node& g, const mpq_class& sg, const Node& p, const mpq_class& sp, const Assignment* point,
                    std::string* detail);

  const Tree& m_gold;
  const Tree& m_pred;
  CompareContext m_context;
  long m_steps = k_evaluation_steps;
};

}  // namespace rb::verifiers::math
