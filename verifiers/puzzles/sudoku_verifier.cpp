#include "verifiers/puzzles/sudoku_verifier.hpp"

#include <cctype>
#include <vector>

#include "harness/util/strings.hpp"
#include "verifiers/puzzles/answer_extract.hpp"
#include "verifiers/puzzles/puzzle_verdict.hpp"

namespace rb::verifiers {

namespace {

std::string cell_name(int cell, int size)
{
  return "r" + std::to_string(cell / size + 1) + "c" + std::to_string(cell % size + 1);
}

/// Digits of a line, ignoring a row label ("Row 3:", "r3") and words.
std::string line_digits(std::string_view line)
{
  if (const std::size_t colon = line.find(':'); colon != std::string_view::npos) {
    const std::string_view head = line.substr(0, colon);
    bool has_letter = false;
    for (const char c : head) {
      has_letter = has_letter || std::isalpha(static_cast<unsigned char>(c)) != 0;
    }
    if (has_letter) {
      line.remove_prefix(colon + 1);
    }
  }
  std::string digits;
  bool in_word = false;
  for (const char c : line) {
    if (std::isalpha(static_cast<unsigned char>(c)) != 0) {
      in_word = true;
    } else if (std::isdigit(static_cast<unsigned char>(c)) != 0) {
      if (!in_word) {
        digits += c;
      }
    } else {
      in_word = false;
    }
  }
  return digits;
}

/// The grid: all digits of the answer when there are exactly N*N, else the lines with exactly N
/// digits when there are exactly N of them. Empty when neither.
std::string read_grid(const std::string& text, int size)
{
  const std::size_t cells = static_cast<std::size_t>(size * size);
  std::string all;
  std::string rows;
  int row_count = 0;
  for (const auto& line : util::split(text, '\n')) {
    const std::string digits = line_digits(line);
    all += digits;
    if (digits.size() == static_cast<std::size_t>(size)) {
      rows += digits;
      ++row_count;
    }
  }
  if (all.size() == cells) {
    return all;
  }
  return row_count == size ? rows : std::string();
}

}  // namespace

Verdict SudokuVerifier::verify(const Problem& problem, const Response& response) const
{
  const nlohmann::json cd = checker_json(problem, "sudoku");
  const int size = cd.at("size").get<int>();
  const int box_rows = cd.at("box_rows").get<int>();
  const int box_cols = cd.at("box_cols").get<int>();
  const std::string givens = cd.at("givens").get<std::string>();
  const auto span = extract_answer(response.text, AnswerShape::block);
  if (!span) {
    return make_verdict(VerdictKind::no_answer, std::nullopt, "no answer in the response");
  }
  const std::string grid = read_grid(span->text, size);
  if (grid.empty()) {
    const VerdictKind kind = is_fallback(*span) ? VerdictKind::no_answer : VerdictKind::incorrect;
    return make_verdict(
        kind, span->text,
        span->rule + ": no " + std::to_string(size) + "x" + std::to_string(size) + " grid of digits found");
  }
  const auto fail = [&](const std::string& why, const std::string& cell) {
    nlohmann::json data{{"grid", grid}, {"cell", cell}};
    return make_verdict(VerdictKind::incorrect, grid, span->rule + ": " + why, grid, data.dump());
  };
  const int cells = size * size;
  for (int c = 0; c < cells; ++c) {
    const int v = grid[static_cast<std::size_t>(c)] - '0';
    if (v < 1 || v > size) {
      return fail("cell " + cell_name(c, size) + " is " + std::to_string(v) + ", not a digit 1 to " +
                      std::to_string(size),
                  cell_name(c, size));
    }
    if (givens[static_cast<std::size_t>(c)] != '0' &&
        givens[static_cast<std::size_t>(c)] != grid[static_cast<std::size_t>(c)]) {
      return fail("cell " + cell_name(c, size) + " is given as " + givens[static_cast<std::size_t>(c)] +
                      " but the answer has " + grid[static_cast<std::size_t>(c)],
                  cell_name(c, size));
    }
  }
  for (int a = 0; a < cells; ++a) {
    for (int b = a + 1; b < cells; ++b) {
      if (grid[static_cast<std::size_t>(a)] != grid[static_cast<std::size_t>(b)]) {
        continue;
      }
      const int ra = a / size, ca = a % size, rb = b / size, cb = b % size;
      const char* unit = ra == rb ? "row" : ca == cb ? "column" : nullptr;
      if (unit == nullptr && ra / box_rows == rb / box_rows && ca / box_cols == cb / box_cols) {
        unit = "box";
      }
      if (unit != nullptr) {
        return fail("cell " + cell_name(b, size) + " conflicts with " + cell_name(a, size) + " in its " +
                        unit + " (both " + grid[static_cast<std::size_t>(a)] + ")",
                    cell_name(b, size));
      }
    }
  }
  nlohmann::json data{{"grid", grid}};
  return make_verdict(
      VerdictKind::correct, grid,
      span->rule + ": every row, column and box holds each digit once, and every given is kept", grid,
      data.dump());
}

}  // namespace rb::verifiers
