#include "verifiers/math/vote.hpp"

#include <algorithm>
#include <vector>

#include "verifiers/math/compare_impl.hpp"
#include "verifiers/math/evaluate.hpp"

namespace rb::verifiers::math {

namespace {

constexpr std::size_t k_max_vote_chars = 2000;
constexpr std::size_t k_vote_digits = 30;

class Voter {
 public:
  explicit Voter(const Tree& tree) : m_tree(tree) {}

  std::string node(const Node& n)
  {
    switch (n.kind) {
      case NodeKind::list:
      case NodeKind::set:
        return sorted(n, "{", "}");
      case NodeKind::tuple:
        return joined(n, "(", ")");
      case NodeKind::matrix:
        return joined(n, "[", "]");
      case NodeKind::interval:
        return joined(n, n.flags & k_low_closed ? "[" : "(", n.flags & k_high_closed ? "]" : ")");
      case NodeKind::with_unit:
        return node(n.kids[0]);
      case NodeKind::percent:
      case NodeKind::degree:
        return node(n.kids[0]);
      case NodeKind::text:
        return "text:" + n.text;
      case NodeKind::relation: {
        if (n.kids.size() >= 2 && (is_label(n.kids[0]) || n.kids.size() > 2) &&
            std::all_of(n.text.begin(), n.text.end(), [](char c) { return c == rel::eq; })) {
          return node(n.kids.back());
        }
        return print(m_tree, n, 200);
      }
      default:
        break;
    }
    if (contains(n, NodeKind::plus_minus)) {
      Node list = make_node(NodeKind::list, expand_plus_minus(n));
      return list.kids.size() > 1 ? sorted(list, "{", "}") : print(m_tree, n, 200);
    }
    if (!is_scalar_kind(n.kind)) {
      return print(m_tree, n, 200);
    }
    return scalar(n);
  }

 private:
  std::string scalar(const Node& n)
  {
    std::vector<std::string> vars;
    collect_symbols(n, vars);
    std::sort(vars.begin(), vars.end());
    if (vars.size() > 8) {
      return print(m_tree, n, 200);
    }
    std::string out;
    const int points = vars.empty() ? 1 : 2;
    for (int k = 0; k < points; ++k) {
      Assignment point;
      for (std::size_t j = 0; j < vars.size(); ++j) {
        mpq_class q(static_cast<long>(37 + 11 * j + 7 * k), static_cast<long>(19 + 3 * j + 5 * k));
        q.canonicalize();  // GMP's arithmetic assumes canonical operands: 44/24 would print unreduced results
        point.emplace_back(vars[j], std::move(q));
      }
      EvalContext ctx;
      ctx.variables = &point;
      ctx.steps_left = m_steps;
      const Value v = evaluate(m_tree, n, ctx);
      m_steps = ctx.steps_left;
      if (v.state == Value::State::exact) {
        out += (k > 0 ? ";" : "") + v.form.to_string();
      } else if (v.state == Value::State::approx && v.ball->real) {
        mp_exp_t exp = 0;
        out += (k > 0 ? ";" : "") + std::string("~") + v.ball->re.get_str(exp, 10, k_vote_digits) + "e" +
               std::to_string(exp);
      } else {
        return print(m_tree, n, 200);
      }
    }
    return vars.empty() ? out : "f(" + out + ")";
  }

  std::string joined(const Node& n, const char* open, const char* close)
  {
    std::string out = open;
    for (std::size_t i = 0; i < n.kids.size(); ++i) {
      out += (i > 0 ? "," : "") + node(n.kids[i]);
    }
    return out + close;
  }

  std::string sorted(const Node& n, const char* open, const char* close)
  {
    std::vector<std::string> parts;
    for (const auto& k : n.kids) {
      parts.push_back(node(k));
    }
    std::sort(parts.begin(), parts.end());
    std::string out = open;
    for (std::size_t i = 0; i < parts.size(); ++i) {
      out += (i > 0 ? "," : "") + parts[i];
    }
    return out + close;
  }

  const Tree& m_tree;
  long m_steps = k_evaluation_steps / 4;
};

}  // namespace

std::string vote_of(const Tree& tree)
{
  Voter voter(tree);
  std::string v = voter.node(tree.root);
  if (v.size() > k_max_vote_chars) {
    return {};
  }
  return v;
}

}  // namespace rb::verifiers::math
