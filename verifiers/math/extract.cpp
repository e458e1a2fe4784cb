#include "verifiers/math/extract.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <functional>

#include "verifiers/math/extract_scan.hpp"
#include "verifiers/math/parser.hpp"

namespace rb::verifiers::math {

namespace {

constexpr std::size_t k_max_boxes = 64;
constexpr std::size_t k_max_scan_bytes = 64 * 1024;  // of a response's answer part, from its end
constexpr std::size_t k_max_tail_chars = 300;   // an answer phrase's sentence
constexpr std::size_t k_max_whole_chars = 300;  // a bare answer
constexpr std::size_t k_max_text_words = 5;     // a text answer ("Tuesday", "Carla and Evelyn")

// A model that keeps going writes the next turn itself: the answer to this problem is before it.
constexpr std::array<std::string_view, 9> k_turn_markers{
    "<|im_start|>", "<|im_end|>", "<|endoftext|>", "<|eot_id|>", "<|end_of_text|>", "\nUser:", "\nHuman:",
    "\n\nQuestion:", "\n\nProblem:"};

struct Box {
  std::size_t begin;
  std::size_t end;
  std::string_view content;
};

std::string_view trim(std::string_view s)
{
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front())) != 0) {
    s.remove_prefix(1);
  }
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back())) != 0) {
    s.remove_suffix(1);
  }
  return s;
}

std::string_view cut_next_turn(std::string_view text)
{
  std::size_t cut = text.size();
  for (const auto marker : k_turn_markers) {
    const std::size_t at = text.find(marker);
    if (at != std::string_view::npos && at > 0 && at < cut && !trim(text.substr(0, at)).empty()) {
      cut = at;
    }
  }
  return text.substr(0, cut);
}

std::vector<Box> find_boxes(std::string_view text)
{
  std::vector<Box> boxes;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t best = std::string_view::npos;
    std::size_t name_len = 0;
    for (const std::string_view macro : {std::string_view("\\boxed"), std::string_view("\\fbox"), std::string_view("\\framebox")}) {
      const std::size_t at = text.find(macro, pos);
      if (at < best) {
        best = at;
        name_len = macro.size();
      }
    }
    if (best == std::string_view::npos) {
      break;
    }
    std::size_t open = best + name_len;
    if (open < text.size() && std::isalpha(static_cast<unsigned char>(text[open])) != 0) {
      pos = open;  // \boxedsomething: another macro
      continue;
    }
    while (open < text.size() && text[open] == ' ') {
      ++open;
    }
    if (open < text.size() && text[open] == '{') {
      const std::size_t close = matching_brace(text, open);
      if (close == std::string_view::npos) {
        break;  // an unclosed box: the answer never came
      }
      const std::string_view content = text.substr(open + 1, close - open - 2);
      if (!trim(content).empty()) {
        boxes.push_back(Box{best, close, content});
      }
      pos = close;
    } else {
      std::size_t end = open;  // "\boxed 5"
      while (end < text.size() && std::isspace(static_cast<unsigned char>(text[end])) == 0 && text[end] != '$') {
        ++end;
      }
      if (end > open) {
        boxes.push_back(Box{best, end, text.substr(open, end - open)});
      }
      pos = std::max(end, open + 1);
    }
    if (boxes.size() > k_max_boxes) {
      boxes.erase(boxes.begin(), boxes.begin() + static_cast<long>(boxes.size() - k_max_boxes));
    }
  }
  return boxes;
}

/// True when `gap` holds only spacing, punctuation, math delimiters and "and"/"or".
bool only_separators(std::string_view gap)
{
  static constexpr std::array<std::string_view, 22> k_tokens{
      "\\text{and}", "\\text{ and }", "\\text{ and}", "\\text{and }", "\\text{or}", "\\text{ or }", "\\mbox{and}",
      "\\quad", "\\qquad", "\\,", "\\;", "\\ ", "\\\\", "\\(", "\\)", "\\[", "\\]", "and", "or", "&", "$$", "$"};
  std::size_t i = 0;
  while (i < gap.size()) {
    const char c = gap[i];
    if (std::isspace(static_cast<unsigned char>(c)) != 0 || c == ',' || c == ';' || c == '.' || c == '~') {
      ++i;
      continue;
    }
    bool matched = false;
    for (const auto token : k_tokens) {
      if (gap.substr(i, token.size()) == token) {
        i += token.size();
        matched = true;
        break;
      }
    }
    if (!matched) {
      return false;
    }
  }
  return true;
}

std::string strip_delimiters(std::string_view s)
{
  s = trim(s);
  bool changed = true;
  while (changed && !s.empty()) {
    changed = false;
    for (const std::string_view d : {"**", "$$", "$", "\\(", "\\[", "\"", "`"}) {
      if (s.starts_with(d)) {
        s.remove_prefix(d.size());
        changed = true;
      }
    }
    for (const std::string_view d : {"**", "$$", "$", "\\)", "\\]", "\"", "`", ".", ","}) {
      if (s.ends_with(d) && !s.ends_with("...")) {  // an ellipsis is part of the answer
        s.remove_suffix(d.size());
        changed = true;
      }
    }
    s = trim(s);
  }
  return std::string(s);
}

/// Words that make a run of text a sentence about the answer rather than the answer itself
/// ("no numbers here at all", "after simplifying we obtain"): pronouns, verbs of working, adverbs.
bool is_sentence_word(std::string_view word)
{
  static constexpr std::array<std::string_view, 36> k_words{
      "i",     "we",    "you",   "it",     "its",   "this",  "that",    "these", "those",  "here",   "there",  "is",
      "are",   "was",   "were",  "be",     "been",  "have",  "has",     "get",   "gets",   "got",    "obtain", "obtained",
      "find",  "found", "so",    "thus",   "hence", "then",  "therefore", "after", "let",  "at", "answer", "answers"};
  return std::find(k_words.begin(), k_words.end(), word) != k_words.end();
}

/// Counts the words of `text`; sets *sentence when one of them is a sentence word.
std::size_t count_words(const std::string& text, bool* sentence)
{
  std::size_t words = 0;
  std::size_t k = 0;
  while (k < text.size()) {
    if (std::isspace(static_cast<unsigned char>(text[k])) != 0) {
      ++k;
      continue;
    }
    std::string word;  // its letters, lower case
    for (; k < text.size() && std::isspace(static_cast<unsigned char>(text[k])) == 0; ++k) {
      if (std::isalpha(static_cast<unsigned char>(text[k])) != 0) {
        word += static_cast<char>(std::tolower(static_cast<unsigned char>(text[k])));
      }
    }
    ++words;
    *sentence = *sentence || is_sentence_word(word);
  }
  return words;
}

bool has_text(const Node& n, std::size_t* words, bool* digits, bool* sentence)
{
  if (n.kind == NodeKind::text) {
    *words += count_words(n.text, sentence);
    *digits = *digits || std::any_of(n.text.begin(), n.text.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; });
    return true;
  }
  bool any = false;
  for (const auto& k : n.kids) {
    any = has_text(k, words, digits, sentence) || any;
  }
  return any;
}

/// A bare answer: it parses, and any text in it is a few words without numbers.
bool is_bare_answer(const std::string& text)
{
  if (text.empty() || text.size() > k_max_whole_chars) {
    return false;
  }
  const auto tree = parse_answer(text);
  if (!tree) {
    return false;
  }
  std::size_t words = 0;
  bool digits = false;
  bool sentence = false;
  if (!has_text(tree->root, &words, &digits, &sentence)) {
    return true;
  }
  // Text only when the whole answer is text: "Tuesday", "Carla and Evelyn"; not a sentence
  // around a formula.
  const Node& root = tree->root;
  const bool all_text = root.kind == NodeKind::text ||
                        (root.kind == NodeKind::list && std::all_of(root.kids.begin(), root.kids.end(), [](const Node& k) {
                           return k.kind == NodeKind::text;
                         }));
  return all_text && !digits && !sentence && words <= k_max_text_words;
}

/// A span whose whole content is one letter ("the largest $n$ is 34"): a name, not a value.
bool is_bare_symbol(std::string_view s)
{
  s = trim(s);
  return s.size() == 1 && std::isalpha(static_cast<unsigned char>(s[0])) != 0;
}

/// Words that follow "answer is" without being an answer ("I hope my answer is correct").
bool is_filler(const std::string& text)
{
  static constexpr std::array<std::string_view, 16> k_filler{
      "correct", "incorrect", "right", "wrong", "as follows", "follows", "below", "above", "clear", "obvious",
      "unique", "simple", "straightforward", "not", "yes, it is correct", "the following"};
  std::string lower;
  for (char c : text) {
    lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return std::find(k_filler.begin(), k_filler.end(), lower) != k_filler.end() || lower.starts_with("to ") ||
         lower.starts_with("that ") || lower.starts_with("the same");
}

}  // namespace

/// "(C) 12", "\textbf{(C)} 12", "C) 12": a choice letter followed by its value.
std::optional<std::pair<std::string, std::string>> choice_with_value(const std::string& tail)
{
  std::string_view t = tail;
  for (const std::string_view wrapper : {"\\textbf{", "\\text{", "\\mathrm{"}) {
    if (t.starts_with(wrapper)) {
      const std::size_t close = t.find('}');
      if (close == std::string_view::npos) {
        return std::nullopt;
      }
      const std::string inner(t.substr(wrapper.size(), close - wrapper.size()));
      const std::string rest(t.substr(close + 1));
      return choice_with_value(inner + rest);
    }
  }
  std::size_t i = 0;
  if (i < t.size() && t[i] == '(') {
    ++i;
  }
  if (i + 1 >= t.size() || t[i] < 'A' || t[i] > 'J' || t[i + 1] != ')') {
    return std::nullopt;
  }
  const std::string letter(1, t[i]);
  std::string_view after = trim(t.substr(i + 2));
  while (after.starts_with("\\ ") || after.starts_with("~") || after.starts_with("\\quad") || after.starts_with("\\,")) {
    after = trim(after.substr(after.starts_with("\\quad") ? 5 : (after[0] == '~' ? 1 : 2)));
  }
  const std::string rest = strip_delimiters(after);
  if (rest.empty() || !is_bare_answer(rest)) {
    return std::nullopt;
  }
  return std::make_pair(letter, rest);
}

namespace {

struct PhraseValue {
  std::string value;
  std::string alternative;
};

/// The value an answer phrase's sentence gives, or nothing.
std::optional<PhraseValue> phrase_value(std::string_view text, std::size_t from)
{
  const std::size_t end = sentence_end(text, from, k_max_tail_chars);
  const std::string_view tail = text.substr(from, end - from);
  std::string whole = strip_delimiters(tail);
  if (is_bare_answer(whole) && !is_filler(whole)) {
    return PhraseValue{whole, {}};
  }
  if (auto choice = choice_with_value(whole)) {
    return PhraseValue{choice->first, choice->second};
  }
  // Candidates inside the sentence; negated ones ("not 5") and bare names are passed over.
  struct Candidate {
    std::size_t end;
    std::string text;
    bool weak;
  };
  std::vector<Candidate> candidates;
  const auto spans = math_spans(tail);
  for (const auto& s : spans) {
    if (!trim(s.content).empty() && !negated_before(tail, s.begin)) {
      candidates.push_back(Candidate{s.end, std::string(trim(s.content)), is_bare_symbol(s.content)});
    }
  }
  for (const auto& n : standalone_numbers(tail)) {
    const bool inside_span = std::any_of(spans.begin(), spans.end(), [&](const Span& s) { return n.begin >= s.begin && n.end <= s.end; });
    if (!inside_span && !negated_before(tail, n.begin)) {
      candidates.push_back(Candidate{n.end, std::string(n.content), false});
    }
  }
  const Candidate* best = nullptr;
  for (const auto& c : candidates) {
    if (best == nullptr || (best->weak && !c.weak) || (c.weak == best->weak && c.end > best->end)) {
      best = &c;
    }
  }
  if (best == nullptr) {
    return std::nullopt;
  }
  return PhraseValue{best->text, {}};
}

struct Cue {
  std::size_t tail;  ///< where the value starts
  std::string_view name;
};

bool word_char(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }

/// Skips "s", spaces, '*', ':', and a verb ("is", "are", "=", "would be", "should be").
std::size_t after_cue_word(std::string_view text, std::size_t i)
{
  auto skip = [&] {
    while (i < text.size() && (text[i] == ' ' || text[i] == '*' || text[i] == ':' || text[i] == '\n')) {
      ++i;
    }
  };
  skip();
  for (const std::string_view verb : {"is", "are", "=", "would be", "should be", "will be", "equals"}) {
    if (find_ci(text.substr(i, verb.size() + 1), verb) == 0 &&
        (i + verb.size() >= text.size() || !word_char(text[i + verb.size()]))) {
      i += verb.size();
      skip();
      break;
    }
  }
  return i;
}

std::vector<Cue> find_cues(std::string_view text)
{
  std::vector<Cue> cues;
  for (const std::string_view word : {std::string_view("answer"), std::string_view("result"), std::string_view("option"),
                                      std::string_view("choice")}) {
    for (std::size_t at = find_ci(text, word); at != std::string_view::npos; at = find_ci(text, word, at + 1)) {
      if (at > 0 && word_char(text[at - 1])) {
        continue;
      }
      std::size_t i = at + word.size();
      if (i < text.size() && (text[i] == 's' || text[i] == 'S')) {
        ++i;
      }
      if (i < text.size() && word_char(text[i])) {
        continue;  // "answered"
      }
      if (word != "answer") {
        // "result:", "result is", "correct option is (B)": these need a colon or a verb.
        const std::size_t tail = after_cue_word(text, i);
        const std::string_view between = text.substr(i, tail - i);
        if (between.find(':') == std::string_view::npos && find_ci(between, "is") == std::string_view::npos &&
            between.find('=') == std::string_view::npos) {
          continue;
        }
        cues.push_back(Cue{tail, word});
        continue;
      }
      cues.push_back(Cue{after_cue_word(text, i), word});
    }
  }
  for (std::size_t at = text.find("####"); at != std::string_view::npos; at = text.find("####", at + 4)) {
    cues.push_back(Cue{after_cue_word(text, at + 4), "####"});
  }
  std::sort(cues.begin(), cues.end(), [](const Cue& a, const Cue& b) { return a.tail > b.tail; });
  return cues;
}

}  // namespace

std::optional<std::string> last_boxed(std::string_view text, int* joined, std::vector<std::string>* parts)
{
  const auto boxes = find_boxes(text);
  if (boxes.empty()) {
    return std::nullopt;
  }
  std::size_t first = boxes.size() - 1;
  while (first > 0 && only_separators(text.substr(boxes[first - 1].end, boxes[first].begin - boxes[first - 1].end))) {
    --first;
  }
  std::string out;
  for (std::size_t i = first; i < boxes.size(); ++i) {
    if (!out.empty()) {
      out += ", ";
    }
    out += std::string(trim(boxes[i].content));
    if (parts != nullptr) {
      parts->emplace_back(trim(boxes[i].content));
    }
  }
  if (joined != nullptr) {
    *joined = static_cast<int>(boxes.size() - first);
  }
  return out;
}

std::optional<Extraction> extract_answer(std::string_view response)
{
  // The final answer is at the end: only the last k_max_scan_bytes are read (bounded work).
  if (response.size() > k_max_scan_bytes) {
    response.remove_prefix(response.size() - k_max_scan_bytes);
  }
  const std::string_view text = cut_next_turn(response);
  if (trim(text).empty()) {
    return std::nullopt;
  }
  int joined = 0;
  std::vector<std::string> parts;
  if (auto boxed = last_boxed(text, &joined, &parts)) {
    Extraction e{*boxed, joined > 1 ? "boxed (" + std::to_string(joined) + " boxes joined)" : "boxed", false, {}, {}};
    if (joined > 1) {
      e.parts = std::move(parts);
    } else if (auto choice = choice_with_value(e.answer)) {
      // "\boxed{\textbf{(C)}\ \frac{5}{2}}": the letter and its value, either may match.
      e.answer = choice->first;
      e.alternative = choice->second;
      e.rule = "boxed (choice letter and its value)";
    }
    return e;
  }
  for (const auto& cue : find_cues(text)) {
    if (auto value = phrase_value(text, cue.tail)) {
      return Extraction{value->value, "answer phrase ('" + std::string(cue.name) + "')", false, value->alternative};
    }
  }
  std::string whole = strip_delimiters(text);
  if (is_bare_answer(whole)) {
    return Extraction{whole, "whole response", false};
  }
  if (whole.size() <= k_max_whole_chars) {
    if (auto choice = choice_with_value(whole)) {
      return Extraction{choice->first, "whole response (choice letter and its value)", false, choice->second};
    }
  }
  // Fallback: the last math span or the last number, whichever ends later.
  const auto spans = math_spans(text);
  std::size_t last = spans.size();
  for (std::size_t i = 0; i < spans.size(); ++i) {
    if (!trim(spans[i].content).empty()) {
      last = i;
    }
  }
  const Span* span = last < spans.size() ? &spans[last] : nullptr;
  const auto numbers = standalone_numbers(text);
  const Span* number = nullptr;
  const Span* previous = nullptr;
  for (const auto& n : numbers) {
    const bool inside = std::any_of(spans.begin(), spans.end(), [&](const Span& s) { return n.begin >= s.begin && n.end <= s.end; });
    if (!inside) {
      previous = number;
      number = &n;
    }
  }
  if (number != nullptr && negated_before(text, number->begin)) {
    number = nullptr;  // "the answer is not 5": no committed number
  }
  if (number != nullptr && previous != nullptr && (span == nullptr || span->end < number->end)) {
    // "5 or 6": a hedge names both, and neither alone is the answer.
    const std::string_view gap = trim(text.substr(previous->end, number->begin - previous->end));
    if (gap == "or" || gap == ", or" || gap == "or maybe" || gap == "or possibly") {
      return Extraction{std::string(previous->content) + ", " + std::string(number->content),
                        "last numbers, hedged with 'or' (fallback)", true, {}, {}};
    }
  }
  if (span != nullptr && (number == nullptr || span->end >= number->end)) {
    // "$x = 2$, $y = 3$" and "$1$ and $2$": spans joined by separators are one answer.
    std::size_t first = last;
    while (first > 0 && !trim(spans[first - 1].content).empty() && last - first < k_max_boxes &&
           only_separators(text.substr(spans[first - 1].end, spans[first].begin - spans[first - 1].end))) {
      --first;
    }
    std::string joined;
    for (std::size_t i = first; i <= last; ++i) {
      joined += (joined.empty() ? "" : ", ") + std::string(trim(spans[i].content));
    }
    return Extraction{joined, last > first ? "last math expressions (fallback, " + std::to_string(last - first + 1) +
                                                 " joined)"
                                           : "last math expression (fallback)",
                      true};
  }
  if (number != nullptr) {
    return Extraction{std::string(number->content), "last number (fallback)", true};
  }
  return std::nullopt;
}

}  // namespace rb::verifiers::math
