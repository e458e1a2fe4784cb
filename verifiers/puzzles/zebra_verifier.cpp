#include "verifiers/puzzles/zebra_verifier.hpp"

#include <cctype>
#include <cstdlib>
#include <map>
#include <set>
#include <vector>

#include "harness/util/strings.hpp"
#include "verifiers/puzzles/answer_extract.hpp"
#include "verifiers/puzzles/puzzle_verdict.hpp"

namespace rb::verifiers {

namespace {

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

/// Whether the clue holds for the houses (1-based) of its values, and how to say it.
bool clue_holds(const nlohmann::json& clue, const std::map<std::string, int>& house_of, std::string& said)
{
  const std::string kind = clue.at("kind").get<std::string>();
  const std::string a = clue.at("a").get<std::string>();
  const int ha = house_of.at(util::to_lower(a));
  if (kind == "at" || kind == "not_at") {
    const int house = clue.at("house").get<int>();
    said = a + (kind == "at" ? " is in house " : " is not in house ") + std::to_string(house);
    return (ha == house) == (kind == "at");
  }
  const std::string b = clue.at("b").get<std::string>();
  const int hb = house_of.at(util::to_lower(b));
  if (kind == "same") {
    said = a + " and " + b + " are in the same house";
    return ha == hb;
  }
  if (kind == "not_same") {
    said = a + " and " + b + " are in different houses";
    return ha != hb;
  }
  if (kind == "left_of") {
    said = a + " is directly left of " + b;
    return ha + 1 == hb;
  }
  if (kind == "before") {
    said = a + " is somewhere left of " + b;
    return ha < hb;
  }
  if (kind == "next_to") {
    said = a + " is next to " + b;
    return std::abs(ha - hb) == 1;
  }
  throw std::runtime_error("zebra: unknown clue kind '" + kind + "'");
}

}  // namespace

Verdict ZebraVerifier::verify(const Problem& problem, const Response& response) const
{
  const nlohmann::json cd = checker_json(problem, "zebra");
  const int houses = cd.at("houses").get<int>();
  struct Value {
    std::string lower;
    std::size_t attribute = 0;
    std::string written;
  };
  std::vector<Value> values;  // in the order the puzzle lists them
  std::set<std::string> known;
  std::vector<std::string> attribute_names;
  for (const auto& attr : cd.at("attributes")) {
    for (const auto& v : attr.at("values")) {
      values.push_back({util::to_lower(v.get<std::string>()), attribute_names.size(), v.get<std::string>()});
      known.insert(values.back().lower);
    }
    attribute_names.push_back(attr.at("name").get<std::string>());
  }
  const auto span = extract_answer(response.text, AnswerShape::block);
  if (!span) {
    return make_verdict(VerdictKind::no_answer, std::nullopt, "no answer in the response");
  }
  std::map<std::string, std::vector<int>> placed;  // lower value -> houses named for it
  int current = 0;
  for (const auto& w : words_of(span->text)) {
    const auto number = util::parse_int(w);
    if (number && *number >= 1 && *number <= houses) {
      current = static_cast<int>(*number);
    } else if (current > 0 && known.contains(w)) {
      auto& where = placed[w];
      if (where.empty() || where.back() != current) {
        where.push_back(current);
      }
    }
  }
  if (placed.empty()) {
    const VerdictKind kind = is_fallback(*span) ? VerdictKind::no_answer : VerdictKind::incorrect;
    return make_verdict(kind, span->text, span->rule + ": no 'House N: values' lines found");
  }
  const auto fail = [&](const std::string& why) {
    return make_verdict(VerdictKind::incorrect, span->text, span->rule + ": " + why);
  };
  std::map<std::string, int> house_of;
  std::vector<std::vector<std::string>> grid(static_cast<std::size_t>(houses),
                                             std::vector<std::string>(attribute_names.size()));
  for (const Value& v : values) {
    const auto it = placed.find(v.lower);
    if (it == placed.end()) {
      return fail("does not place " + v.written);
    }
    if (it->second.size() > 1) {
      return fail("puts " + v.written + " in houses " + std::to_string(it->second[0]) + " and " +
                  std::to_string(it->second[1]));
    }
    std::string& slot = grid[static_cast<std::size_t>(it->second[0] - 1)][v.attribute];
    if (!slot.empty()) {
      return fail("house " + std::to_string(it->second[0]) + " has two " + attribute_names[v.attribute] +
                  " values: " + slot + " and " + v.written);
    }
    slot = v.written;
    house_of[v.lower] = it->second[0];
  }
  std::string vote;
  for (int h = 0; h < houses; ++h) {
    vote += (h > 0 ? "; " : "") + std::to_string(h + 1) + ":";
    for (std::size_t a = 0; a < attribute_names.size(); ++a) {
      vote += (a > 0 ? "," : "") + grid[static_cast<std::size_t>(h)][a];
    }
  }
  const auto& clues = cd.at("clues");
  for (std::size_t k = 0; k < clues.size(); ++k) {
    std::string said;
    if (!clue_holds(clues[k], house_of, said)) {
      nlohmann::json data{{"grid", vote}, {"broken_clue", k + 1}};
      return make_verdict(VerdictKind::incorrect, span->text,
                          span->rule + ": breaks clue " + std::to_string(k + 1) + " (" + said + ")", vote,
                          data.dump());
    }
  }
  nlohmann::json data{{"grid", vote}, {"clues_checked", clues.size()}};
  return make_verdict(
      VerdictKind::correct, span->text,
      span->rule + ": a complete arrangement that satisfies all " + std::to_string(clues.size()) + " clues",
      vote, data.dump());
}

}  // namespace rb::verifiers
