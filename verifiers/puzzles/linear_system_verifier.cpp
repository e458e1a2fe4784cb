#include "verifiers/puzzles/linear_system_verifier.hpp"

#include <gmpxx.h>

#include <cctype>
#include <map>
#include <vector>

#include "harness/util/strings.hpp"
#include "verifiers/exact/numeric_verifier.hpp"
#include "verifiers/puzzles/answer_extract.hpp"
#include "verifiers/puzzles/puzzle_verdict.hpp"

namespace rb::verifiers {

namespace {

bool word_char(char c)
{
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_';
}

/// The number text after position `i`, up to a separator.
std::string value_text(const std::string& text, std::size_t i)
{
  const std::size_t end = text.find_first_of(",;\n)]", i);
  std::string v(util::trim(text.substr(i, end == std::string::npos ? std::string::npos : end - i)));
  if (const std::size_t space_and = v.find(" and "); space_and != std::string::npos) {
    v.resize(space_and);
  }
  while (!v.empty() && (v.back() == '.' || v.back() == ' ')) {
    v.pop_back();
  }
  return v;
}

/// variable -> every value (canonical rational text) the answer gives it; unparseable values
/// are kept as "?<text>".
std::map<std::string, std::vector<std::string>> read_pairs(const std::string& text,
                                                           const std::vector<std::string>& names)
{
  std::map<std::string, std::vector<std::string>> out;
  for (const auto& name : names) {
    for (std::size_t pos = text.find(name); pos != std::string::npos; pos = text.find(name, pos + 1)) {
      const std::size_t after = pos + name.size();
      if ((pos > 0 && word_char(text[pos - 1])) || (after < text.size() && word_char(text[after]))) {
        continue;
      }
      std::size_t before = pos;
      while (before > 0 && text[before - 1] == ' ') {
        --before;
      }
      if (before > 0 &&
          std::string_view("+-*/^0123456789").find(text[before - 1]) != std::string_view::npos) {
        continue;  // a term of an equation ("3y - z = 7"), not an assignment
      }
      std::size_t j = after;
      while (j < text.size() && text[j] == ' ') {
        ++j;
      }
      if (j >= text.size() || text[j] != '=') {
        continue;
      }
      const std::string v = value_text(text, j + 1);
      const auto canonical = canonical_number(v);
      out[name].push_back(canonical ? *canonical : "?" + v);
    }
  }
  return out;
}

/// A tuple "(3, -2, 5)": the standalone numbers of the text, when there are exactly n.
std::map<std::string, std::vector<std::string>> read_tuple(const std::string& text,
                                                           const std::vector<std::string>& names)
{
  std::vector<std::string> numbers;
  for (const auto& part : util::split(util::replace_all(util::replace_all(text, "(", ""), ")", ""), ',')) {
    if (const auto v = canonical_number(part)) {
      numbers.push_back(*v);
    }
  }
  std::map<std::string, std::vector<std::string>> out;
  if (numbers.size() == names.size()) {
    for (std::size_t k = 0; k < names.size(); ++k) {
      out[names[k]].push_back(numbers[k]);
    }
  }
  return out;
}

}  // namespace

Verdict LinearSystemVerifier::verify(const Problem& problem, const Response& response) const
{
  const nlohmann::json cd = checker_json(problem, "linear_system");
  std::vector<std::string> names;
  for (const auto& v : cd.at("variables")) {
    names.push_back(v.get<std::string>());
  }
  const auto span = extract_answer(response.text, AnswerShape::block);
  if (!span) {
    return make_verdict(VerdictKind::no_answer, std::nullopt, "no answer in the response");
  }
  auto given = read_pairs(span->text, names);
  if (given.empty()) {
    given = read_tuple(span->text, names);
  }
  if (given.empty()) {
    const VerdictKind kind = is_fallback(*span) ? VerdictKind::no_answer : VerdictKind::incorrect;
    return make_verdict(kind, span->text, span->rule + ": no 'x = value' assignments found");
  }
  const auto fail = [&](const std::string& why, const std::string& vote = "", const std::string& data = "") {
    return make_verdict(VerdictKind::incorrect, span->text, span->rule + ": " + why, vote, data);
  };
  std::vector<mpq_class> values;
  std::string vote;
  for (const auto& name : names) {
    const auto it = given.find(name);
    if (it == given.end()) {
      return fail("gives no value for " + name);
    }
    for (const auto& v : it->second) {
      if (v.starts_with("?")) {
        return fail("the value of " + name + ", '" + util::shorten(v.substr(1), 40) + "', is not a number");
      }
      if (v != it->second.front()) {
        return fail("gives " + name + " two values, " + it->second.front() + " and " + v);
      }
    }
    values.emplace_back(it->second.front(), 10);
    vote += (vote.empty() ? "" : ",") + name + "=" + it->second.front();
  }
  const auto& equations = cd.at("equations");
  for (std::size_t e = 0; e < equations.size(); ++e) {
    mpq_class left = 0;
    const auto& coefficients = equations[e].at("coefficients");
    for (std::size_t k = 0; k < names.size(); ++k) {
      left += mpq_class(coefficients.at(k).get<long>()) * values[k];
    }
    const mpq_class right(equations[e].at("rhs").get<long>());
    if (left != right) {
      nlohmann::json data{{"values", vote}, {"broken_equation", e + 1}};
      return fail("equation " + std::to_string(e + 1) + ": the left side is " + left.get_str() + ", not " +
                      right.get_str(),
                  vote, data.dump());
    }
  }
  nlohmann::json data{{"values", vote}};
  return make_verdict(
      VerdictKind::correct, span->text,
      span->rule + ": the values satisfy all " + std::to_string(equations.size()) + " equations", vote,
      data.dump());
}

}  // namespace rb::verifiers
