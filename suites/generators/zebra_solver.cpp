#include "suites/generators/zebra_solver.hpp"

#include <bit>
#include <cstdlib>

namespace rb::suites {

namespace {

using Domains = std::vector<std::uint32_t>;

class Solver {
 public:
  Solver(const ZebraShape& shape, const std::vector<ZebraClue>& clues, int limit, std::vector<int>* first)
      : m_shape(shape), m_clues(clues), m_limit(limit), m_first(first), m_all((1U << shape.houses) - 1)
  {
  }

  int run()
  {
    search(Domains(static_cast<std::size_t>(m_shape.houses * m_shape.attributes), m_all));
    return m_count;
  }

 private:
  static bool single(std::uint32_t d) { return std::has_single_bit(d); }

  /// Narrows `d` with every constraint until nothing changes; false on a contradiction.
  bool propagate(Domains& d) const
  {
    for (bool changed = true; changed;) {
      changed = false;
      const auto set = [&](int v, std::uint32_t mask) {
        std::uint32_t& slot = d[static_cast<std::size_t>(v)];
        if ((slot & mask) != slot) {
          slot &= mask;
          changed = true;
        }
      };
      for (const ZebraClue& c : m_clues) {
        const std::uint32_t da = d[static_cast<std::size_t>(c.a)];
        const std::uint32_t db = d[static_cast<std::size_t>(c.b)];
        switch (c.kind) {
          case ZebraClueKind::same:
            set(c.a, db);
            set(c.b, da);
            break;
          case ZebraClueKind::not_same:
            if (single(da)) {
              set(c.b, ~da);
            }
            if (single(db)) {
              set(c.a, ~db);
            }
            break;
          case ZebraClueKind::at:
            set(c.a, 1U << c.house);
            break;
          case ZebraClueKind::not_at:
            set(c.a, ~(1U << c.house));
            break;
          case ZebraClueKind::left_of:
            set(c.a, db >> 1);
            set(c.b, (da << 1) & m_all);
            break;
          case ZebraClueKind::before:
            if (db != 0) {
              set(c.a, (1U << (31 - std::countl_zero(db))) - 1);
            }
            if (da != 0) {
              set(c.b, m_all & ~((2U << std::countr_zero(da)) - 1));
            }
            break;
          case ZebraClueKind::next_to:
            set(c.a, ((db << 1) | (db >> 1)) & m_all);
            set(c.b, ((da << 1) | (da >> 1)) & m_all);
            break;
        }
      }
      for (int attr = 0; attr < m_shape.attributes; ++attr) {
        const int base = attr * m_shape.houses;
        for (int i = 0; i < m_shape.houses; ++i) {
          const std::uint32_t di = d[static_cast<std::size_t>(base + i)];
          if (di == 0) {
            return false;
          }
          if (single(di)) {
            for (int j = 0; j < m_shape.houses; ++j) {
              if (j != i) {
                set(base + j, ~di);
              }
            }
          }
        }
        for (int h = 0; h < m_shape.houses; ++h) {  // a house only one value can take
          int holder = -1;
          int holders = 0;
          for (int i = 0; i < m_shape.houses; ++i) {
            if ((d[static_cast<std::size_t>(base + i)] >> h) & 1U) {
              holder = base + i;
              ++holders;
            }
          }
          if (holders == 0) {
            return false;
          }
          if (holders == 1) {
            set(holder, 1U << h);
          }
        }
      }
    }
    for (const std::uint32_t v : d) {
      if (v == 0) {
        return false;
      }
    }
    return true;
  }

  void search(Domains d)
  {
    if (!propagate(d)) {
      return;
    }
    int best = -1;
    int best_size = 99;
    for (std::size_t v = 0; v < d.size(); ++v) {
      const int n = std::popcount(d[v]);
      if (n > 1 && n < best_size) {
        best = static_cast<int>(v);
        best_size = n;
      }
    }
    if (best < 0) {
      std::vector<int> house_of;
      for (const std::uint32_t v : d) {
        house_of.push_back(std::countr_zero(v));
      }
      for (const ZebraClue& c : m_clues) {  // propagation is sound; this double-checks completeness
        if (!zebra_clue_holds(c, house_of)) {
          return;
        }
      }
      if (m_count == 0 && m_first != nullptr) {
        *m_first = house_of;
      }
      ++m_count;
      return;
    }
    for (std::uint32_t rest = d[static_cast<std::size_t>(best)]; rest != 0 && m_count < m_limit;
         rest &= rest - 1) {
      Domains next = d;
      next[static_cast<std::size_t>(best)] = rest & (~rest + 1);
      search(std::move(next));
    }
  }

  ZebraShape m_shape;
  const std::vector<ZebraClue>& m_clues;
  int m_limit;
  std::vector<int>* m_first;
  std::uint32_t m_all;
  int m_count = 0;
};

}  // namespace

bool zebra_clue_holds(const ZebraClue& clue, const std::vector<int>& house_of)
{
  const int a = house_of[static_cast<std::size_t>(clue.a)];
  const int b = house_of[static_cast<std::size_t>(clue.b)];
  switch (clue.kind) {
    case ZebraClueKind::same:
      return a == b;
    case ZebraClueKind::not_same:
      return a != b;
    case ZebraClueKind::at:
      return a == clue.house;
    case ZebraClueKind::not_at:
      return a != clue.house;
    case ZebraClueKind::left_of:
      return a + 1 == b;
    case ZebraClueKind::before:
      return a < b;
    case ZebraClueKind::next_to:
      return std::abs(a - b) == 1;
  }
  return false;
}

int count_zebra_solutions(const ZebraShape& shape, const std::vector<ZebraClue>& clues, int limit,
                          std::vector<int>* first)
{
  return Solver(shape, clues, limit, first).run();
}

}  // namespace rb::suites
