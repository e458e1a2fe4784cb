#include <catch2/catch.hpp>

#include "tests/unit/test_puzzle_support.hpp"
#include "verifiers/exact/rational_expression.hpp"
#include "verifiers/puzzles/answer_extract.hpp"
#include "verifiers/puzzles/countdown_verifier.hpp"

using namespace rb;

namespace {

Problem countdown(const std::string& numbers, int target, const char* use = "all")
{
  Problem p;
  p.id = "t";
  p.checker_data =
      "{\"numbers\":[" + numbers + "],\"target\":" + std::to_string(target) + ",\"use\":\"" + use + "\"}";
  return p;
}

Verdict grade(const Problem& p, const std::string& text)
{
  return test::grade_text(verifiers::CountdownVerifier(), p, text);
}

}  // namespace

TEST_CASE("rational expressions: exact values, literals, and the reasons for refusing",
          "[puzzles][countdown]")
{
  using verifiers::evaluate_expression;
  CHECK(evaluate_expression("8 / (3 - 8 / 3)")->value == "24");
  CHECK(evaluate_expression("1 / 3 + 1 / 6")->value == "1/2");
  CHECK(evaluate_expression("-(3 - 5) * 007")->value == "14");
  CHECK(evaluate_expression("-(3 - 5) * 007")->literals == std::vector<std::string>{"3", "5", "7"});
  CHECK(evaluate_expression("2 ** 3").error() == "'**' (power) is not allowed");
  CHECK(evaluate_expression("7 // 2").error() == "'//' (floor division) is not allowed");
  CHECK(evaluate_expression("2 ^ 3").error() == "'^' (power) is not allowed");
  CHECK(evaluate_expression("5 / (3 - 3)").error() == "division by zero");
  CHECK(evaluate_expression("2.5 * 4").error() == "'2.5' is not an integer");
  CHECK(evaluate_expression("2(3 + 4)").error() == "unexpected '(' at character 2 (write products with '*')");
  CHECK(evaluate_expression("(1 + 2").error() == "missing ')'");
  CHECK(evaluate_expression("1 + 2)").error() == "unbalanced ')' at character 6");
  CHECK(evaluate_expression("x + 1").error() == "unexpected 'x' at character 1");
  CHECK(evaluate_expression("").error() == "empty expression");
  CHECK(evaluate_expression(std::string(300, '(') + "1" + std::string(300, ')')).error() ==
        "the expression nests too deeply");
  CHECK(verifiers::normalize_expression("$(6 \\times 4) \\div [2 - 1]$") == "(6 * 4) / (2 - 1)");
  CHECK(verifiers::normalize_expression("\\frac{6}{1+1} \xc3\x97 8") == "((6)/(1+1)) * 8");
}

TEST_CASE("countdown verifier: each verdict says why", "[puzzles][countdown]")
{
  const Problem p = countdown("96,7,37,74", 55);
  const Problem q = countdown("3,5,7", 22);  // 3 * 5 + 7 = 22
  CHECK(grade(q, "<answer> 3 * 5 + 7 </answer>").kind == VerdictKind::correct);
  CHECK(grade(q, "<answer> 3 * 5 + 7 </answer>").detail ==
        "answer tag: evaluates to 22, using every number exactly once");
  CHECK(grade(q, "<answer>3 * 5 + 7 + 7</answer>").detail ==
        "answer tag: uses 7 twice, but it is given once");
  CHECK(grade(q, "<answer>3 * 5 + 8</answer>").detail ==
        "answer tag: uses 8, which is not one of the numbers [3, 5, 7]");
  CHECK(grade(q, "<answer>3 * 7 + 1</answer>").detail ==
        "answer tag: uses 1, which is not one of the numbers [3, 5, 7]");
  CHECK(grade(q, "<answer>5 * 3</answer>").detail ==
        "answer tag: does not use 7 (every number must be used exactly once)");
  CHECK(grade(q, "<answer>3 + 5 + 7</answer>").detail == "answer tag: evaluates to 15, not 22");
  CHECK(grade(q, "<answer>3 ** 5 + 7</answer>").detail ==
        "answer tag: '3 ** 5 + 7' is not a valid expression: '**' (power) is not allowed");
  CHECK(grade(p, "<answer>96 - 74 + 37 - 7</answer>").detail == "answer tag: evaluates to 52, not 55");
  // Subset rule: leaving numbers out is allowed, using one twice is not.
  const Problem s = countdown("3,5,7,100", 22, "subset");
  CHECK(grade(s, "<answer>3 * 5 + 7</answer>").kind == VerdictKind::correct);
  CHECK(grade(s, "<answer>3 * 5 + 7 + 0 * 3</answer>").detail ==
        "answer tag: uses 0, which is not one of the numbers [3, 5, 7, 100]");
}

TEST_CASE("countdown verifier: the answer formats models use", "[puzzles][countdown]")
{
  const Problem q = countdown("3,5,7", 22);
  for (const std::string text :
       {"<answer>(3 * 5) + 7</answer>", "so \\boxed{3 \\times 5 + 7}", "Answer: 3*5+7 = 22",
        "The answer is $3 \\cdot 5 + 7$.", "We get it.\n3 * 5 + 7 = 22", "<answer>22 = 3 * 5 + 7</answer>",
        "<answer> 3 × 5 + 7 </answer>", "<think>try 3+5</think> <answer>3*5+7</answer>",
        "final answer:\n\n  7 + 5 * 3."}) {
    INFO(text);
    CHECK(grade(q, text).kind == VerdictKind::correct);
  }
  // The claimed result does not decide: the expression does.
  CHECK(grade(q, "<answer>3 * 5 - 7 = 22</answer>").detail == "answer tag: evaluates to 8, not 22");
  CHECK(grade(q, "<answer>3 * 5 = 15 + 7 = 22</answer>").kind == VerdictKind::incorrect);
  CHECK(grade(q, "").kind == VerdictKind::no_answer);
  CHECK(grade(q, "I could not find it.").kind == VerdictKind::no_answer);
  CHECK(grade(q, "<answer>no idea</answer>").kind == VerdictKind::incorrect);
  // Equivalent expressions vote together; the vote is the numbers used and the value.
  CHECK(grade(q, "<answer>3 * 5 + 7</answer>").vote == grade(q, "<answer>7 + 5 * 3</answer>").vote);
  CHECK(grade(q, "<answer>3 * 5 + 7</answer>").vote == "3,5,7=22");
  CHECK_THAT(grade(q, "<answer>3 * 5 + 7</answer>").data, Catch::Contains("\"value\":\"22\""));
}

TEST_CASE("answer extraction: tag, boxed, phrase, last line or paragraph", "[puzzles]")
{
  using verifiers::AnswerShape;
  using verifiers::extract_answer;
  CHECK(extract_answer("x <answer>a</answer> y <answer> b </answer>", AnswerShape::line)->text == "b");
  CHECK(extract_answer("x <answer>a</answer> y <answer> </answer>", AnswerShape::line)->text == "a");
  CHECK(extract_answer("<answer>unclosed tail", AnswerShape::line)->text == "unclosed tail");
  CHECK(extract_answer("so \\boxed{\\frac{1}{2}} done", AnswerShape::line)->text == "\\frac{1}{2}");
  CHECK(extract_answer("so \\boxed{\\frac{1}{2}} done", AnswerShape::line)->rule == "boxed");
  CHECK(extract_answer("The answer is **(B)**.\nThanks", AnswerShape::line)->text == "(B).");
  CHECK(extract_answer("Answer:\n\nrow1\nrow2", AnswerShape::block)->text == "row1\nrow2");
  CHECK(extract_answer("Answer:\n\nrow1\nrow2", AnswerShape::line)->text == "row1");
  CHECK(extract_answer("blah\n\n12\n34\n", AnswerShape::block)->text == "12\n34");
  CHECK(extract_answer("blah\n\n12\n34\n", AnswerShape::block)->rule == "last paragraph (fallback)");
  CHECK(extract_answer("blah\nlast one\n\n", AnswerShape::line)->text == "last one");
  CHECK(!extract_answer(" \n ", AnswerShape::line));
}
