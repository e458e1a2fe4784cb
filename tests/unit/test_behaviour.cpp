#include <catch2/catch.hpp>

#include "harness/core/error.hpp"
#include "verifiers/behaviour/behaviour.hpp"
#include "verifiers/behaviour/rewards.hpp"
#include "verifiers/behaviour/unicode_text.hpp"
#include "verifiers/exact/numeric_verifier.hpp"

using namespace rb;
using namespace rb::verifiers::behaviour;

TEST_CASE("words and scripts of mixed-language text", "[behaviour]")
{
  const auto words = words_of("Let's compute 3+4: 答案是七 그래서 답은 7 입니다");
  std::vector<Script> scripts;
  for (const auto& w : words) {
    scripts.push_back(w.script);
  }
  // Let's, compute, 答, 案, 是, 七, 그래서, 답은, 입니다
  CHECK(scripts == std::vector<Script>{Script::latin, Script::latin, Script::han, Script::han, Script::han,
                                       Script::han, Script::hangul, Script::hangul, Script::hangul});
  CHECK(words[0].text == U"let's");
  CHECK(decode_utf8("a\xff" "b") == std::vector<char32_t>{U'a', U'\uFFFD', U'b'});
  CHECK(decode_utf8("\xe4\xb8").size() == 2);  // truncated sequence: replacement characters, no crash
}

TEST_CASE("language consistency: English, Chinese, Korean and mixtures", "[behaviour]")
{
  const auto en = language_shares("First we add the numbers, then we divide by \\frac{x}{2} to get y.", "en");
  CHECK(en.target_share() == 1.0);  // \frac, x, y are not English words
  CHECK_FALSE(is_mixed(en));

  const std::string mixed_text =
      "We need the sum. 首先计算总和然后除以二 So the total is twelve and the answer follows.";
  const auto mixed = language_shares(mixed_text, "en");
  CHECK(mixed.han == 11);
  CHECK(mixed.target_share() < 0.95);
  CHECK(is_mixed(mixed));

  const auto zh = language_shares("我们先计算总和，然后除以二，得到答案。", "zh");
  CHECK(zh.target_share() == 1.0);
  const auto zh_with_latex = language_shares("所以答案是 \\boxed{12}，即 x 等于十二。", "zh");
  CHECK(zh_with_latex.target_share() == 1.0);

  const auto ko = language_shares("먼저 합을 계산하고 둘로 나누면 답이 나옵니다", "ko");
  CHECK(ko.target_share() == 1.0);
  const auto ko_mixed = language_shares("먼저 합을 계산하고 then divide by two to get the answer", "ko");
  CHECK(is_mixed(ko_mixed));
  CHECK(language_shares("", "en").target_share() == 1.0);
  CHECK(known_language("ko"));
  CHECK_FALSE(known_language("fr"));
}

TEST_CASE("reflection markers in three languages, at word boundaries", "[behaviour]")
{
  const auto en = count_reflections("Wait, that is wrong. Hmm. Let me check again... Alternatively we could be awaiting.");
  CHECK(en.total == 4);  // wait, hmm, let me check, alternatively; "awaiting" is not "wait"
  CHECK(en.by_marker.at("wait") == 1);
  const auto zh = count_reflections("等等，这里不对。让我检查一下。嗯，或者换个方法。");
  CHECK(zh.total == 5);
  const auto ko = count_reflections("잠깐, 다시 확인해 보자. 아니면 다른 방법으로");
  CHECK(ko.total == 3);
  CHECK(count_reflections("a plain derivation with no second thoughts").total == 0);
}

TEST_CASE("repetition ratio and loop detection", "[behaviour]")
{
  const auto plain = measure_repetition("the quick brown fox jumps over the lazy dog near the river bank today");
  CHECK(plain.repeated_ngram_ratio == 0.0);
  CHECK_FALSE(plain.loop);
  std::string looping = "we solve the problem step by step and then ";
  for (int i = 0; i < 6; ++i) {
    looping += "so the answer is 12 and we check it again ";
  }
  const auto loop = measure_repetition(looping);
  CHECK(loop.loop);
  CHECK(loop.loop_period == 10);
  CHECK(loop.loop_repeats >= 5);
  CHECK(loop.repeated_ngram_ratio > 0.5);
  const auto numbers = measure_repetition("1 2 1 2 1 2 1 2 1 2 1 2 1 2 1 2");
  CHECK(numbers.loop);
  CHECK(numbers.loop_period == 2);
  CHECK_FALSE(measure_repetition("a b c").loop);
}

TEST_CASE("format check: one closed reasoning block before a boxed answer", "[behaviour]")
{
  CHECK(check_format("<think>steps</think>\nThe answer is \\boxed{3}.", "", "The answer is \\boxed{3}.", "stop", "boxed")
            .format_ok());
  // Reasoning opened by the chat template: only the closing tag appears.
  CHECK(check_format("steps</think>\\boxed{3}", "", "\\boxed{3}", "stop", "boxed").format_ok());
  // Reasoning returned in a field (DeepSeek, vLLM parsers).
  CHECK(check_format("\\boxed{3}", "steps", "\\boxed{3}", "stop", "boxed").format_ok());
  const auto two = check_format("<think>a</think><think>b</think>\\boxed{3}", "", "\\boxed{3}", "stop", "boxed");
  CHECK(two.reasoning_blocks == 2);
  CHECK_FALSE(two.format_ok());
  CHECK_FALSE(check_format("<think>a", "", "", "length", "boxed").format_ok());
  CHECK_FALSE(check_format("preamble <think>a</think>\\boxed{3}", "", "\\boxed{3}", "stop", "boxed").format_ok());
  CHECK_FALSE(check_format("<think>a</think>3", "", "3", "stop", "boxed").format_ok());  // no \boxed
  CHECK(check_format("<think>a</think><answer>3</answer>", "", "<answer>3</answer>", "stop", "answer_tag").format_ok());
  CHECK_FALSE(check_format("no reasoning at all \\boxed{3}", "", "no reasoning at all \\boxed{3}", "stop", "boxed").format_ok());
  CHECK(check_format("<think>a</think>\\boxed{3}", "", "\\boxed{3}", "length", "boxed").truncated_length);
}

TEST_CASE("overthinking: tokens after the first correct intermediate answer", "[behaviour]")
{
  Problem p;
  p.answer = "12";
  verifiers::NumericVerifier verifier;
  const std::string reasoning =
      "First try: the answer is 10. Hmm, that is off. Recount: so the answer is 12. Wait, let me verify once more "
      "by another route entirely, adding each part again carefully, and yes \\boxed{12} again.";
  const auto o = measure_overthinking(reasoning, 100, verifier, p);
  CHECK(o.intermediate_answers == 3);
  REQUIRE(o.first_correct);
  CHECK(*o.first_correct == 2);
  REQUIRE(o.tokens_after_first_correct);
  CHECK(*o.tokens_after_first_correct > 40.0);  // most of the words come after "answer is 12"
  CHECK(*o.tokens_after_first_correct < 80.0);
  CHECK_FALSE(measure_overthinking("no answers here", 10, verifier, p).first_correct);
  // "3.5." ends the sentence at the final dot, not inside the number.
  Problem half;
  half.answer = "3.5";
  CHECK(measure_overthinking("the answer is 3.5. done", 5, verifier, half).first_correct == std::optional<int>(1));
}

TEST_CASE("a whole sample analysed, and the rewards RL trainers take", "[behaviour]")
{
  Sample s;
  s.text = "So the answer is \\boxed{12}.";
  s.reasoning = "Add 5 and 7. Wait, let me check: 5 + 7 = 12. 所以答案是十二";
  s.finish_reason = "stop";
  s.response_json = R"({"choices":[{"message":{"content":"<think>)" + std::string("Add 5 and 7.") +
                    R"(</think>So the answer is \\boxed{12}."}}]})";
  s.usage.reasoning_tokens = 40;
  Problem p;
  p.answer = "12";
  verifiers::NumericVerifier verifier;
  const auto report = analyze(s, {}, &verifier, &p);
  CHECK(report.format.format_ok());
  CHECK(report.reflections.total == 2);
  CHECK(report.reflections_per_1k_tokens == Approx(50.0));
  CHECK(report.consistency < 1.0);
  CHECK(report.mixed);
  const std::string json = to_json(report);
  CHECK_THAT(json, Catch::Contains("\"format_ok\":true") && Catch::Contains("\"mixed\":true"));

  const auto names = parse_rewards("accuracy,format,language");
  Verdict correct{VerdictKind::correct, "12", "boxed"};
  const auto rewards = compute_rewards(names, correct, report);
  CHECK(rewards.at("accuracy") == 1.0);
  CHECK(rewards.at("format") == 1.0);
  CHECK(rewards.at("language") == Approx(report.consistency));
  CHECK_THROWS_WITH(parse_rewards("accuracy,fromat"),
                    "--rewards: unknown reward 'fromat', did you mean 'format'? (rewards: accuracy, format, language)");
}
