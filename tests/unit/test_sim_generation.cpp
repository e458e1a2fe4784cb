// serve-sim's generation, below the HTTP layer: outcomes, lengths, styles, truncation, faults.
#include <catch2/catch.hpp>

#include <regex>
#include <set>
#include <string>

#include "adapters/sim/faults.hpp"
#include "adapters/sim/generation.hpp"
#include "adapters/sim/sim_text.hpp"
#include "harness/util/strings.hpp"

using namespace rb;
using namespace rb::sim::detail;

namespace {

sim::SimModel small_model(sim::ReasoningStyle style)
{
  sim::SimModel model;
  model.name = std::string("m");  // not = "m": GCC 12 -Wrestrict false positive
  model.reasoning = style;
  model.reasoning_tokens_mean = 60;
  model.reasoning_tokens_sd = 20;
  model.answer_tokens_mean = 15;
  return model;
}

std::size_t word_count(std::string_view text)
{
  std::size_t words = 0;
  for (const std::string& part : util::split(util::replace_all(std::string(text), "\n", " "), ' ')) {
    words += part.empty() ? 0 : 1;
  }
  return words;
}

}  // namespace

TEST_CASE("reasoning filler has exactly the asked number of words and no digits", "[sim]")
{
  util::SplitMix64 rng(5);
  for (const std::int64_t n : {1, 2, 3, 17, 400}) {
    const auto words = reasoning_words(n, rng);
    CHECK(static_cast<std::int64_t>(words.size()) == n);
    for (const auto& word : words) {
      CHECK(word.find_first_of("0123456789") == std::string::npos);
    }
  }
  const auto long_text = util::join(reasoning_words(2000, rng), " ");
  CHECK(long_text.find("Wait, let me check.") != std::string::npos);
}

TEST_CASE("a wrong answer changes the last integer or the text, never giving the reference", "[sim]")
{
  util::SplitMix64 rng(11);
  const std::regex changed_last(R"(\\boxed\{\\frac\{1\}\{\d+\}\})");
  for (int i = 0; i < 200; ++i) {
    const std::string wrong = wrong_answer("\\boxed{\\frac{1}{2}}", rng);
    CHECK(wrong != "\\boxed{\\frac{1}{2}}");
    CHECK(std::regex_match(wrong, changed_last));
    CHECK(wrong_answer("\\boxed{0}", rng) != "\\boxed{0}");
    CHECK(wrong_answer("\\boxed{A}", rng) != "\\boxed{A}");
    CHECK(wrong_answer("yes", rng) != "yes");
    CHECK(wrong_answer("123456789012345678901234", rng) != "123456789012345678901234");
  }
  CHECK(wrong_answer("\\boxed{B}", rng).rfind("\\boxed{", 0) == 0);
}

TEST_CASE("answers keep the reference verbatim, whitespace included", "[sim]")
{
  util::SplitMix64 rng(3);
  const std::string reference = "def f(x):\n    return x + 1";
  const auto words = answer_words(reference, 12, rng);
  std::string text;
  for (std::size_t i = 0; i < words.size(); ++i) {
    const bool has_space = !words[i].empty() && std::isspace(static_cast<unsigned char>(words[i][0]));
    if (i > 0 && !has_space) {
      text += ' ';
    }
    text += words[i];
  }
  CHECK(text.size() > reference.size());
  CHECK(text.substr(text.size() - reference.size()) == reference);
  CHECK(no_answer_words(30, rng).size() == 30);
  CHECK(util::join(no_answer_words(30, rng), " ").find_first_of("0123456789\\") == std::string::npos);
}

TEST_CASE("generation is deterministic and its token counts match the text", "[sim]")
{
  for (const auto style :
       {sim::ReasoningStyle::think_tags, sim::ReasoningStyle::field, sim::ReasoningStyle::hidden}) {
    const sim::SimModel model = small_model(style);
    const Completion a = generate(model, {42, "\\boxed{7}", std::nullopt});
    const Completion b = generate(model, {42, "\\boxed{7}", std::nullopt});
    const RenderedText text = render(model, a);
    CHECK(text.content == render(model, b).content);
    CHECK(text.content != render(model, generate(model, {43, "\\boxed{7}", std::nullopt})).content);
    CHECK(a.reasoning_tokens >= 1);
    CHECK_FALSE(a.truncated);
    std::size_t visible = word_count(text.content) + word_count(text.reasoning_content);
    if (style == sim::ReasoningStyle::think_tags) {
      visible -= 2;  // <think> and </think>
      CHECK(text.content.rfind("<think>\n", 0) == 0);
      CHECK(text.content.find("\n</think>\n\n") != std::string::npos);
    }
    if (style == sim::ReasoningStyle::hidden) {
      visible += static_cast<std::size_t>(a.reasoning_tokens);
    }
    CHECK(static_cast<std::int64_t>(visible) == a.total_tokens());
  }
}

TEST_CASE("streamed pieces add up to the whole text, chunk_tokens tokens at a time", "[sim]")
{
  for (const auto style :
       {sim::ReasoningStyle::think_tags, sim::ReasoningStyle::field, sim::ReasoningStyle::hidden}) {
    const sim::SimModel model = small_model(style);
    for (const std::optional<std::int64_t> budget :
         {std::optional<std::int64_t>(), std::optional<std::int64_t>(5), std::optional<std::int64_t>(70)}) {
      const Completion completion = generate(model, {9, "\\boxed{1}", budget});
      const RenderedText whole = render(model, completion);
      RenderedText joined;
      std::int64_t last = 0;
      for (const Piece& piece : stream_pieces(model, completion, 3)) {
        (piece.reasoning_field ? joined.reasoning_content : joined.content) += piece.text;
        CHECK(piece.tokens_through > last);
        CHECK(piece.tokens_through - last <= 3 + (style == sim::ReasoningStyle::hidden ? 1000 : 0));
        last = piece.tokens_through;
      }
      CHECK(joined.content == whole.content);
      CHECK(joined.reasoning_content == whole.reasoning_content);
      CHECK(last == completion.total_tokens());
    }
  }
}

TEST_CASE("a token budget cuts the stream: unclosed think, length", "[sim]")
{
  const sim::SimModel model = small_model(sim::ReasoningStyle::think_tags);
  const Completion full = generate(model, {1, "\\boxed{3}", std::nullopt});
  const Completion cut = generate(model, {1, "\\boxed{3}", full.reasoning_tokens - 1});
  CHECK(cut.truncated);
  CHECK(cut.total_tokens() == full.reasoning_tokens - 1);
  CHECK(cut.answer_tokens == 0);
  CHECK(render(model, cut).content.find("</think>") == std::string::npos);
  const Completion exact = generate(model, {1, "\\boxed{3}", full.total_tokens()});
  CHECK_FALSE(exact.truncated);
}

TEST_CASE("outcomes follow accuracy and no_answer_rate", "[sim]")
{
  sim::SimModel model = small_model(sim::ReasoningStyle::field);
  model.accuracy = 0.7;
  model.no_answer_rate = 0.1;
  int correct = 0;
  int no_answer = 0;
  const int n = 2000;
  for (int i = 0; i < n; ++i) {
    const Completion c =
        generate(model, {util::mix_seed(99, static_cast<std::uint64_t>(i)), "\\boxed{5}", {}});
    const std::string content = render(model, c).content;
    correct += c.outcome == Outcome::correct ? 1 : 0;
    no_answer += c.outcome == Outcome::no_answer ? 1 : 0;
    CHECK((c.outcome == Outcome::correct) == (content.size() >= 9 && content.ends_with("\\boxed{5}")));
    CHECK((c.outcome == Outcome::no_answer) == (content.find("\\boxed") == std::string::npos));
  }
  CHECK(correct / double(n) == Approx(0.7).margin(0.04));
  CHECK(no_answer / double(n) == Approx(0.1).margin(0.03));
}

TEST_CASE("the fault plan draws each class and stops after max_faults_per_request", "[sim]")
{
  sim::Faults faults;
  faults.rate_429 = 0.1;
  faults.rate_500 = 0.1;
  faults.rate_503 = 0.1;
  faults.rate_reset = 0.1;
  faults.rate_malformed = 0.1;
  faults.rate_stall = 0.1;
  faults.max_faults_per_request = 2;
  FaultPlan plan(faults);
  std::set<FaultKind> seen;
  long long injected = 0;
  for (std::uint64_t key = 0; key < 500; ++key) {
    int faults_for_key = 0;
    for (int attempt = 0; attempt < 10; ++attempt) {
      const FaultKind kind = plan.next(key);
      seen.insert(kind);
      faults_for_key += kind == FaultKind::none ? 0 : 1;
    }
    CHECK(faults_for_key <= 2);
    injected += faults_for_key;
  }
  CHECK(seen.size() == 7);
  CHECK(plan.injected() == injected);
  CHECK(injected > 400);  // about 0.6 + 0.6 * 0.6 faults per key

  FaultPlan again(faults);
  FaultPlan other(faults);
  for (std::uint64_t key = 0; key < 50; ++key) {
    CHECK(again.next(key) == other.next(key));
  }
}
