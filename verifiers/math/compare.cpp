// Whole answers: several answers, sets, tuples, matrices, labels ("x = 3"), units, text.
#include <algorithm>
#include <cctype>

#include "verifiers/math/compare_impl.hpp"
#include "verifiers/math/units.hpp"

namespace rb::verifiers::math {

namespace {

constexpr std::size_t k_max_variants = 16;

struct Collection {
  std::vector<Node> items;
  bool ellipsis = false;
};

Collection collect(const Node& root)
{
  Collection c;
  const std::vector<Node> top = root.kind == NodeKind::list ? root.kids : std::vector<Node>{root};
  for (const auto& item : top) {
    for (auto& v : expand_plus_minus(item)) {
      c.ellipsis = c.ellipsis || v.kind == NodeKind::ellipsis;
      c.items.push_back(std::move(v));
    }
  }
  return c;
}

bool is_collection(const Node& n) { return n.kind == NodeKind::set || n.kind == NodeKind::list; }

std::vector<Node> elements(const Node& n)
{
  std::vector<Node> out;
  for (const auto& k : n.kids) {
    for (auto& v : expand_plus_minus(k)) {
      out.push_back(std::move(v));
    }
  }
  return out;
}

/// The elements of a tuple, or of a matrix with one row or one column.
std::optional<std::vector<Node>> vector_elements(const Node& n)
{
  if (n.kind == NodeKind::tuple) {
    return n.kids;
  }
  if (n.kind != NodeKind::matrix) {
    return std::nullopt;
  }
  if (n.kids.size() == 1) {
    return n.kids[0].kids;
  }
  std::vector<Node> column;
  for (const auto& row : n.kids) {
    if (row.kids.size() != 1) {
      return std::nullopt;
    }
    column.push_back(row.kids[0]);
  }
  return column;
}

std::string normal_text(std::string_view s)
{
  std::string out;
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) != 0 || u >= 0x80) {
      out += static_cast<char>(std::tolower(u));
    } else if (!out.empty() && out.back() != ' ') {
      out += ' ';
    }
  }
  while (!out.empty() && out.back() == ' ') {
    out.pop_back();
  }
  for (const char* article : {"the ", "a ", "an "}) {
    if (out.starts_with(article)) {
      out.erase(0, std::string_view(article).size());
    }
  }
  return out;
}

/// The answer part of "x = 3", "f(x) = 2x", "(p, q) = (3, 2)", "x \in [0, 1]", and of chains
/// "x = 10/2 = 5" (the last part).
const Node* answer_side(const Node& n)
{
  if (n.kind != NodeKind::relation || n.kids.size() < 2) {
    return nullptr;
  }
  if (n.kids.size() == 2 && n.text[0] == rel::in && is_label(n.kids[0])) {
    return &n.kids[1];
  }
  // "x = 1/3 \approx 0.33": the exact value is the one before the first approximation.
  const std::size_t approx = n.text.find(rel::approx);
  const bool eq_chain = std::all_of(n.text.begin(), n.text.end(), [](char c) { return c == rel::eq || c == rel::approx; });
  // A chain's last value counts only when it is a value ("x = 10/2 = 5"), not an equation
  // ("5x - 7y + 11z + 4 = 0" is not the answer 0: Math-Verify issue #60).
  const bool constant_end = n.kids.size() > 2 && !contains(n.kids.back(), NodeKind::symbol);
  if (!eq_chain || !(is_label(n.kids[0]) || constant_end)) {
    return nullptr;
  }
  if (approx == std::string::npos) {
    return &n.kids.back();
  }
  return approx == 0 ? &n.kids[1] : &n.kids[approx];
}

/// Matrix arithmetic written in an answer ("A + B", "2\begin{pmatrix}..\end{pmatrix}", "A B")
/// folded into one matrix of entry expressions; nothing when the shapes do not fit.
std::optional<Node> fold_matrix(const Node& n)
{
  if (n.kind == NodeKind::matrix) {
    return n;
  }
  if (!contains(n, NodeKind::matrix)) {
    return std::nullopt;
  }
  auto map_entries = [](Node m, const auto& fn) {
    for (auto& row : m.kids) {
      for (auto& cell : row.kids) {
        cell = fn(std::move(cell));
      }
    }
    return m;
  };
  switch (n.kind) {
    case NodeKind::neg: {
      auto m = fold_matrix(n.kids[0]);
      if (!m) {
        return std::nullopt;
      }
      return map_entries(std::move(*m), [](Node c) { return make_node(NodeKind::neg, {std::move(c)}); });
    }
    case NodeKind::add: {
      std::optional<Node> acc;
      for (const auto& k : n.kids) {
        auto m = fold_matrix(k);
        if (!m || (acc && (m->kids.size() != acc->kids.size() || m->kids[0].kids.size() != acc->kids[0].kids.size()))) {
          return std::nullopt;
        }
        if (!acc) {
          acc = std::move(m);
          continue;
        }
        for (std::size_t r = 0; r < acc->kids.size(); ++r) {
          for (std::size_t c = 0; c < acc->kids[r].kids.size(); ++c) {
            Node& cell = acc->kids[r].kids[c];
            cell = make_node(NodeKind::add, {std::move(cell), m->kids[r].kids[c]});
          }
        }
      }
      return acc;
    }
    case NodeKind::div: {
      auto m = fold_matrix(n.kids[0]);
      if (!m || contains(n.kids[1], NodeKind::matrix)) {
        return std::nullopt;
      }
      const Node& d = n.kids[1];
      return map_entries(std::move(*m), [&](Node c) { return make_node(NodeKind::div, {std::move(c), d}); });
    }
    case NodeKind::mul: {
      std::optional<Node> acc;
      std::vector<Node> scalars;
      for (const auto& k : n.kids) {
        if (!contains(k, NodeKind::matrix)) {
          scalars.push_back(k);
          continue;
        }
        auto m = fold_matrix(k);
        if (!m) {
          return std::nullopt;
        }
        if (!acc) {
          acc = std::move(m);
          continue;
        }
        const std::size_t inner = acc->kids[0].kids.size();
        if (m->kids.size() != inner) {
          return std::nullopt;
        }
        Node product = make_node(NodeKind::matrix);
        for (const auto& row : acc->kids) {
          Node out_row = make_node(NodeKind::tuple);
          for (std::size_t c = 0; c < m->kids[0].kids.size(); ++c) {
            Node sum = make_node(NodeKind::add);
            for (std::size_t t = 0; t < inner; ++t) {
              sum.kids.push_back(make_node(NodeKind::mul, {row.kids[t], m->kids[t].kids[c]}));
            }
            out_row.kids.push_back(std::move(sum));
          }
          product.kids.push_back(std::move(out_row));
        }
        acc = std::move(product);
      }
      if (!acc) {
        return std::nullopt;
      }
      for (const auto& f : scalars) {
        acc = map_entries(std::move(*acc), [&](Node c) { return make_node(NodeKind::mul, {f, std::move(c)}); });
      }
      return acc;
    }
    default:
      return std::nullopt;
  }
}

}  // namespace

bool is_label(const Node& n)
{
  switch (n.kind) {
    case NodeKind::symbol:
    case NodeKind::apply:
      return true;
    case NodeKind::func:
      return (n.text == "prime" || n.text == "abs") && n.kids.size() == 1 && is_label(n.kids[0]);
    case NodeKind::tuple:
    case NodeKind::ratio:
      return std::all_of(n.kids.begin(), n.kids.end(), [](const Node& k) { return is_label(k); });
    case NodeKind::mul:
      return std::all_of(n.kids.begin(), n.kids.end(), [](const Node& k) {
        return k.kind == NodeKind::symbol && std::isupper(static_cast<unsigned char>(k.text[0])) != 0;
      });
    default:
      return false;
  }
}

std::vector<Node> expand_plus_minus(const Node& n)
{
  if (!contains(n, NodeKind::plus_minus)) {
    return {n};
  }
  if (n.kind == NodeKind::plus_minus) {
    std::vector<Node> out;
    if (n.kids.size() == 1) {
      for (auto& v : expand_plus_minus(n.kids[0])) {
        out.push_back(make_node(NodeKind::neg, {v}));
        out.push_back(std::move(v));
      }
    } else {
      const auto left = expand_plus_minus(n.kids[0]);
      const auto right = expand_plus_minus(n.kids[1]);
      for (const auto& a : left) {
        for (const auto& b : right) {
          out.push_back(make_node(NodeKind::add, {a, b}));
          out.push_back(make_node(NodeKind::add, {a, make_node(NodeKind::neg, {b})}));
        }
      }
    }
    if (out.size() > k_max_variants) {
      return {n};
    }
    return out;
  }
  if (is_collection(n)) {
    Node copy = n;
    copy.kids = elements(n);
    return {copy};
  }
  std::vector<Node> variants{n};
  for (std::size_t i = 0; i < n.kids.size(); ++i) {
    const auto kid_variants = expand_plus_minus(n.kids[i]);
    if (kid_variants.size() == 1) {
      continue;
    }
    std::vector<Node> next;
    for (const auto& v : variants) {
      for (const auto& k : kid_variants) {
        Node copy = v;
        copy.kids[i] = k;
        next.push_back(std::move(copy));
      }
    }
    if (next.size() > k_max_variants) {
      return {n};
    }
    variants = std::move(next);
  }
  return variants;
}

Decision equivalent(const Tree& gold, const Tree& pred, const CompareContext& context)
{
  Comparer comparer(gold, pred, context);
  return comparer.answers();
}

Decision Comparer::answers()
{
  const Collection g = collect(m_gold.root);
  const Collection p = collect(m_pred.root);
  if (g.items.size() == 1 && p.items.size() == 1) {
    return items(g.items[0], p.items[0]);
  }
  const Node& g0 = g.items[0];
  // "(p, q) = (3, 2)" answered "p = 3, q = 2"
  if (g.items.size() == 1 && g0.kind == NodeKind::relation && g0.text == "=" && g0.kids.size() == 2 &&
      g0.kids[0].kind == NodeKind::tuple && g0.kids[1].kind == NodeKind::tuple &&
      g0.kids[0].kids.size() == p.items.size()) {
    std::vector<Node> ordered;
    for (const auto& label : g0.kids[0].kids) {
      for (const auto& item : p.items) {
        if (item.kind == NodeKind::relation && item.text == "=" && item.kids.size() == 2 &&
            print(m_pred, item.kids[0]) == print(m_gold, label)) {
          ordered.push_back(item.kids[1]);
          break;
        }
      }
    }
    if (ordered.size() == p.items.size()) {
      return collections(g0.kids[1].kids, ordered, true, "named values");
    }
  }
  // "(-\infty, -3] \cup [2, \infty)" answered "x \le -3 or x \ge 2".
  if (g.items.size() == 1 || p.items.size() == 1) {
    if (auto d = real_sets(m_gold.root, m_pred.root)) {
      return *d;
    }
  }
  // A tuple written without brackets, and a bracketed list of solutions.
  if (g.items.size() == 1 && g0.kind == NodeKind::tuple && g0.kids.size() == p.items.size()) {
    return collections(g0.kids, p.items, true, "tuple entries");
  }
  if (p.items.size() == 1 && p.items[0].kind == NodeKind::tuple && p.items[0].kids.size() == g.items.size()) {
    return collections(g.items, p.items[0].kids, false, "answers");
  }
  if (g.items.size() == 1 && g0.kind == NodeKind::set) {
    return collections(elements(g0), p.items, false, "set elements");
  }
  if (p.items.size() == 1 && p.items[0].kind == NodeKind::set) {
    return collections(g.items, elements(p.items[0]), false, "set elements");
  }
  return collections(g.items, p.items, g.ellipsis || p.ellipsis, "answers");
}

Decision Comparer::collections(const std::vector<Node>& g, const std::vector<Node>& p, bool ordered,
                               const char* what)
{
  // A subset of the required answers is not the answer (Math-Verify issue #47), nor a superset.
  if (g.size() != p.size()) {
    return {false, "the gold answer has " + std::to_string(g.size()) + " " + what + ", the prediction " +
                       std::to_string(p.size())};
  }
  if (g.size() > k_max_items) {
    return {false, "too many " + std::string(what) + " to compare"};
  }
  if (ordered) {
    for (std::size_t i = 0; i < g.size(); ++i) {
      const Decision d = items(g[i], p[i]);
      if (!d.equal) {
        return {false, std::string(what) + " " + std::to_string(i + 1) + " differs: " + d.rule};
      }
    }
    return {true, "all " + std::to_string(g.size()) + " " + what + " match in order"};
  }
  std::vector<bool> used(p.size(), false);
  for (std::size_t i = 0; i < g.size(); ++i) {
    bool found = false;
    for (std::size_t j = 0; j < p.size() && !found; ++j) {
      if (!used[j] && items(g[i], p[j]).equal) {
        used[j] = true;
        found = true;
      }
    }
    if (!found) {
      return {false, "no match for gold " + std::string(what) + " '" + print(m_gold, g[i], 60) + "'"};
    }
  }
  return {true, "all " + std::to_string(g.size()) + " " + what + " match (in any order)"};
}

Decision Comparer::items(const Node& g, const Node& p)
{
  if (print(m_gold, g) == print(m_pred, p)) {
    return {true, "same expression"};
  }
  if (g.kind == NodeKind::with_unit || p.kind == NodeKind::with_unit) {
    return with_units(g, p);
  }
  if (g.kind == NodeKind::text || p.kind == NodeKind::text) {
    return text(g, p);
  }
  if (auto d = real_sets(g, p)) {
    return *d;
  }
  if (auto d = labelled(g, p)) {
    return *d;
  }
  if (g.kind == NodeKind::relation && p.kind == NodeKind::relation) {
    return relations(g, p);
  }
  if (g.kind == NodeKind::relation) {
    return {false, "the gold answer is an equation or inequality; the prediction is not"};
  }
  if (p.kind == NodeKind::relation) {
    return {false, "the prediction is an equation or inequality; the gold answer is not"};
  }
  if (is_collection(g) || is_collection(p)) {
    const std::vector<Node> ge = is_collection(g) ? elements(g) : std::vector<Node>{g};
    const std::vector<Node> pe = is_collection(p) ? elements(p) : std::vector<Node>{p};
    return collections(ge, pe, false, "elements");
  }
  if (contains(g, NodeKind::plus_minus) || contains(p, NodeKind::plus_minus)) {
    return collections(expand_plus_minus(g), expand_plus_minus(p), false, "values of +-");
  }
  if ((g.kind != NodeKind::matrix && contains(g, NodeKind::matrix)) ||
      (p.kind != NodeKind::matrix && contains(p, NodeKind::matrix))) {
    const auto fg = fold_matrix(g);
    const auto fp = fold_matrix(p);
    if (fg && fp) {
      const Decision d = tuples(*fg, *fp);
      return {d.equal, "after matrix arithmetic: " + d.rule};
    }
  }
  if (g.kind == NodeKind::tuple || p.kind == NodeKind::tuple || g.kind == NodeKind::matrix ||
      p.kind == NodeKind::matrix) {
    return tuples(g, p);
  }
  if (g.kind == NodeKind::ratio || p.kind == NodeKind::ratio) {
    const Node* gr = g.kind == NodeKind::ratio ? &g : nullptr;
    const Node* pr = p.kind == NodeKind::ratio ? &p : nullptr;
    if (gr != nullptr && pr != nullptr && gr->kids.size() == pr->kids.size()) {
      const Decision d = collections(gr->kids, pr->kids, true, "ratio terms");
      if (d.equal || gr->kids.size() != 2) {
        if (d.equal) {
          return d;
        }
        // "1:2:3" is "2:4:6": every term over the first one agrees.
        for (std::size_t k = 1; k < gr->kids.size(); ++k) {
          const Decision q = scalars(make_node(NodeKind::div, {gr->kids[k], gr->kids[0]}),
                                     make_node(NodeKind::div, {pr->kids[k], pr->kids[0]}), 1, 1);
          if (!q.equal) {
            return d;
          }
        }
        return {true, "proportional ratio terms"};
      }
    }
    if ((gr != nullptr && gr->kids.size() != 2) || (pr != nullptr && pr->kids.size() != 2)) {
      return {false, "ratios of different lengths"};
    }
    const Node gv = gr != nullptr ? make_node(NodeKind::div, {gr->kids[0], gr->kids[1]}) : g;
    const Node pv = pr != nullptr ? make_node(NodeKind::div, {pr->kids[0], pr->kids[1]}) : p;
    const Decision d = scalars(gv, pv, 1, 1);
    return {d.equal, "as ratios: " + d.rule};
  }
  if (g.kind == NodeKind::base_number || p.kind == NodeKind::base_number) {
    if (g.kind == NodeKind::base_number && p.kind != NodeKind::number && p.kind != NodeKind::base_number) {
      return {false, "the gold answer is a base-" + std::to_string(g.num) + " numeral"};
    }
    if (g.kind == NodeKind::base_number && p.kind == NodeKind::number) {
      // 204_5 answered 204: the digits without the subscript. 54 (its decimal value) is not the
      // base-5 representation the problem asks for.
      const mpq_class& v = m_pred.numbers[static_cast<std::size_t>(p.num)].value;
      const std::string digits = g.text.substr(std::min(g.text.find_first_not_of('0'), g.text.size() - 1));
      const bool same = v.get_den() == 1 && v.get_num().get_str() == digits;
      return {same, same ? "same digits (base subscript omitted)" : "different base-" + std::to_string(g.num) + " digits"};
    }
    if (g.kind == NodeKind::base_number && p.kind == NodeKind::base_number && g.num != p.num) {
      return {false, "different bases"};
    }
  }
  if (is_scalar_kind(g.kind) && is_scalar_kind(p.kind)) {
    return scalars(g, p, 1, 1);
  }
  return {false, "different kinds of answer"};
}

std::optional<Decision> Comparer::labelled(const Node& g, const Node& p)
{
  const Node* gv = answer_side(g);
  const Node* pv = answer_side(p);
  if (gv != nullptr && pv != nullptr) {
    if (print(m_gold, g.kids[0]) == print(m_pred, p.kids[0]) || g.kids.size() > 2 || p.kids.size() > 2) {
      const Decision d = items(*gv, *pv);
      return Decision{d.equal, "same name, values: " + d.rule};
    }
    return std::nullopt;
  }
  if (gv != nullptr && p.kind != NodeKind::relation) {
    const Decision d = items(*gv, p);
    return Decision{d.equal, "the value of '" + print(m_gold, g.kids[0], 40) + "': " + d.rule};
  }
  if (pv != nullptr && g.kind != NodeKind::relation) {
    const Decision d = items(g, *pv);
    return Decision{d.equal, "the predicted value of '" + print(m_pred, p.kids[0], 40) + "': " + d.rule};
  }
  // "\frac12 \$ = \frac{10}{9}" and "a + b = 10" give their result; an equation with numbers on
  // its left ("5x - 7y + 11z + 4 = 0") is not the answer 0, nor is one set to zero
  // ("x' + \frac{r}{V} x - rc = 0": Math-Verify issue #60 read both as 0).
  const bool zero_right = p.kids.size() == 2 && p.kids[1].kind == NodeKind::number &&
                          m_pred.numbers[static_cast<std::size_t>(p.kids[1].num)].value == 0;
  if (p.kind == NodeKind::relation && g.kind != NodeKind::relation &&
      std::all_of(p.text.begin(), p.text.end(), [](char c) { return c == rel::eq; }) && p.kids.size() == 2 &&
      (!contains(p.kids[0], NodeKind::symbol) || !contains(p.kids[0], NodeKind::number)) &&
      !contains(p.kids[1], NodeKind::symbol) && !(zero_right && contains(p.kids[0], NodeKind::symbol))) {
    const Decision d = items(g, p.kids.back());
    return Decision{d.equal, "the value after the last '=': " + d.rule};
  }
  return std::nullopt;
}

Decision Comparer::with_units(const Node& g, const Node& p)
{
  const bool gu = g.kind == NodeKind::with_unit;
  const bool pu = p.kind == NodeKind::with_unit;
  const Node& gi = gu ? g.kids[0] : g;
  const Node& pi = pu ? p.kids[0] : p;
  const auto ug = gu ? read_unit(g.text) : std::nullopt;
  const auto up = pu ? read_unit(p.text) : std::nullopt;
  if (ug && up) {
    // "5 cm" is not "5 m": graders that strip every unit accept it.
    if (ug->dimension != up->dimension) {
      return {false, "different units: " + ug->name + " and " + up->name};
    }
    if (ug->factor != up->factor && is_scalar_kind(gi.kind) && is_scalar_kind(pi.kind)) {
      const Decision d = scalars(gi, pi, ug->factor, up->factor);
      return {d.equal, (d.equal ? "converted " : "different units: converted ") + ug->name + " and " + up->name +
                           ": " + d.rule};
    }
    const Decision d = items(gi, pi);
    return {d.equal, d.rule + " (same unit: " + ug->name + ")"};
  }
  // A degree sign or % on the side without a unit word is a unit too: "36^\circ" is not "\$36".
  const auto& unit = ug ? ug : up;
  const Node& other = ug ? pi : gi;
  if (unit && (other.kind == NodeKind::degree || other.kind == NodeKind::percent)) {
    const bool angle = unit->dimension == "angle";
    if (!(angle && other.kind == NodeKind::degree)) {
      return {false, "different units: " + unit->name + " and " + (other.kind == NodeKind::degree ? "degree" : "percent")};
    }
  }
  const Decision d = items(gi, pi);
  return {d.equal, d.rule + (ug || up ? " (unit on one side only, ignored)" : "")};
}

Decision Comparer::text(const Node& g, const Node& p)
{
  const std::string a = normal_text(g.kind == NodeKind::text ? g.text : print(m_gold, g));
  const std::string b = normal_text(p.kind == NodeKind::text ? p.text : print(m_pred, p));
  if (a == b && !a.empty()) {
    return {true, "same text"};
  }
  return {false, "different text ('" + a.substr(0, 40) + "' vs '" + b.substr(0, 40) + "')"};
}

Decision Comparer::tuples(const Node& g, const Node& p)
{
  if (g.kind == NodeKind::matrix && p.kind == NodeKind::matrix) {
    if (g.kids.size() != p.kids.size() || g.kids[0].kids.size() != p.kids[0].kids.size()) {
      return {false, "matrices of different shapes"};
    }
    for (std::size_t r = 0; r < g.kids.size(); ++r) {
      const Decision d = collections(g.kids[r].kids, p.kids[r].kids, true, "matrix entries");
      if (!d.equal) {
        return {false, "row " + std::to_string(r + 1) + ": " + d.rule};
      }
    }
    return {true, "all matrix entries match"};
  }
  const auto ge = vector_elements(g);
  const auto pe = vector_elements(p);
  if (!ge || !pe) {
    return {false, "a tuple or matrix and a different kind of answer"};
  }
  return collections(*ge, *pe, true, "entries");
}

}  // namespace rb::verifiers::math
