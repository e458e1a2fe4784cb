#include "verifiers/exact/bbh_verifier.hpp"

#include <cctype>
#include <set>
#include <vector>

#include "harness/util/strings.hpp"
#include "verifiers/exact/numeric_verifier.hpp"
#include "verifiers/puzzles/answer_extract.hpp"
#include "verifiers/puzzles/puzzle_verdict.hpp"

namespace rb::verifiers {

namespace {

std::vector<std::string> lower_words(std::string_view text)
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

std::string plain(std::string_view text)
{
  std::string s = util::to_lower(util::trim(text));
  while (!s.empty() && (s.back() == '.' || s.back() == ' ')) {
    s.pop_back();
  }
  return s;
}

std::string choice(std::string_view text, const nlohmann::json& options)
{
  std::set<char> letters;
  for (std::size_t i = 0; i + 2 < text.size(); ++i) {
    if (text[i] == '(' && text[i + 2] == ')' && text[i + 1] >= 'A' && text[i + 1] <= 'Z') {
      letters.insert(text[i + 1]);
    }
  }
  if (letters.size() > 1) {
    return "ambiguous:" + std::string(letters.begin(), letters.end());
  }
  if (letters.size() == 1) {
    return std::string("(") + *letters.begin() + ")";
  }
  std::string_view t = util::trim(text);
  const std::string lower = util::to_lower(t);
  if (lower.starts_with("option ")) {
    t = util::trim(t.substr(7));
  }
  if (!t.empty() && t[0] >= 'A' && t[0] <= 'Z' &&
      (t.size() == 1 || std::string_view(").: ,").find(t[1]) != std::string_view::npos)) {
    return std::string("(") + t[0] + ")";
  }
  for (const auto& [letter, option] : options.items()) {
    if (plain(option.get<std::string>()) == plain(text)) {
      return "(" + letter + ")";
    }
  }
  return "";
}

/// The one word of `pair` the text uses ("yes" / "no"); "not valid" reads as "invalid".
std::string binary(std::string_view text, const char* first, const char* second, bool negation)
{
  std::set<std::string> seen;
  const auto words = lower_words(text);
  for (std::size_t i = 0; i < words.size(); ++i) {
    std::string w = words[i];
    if (w != first && w != second) {
      continue;
    }
    if (negation && i > 0 && words[i - 1] == "not") {
      w = w == first ? second : first;
    }
    seen.insert(w);
  }
  if (seen.size() > 1) {
    return std::string("ambiguous:") + first + "/" + second;
  }
  return seen.empty() ? "" : *seen.begin();
}

std::string integer(std::string_view text)
{
  if (auto v = canonical_number(text)) {
    return *v;
  }
  std::string last;
  std::string current;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    const char c = i < text.size() ? text[i] : ' ';
    if (std::isdigit(static_cast<unsigned char>(c)) != 0 ||
        (c == '-' && current.empty() && i + 1 < text.size() &&
         std::isdigit(static_cast<unsigned char>(text[i + 1])) != 0)) {
      current += c;
    } else if (!current.empty()) {
      last = current;
      current.clear();
    }
  }
  const auto v = last.empty() ? std::nullopt : canonical_number(last);
  return v ? *v : "";
}

std::string brackets(std::string_view text)
{
  std::string out;
  for (const char c : text) {
    if (std::string_view("()[]{}<>").find(c) != std::string_view::npos) {
      out += c;
    }
  }
  return out;
}

std::string time_slot(std::string_view text)
{
  const std::string lower = util::to_lower(text);
  std::vector<std::string> times;
  for (std::size_t i = 0; i < lower.size(); ++i) {
    if (lower[i] != ':' || i == 0 || i + 2 >= lower.size() ||
        !std::isdigit(static_cast<unsigned char>(lower[i - 1])) ||
        !std::isdigit(static_cast<unsigned char>(lower[i + 1])) ||
        !std::isdigit(static_cast<unsigned char>(lower[i + 2]))) {
      continue;
    }
    std::size_t start = i - 1;
    if (start > 0 && std::isdigit(static_cast<unsigned char>(lower[start - 1])) != 0) {
      --start;
    }
    std::string hours = lower.substr(start, i - start);
    times.push_back((hours.size() == 1 ? "0" + hours : hours) + ":" + lower.substr(i + 1, 2));
  }
  if (times.size() >= 2) {
    return times[0] + " - " + times[1];
  }
  for (const char* none : {"no time slot", "none", "no slot", "no common"}) {
    if (lower.find(none) != std::string::npos) {
      return "none";
    }
  }
  return "";
}

}  // namespace

std::string bbh_normalize(std::string_view form, std::string_view text, const std::string& checker_data)
{
  const nlohmann::json cd =
      checker_data.empty() ? nlohmann::json::object() : nlohmann::json::parse(checker_data);
  if (form == "choice") {
    return choice(text, cd.value("options", nlohmann::json::object()));
  }
  if (form == "true_false") {
    return binary(text, "true", "false", false);
  }
  if (form == "yes_no") {
    return binary(text, "yes", "no", false);
  }
  if (form == "valid_invalid") {
    return binary(text, "valid", "invalid", true);
  }
  if (form == "integer") {
    return integer(text);
  }
  if (form == "dyck") {
    return brackets(text);
  }
  if (form == "words") {
    return util::join(lower_words(util::replace_all(std::string(text), ",", " ")), " ");
  }
  if (form == "shape") {
    std::string out;
    std::string current;
    for (const char c : std::string(text) + " ") {
      if (std::isdigit(static_cast<unsigned char>(c)) != 0) {
        current += c;
      } else if (!current.empty()) {
        out += (out.empty() ? "" : ",") + current;
        current.clear();
      }
    }
    return out.empty() ? "" : "(" + out + ")";
  }
  if (form == "time_slot") {
    return time_slot(text);
  }
  throw std::runtime_error("bbh: unknown answer form '" + std::string(form) + "'");
}

Verdict BbhVerifier::verify(const Problem& problem, const Response& response) const
{
  const nlohmann::json cd = checker_json(problem, "bbh");
  const std::string form = cd.at("form").get<std::string>();
  // Three BBH items have a non-letter target in a choice task (the options were split at
  // commas): they are graded as plain text.
  const bool text_gold = form == "choice" && choice(problem.answer, nlohmann::json::object()).empty();
  const std::string gold =
      text_gold ? plain(problem.answer) : bbh_normalize(form, problem.answer, problem.checker_data);
  if (gold.empty()) {
    throw std::runtime_error("bbh: problem '" + problem.id + "': gold answer '" + problem.answer +
                             "' is not a " + form);
  }
  const auto span = extract_answer(response.text, AnswerShape::line);
  if (!span) {
    return make_verdict(VerdictKind::no_answer, std::nullopt, "no answer in the response");
  }
  std::string got = text_gold ? plain(span->text) : bbh_normalize(form, span->text, problem.checker_data);
  if (form == "dyck" && !got.empty() && got != gold) {
    const std::string prefix = brackets(cd.value("prefix", ""));
    if (got == prefix + gold) {
      got = gold;  // the whole completed sequence, not only its end
    }
  }
  if (got.empty()) {
    const VerdictKind kind = is_fallback(*span) ? VerdictKind::no_answer : VerdictKind::incorrect;
    return make_verdict(
        kind, span->text,
        span->rule + ": '" + util::shorten(span->text, 60) + "' is not a " + form + " answer");
  }
  if (got.starts_with("ambiguous:")) {
    return make_verdict(VerdictKind::incorrect, span->text,
                        span->rule + ": '" + util::shorten(span->text, 60) + "' gives several answers (" +
                            got.substr(10) + ")");
  }
  const bool equal = got == gold;
  return make_verdict(equal ? VerdictKind::correct : VerdictKind::incorrect, span->text,
                      span->rule + ": " + got + (equal ? " = gold " : " != gold ") + gold, got);
}

}  // namespace rb::verifiers
