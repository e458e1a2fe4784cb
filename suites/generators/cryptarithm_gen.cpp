#include "suites/generators/cryptarithm_gen.hpp"

#include <algorithm>
#include <map>
#include <stdexcept>

namespace rb::suites {

namespace {

constexpr int k_addends[5] = {2, 2, 2, 3, 3};
constexpr int k_digits[5] = {3, 3, 4, 3, 4};
constexpr int k_max_attempts = 1'000'000;

class Solver {
 public:
  Solver(const std::vector<std::string>& addends, const std::string& result) : m_addends(addends), m_result(result)
  {
    const std::size_t columns = result.size();
    for (std::size_t c = 0; c < columns; ++c) {  // letters in order of first use, units column first
      for (const auto& word : addends) {
        if (c < word.size()) {
          note(word[word.size() - 1 - c]);
        }
      }
      note(result[result.size() - 1 - c]);
      m_ready.push_back(static_cast<int>(m_letters.size()) - 1);
    }
    for (const auto& word : addends) {
      if (word.size() > 1) {
        m_leading[static_cast<std::size_t>(word[0] - 'A')] = true;
      }
    }
    if (result.size() > 1) {
      m_leading[static_cast<std::size_t>(result[0] - 'A')] = true;
    }
  }

  int count(int limit)
  {
    m_limit = limit;
    if (m_letters.size() > 10) {
      return 0;
    }
    search(0);
    return m_count;
  }

 private:
  void note(char letter)
  {
    if (std::find(m_letters.begin(), m_letters.end(), letter) == m_letters.end()) {
      m_letters.push_back(letter);
    }
  }

  int digit(char letter) const { return m_digit[static_cast<std::size_t>(letter - 'A')]; }

  /// Checks every column whose letters are all assigned (the first `k` letters).
  bool columns_hold(int assigned) const
  {
    int carry = 0;
    for (std::size_t c = 0; c < m_ready.size() && m_ready[c] < assigned; ++c) {
      int sum = carry;
      for (const auto& word : m_addends) {
        if (c < word.size()) {
          sum += digit(word[word.size() - 1 - c]);
        }
      }
      if (sum % 10 != digit(m_result[m_result.size() - 1 - c])) {
        return false;
      }
      carry = sum / 10;
      if (c + 1 == m_ready.size() && carry != 0) {
        return false;
      }
    }
    return true;
  }

  void search(int k)
  {
    if (k == static_cast<int>(m_letters.size())) {
      ++m_count;
      return;
    }
    const char letter = m_letters[static_cast<std::size_t>(k)];
    for (int d = m_leading[static_cast<std::size_t>(letter - 'A')] ? 1 : 0; d <= 9 && m_count < m_limit; ++d) {
      if (m_used[static_cast<std::size_t>(d)]) {
        continue;
      }
      m_used[static_cast<std::size_t>(d)] = true;
      m_digit[static_cast<std::size_t>(letter - 'A')] = d;
      if (columns_hold(k + 1)) {
        search(k + 1);
      }
      m_used[static_cast<std::size_t>(d)] = false;
    }
  }

  const std::vector<std::string>& m_addends;
  const std::string& m_result;
  std::vector<char> m_letters;
  std::vector<int> m_ready;  ///< per column: index of the last letter it needs
  bool m_leading[26] = {};
  bool m_used[10] = {};
  int m_digit[26] = {};
  int m_limit = 2;
  int m_count = 0;
};

}  // namespace

int count_cryptarithm_solutions(const std::vector<std::string>& addends, const std::string& result, int limit)
{
  return Solver(addends, result).count(limit);
}

std::vector<Problem> generate_cryptarithm(const GenOptions& options)
{
  const int d = options.difficulty - 1;
  std::vector<Problem> problems;
  for (std::int64_t i = 0; i < options.n; ++i) {
    auto rng = problem_rng("gen:cryptarithm", options, i);
    for (int attempt = 0;; ++attempt) {
      if (attempt == k_max_attempts) {
        throw std::logic_error("gen:cryptarithm: no unique puzzle found");  // never seen
      }
      std::vector<long long> numbers;
      long long sum = 0;
      for (int k = 0; k < k_addends[d]; ++k) {
        const int digits = k == 0 ? k_digits[d] : static_cast<int>(rng.range(k_digits[d] - 1, k_digits[d]));
        long long low = 1;
        for (int j = 1; j < digits; ++j) {
          low *= 10;
        }
        numbers.push_back(rng.range(low, low * 10 - 1));
        sum += numbers.back();
      }
      const auto letters = sample_indices(26, 10, rng);  // letters[digit]
      const auto spell = [&](long long value) {
        std::string word;
        for (const char c : std::to_string(value)) {
          word += static_cast<char>('A' + letters[static_cast<std::size_t>(c - '0')]);
        }
        return word;
      };
      std::vector<std::string> addends;
      for (const long long v : numbers) {
        addends.push_back(spell(v));
      }
      const std::string result = spell(sum);
      if (count_cryptarithm_solutions(addends, result, 2) != 1) {
        continue;
      }
      std::map<char, int> solution;
      for (const auto& word : addends) {
        for (const char c : word) {
          solution[c] = static_cast<int>(std::find(letters.begin(), letters.end(), c - 'A') - letters.begin());
        }
      }
      for (const char c : result) {
        solution[c] = static_cast<int>(std::find(letters.begin(), letters.end(), c - 'A') - letters.begin());
      }
      std::string puzzle;
      std::string addends_json;
      for (const auto& word : addends) {
        puzzle += (puzzle.empty() ? "" : " + ") + word;
        addends_json += (addends_json.empty() ? "\"" : ",\"") + word + "\"";
      }
      puzzle += " = " + result;
      std::string answer;
      std::string solution_json;
      for (const auto& [letter, digit] : solution) {
        answer += (answer.empty() ? "" : ", ") + std::string(1, letter) + "=" + std::to_string(digit);
        solution_json += (solution_json.empty() ? "\"" : ",\"") + std::string(1, letter) + "\":" + std::to_string(digit);
      }
      Problem p;
      p.id = problem_id("cryptarithm", i);
      p.text = "Solve this cryptarithm: each letter stands for a different digit, the same letter always stands for "
               "the same digit, and no number begins with 0.\n\n" + puzzle +
               "\n\nGive the digit of every letter, in the form A=1, B=2, ...";
      p.answer = answer;
      p.reference = "<answer>" + answer + "</answer>";
      p.checker_data = "{\"addends\":[" + addends_json + "],\"result\":\"" + result + "\",\"solution\":{" + solution_json + "}}";
      p.metadata = {{"source", "gen:cryptarithm"},
                    {"difficulty", std::to_string(options.difficulty)},
                    {"letters", std::to_string(solution.size())}};
      problems.push_back(std::move(p));
      break;
    }
  }
  return problems;
}

}  // namespace rb::suites
