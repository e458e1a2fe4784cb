#include "verifiers/puzzles/knights_verifier.hpp"

#include <algorithm>
#include <cctype>
#include <set>
#include <vector>

#include "harness/util/strings.hpp"
#include "verifiers/puzzles/answer_extract.hpp"
#include "verifiers/puzzles/puzzle_verdict.hpp"

namespace rb::verifiers {

namespace {

/// Words that may stand between a name and its role: "Amelia is definitely a knight".
const std::set<std::string>& connectors()
{
  static const std::set<std::string> k_words{
      "is",      "was",  "a",      "an",       "are",        "must",      "be",    "the",
      "as",      "s",    "role",   "identity", "definitely", "therefore", "thus",  "so",
      "clearly", "also", "indeed", "both",     "actually",   "then",      "hence", "all"};
  return k_words;
}

std::vector<std::string> words_of(std::string_view text)
{
  std::vector<std::string> words;
  std::string current;
  for (const char c : text) {
    if (std::isalnum(static_cast<unsigned char>(c)) != 0) {
      current += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    } else if (!current.empty()) {
      words.push_back(current);
      current.clear();
    }
  }
  if (!current.empty()) {
    words.push_back(current);
  }
  return words;
}

/// 1 knight, 0 knave, -1 not a role word.
int role_of(const std::string& w)
{
  if (w == "knight" || w == "knights") {
    return 1;
  }
  if (w == "knave" || w == "knaves") {
    return 0;
  }
  return -1;
}

}  // namespace

Verdict KnightsVerifier::verify(const Problem& problem, const Response& response) const
{
  const nlohmann::json cd = checker_json(problem, "knights_and_knaves");
  std::vector<std::string> names;
  std::vector<std::string> lower_names;
  for (const auto& n : cd.at("names")) {
    names.push_back(n.get<std::string>());
    lower_names.push_back(util::to_lower(names.back()));
  }
  std::vector<bool> solution;
  for (const auto& s : cd.at("solution")) {
    solution.push_back(s.get<bool>());
  }
  const auto span = extract_answer(response.text, AnswerShape::block);
  if (!span) {
    return make_verdict(VerdictKind::no_answer, std::nullopt, "no answer in the response");
  }
  const auto name_index = [&](const std::string& w) {
    for (std::size_t i = 0; i < lower_names.size(); ++i) {
      if (lower_names[i] == w) {
        return static_cast<int>(i);
      }
    }
    return -1;
  };
  // roles[i]: bit 0 said knave, bit 1 said knight.
  std::vector<int> said(names.size(), 0);
  const auto words = words_of(span->text);
  for (std::size_t i = 0; i < words.size();) {
    if (name_index(words[i]) < 0) {
      ++i;
      continue;
    }
    std::vector<int> group;  // "Amelia, Ben and Chloe are knights"
    std::size_t j = i;
    while (j < words.size() && (name_index(words[j]) >= 0 || words[j] == "and")) {
      if (name_index(words[j]) >= 0) {
        group.push_back(name_index(words[j]));
      }
      ++j;
    }
    bool negated = false;
    while (j < words.size() && (connectors().contains(words[j]) || words[j] == "not")) {
      negated = negated != (words[j] == "not");
      ++j;
    }
    if (j < words.size() && role_of(words[j]) >= 0) {
      const bool knight = (role_of(words[j]) == 1) != negated;
      for (const int person : group) {
        said[static_cast<std::size_t>(person)] |= knight ? 2 : 1;
      }
    }
    i = std::max(j, i + 1);
  }
  std::string vote;
  int stated = 0;
  for (std::size_t p = 0; p < names.size(); ++p) {
    stated += said[p] != 0 ? 1 : 0;
    vote += (p > 0 ? "," : "") + names[p] + "=" + (said[p] == 2 ? "knight" : said[p] == 1 ? "knave" : "?");
  }
  if (stated == 0) {
    const VerdictKind kind = is_fallback(*span) ? VerdictKind::no_answer : VerdictKind::incorrect;
    return make_verdict(kind, span->text, span->rule + ": no 'NAME is a knight/knave' statement found");
  }
  nlohmann::json data{{"roles", vote}};
  for (std::size_t p = 0; p < names.size(); ++p) {
    if (said[p] == 3) {
      return make_verdict(VerdictKind::incorrect, span->text,
                          span->rule + ": says " + names[p] + " is both a knight and a knave", "",
                          data.dump());
    }
  }
  for (std::size_t p = 0; p < names.size(); ++p) {
    if (said[p] == 0) {
      return make_verdict(VerdictKind::incorrect, span->text,
                          span->rule + ": does not say what " + names[p] + " is", "", data.dump());
    }
  }
  for (std::size_t p = 0; p < names.size(); ++p) {
    const bool knight = said[p] == 2;
    if (knight != solution[p]) {
      return make_verdict(VerdictKind::incorrect, span->text,
                          span->rule + ": says " + names[p] + " is a " + (knight ? "knight" : "knave") +
                              "; the unique solution makes " + names[p] + " a " +
                              (solution[p] ? "knight" : "knave"),
                          vote, data.dump());
    }
  }
  return make_verdict(
      VerdictKind::correct, span->text,
      span->rule + ": all " + std::to_string(names.size()) + " roles match the unique solution", vote,
      data.dump());
}

}  // namespace rb::verifiers
