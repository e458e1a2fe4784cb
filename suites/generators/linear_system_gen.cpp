#include "suites/generators/linear_system_gen.hpp"

#include <string>

namespace rb::suites {

namespace {

constexpr int k_unknowns[5] = {2, 3, 3, 4, 5};
const char* const k_names[6] = {"x", "y", "z", "w", "u", "v"};

using Matrix = std::vector<std::vector<long long>>;

/// Determinant by fraction-free (Bareiss) elimination, exact in 128-bit integers for these sizes.
__int128 determinant(Matrix m)
{
  const std::size_t n = m.size();
  std::vector<std::vector<__int128>> a(n, std::vector<__int128>(n));
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t j = 0; j < n; ++j) {
      a[i][j] = m[i][j];
    }
  }
  __int128 previous = 1;
  int sign = 1;
  for (std::size_t k = 0; k + 1 < n; ++k) {
    if (a[k][k] == 0) {
      std::size_t swap_row = k + 1;
      while (swap_row < n && a[swap_row][k] == 0) {
        ++swap_row;
      }
      if (swap_row == n) {
        return 0;
      }
      std::swap(a[k], a[swap_row]);
      sign = -sign;
    }
    for (std::size_t i = k + 1; i < n; ++i) {
      for (std::size_t j = k + 1; j < n; ++j) {
        a[i][j] = (a[i][j] * a[k][k] - a[i][k] * a[k][j]) / previous;
      }
    }
    previous = a[k][k];
  }
  return sign * a[n - 1][n - 1];
}

std::string equation_text(const std::vector<long long>& row, long long rhs)
{
  std::string out;
  for (std::size_t j = 0; j < row.size(); ++j) {
    const long long c = row[j];
    if (c == 0) {
      continue;
    }
    const long long magnitude = c < 0 ? -c : c;
    if (out.empty()) {
      out += c < 0 ? "-" : "";
    } else {
      out += c < 0 ? " - " : " + ";
    }
    out += (magnitude == 1 ? "" : std::to_string(magnitude)) + k_names[j];
  }
  return out + " = " + std::to_string(rhs);
}

}  // namespace

std::vector<Problem> generate_linear_system(const LinearSystemOptions& options)
{
  const int d = options.gen.difficulty - 1;
  const int n = options.unknowns > 0 ? options.unknowns : k_unknowns[d];
  const long long max_coefficient = d == 0 ? 5 : 9;
  const long long max_value = d <= 1 ? 10 : 20;
  std::vector<Problem> problems;
  for (std::int64_t i = 0; i < options.gen.n; ++i) {
    auto rng = problem_rng("gen:linear_system", options.gen, i);
    std::vector<long long> solution;
    Matrix a;
    while (true) {
      solution.clear();
      a.assign(static_cast<std::size_t>(n), std::vector<long long>(static_cast<std::size_t>(n), 0));
      for (int j = 0; j < n; ++j) {
        solution.push_back(rng.range(-max_value, max_value));
      }
      bool sparse_row = false;
      for (auto& row : a) {
        int nonzero = 0;
        for (auto& c : row) {
          c = rng.range(-max_coefficient, max_coefficient);
          nonzero += c != 0 ? 1 : 0;
        }
        sparse_row = sparse_row || nonzero < 2;
      }
      if (!sparse_row && determinant(a) != 0) {
        break;
      }
    }
    std::string names;
    std::string text;
    std::string equations_json;
    for (int j = 0; j < n; ++j) {
      names += std::string(j == 0 ? "" : (j + 1 == n ? " and " : ", ")) + k_names[j];
    }
    for (const auto& row : a) {
      long long rhs = 0;
      std::string coefficients;
      for (std::size_t j = 0; j < row.size(); ++j) {
        rhs += row[j] * solution[j];
        coefficients += (j > 0 ? "," : "") + std::to_string(row[j]);
      }
      text += equation_text(row, rhs) + "\n";
      equations_json += std::string(equations_json.empty() ? "" : ",") + "{\"coefficients\":[" +
                        coefficients + "],\"rhs\":" + std::to_string(rhs) + "}";
    }
    std::string answer;
    std::string variables_json;
    std::string solution_json;
    for (int j = 0; j < n; ++j) {
      answer += std::string(j > 0 ? ", " : "") + k_names[j] + " = " +
                std::to_string(solution[static_cast<std::size_t>(j)]);
      variables_json += std::string(j > 0 ? ",\"" : "\"") + k_names[j] + "\"";
      solution_json += (j > 0 ? "," : "") + std::to_string(solution[static_cast<std::size_t>(j)]);
    }
    Problem p;
    p.id = problem_id("linear_system", i);
    p.text = "Solve this system of linear equations for " + names + ". It has exactly one solution.\n\n" +
             text + "\nGive the value of every unknown, in the form x = 1, y = 2, ...";
    p.answer = answer;
    p.reference = "<answer>" + answer + "</answer>";
    p.checker_data = "{\"variables\":[" + variables_json + "],\"equations\":[" + equations_json +
                     "],\"solution\":[" + solution_json + "]}";
    p.metadata = {{"source", "gen:linear_system"},
                  {"difficulty", std::to_string(options.gen.difficulty)},
                  {"unknowns", std::to_string(n)}};
    problems.push_back(std::move(p));
  }
  return problems;
}

}  // namespace rb::suites
