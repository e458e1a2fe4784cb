#include "suites/generators/sudoku_gen.hpp"

#include <string>

#include "suites/generators/sudoku_solver.hpp"

namespace rb::suites {

namespace {

constexpr int k_givens_9[5] = {46, 40, 34, 30, 0};
constexpr int k_givens_4[5] = {10, 8, 7, 6, 0};

std::string cells_text(const std::vector<int>& grid)
{
  std::string out;
  for (const int v : grid) {
    out += static_cast<char>('0' + v);
  }
  return out;
}

std::string rows_text(const std::vector<int>& grid, int size, bool spaced)
{
  std::string out;
  for (int r = 0; r < size; ++r) {
    for (int c = 0; c < size; ++c) {
      const int v = grid[static_cast<std::size_t>(r * size + c)];
      if (spaced && c > 0) {
        out += ' ';
      }
      out += v == 0 ? '.' : static_cast<char>('0' + v);
    }
    if (r + 1 < size) {
      out += '\n';
    }
  }
  return out;
}

}  // namespace

std::vector<Problem> generate_sudoku(const SudokuOptions& options)
{
  const SudokuShape shape = options.size == 4 ? SudokuShape{4, 2, 2} : SudokuShape{9, 3, 3};
  const int cells = shape.size * shape.size;
  const int target = (options.size == 4 ? k_givens_4 : k_givens_9)[options.gen.difficulty - 1];
  const std::string name = "sudoku" + std::to_string(shape.size);
  std::vector<Problem> problems;
  for (std::int64_t i = 0; i < options.gen.n; ++i) {
    auto rng = problem_rng("gen:sudoku" + std::to_string(shape.size), options.gen, i);
    std::vector<int> solution;
    count_sudoku_solutions(std::vector<int>(static_cast<std::size_t>(cells), 0), shape, 1, &solution, &rng);
    std::vector<int> grid = solution;
    int givens = cells;
    for (const int cell : sample_indices(cells, cells, rng)) {
      if (givens <= target) {
        break;
      }
      const int kept = grid[static_cast<std::size_t>(cell)];
      grid[static_cast<std::size_t>(cell)] = 0;
      if (count_sudoku_solutions(grid, shape, 2, nullptr) == 1) {
        --givens;
      } else {
        grid[static_cast<std::size_t>(cell)] = kept;
      }
    }
    const std::string n = std::to_string(shape.size);
    const std::string box = std::to_string(shape.box_rows) + "x" + std::to_string(shape.box_cols);
    Problem p;
    p.id = problem_id(name, i);
    p.text = "Fill in the " + n + "x" + n + " Sudoku grid below so that every row, every column and every " +
             box + " box contains each of the digits 1 to " + n +
             " exactly once. Empty cells are shown as '.'.\n\n" + rows_text(grid, shape.size, true) +
             "\n\nWrite the completed grid as " + n + " lines of " + n + " digits.";
    p.answer = rows_text(solution, shape.size, false);
    p.reference = "<answer>\n" + p.answer + "\n</answer>";
    p.checker_data = "{\"size\":" + n + ",\"box_rows\":" + std::to_string(shape.box_rows) +
                     ",\"box_cols\":" + std::to_string(shape.box_cols) + ",\"givens\":\"" + cells_text(grid) +
                     "\",\"solution\":\"" + cells_text(solution) + "\"}";
    p.metadata = {{"source", "gen:sudoku"},
                  {"difficulty", std::to_string(options.gen.difficulty)},
                  {"size", n},
                  {"givens", std::to_string(givens)}};
    problems.push_back(std::move(p));
  }
  return problems;
}

}  // namespace rb::suites
