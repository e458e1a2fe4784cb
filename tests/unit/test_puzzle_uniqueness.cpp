// Uniqueness of generated puzzles, confirmed by solvers written here, independently of the
// generators' own (simple brute force where the generators propagate constraints).
#include <catch2/catch.hpp>

#include <gmpxx.h>

#include <algorithm>
#include <climits>
#include <map>
#include <nlohmann/json.hpp>
#include <numeric>

#include "tests/unit/test_puzzle_support.hpp"

using namespace rb;
using nlohmann::json;

namespace {

std::vector<Problem> problems_of(const std::string& spec, int n, int difficulty)
{
  return suites::load_suite(test::with_params(spec, n, 11, difficulty), {}).problems;
}

// --- knights and knaves: evaluate the statement trees for all 2^N assignments
bool kk_eval(const json& s, unsigned mask)
{
  const std::string op = s[0];
  if (op == "knight" || op == "knave") {
    const bool knight = ((mask >> s[1].get<int>()) & 1U) != 0;
    return op == "knight" ? knight : !knight;
  }
  if (op == "not") {
    return !kk_eval(s[1], mask);
  }
  const bool a = kk_eval(s[1], mask);
  const bool b = kk_eval(s[2], mask);
  return op == "and" ? a && b : op == "or" ? a || b : op == "implies" ? !a || b : a == b;
}

// --- sudoku: plain row-major backtracking
int sudoku_count(std::string& g, int size, int box_r, int box_c, int limit, std::string& first)
{
  const std::size_t empty = g.find('0');
  if (empty == std::string::npos) {
    if (first.empty()) {
      first = g;
    }
    return 1;
  }
  const int r = static_cast<int>(empty) / size;
  const int c = static_cast<int>(empty) % size;
  int found = 0;
  for (char v = '1'; v < '1' + size && found < limit; ++v) {
    bool ok = true;
    for (int k = 0; k < size && ok; ++k) {
      const int br = (r / box_r) * box_r + k / box_c;
      const int bc = (c / box_c) * box_c + k % box_c;
      ok = g[static_cast<std::size_t>(r * size + k)] != v && g[static_cast<std::size_t>(k * size + c)] != v &&
           g[static_cast<std::size_t>(br * size + bc)] != v;
    }
    if (ok) {
      g[empty] = v;
      found += sudoku_count(g, size, box_r, box_c, limit - found, first);
      g[empty] = '0';
    }
  }
  return found;
}

// --- zebra: every permutation of every attribute, clues checked once their values are placed
struct ZebraBrute {
  int houses = 0;
  std::vector<std::vector<std::string>> values;         // per attribute
  std::map<std::string, std::pair<int, int>> where_is;  // value -> (attribute, index)
  json clues;
  std::vector<std::vector<int>> perm;   // per attribute: house of each value index
  std::vector<std::vector<int>> first;  // the first arrangement found
  int count = 0;

  int house(const std::string& v) const
  {
    const auto [a, i] = where_is.at(v);
    return perm[static_cast<std::size_t>(a)][static_cast<std::size_t>(i)];
  }
  bool known(const std::string& v, std::size_t placed) const
  {
    return static_cast<std::size_t>(where_is.at(v).first) < placed;
  }
  bool holds(const json& c, std::size_t placed) const
  {
    const std::string kind = c["kind"];
    if (!known(c["a"], placed) || (c.contains("b") && !known(c["b"], placed))) {
      return true;
    }
    const int a = house(c["a"]) + 1;
    if (kind == "at") {
      return a == c["house"].get<int>();
    }
    if (kind == "not_at") {
      return a != c["house"].get<int>();
    }
    const int b = house(c["b"]) + 1;
    return kind == "same"       ? a == b
           : kind == "not_same" ? a != b
           : kind == "left_of"  ? b - a == 1
           : kind == "before"   ? a < b
                                : std::abs(a - b) == 1;
  }
  void solve(std::size_t attr)
  {
    if (attr == values.size()) {
      if (++count == 1) {
        first = perm;
      }
      return;
    }
    std::vector<int> p(static_cast<std::size_t>(houses));
    std::iota(p.begin(), p.end(), 0);
    do {
      perm.push_back(p);
      bool ok = true;
      for (const auto& c : clues) {
        ok = ok && holds(c, attr + 1);
      }
      if (ok) {
        solve(attr + 1);
      }
      perm.pop_back();
    } while (count < 2 && std::next_permutation(p.begin(), p.end()));
  }
};

// --- cryptarithm: every injective assignment of digits to letters, checked at the leaves
struct CryptarithmBrute {
  std::vector<std::string> words;  // addends, then the result
  std::string letters;
  std::map<char, int> digit;
  bool used[10] = {};
  int count = 0;

  void solve(std::size_t k)
  {
    if (k == letters.size()) {
      long long sum = 0;
      long long result = 0;
      for (std::size_t w = 0; w < words.size(); ++w) {
        if (words[w].size() > 1 && digit[words[w][0]] == 0) {
          return;
        }
        long long v = 0;
        for (const char c : words[w]) {
          v = v * 10 + digit[c];
        }
        (w + 1 == words.size() ? result : sum) += v;
      }
      count += sum == result ? 1 : 0;
      return;
    }
    for (int d = 0; d < 10; ++d) {
      if (!used[d]) {
        used[d] = true;
        digit[letters[k]] = d;
        solve(k + 1);
        used[d] = false;
      }
    }
  }
};

int cryptarithm_count(const std::vector<std::string>& words)
{
  CryptarithmBrute b;
  b.words = words;
  for (const auto& w : words) {
    for (const char c : w) {
      if (b.letters.find(c) == std::string::npos) {
        b.letters += c;
      }
    }
  }
  REQUIRE(b.letters.size() <= 10);
  b.solve(0);
  return b.count;
}

}  // namespace

TEST_CASE("uniqueness: knights and knaves puzzles have exactly one consistent assignment",
          "[puzzles][unique]")
{
  // Difficulties 1-5 (2-6 people), then 7 and 8 people, the most the parameter allows.
  for (int difficulty = 1; difficulty <= 7; ++difficulty) {
    const std::string spec = difficulty <= 5
                                 ? "gen:knights_and_knaves"
                                 : "gen:knights_and_knaves?people=" + std::to_string(difficulty + 1);
    for (const auto& p : problems_of(spec, 20, std::min(difficulty, 5))) {
      const json cd = json::parse(p.checker_data);
      const std::size_t n = cd["names"].size();
      int consistent = 0;
      unsigned found = 0;
      for (unsigned mask = 0; mask < (1U << n); ++mask) {
        bool ok = true;
        for (std::size_t i = 0; i < n && ok; ++i) {
          ok = kk_eval(cd["statements"][i], mask) == (((mask >> i) & 1U) != 0);
        }
        if (ok) {
          ++consistent;
          found = mask;
        }
      }
      INFO(p.text);
      REQUIRE(consistent == 1);
      for (std::size_t i = 0; i < n; ++i) {
        CHECK(cd["solution"][i].get<bool>() == (((found >> i) & 1U) != 0));
      }
    }
  }
}

TEST_CASE("uniqueness: sudoku puzzles have exactly one solution, the stored one", "[puzzles][unique]")
{
  for (const int size : {4, 9}) {
    for (int difficulty = 1; difficulty <= 5; ++difficulty) {
      for (const auto& p :
           problems_of("gen:sudoku?size=" + std::to_string(size), size == 4 ? 20 : 3, difficulty)) {
        const json cd = json::parse(p.checker_data);
        std::string grid = cd["givens"];
        const int box = size == 4 ? 2 : 3;
        INFO(p.text);
        std::string first;
        CHECK(sudoku_count(grid, size, box, box, 2, first) == 1);
        CHECK(first == cd["solution"].get<std::string>());
      }
    }
  }
}

TEST_CASE("uniqueness: zebra puzzles have exactly one arrangement, the stored one", "[puzzles][unique]")
{
  // Difficulties 1-5 and the largest grids the parameters allow in each direction.
  std::vector<std::pair<std::string, int>> cases;
  for (int difficulty = 1; difficulty <= 5; ++difficulty) {
    cases.emplace_back("gen:zebra", difficulty <= 2 ? 10 : difficulty == 5 ? 2 : 3);
  }
  cases.emplace_back("gen:zebra?houses=6&attributes=3", 2);
  cases.emplace_back("gen:zebra?houses=3&attributes=6", 3);
  for (std::size_t k = 0; k < cases.size(); ++k) {
    const int difficulty = k < 5 ? static_cast<int>(k) + 1 : 2;
    for (const auto& p : problems_of(cases[k].first, cases[k].second, difficulty)) {
      const json cd = json::parse(p.checker_data);
      ZebraBrute z;
      z.houses = cd["houses"];
      z.clues = cd["clues"];
      for (std::size_t a = 0; a < cd["attributes"].size(); ++a) {
        z.values.emplace_back();
        for (std::size_t i = 0; i < cd["attributes"][a]["values"].size(); ++i) {
          const std::string v = cd["attributes"][a]["values"][i];
          z.values.back().push_back(v);
          z.where_is[v] = {static_cast<int>(a), static_cast<int>(i)};
        }
      }
      z.solve(0);
      INFO(p.text);
      REQUIRE(z.count == 1);
      for (std::size_t a = 0; a < z.values.size(); ++a) {
        for (std::size_t i = 0; i < z.values[a].size(); ++i) {
          const auto house = static_cast<std::size_t>(z.first[a][i]);
          CHECK(cd["solution"][house][a].get<std::string>() == z.values[a][i]);
        }
      }
    }
  }
}

TEST_CASE("uniqueness: shortest paths are unique (Bellman-Ford with path counting)", "[puzzles][unique]")
{
  for (int difficulty = 1; difficulty <= 5; ++difficulty) {
    for (const auto& p : problems_of("gen:shortest_path", 20, difficulty)) {
      const json cd = json::parse(p.checker_data);
      const auto& nodes = cd["nodes"];
      std::map<std::string, long long> dist;
      for (const auto& v : nodes) {
        dist[v] = LLONG_MAX / 4;
      }
      dist[cd["source"]] = 0;
      for (std::size_t round = 0; round < nodes.size(); ++round) {
        for (const auto& e : cd["edges"]) {
          const std::string u = e[0];
          const std::string v = e[1];
          const long long w = e[2];
          dist[v] = std::min(dist[v], dist[u] + w);
          dist[u] = std::min(dist[u], dist[v] + w);
        }
      }
      // Paths counted over nodes in order of distance (weights are positive).
      std::vector<std::string> order;
      for (const auto& v : nodes) {
        order.push_back(v);
      }
      std::sort(order.begin(), order.end(),
                [&](const std::string& a, const std::string& b) { return dist[a] < dist[b]; });
      std::map<std::string, long long> ways;
      ways[cd["source"]] = 1;
      for (const auto& v : order) {
        for (const auto& e : cd["edges"]) {
          for (int side = 0; side < 2; ++side) {
            const std::string from = e[side];
            const std::string to = e[1 - side];
            if (to == v && dist[from] + e[2].get<long long>() == dist[v]) {
              ways[v] += ways[from];
            }
          }
        }
      }
      INFO(p.text);
      CHECK(dist[cd["target"]] == cd["distance"].get<long long>());
      CHECK(ways[cd["target"]] == 1);
    }
  }
}

TEST_CASE("uniqueness: cryptarithms have exactly one solution", "[puzzles][unique]")
{
  for (int difficulty = 1; difficulty <= 5; ++difficulty) {
    for (const auto& p : problems_of("gen:cryptarithm", 2, difficulty)) {
      const json cd = json::parse(p.checker_data);
      std::vector<std::string> words = cd["addends"];
      words.push_back(cd["result"]);
      INFO(p.text);
      CHECK(cryptarithm_count(words) == 1);
    }
  }
}

TEST_CASE("uniqueness: linear systems are nonsingular, with the stored integer solution", "[puzzles][unique]")
{
  for (int difficulty = 1; difficulty <= 5; ++difficulty) {
    for (const auto& p : problems_of("gen:linear_system", 20, difficulty)) {
      const json cd = json::parse(p.checker_data);
      const std::size_t n = cd["variables"].size();
      std::vector<std::vector<mpq_class>> m(n, std::vector<mpq_class>(n + 1));
      for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t j = 0; j < n; ++j) {
          m[i][j] = cd["equations"][i]["coefficients"][j].get<long>();
        }
        m[i][n] = cd["equations"][i]["rhs"].get<long>();
      }
      for (std::size_t col = 0; col < n; ++col) {  // Gauss-Jordan with exact rationals
        std::size_t pivot = col;
        while (pivot < n && m[pivot][col] == 0) {
          ++pivot;
        }
        INFO(p.text);
        REQUIRE(pivot < n);  // a zero column: singular, not unique
        std::swap(m[col], m[pivot]);
        for (std::size_t i = 0; i < n; ++i) {
          if (i != col && m[i][col] != 0) {
            const mpq_class f = m[i][col] / m[col][col];
            for (std::size_t j = col; j <= n; ++j) {
              m[i][j] -= f * m[col][j];
            }
          }
        }
      }
      for (std::size_t i = 0; i < n; ++i) {
        CHECK(mpq_class(m[i][n] / m[i][i]) == mpq_class(cd["solution"][i].get<long>()));
      }
    }
  }
}
