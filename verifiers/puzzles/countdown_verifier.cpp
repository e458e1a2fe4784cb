#include "verifiers/puzzles/countdown_verifier.hpp"

#include <algorithm>
#include <map>

#include "harness/util/strings.hpp"
#include "verifiers/exact/rational_expression.hpp"
#include "verifiers/puzzles/answer_extract.hpp"
#include "verifiers/puzzles/puzzle_verdict.hpp"

namespace rb::verifiers {

namespace {

bool expression_char(char c)
{
  return (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '*' || c == '/' || c == '(' || c == ')' ||
         c == ' ' || c == '.' || c == '=' || c == '\t';
}

bool is_integer(std::string_view s)
{
  s = util::trim(s);
  if (!s.empty() && s.front() == '-') {
    s.remove_prefix(1);
  }
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

/// The expression in an answer: the longest run of expression characters when the answer has
/// words around it ("So (1 + 2) * 3 = 9 works."), without a final period.
std::string expression_part(const std::string& normalized)
{
  std::string best;
  std::string current;
  const auto consider = [&] {
    std::string_view run = util::trim(current);
    while (!run.empty() && (run.back() == '.' || run.back() == '=')) {
      run.remove_suffix(1);
      run = util::trim(run);
    }
    if (run.find_first_of("0123456789") != std::string_view::npos && run.size() > best.size()) {
      best = std::string(run);
    }
    current.clear();
  };
  for (const char c : normalized) {
    if (expression_char(c)) {
      current += c;
    } else if (c != '\n' && c != '\r') {
      consider();
    } else {
      current += ' ';
    }
  }
  consider();
  return best;
}

std::string join(const std::vector<std::string>& items, const char* sep)
{
  std::string out;
  for (const auto& s : items) {
    out += (out.empty() ? "" : sep) + s;
  }
  return out;
}

std::string times(int n)
{
  return n == 1 ? "once" : n == 2 ? "twice" : std::to_string(n) + " times";
}

}  // namespace

Verdict CountdownVerifier::verify(const Problem& problem, const Response& response) const
{
  const nlohmann::json cd = checker_json(problem, "countdown");
  std::map<std::string, int> given;
  std::vector<std::string> given_list;
  for (const auto& n : cd.at("numbers")) {
    given_list.push_back(std::to_string(n.get<long long>()));
    ++given[given_list.back()];
  }
  const std::string target = std::to_string(cd.at("target").get<long long>());
  const bool use_all = cd.value("use", "all") == "all";

  const auto span = extract_answer(response.text, AnswerShape::line);
  if (!span) {
    return make_verdict(VerdictKind::no_answer, std::nullopt, "no answer in the response");
  }
  const std::string expression_text = expression_part(normalize_expression(span->text));
  if (expression_text.empty()) {
    const VerdictKind kind = is_fallback(*span) ? VerdictKind::no_answer : VerdictKind::incorrect;
    return make_verdict(kind, span->text,
                        span->rule + ": no arithmetic expression in '" + util::shorten(span->text, 60) + "'");
  }
  // "expr = 55" or "55 = expr": the number is the claimed result; the expression decides.
  std::vector<std::string> sides = util::split(expression_text, '=');
  std::string expression = expression_text;
  if (sides.size() == 2 && is_integer(sides[1]) != is_integer(sides[0])) {
    expression = std::string(util::trim(is_integer(sides[1]) ? sides[0] : sides[1]));
  } else if (sides.size() > 1) {
    return make_verdict(
        VerdictKind::incorrect, expression_text,
        span->rule + ": '" + util::shorten(expression_text, 60) + "' is not one expression (several '=')");
  }
  const auto value = evaluate_expression(expression);
  if (!value) {
    return make_verdict(
        VerdictKind::incorrect, expression,
        span->rule + ": '" + util::shorten(expression, 60) + "' is not a valid expression: " + value.error());
  }
  std::vector<std::string> used = value->literals;
  std::sort(used.begin(), used.end());
  const std::string vote = join(used, ",") + "=" + value->value;
  nlohmann::json data{{"expression", expression},
                      {"value", value->value},
                      {"numbers_used", value->literals},
                      {"rule", use_all ? "each number exactly once" : "each number at most once"}};
  const auto verdict = [&](VerdictKind kind, const std::string& why) {
    return make_verdict(kind, expression, span->rule + ": " + why, vote, data.dump());
  };

  std::map<std::string, int> counts;
  for (const auto& literal : value->literals) {
    ++counts[literal];
  }
  const std::string list = "[" + join(given_list, ", ") + "]";
  for (const auto& [number, n] : counts) {
    const auto it = given.find(number);
    if (it == given.end()) {
      return verdict(VerdictKind::incorrect, "uses " + number + ", which is not one of the numbers " + list);
    }
    if (n > it->second) {
      return verdict(VerdictKind::incorrect,
                     "uses " + number + " " + times(n) + ", but it is given " + times(it->second));
    }
  }
  if (use_all) {
    for (const auto& [number, n] : given) {
      const int have = counts.contains(number) ? counts[number] : 0;
      if (have < n) {
        return verdict(VerdictKind::incorrect, "does not use " + number + (n > 1 ? " " + times(n) : "") +
                                                   " (every number must be used exactly once)");
      }
    }
  }
  if (value->value != target) {
    return verdict(VerdictKind::incorrect, "evaluates to " + value->value + ", not " + target);
  }
  return verdict(VerdictKind::correct,
                 "evaluates to " + target +
                     (use_all ? ", using every number exactly once" : ", using each number at most once"));
}

}  // namespace rb::verifiers
