#include "verifiers/math/math_verifier.hpp"

#include <algorithm>
#include <array>
#include <cctype>

#include <nlohmann/json.hpp>

#include "harness/core/reasoning.hpp"
#include "harness/util/strings.hpp"
#include "verifiers/math/compare.hpp"
#include "verifiers/math/extract.hpp"
#include "verifiers/math/parser.hpp"
#include "verifiers/math/vote.hpp"

namespace rb::verifiers {

namespace {

using math::Tree;

constexpr std::size_t k_detail_chars = 80;
constexpr std::size_t k_form_chars = 300;

/// A loose spelling for answers that do not parse: no spaces, delimiters or sizing, lower case.
std::string loose_text(std::string_view s)
{
  std::string out(s);
  for (const std::string_view junk : {"\\left", "\\right", "\\!", "\\,", "\\;", "\\ ", "$", "\\displaystyle"}) {
    out = util::replace_all(out, junk, "");
  }
  std::string compact;
  for (char c : out) {
    if (std::isspace(static_cast<unsigned char>(c)) == 0) {
      compact += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
  }
  return compact;
}

struct Compared {
  math::Decision decision;
  std::optional<Tree> gold;
  std::optional<Tree> pred;
};

/// "1000,99", "0,111", "2,5": one comma between digits that cannot be a thousands separator
/// (not three digits after it, or a leading 0 before it); the same number with a decimal point.
std::optional<std::string> decimal_comma(std::string_view s)
{
  s = util::trim(s);
  const bool negative = s.starts_with('-');
  const std::string_view digits = negative ? s.substr(1) : s;
  const std::size_t comma = digits.find(',');
  if (comma == std::string_view::npos || comma == 0 || comma + 1 == digits.size() ||
      digits.find_first_not_of("0123456789,") != std::string_view::npos || digits.find(',', comma + 1) != std::string_view::npos) {
    return std::nullopt;
  }
  const bool thousands = comma <= 3 && digits[0] != '0' && digits.size() - comma - 1 == 3;
  if (thousands) {
    return std::nullopt;
  }
  std::string out(s);
  out[out.find(',')] = '.';
  return out;
}

/// "four", "Twelve", "twenty-one", "\\text{seven}": an integer up to 99 written in English words.
std::optional<std::string> number_word(std::string_view s)
{
  static constexpr std::array<std::string_view, 20> k_units{
      "zero",    "one",     "two",       "three",    "four",     "five",    "six",
      "seven",   "eight",   "nine",      "ten",      "eleven",   "twelve",  "thirteen",
      "fourteen", "fifteen", "sixteen",  "seventeen", "eighteen", "nineteen"};
  static constexpr std::array<std::string_view, 8> k_tens{"twenty", "thirty", "forty", "fifty",
                                                          "sixty",  "seventy", "eighty", "ninety"};
  std::string t = util::to_lower(util::trim(s));
  if (t.starts_with("\\text{") && t.ends_with('}')) {
    t = t.substr(6, t.size() - 7);
  }
  if (t.size() > 20) {
    return std::nullopt;
  }
  auto find = [](const auto& table, std::string_view w) -> int {
    const auto it = std::find(table.begin(), table.end(), w);
    return it == table.end() ? -1 : static_cast<int>(it - table.begin());
  };
  if (const int u = find(k_units, t); u >= 0) {
    return std::to_string(u);
  }
  const std::size_t dash = t.find_first_of("- ");
  const int tens = find(k_tens, std::string_view(t).substr(0, dash));
  if (tens < 0) {
    return std::nullopt;
  }
  if (dash == std::string::npos) {
    return std::to_string(20 + 10 * tens);
  }
  const int unit = find(k_units, std::string_view(t).substr(dash + 1));
  if (unit < 1 || unit > 9) {
    return std::nullopt;
  }
  return std::to_string(20 + 10 * tens + unit);
}

Compared compare_as_written(std::string_view gold, std::string_view predicted, const math::CompareContext& context);

/// Compares, and when that fails and one side is a number with a European decimal comma
/// ("1000,99" for 1000.99, the development set's labelling policy) or in words ("four"),
/// compares it read that way.
Compared compare(std::string_view gold, std::string_view predicted, const math::CompareContext& context = {})
{
  Compared out = compare_as_written(gold, predicted, context);
  if (out.decision.equal) {
    return out;
  }
  for (const auto reading : {decimal_comma, number_word}) {
    const auto g = reading(gold);
    const auto p = reading(predicted);
    if (!g && !p) {
      continue;
    }
    Compared again = compare_as_written(g ? *g : gold, p ? *p : predicted, context);
    if (again.decision.equal) {
      again.decision.rule = (reading == decimal_comma ? "',' read as a decimal comma: " : "a number in words: ") +
                            again.decision.rule;
      return again;
    }
  }
  return out;
}

Compared compare_as_written(std::string_view gold, std::string_view predicted, const math::CompareContext& context)
{
  Compared out;
  std::string gold_error;
  std::string pred_error;
  out.gold = math::parse_answer(gold, &gold_error);
  out.pred = math::parse_answer(predicted, &pred_error);
  if (out.gold && out.pred) {
    out.decision = math::equivalent(*out.gold, *out.pred, context);
    return out;
  }
  const bool same = !loose_text(gold).empty() && loose_text(gold) == loose_text(predicted);
  const std::string why = !out.gold ? "the gold answer could not be read (" + gold_error + ")"
                                    : "the answer could not be read (" + pred_error + ")";
  out.decision = {same, same ? "same text; " + why : why};
  return out;
}

/// "What percent of...", "as a percentage", "%": the problem asks for a percentage.
bool asks_for_percent(std::string_view problem_text)
{
  const std::string lower = util::to_lower(problem_text);
  return lower.find("percent") != std::string::npos || lower.find('%') != std::string::npos;
}

}  // namespace

MathComparison compare_math_answers(std::string_view gold, std::string_view predicted)
{
  const Compared c = compare(gold, predicted);
  return {c.decision.equal, c.decision.rule};
}

Verdict MathVerifier::verify(const Problem& problem, const Response& response) const
{
  if (util::trim(problem.answer).empty()) {
    return {VerdictKind::error, std::nullopt, "problem '" + problem.id + "' has no gold answer"};
  }
  std::string split_text;
  std::string_view text = response.text;
  if (text.find("</think>") != std::string_view::npos || text.find("<think>") != std::string_view::npos) {
    ReasoningSplit split = split_reasoning(text);
    if (split.unclosed) {
      return {VerdictKind::truncated, std::nullopt, "reasoning block never closed: no answer after it"};
    }
    split_text = std::move(split.answer);
    text = split_text;
  }
  const auto extraction = math::extract_answer(text);
  if (!extraction) {
    const bool reasoning_only = util::trim(text).empty() && !util::trim(response.reasoning).empty();
    return {VerdictKind::no_answer, std::nullopt,
            reasoning_only ? "the answer part is empty (only reasoning)"
                           : "no answer found: no \\boxed{}, answer phrase, math or number in the answer part"};
  }
  // A gold answer written as a solution ("... so the answer is \boxed{20}") is its last box.
  const auto gold_box = problem.answer.find("box") != std::string::npos ? math::last_boxed(problem.answer) : std::nullopt;
  const std::string& gold = gold_box ? *gold_box : problem.answer;
  // The problem, or a gold solution ("... $\boxed{20}$ percent."), asks for a percentage.
  const math::CompareContext context{asks_for_percent(problem.text) || asks_for_percent(problem.answer)};
  Compared c = compare(gold, extraction->answer, context);
  if (!c.decision.equal && !extraction->alternative.empty()) {
    Compared alt = compare(gold, extraction->alternative, context);
    if (alt.decision.equal) {
      alt.decision.rule = "the value written with choice " + extraction->answer + ": " + alt.decision.rule;
      c = std::move(alt);
    }
  }
  if (!c.decision.equal) {
    // A gold answer "\textbf{(E)}\ 27" is choice E and the value 27.
    if (const auto choice = math::choice_with_value(gold)) {
      for (const std::string& form : {choice->first, choice->second}) {
        Compared alt = compare(form, extraction->answer, context);
        if (alt.decision.equal) {
          alt.decision.rule = "gold choice '" + gold + "' as '" + form + "': " + alt.decision.rule;
          c = std::move(alt);
          break;
        }
      }
    }
  }
  if (!c.decision.equal && extraction->parts.size() > 1) {
    // One answer boxed twice in two forms: every box must equal the gold answer ("either 2 or 3"
    // does not pass).
    bool all = true;
    for (const auto& part : extraction->parts) {
      all = all && compare(gold, part, context).decision.equal;
    }
    if (all) {
      c.decision = {true, "each of the " + std::to_string(extraction->parts.size()) +
                              " boxes equals the gold answer (one answer written in several forms)"};
    }
  }
  Verdict v;
  v.kind = c.decision.equal ? VerdictKind::correct : VerdictKind::incorrect;
  v.extracted = extraction->answer;
  v.detail = extraction->rule + ": '" + util::shorten(extraction->answer, k_detail_chars) + "' vs gold '" +
             util::shorten(problem.answer, k_detail_chars) + "': " + c.decision.rule;
  if (c.pred) {
    v.vote = math::vote_of(*c.pred);
  }
  nlohmann::json data{{"extraction_rule", extraction->rule},
                      {"fallback", extraction->fallback},
                      {"decision", c.decision.rule}};
  if (c.gold) {
    data["gold_form"] = math::print(*c.gold, c.gold->root, k_form_chars);
  }
  if (c.pred) {
    data["answer_form"] = math::print(*c.pred, c.pred->root, k_form_chars);
  }
  v.data = data.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return v;
}

}  // namespace rb::verifiers
