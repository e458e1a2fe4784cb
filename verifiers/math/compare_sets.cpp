// Sets of real numbers: intervals, unions, finite sets, \mathbb{R}, and inequalities in one
// variable, all brought to sorted disjoint pieces. Interval ends must match in value and in
// openness ([1,2] is not (1,2): a mistake of string and tuple graders).
#include <algorithm>

#include "verifiers/math/compare_impl.hpp"

namespace rb::verifiers::math {

namespace {

struct End {
  int infinite = 0;  ///< -1, +1 or 0 (finite: value)
  Value value;
  bool closed = false;
};

struct Piece {
  End low;
  End high;
};

struct RealSet {
  std::vector<Piece> pieces;
  std::string variable;  ///< for inequalities and "x \in S"
};

char flip(char op)
{
  switch (op) {
    case rel::lt:
      return rel::gt;
    case rel::gt:
      return rel::lt;
    case rel::le:
      return rel::ge;
    case rel::ge:
      return rel::le;
    default:
      return op;
  }
}

bool has_inequality(const Node& n)
{
  return n.kind == NodeKind::relation &&
         n.text.find_first_of(std::string{rel::lt, rel::le, rel::gt, rel::ge, rel::ne, rel::in}) != std::string::npos;
}

bool interval_like(const Node& n)
{
  if (n.kind == NodeKind::list) {
    return std::all_of(n.kids.begin(), n.kids.end(), [](const Node& k) { return has_inequality(k); });
  }
  return n.kind == NodeKind::interval || n.kind == NodeKind::set_union || n.kind == NodeKind::reals ||
         n.kind == NodeKind::set_difference ||
         n.kind == NodeKind::empty_set || has_inequality(n);
}

std::optional<int> order(const End& a, const End& b);

/// Removes the points of `holes` from `pieces` ("\mathbb{R} \setminus \{0\}"); false when an
/// order cannot be decided.
bool subtract_points(std::vector<Piece>& pieces, const std::vector<Piece>& holes)
{
  for (const auto& hole : holes) {
    std::vector<Piece> next;
    for (auto& p : pieces) {
      const auto lo = order(hole.low, p.low);
      const auto hi = order(hole.low, p.high);
      if (!lo || !hi) {
        return false;
      }
      if (*lo < 0 || *hi > 0) {
        next.push_back(p);
      } else if (*lo == 0 && *hi == 0) {
        continue;  // the piece is that point
      } else if (*lo == 0) {
        p.low.closed = false;
        next.push_back(p);
      } else if (*hi == 0) {
        p.high.closed = false;
        next.push_back(p);
      } else {
        Piece left = p;
        left.high = hole.low;
        left.high.closed = false;
        Piece right = p;
        right.low = hole.low;
        right.low.closed = false;
        next.push_back(std::move(left));
        next.push_back(std::move(right));
      }
    }
    pieces = std::move(next);
  }
  return true;
}

/// The intersection of two unions of pieces ("x > -3 and x < 2"); false when undecidable.
bool intersect(std::vector<Piece>& a, const std::vector<Piece>& b)
{
  std::vector<Piece> out;
  for (const auto& x : a) {
    for (const auto& y : b) {
      const auto lo = order(x.low, y.low);
      const auto hi = order(x.high, y.high);
      if (!lo || !hi) {
        return false;
      }
      Piece p;
      p.low = *lo > 0 ? x.low : (*lo < 0 ? y.low : x.low);
      if (*lo == 0) {
        p.low.closed = x.low.closed && y.low.closed;
      }
      p.high = *hi < 0 ? x.high : (*hi > 0 ? y.high : x.high);
      if (*hi == 0) {
        p.high.closed = x.high.closed && y.high.closed;
      }
      const auto width = order(p.low, p.high);
      if (!width) {
        return false;
      }
      if (*width < 0 || (*width == 0 && p.low.closed && p.high.closed && p.low.infinite == 0)) {
        out.push_back(std::move(p));
      }
    }
  }
  a = std::move(out);
  return true;
}

class SetReader {
 public:
  explicit SetReader(const Tree& tree) : m_tree(tree) {}

  std::optional<RealSet> read(const Node& n)
  {
    RealSet out;
    if (!collect(n, out)) {
      return std::nullopt;
    }
    return out;
  }

 private:
  std::optional<End> end_of(const Node& n, bool closed)
  {
    End e;
    e.closed = closed;
    if (n.kind == NodeKind::infinity) {
      e.infinite = 1;
      return e;
    }
    if (n.kind == NodeKind::neg && n.kids[0].kind == NodeKind::infinity) {
      e.infinite = -1;
      return e;
    }
    if (!is_scalar_kind(n.kind) || contains(n, NodeKind::symbol)) {
      return std::nullopt;
    }
    EvalContext ctx;
    ctx.precision = k_precision;
    e.value = evaluate(m_tree, n, ctx);
    if (!e.value.ok() || !e.value.to_ball(k_precision).real) {
      return std::nullopt;
    }
    return e;
  }

  bool collect(const Node& n, RealSet& out)
  {
    switch (n.kind) {
      case NodeKind::interval:
      case NodeKind::tuple: {
        if (n.kind == NodeKind::tuple && !(n.flags & k_paren_pair)) {
          return false;
        }
        const auto low = end_of(n.kids[0], n.flags & k_low_closed);
        const auto high = end_of(n.kids[1], n.flags & k_high_closed);
        if (!low || !high) {
          return false;
        }
        out.pieces.push_back(Piece{*low, *high});
        return true;
      }
      case NodeKind::reals: {
        End low;
        low.infinite = -1;
        End high;
        high.infinite = 1;
        out.pieces.push_back(Piece{low, high});
        return true;
      }
      case NodeKind::empty_set:
        return true;
      case NodeKind::set:
        for (const auto& k : n.kids) {
          const auto e = end_of(k, true);
          if (!e || e->infinite != 0) {
            return false;
          }
          out.pieces.push_back(Piece{*e, *e});
        }
        return true;
      case NodeKind::set_union:
        return std::all_of(n.kids.begin(), n.kids.end(), [&](const Node& k) { return collect(k, out); });
      case NodeKind::list: {
        // "x \le -3 or x \ge 2" (or commas) is a union; "x > -3 and x < 2" an intersection.
        if (!std::all_of(n.kids.begin(), n.kids.end(), [](const Node& k) { return has_inequality(k); })) {
          return false;
        }
        const bool all = (n.flags & k_joined_and) != 0;
        std::vector<Piece> acc;
        for (std::size_t i = 0; i < n.kids.size(); ++i) {
          RealSet part;
          if (!collect(n.kids[i], part) || (!out.variable.empty() && part.variable != out.variable)) {
            return false;
          }
          out.variable = part.variable;
          if (i == 0 || !all) {
            acc.insert(acc.end(), part.pieces.begin(), part.pieces.end());
          } else if (!intersect(acc, part.pieces)) {
            return false;
          }
        }
        out.pieces.insert(out.pieces.end(), acc.begin(), acc.end());
        return true;
      }
      case NodeKind::set_difference: {
        RealSet holes;
        if (!collect(n.kids[0], out) || !collect(n.kids[1], holes)) {
          return false;
        }
        for (const auto& h : holes.pieces) {
          const auto same = order(h.low, h.high);
          if (!same || *same != 0 || h.low.infinite != 0) {
            return false;  // only points are taken out
          }
        }
        return subtract_points(out.pieces, holes.pieces);
      }
      case NodeKind::relation:
        return relation(n, out);
      default:
        return false;
    }
  }

  bool relation(const Node& n, RealSet& out)
  {
    if (n.text == std::string(1, rel::in) && n.kids.size() == 2 && n.kids[0].kind == NodeKind::symbol) {
      out.variable = n.kids[0].text;
      return collect(n.kids[1], out);
    }
    // Find the one part that is the variable (or its absolute value).
    int var_index = -1;
    bool absolute = false;
    for (std::size_t i = 0; i < n.kids.size(); ++i) {
      const Node& k = n.kids[i];
      const bool is_var = k.kind == NodeKind::symbol;
      const bool is_abs = k.kind == NodeKind::func && k.text == "abs" && k.kids[0].kind == NodeKind::symbol;
      if (is_var || is_abs) {
        if (var_index >= 0) {
          return false;
        }
        var_index = static_cast<int>(i);
        absolute = is_abs;
        out.variable = is_abs ? k.kids[0].text : k.text;
      } else if (contains(k, NodeKind::symbol)) {
        return false;
      }
    }
    if (var_index < 0) {
      return false;
    }
    End low;
    low.infinite = -1;
    End high;
    high.infinite = 1;
    std::optional<Value> excluded;
    for (std::size_t i = 0; i + 1 < n.kids.size(); ++i) {
      char op = n.text[i];
      const Node* other = nullptr;
      if (static_cast<int>(i) == var_index) {
        other = &n.kids[i + 1];
      } else if (static_cast<int>(i + 1) == var_index) {
        other = &n.kids[i];
        op = flip(op);
      } else {
        continue;
      }
      const auto bound = end_of(*other, op == rel::le || op == rel::ge || op == rel::eq);
      if (!bound || bound->infinite != 0) {
        return false;
      }
      switch (op) {
        case rel::lt:
        case rel::le:
          if (high.infinite == 0) {
            return false;  // two upper bounds: not needed by real answers
          }
          high = *bound;
          break;
        case rel::gt:
        case rel::ge:
          if (low.infinite == 0) {
            return false;
          }
          low = *bound;
          break;
        case rel::eq:
          low = *bound;
          high = *bound;
          break;
        case rel::ne:
          if (n.kids.size() != 2 || absolute) {
            return false;
          }
          excluded = bound->value;
          break;
        default:
          return false;
      }
    }
    if (excluded) {
      End a;
      a.infinite = -1;
      End b;
      b.value = *excluded;
      End c = b;
      End d;
      d.infinite = 1;
      out.pieces.push_back(Piece{a, b});
      out.pieces.push_back(Piece{c, d});
      return true;
    }
    if (!absolute) {
      out.pieces.push_back(Piece{low, high});
      return true;
    }
    // a <= |x| <= b  ->  [-b, -a] u [a, b];  |x| <= b -> [-b, b]
    if (high.infinite == 0 && high.value.to_ball(k_precision).re < 0) {
      return true;  // empty
    }
    const bool low_positive = low.infinite == 0 && low.value.to_ball(k_precision).re > 0;
    End neg_high = high;
    if (high.infinite == 0) {
      neg_high.value = value_neg(high.value);
    } else {
      neg_high.infinite = -1;
    }
    if (!low_positive) {
      out.pieces.push_back(Piece{neg_high, high});
      return true;
    }
    End neg_low = low;
    neg_low.value = value_neg(low.value);
    out.pieces.push_back(Piece{neg_high, neg_low});
    out.pieces.push_back(Piece{low, high});
    return true;
  }

  const Tree& m_tree;
};

/// -1, 0, +1 for ends (positions on the line), or nothing when undecidable.
std::optional<int> order(const End& a, const End& b)
{
  if (a.infinite != 0 || b.infinite != 0) {
    return a.infinite == b.infinite ? 0 : (a.infinite < b.infinite ? -1 : 1);
  }
  if (a.value.state == Value::State::exact && b.value.state == Value::State::exact && a.value.form == b.value.form) {
    return 0;
  }
  const Ball x = a.value.to_ball(k_precision);
  const Ball y = b.value.to_ball(k_precision);
  const int o = order_real(x, y);
  if (o != 0) {
    return o;
  }
  if (compare_balls(x, y, k_agree_bits, false) == BallOrder::equal) {
    return 0;
  }
  return std::nullopt;
}

/// Sorts and merges pieces; nothing when an order cannot be decided.
std::optional<std::vector<Piece>> canonical(std::vector<Piece> pieces)
{
  // drop empty pieces
  std::vector<Piece> kept;
  for (auto& p : pieces) {
    const auto o = order(p.low, p.high);
    if (!o) {
      return std::nullopt;
    }
    if (*o > 0 || (*o == 0 && (!p.low.closed || !p.high.closed) && p.low.infinite == 0)) {
      continue;
    }
    kept.push_back(std::move(p));
  }
  for (std::size_t i = 1; i < kept.size(); ++i) {  // insertion sort by low end (few pieces)
    for (std::size_t j = i; j > 0; --j) {
      const auto o = order(kept[j - 1].low, kept[j].low);
      if (!o) {
        return std::nullopt;
      }
      if (*o < 0 || (*o == 0 && (kept[j - 1].low.closed || !kept[j].low.closed))) {
        break;
      }
      std::swap(kept[j - 1], kept[j]);
    }
  }
  std::vector<Piece> merged;
  for (auto& p : kept) {
    if (!merged.empty()) {
      Piece& last = merged.back();
      const auto touch = order(p.low, last.high);
      if (!touch) {
        return std::nullopt;
      }
      if (*touch < 0 || (*touch == 0 && (p.low.closed || last.high.closed))) {
        const auto further = order(p.high, last.high);
        if (!further) {
          return std::nullopt;
        }
        if (*further > 0 || (*further == 0 && p.high.closed)) {
          last.high = p.high;
        }
        continue;
      }
    }
    merged.push_back(std::move(p));
  }
  return merged;
}

bool same_end(const End& a, const End& b)
{
  if (a.infinite != 0 || b.infinite != 0) {
    return a.infinite == b.infinite;  // "[3, \infty]" is read as [3, \infty)
  }
  const auto o = order(a, b);
  return o && *o == 0 && a.closed == b.closed;
}

}  // namespace

std::optional<Decision> Comparer::real_sets(const Node& g, const Node& p)
{
  if (!interval_like(g) && !interval_like(p)) {
    return std::nullopt;
  }
  const auto gs = SetReader(m_gold).read(g);
  const auto ps = SetReader(m_pred).read(p);
  if (!gs || !ps) {
    return std::nullopt;
  }
  if (!gs->variable.empty() && !ps->variable.empty() && gs->variable != ps->variable) {
    return Decision{false, "sets for different variables (" + gs->variable + ", " + ps->variable + ")"};
  }
  const auto a = canonical(gs->pieces);
  const auto b = canonical(ps->pieces);
  if (!a || !b) {
    return std::nullopt;
  }
  if (a->size() != b->size()) {
    return Decision{false, "sets of reals with " + std::to_string(a->size()) + " and " + std::to_string(b->size()) +
                               " pieces"};
  }
  for (std::size_t i = 0; i < a->size(); ++i) {
    if (!same_end((*a)[i].low, (*b)[i].low) || !same_end((*a)[i].high, (*b)[i].high)) {
      return Decision{false, "interval ends differ in value or openness (piece " + std::to_string(i + 1) + ")"};
    }
  }
  return Decision{true, "same set of reals (" + std::to_string(a->size()) + " piece(s), ends and openness match)"};
}

}  // namespace rb::verifiers::math
