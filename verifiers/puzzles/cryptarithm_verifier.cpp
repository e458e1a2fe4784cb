#include "verifiers/puzzles/cryptarithm_verifier.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <vector>

#include "harness/util/strings.hpp"
#include "verifiers/puzzles/answer_extract.hpp"
#include "verifiers/puzzles/puzzle_verdict.hpp"

namespace rb::verifiers {

namespace {

bool alnum(char c)
{
  return std::isalnum(static_cast<unsigned char>(c)) != 0;
}

/// "S=9"-style pairs: letter -> every digit the answer gives it.
std::map<char, std::vector<int>> read_pairs(std::string text)
{
  text = util::replace_all(text, "\xe2\x86\x92", "->");
  std::map<char, std::vector<int>> out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c < 'A' || c > 'Z' || (i > 0 && alnum(text[i - 1])) || (i + 1 < text.size() && alnum(text[i + 1]))) {
      continue;
    }
    std::size_t j = i + 1;
    while (j < text.size() && text[j] == ' ') {
      ++j;
    }
    if (text.compare(j, 2, "->") == 0 || text.compare(j, 2, "is") == 0) {
      j += 2;
    } else if (j < text.size() && (text[j] == '=' || text[j] == ':')) {
      ++j;
    } else {
      continue;
    }
    while (j < text.size() && text[j] == ' ') {
      ++j;
    }
    if (j < text.size() && std::isdigit(static_cast<unsigned char>(text[j])) != 0 &&
        (j + 1 >= text.size() || !alnum(text[j + 1]))) {
      out[c].push_back(text[j] - '0');
    }
  }
  return out;
}

/// The solved sum "9567 + 1085 = 10652" aligned with the words: letter -> digits.
std::map<char, std::vector<int>> read_sum(const std::string& text, const std::vector<std::string>& words)
{
  std::vector<std::string> numbers;
  std::string current;
  for (const char c : text + " ") {
    if (std::isdigit(static_cast<unsigned char>(c)) != 0) {
      current += c;
    } else if (!current.empty()) {
      numbers.push_back(current);
      current.clear();
    }
  }
  std::map<char, std::vector<int>> out;
  if (numbers.size() != words.size()) {
    return out;
  }
  for (std::size_t w = 0; w < words.size(); ++w) {
    if (numbers[w].size() != words[w].size()) {
      return {};
    }
  }
  for (std::size_t w = 0; w < words.size(); ++w) {
    for (std::size_t k = 0; k < words[w].size(); ++k) {
      auto& digits = out[words[w][k]];
      const int d = numbers[w][k] - '0';
      if (std::find(digits.begin(), digits.end(), d) == digits.end()) {
        digits.push_back(d);
      }
    }
  }
  return out;
}

}  // namespace

Verdict CryptarithmVerifier::verify(const Problem& problem, const Response& response) const
{
  const nlohmann::json cd = checker_json(problem, "cryptarithm");
  std::vector<std::string> words;
  for (const auto& w : cd.at("addends")) {
    words.push_back(w.get<std::string>());
  }
  const std::string result = cd.at("result").get<std::string>();
  words.push_back(result);
  const auto span = extract_answer(response.text, AnswerShape::block);
  if (!span) {
    return make_verdict(VerdictKind::no_answer, std::nullopt, "no answer in the response");
  }
  auto given = read_pairs(span->text);
  if (given.empty()) {
    given = read_sum(span->text, words);
  }
  if (given.empty()) {
    const VerdictKind kind = is_fallback(*span) ? VerdictKind::no_answer : VerdictKind::incorrect;
    return make_verdict(kind, span->text, span->rule + ": no letter=digit assignment found");
  }
  const auto fail = [&](const std::string& why, const std::string& vote = "") {
    return make_verdict(VerdictKind::incorrect, span->text, span->rule + ": " + why, vote);
  };
  std::map<char, int> digit;
  for (const auto& word : words) {
    for (const char c : word) {
      const auto it = given.find(c);
      if (it == given.end()) {
        return fail("gives no digit for " + std::string(1, c));
      }
      for (const int d : it->second) {
        if (d != it->second.front()) {
          return fail("gives " + std::string(1, c) + " two digits, " + std::to_string(it->second.front()) +
                      " and " + std::to_string(d));
        }
      }
      digit[c] = it->second.front();
    }
  }
  std::string vote;
  for (const auto& [c, d] : digit) {
    vote += (vote.empty() ? "" : ",") + std::string(1, c) + "=" + std::to_string(d);
  }
  std::map<int, char> owner;
  for (const auto& [c, d] : digit) {
    if (const auto it = owner.find(d); it != owner.end()) {
      return fail(
          std::string(1, it->second) + " and " + std::string(1, c) + " both stand for " + std::to_string(d),
          vote);
    }
    owner[d] = c;
  }
  std::vector<long long> values;
  for (const auto& word : words) {
    if (word.size() > 1 && digit[word[0]] == 0) {
      return fail(std::string(1, word[0]) + " begins " + word + " and cannot be 0", vote);
    }
    long long v = 0;
    for (const char c : word) {
      v = v * 10 + digit[c];
    }
    values.push_back(v);
  }
  long long sum = 0;
  std::string sum_text;
  for (std::size_t w = 0; w + 1 < values.size(); ++w) {
    sum += values[w];
    sum_text += (w > 0 ? " + " : "") + std::to_string(values[w]);
  }
  nlohmann::json data{{"assignment", vote}, {"sum", sum}, {"result", values.back()}};
  if (sum != values.back()) {
    return make_verdict(VerdictKind::incorrect, span->text,
                        span->rule + ": " + sum_text + " = " + std::to_string(sum) + ", but " + result +
                            " is " + std::to_string(values.back()),
                        vote, data.dump());
  }
  return make_verdict(VerdictKind::correct, span->text,
                      span->rule + ": " + sum_text + " = " + std::to_string(sum) +
                          " with distinct digits and no leading zero",
                      vote, data.dump());
}

}  // namespace rb::verifiers
