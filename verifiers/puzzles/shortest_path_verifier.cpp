#include "verifiers/puzzles/shortest_path_verifier.hpp"

#include <cctype>
#include <map>
#include <set>
#include <vector>

#include "harness/util/strings.hpp"
#include "verifiers/puzzles/answer_extract.hpp"
#include "verifiers/puzzles/puzzle_verdict.hpp"

namespace rb::verifiers {

namespace {

bool separator(std::string_view s)
{
  for (const char c : s) {
    if (!(c == ' ' || c == '-' || c == '>' || c == ',' || c == '\t' || c == '\n' || c == '=' || c == '|')) {
      return false;
    }
  }
  return true;
}

/// The longest sequence of node names joined only by separators. "\u2192" (→) counts as "->".
std::vector<std::string> read_path(std::string text, const std::set<std::string>& nodes)
{
  text = util::replace_all(text, "\xe2\x86\x92", "->");
  text = util::replace_all(text, "\xe2\x80\x94", "-");
  std::vector<std::string> best;
  std::vector<std::string> current;
  std::size_t i = 0;
  std::size_t last_end = 0;
  while (i < text.size()) {
    if (std::isalnum(static_cast<unsigned char>(text[i])) == 0) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < text.size() && std::isalnum(static_cast<unsigned char>(text[j])) != 0) {
      ++j;
    }
    const std::string word = text.substr(i, j - i);
    const bool joined = !current.empty() && separator(std::string_view(text).substr(last_end, i - last_end));
    if (nodes.contains(word)) {
      if (!joined) {
        current.clear();
      }
      current.push_back(word);
    } else {
      current.clear();
    }
    if (current.size() > best.size()) {
      best = current;
    }
    last_end = j;
    i = j;
  }
  return best;
}

}  // namespace

Verdict ShortestPathVerifier::verify(const Problem& problem, const Response& response) const
{
  const nlohmann::json cd = checker_json(problem, "shortest_path");
  std::set<std::string> nodes;
  for (const auto& n : cd.at("nodes")) {
    nodes.insert(n.get<std::string>());
  }
  std::map<std::pair<std::string, std::string>, long long> weight;
  for (const auto& e : cd.at("edges")) {
    const auto u = e.at(0).get<std::string>();
    const auto v = e.at(1).get<std::string>();
    weight[{u, v}] = weight[{v, u}] = e.at(2).get<long long>();
  }
  const std::string source = cd.at("source").get<std::string>();
  const std::string target = cd.at("target").get<std::string>();
  const long long distance = cd.at("distance").get<long long>();

  const auto span = extract_answer(response.text, AnswerShape::line);
  if (!span) {
    return make_verdict(VerdictKind::no_answer, std::nullopt, "no answer in the response");
  }
  const auto path = read_path(span->text, nodes);
  if (path.size() < 2) {
    const VerdictKind kind = is_fallback(*span) ? VerdictKind::no_answer : VerdictKind::incorrect;
    return make_verdict(
        kind, span->text,
        span->rule + ": no path of node names found in '" + util::shorten(span->text, 60) + "'");
  }
  std::string text;
  for (const auto& v : path) {
    text += (text.empty() ? "" : " -> ") + v;
  }
  const auto fail = [&](const std::string& why, const std::string& vote) {
    return make_verdict(VerdictKind::incorrect, text, span->rule + ": " + why, vote);
  };
  if (path.front() != source) {
    return fail("the path starts at " + path.front() + ", not at " + source, text);
  }
  if (path.back() != target) {
    return fail("the path ends at " + path.back() + ", not at " + target, text);
  }
  long long total = 0;
  for (std::size_t k = 0; k + 1 < path.size(); ++k) {
    const auto it = weight.find({path[k], path[k + 1]});
    if (it == weight.end()) {
      return fail("there is no edge " + path[k] + " - " + path[k + 1], text);
    }
    total += it->second;
  }
  nlohmann::json data{{"path", path}, {"length", total}, {"shortest", distance}};
  if (total != distance) {
    return make_verdict(VerdictKind::incorrect, text,
                        span->rule + ": the path has length " + std::to_string(total) +
                            "; the shortest has length " + std::to_string(distance),
                        text, data.dump());
  }
  return make_verdict(VerdictKind::correct, text,
                      span->rule + ": a valid path of the shortest length, " + std::to_string(distance), text,
                      data.dump());
}

}  // namespace rb::verifiers
