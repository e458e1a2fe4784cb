#include "verifiers/behaviour/overthinking.hpp"

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include "harness/util/strings.hpp"

namespace rb::verifiers::behaviour {

namespace {

struct Candidate {
  std::size_t end = 0;  ///< byte offset just after the answer
  std::string text;     ///< what the verifier is shown
};

/// The end of the sentence starting before `from`: a newline, or a '.' followed by whitespace
/// or the end (so "3.5" does not end it).
std::size_t sentence_end(std::string_view t, std::size_t from)
{
  for (std::size_t i = from; i < t.size(); ++i) {
    if (t[i] == '\n' || (t[i] == '.' && (i + 1 == t.size() || std::isspace(static_cast<unsigned char>(t[i + 1])) != 0))) {
      return i;
    }
  }
  return t.size();
}

/// The end of the balanced {...} starting at `open` (the '{'), or npos.
std::size_t brace_end(std::string_view t, std::size_t open)
{
  int depth = 0;
  for (std::size_t i = open; i < t.size(); ++i) {
    depth += t[i] == '{' ? 1 : (t[i] == '}' ? -1 : 0);
    if (depth == 0) {
      return i + 1;
    }
  }
  return std::string_view::npos;
}

std::vector<Candidate> candidates(std::string_view reasoning)
{
  std::vector<Candidate> out;
  for (std::size_t pos = reasoning.find("\\boxed{"); pos != std::string_view::npos;
       pos = reasoning.find("\\boxed{", pos + 1)) {
    const std::size_t end = brace_end(reasoning, pos + 6);
    if (end != std::string_view::npos) {
      out.push_back({end, std::string(reasoning.substr(pos, end - pos))});
    }
  }
  const std::string lower = util::to_lower(reasoning);
  for (const std::string_view phrase : {"answer is", "answer:"}) {
    for (std::size_t pos = lower.find(phrase); pos != std::string::npos; pos = lower.find(phrase, pos + 1)) {
      const std::size_t end = sentence_end(reasoning, pos + phrase.size());
      out.push_back({end, std::string(reasoning.substr(pos, end - pos))});
    }
  }
  std::sort(out.begin(), out.end(), [](const Candidate& a, const Candidate& b) { return a.end < b.end; });
  if (out.size() > static_cast<std::size_t>(k_max_intermediate_answers)) {
    out.resize(static_cast<std::size_t>(k_max_intermediate_answers));
  }
  return out;
}

std::size_t word_count(std::string_view text)
{
  std::size_t words = 0;
  bool in_word = false;
  for (const char c : text) {
    const bool space = std::isspace(static_cast<unsigned char>(c)) != 0;
    words += !space && !in_word ? 1 : 0;
    in_word = !space;
  }
  return words;
}

}  // namespace

Overthinking measure_overthinking(std::string_view reasoning, std::int64_t reasoning_tokens, const Verifier& verifier,
                                  const Problem& problem)
{
  Overthinking out;
  const auto found = candidates(reasoning);
  out.intermediate_answers = static_cast<int>(found.size());
  for (std::size_t i = 0; i < found.size(); ++i) {
    const Verdict v = verifier.verify(problem, Response{found[i].text, "", "stop", false});
    if (v.correct()) {
      out.first_correct = static_cast<int>(i) + 1;
      const double total_words = static_cast<double>(std::max<std::size_t>(word_count(reasoning), 1));
      const double after = static_cast<double>(word_count(reasoning.substr(found[i].end)));
      out.tokens_after_first_correct = static_cast<double>(reasoning_tokens) * after / total_words;
      break;
    }
  }
  return out;
}

}  // namespace rb::verifiers::behaviour
