#include "suites/generators/sudoku_solver.hpp"

#include <bit>

namespace rb::suites {

namespace {

class Solver {
 public:
  Solver(std::vector<int> grid, const SudokuShape& shape, int limit, std::vector<int>* first,
         util::SplitMix64* rng)
      : m_grid(std::move(grid)),
        m_shape(shape),
        m_limit(limit),
        m_first(first),
        m_rng(rng),
        m_rows(static_cast<std::size_t>(shape.size), 0U),
        m_cols(m_rows),
        m_boxes(m_rows)
  {
  }

  int run()
  {
    for (int cell = 0; cell < cells(); ++cell) {
      const int v = m_grid[static_cast<std::size_t>(cell)];
      if (v != 0) {
        const unsigned bit = 1U << (v - 1);
        if ((used(cell) & bit) != 0) {
          return 0;  // the givens already conflict
        }
        mark(cell, bit);
      }
    }
    search();
    return m_count;
  }

 private:
  int cells() const { return m_shape.size * m_shape.size; }
  std::size_t box_of(int cell) const
  {
    const int r = cell / m_shape.size;
    const int c = cell % m_shape.size;
    return static_cast<std::size_t>((r / m_shape.box_rows) * (m_shape.size / m_shape.box_cols) +
                                    c / m_shape.box_cols);
  }
  unsigned used(int cell) const
  {
    return m_rows[static_cast<std::size_t>(cell / m_shape.size)] |
           m_cols[static_cast<std::size_t>(cell % m_shape.size)] | m_boxes[box_of(cell)];
  }
  void mark(int cell, unsigned bit)
  {
    m_rows[static_cast<std::size_t>(cell / m_shape.size)] ^= bit;
    m_cols[static_cast<std::size_t>(cell % m_shape.size)] ^= bit;
    m_boxes[box_of(cell)] ^= bit;
  }

  void search()
  {
    const unsigned all = (1U << m_shape.size) - 1;
    int best = -1;
    int best_count = 100;
    for (int cell = 0; cell < cells(); ++cell) {
      if (m_grid[static_cast<std::size_t>(cell)] == 0) {
        const int n = std::popcount(all & ~used(cell));
        if (n < best_count) {
          best = cell;
          best_count = n;
          if (n <= 1) {
            break;
          }
        }
      }
    }
    if (best < 0) {
      if (m_count == 0 && m_first != nullptr) {
        *m_first = m_grid;
      }
      ++m_count;
      return;
    }
    std::vector<int> candidates;
    for (unsigned free = all & ~used(best); free != 0; free &= free - 1) {
      candidates.push_back(std::countr_zero(free) + 1);
    }
    if (m_rng != nullptr) {
      for (std::size_t i = candidates.size(); i > 1; --i) {
        std::swap(candidates[i - 1], candidates[static_cast<std::size_t>(m_rng->below(i))]);
      }
    }
    for (const int v : candidates) {
      const unsigned bit = 1U << (v - 1);
      m_grid[static_cast<std::size_t>(best)] = v;
      mark(best, bit);
      search();
      mark(best, bit);
      m_grid[static_cast<std::size_t>(best)] = 0;
      if (m_count >= m_limit) {
        return;
      }
    }
  }

  std::vector<int> m_grid;
  SudokuShape m_shape;
  int m_limit;
  std::vector<int>* m_first;
  util::SplitMix64* m_rng;
  std::vector<unsigned> m_rows;
  std::vector<unsigned> m_cols;
  std::vector<unsigned> m_boxes;
  int m_count = 0;
};

}  // namespace

int count_sudoku_solutions(std::vector<int> grid, const SudokuShape& shape, int limit,
                           std::vector<int>* first, util::SplitMix64* rng)
{
  return Solver(std::move(grid), shape, limit, first, rng).run();
}

}  // namespace rb::suites
