// Finding the final answer in a whole response (verifiers/math/extract.hpp).
#include <catch2/catch.hpp>

#include "verifiers/math/extract.hpp"

using rb::verifiers::math::extract_answer;
using rb::verifiers::math::last_boxed;

namespace {
std::string answer(const std::string& response)
{
  const auto e = extract_answer(response);
  return e ? e->answer : "<none>";
}
std::string rule(const std::string& response)
{
  const auto e = extract_answer(response);
  return e ? e->rule : "<none>";
}
}  // namespace

TEST_CASE("the last box wins, with nested braces", "[math][extract]")
{
  CHECK(answer("so \\boxed{1} then \\boxed{\\frac{1}{2}}") == "\\frac{1}{2}");
  CHECK(answer("\\boxed{\\boxed{5}}") == "\\boxed{5}");
  CHECK(answer("\\fbox{7}") == "7");
  CHECK(answer("$\\framebox{204}$ minutes") == "204");
  CHECK(answer("x = \\boxed{\\left( 3, \\frac{\\pi}{2} \\right)}.") == "\\left( 3, \\frac{\\pi}{2} \\right)");
  CHECK(answer("\\boxed 5 apples") == "5");
  CHECK(rule("the answer is \\boxed{3}") == "boxed");
}

TEST_CASE("boxes joined only by separators are one answer, others are not", "[math][extract]")
{
  CHECK(answer("The roots are \\boxed{1} and \\boxed{3}.") == "1, 3");
  CHECK(answer("\\[ \\boxed{-2} \\quad \\text{and} \\quad \\boxed{1}. \\]") == "-2, 1");
  CHECK(answer("\\boxed{(1, 2)}, \\boxed{(2, 1)}") == "(1, 2), (2, 1)");
  CHECK(answer("\\boxed{1} no no no no no \\boxed{2}") == "2");
  CHECK(answer("First \\boxed{12}. Wait, I forgot 3 apples, so $\\boxed{15}$") == "15");
  CHECK(rule("\\boxed{1} and \\boxed{2}") == "boxed (2 boxes joined)");
}

TEST_CASE("empty and unclosed boxes are not answers", "[math][extract]")
{
  CHECK(answer("After simplifying we obtain \\boxed{}.") == "<none>");
  CHECK(answer("The value is 4 and then \\boxed{12") == "4");
}

TEST_CASE("answer phrases: the last one that gives a value", "[math][extract]")
{
  CHECK(answer("The answer is 42.") == "42");
  CHECK(answer("Final Answer: The final answer is $\\frac{3}{4}$. I hope it is correct.") == "\\frac{3}{4}");
  CHECK(answer("We need 6*7.\n#### 42") == "42");
  CHECK(answer("Result: 0.5") == "0.5");
  CHECK(answer("Comparing, the correct option is (B).") == "(B)");
  CHECK(answer("Answer $ 9 $") == "9");
  CHECK(answer("Answer \\( (9+1) \\)") == "(9+1)");
  CHECK(answer("Final Answer: The largest $n$ is 34.") == "34");
  CHECK(answer("Final Answer: Jane started growing Sphere 3 hours ago. I hope it is correct.") == "3");
  CHECK(answer("The answer is Tuesday.") == "Tuesday");
  CHECK(answer("I hope my answer is correct. So 12.") == "12");
}

TEST_CASE("a retracted or negated value gives the committed one", "[math][extract]")
{
  CHECK(answer("The answer is not 5; it is 6.") == "6");
  CHECK(answer("The answer is 12 (not 13).") == "12");
  CHECK(answer("The answer is not 5.") == "<none>");
  CHECK(answer("the number is not 10 which is 1,000.99\u20ac") == "1,000.99");
}

TEST_CASE("a bare answer is taken whole", "[math][extract]")
{
  CHECK(answer("$x \\in [-2,7]$") == "x \\in [-2,7]");
  CHECK(answer("1 and 2 and 3") == "1 and 2 and 3");
  CHECK(answer("\\text{Carla and Evelyn}") == "\\text{Carla and Evelyn}");
  CHECK(answer("4:30 PM") == "4:30 PM");
  CHECK(rule("\\{1, 2\\}") == "whole response");
}

TEST_CASE("fallbacks are reported as such", "[math][extract]")
{
  const auto e = extract_answer("So the year was 2014.");
  REQUIRE(e);
  CHECK(e->answer == "2014");
  CHECK(e->fallback);
  CHECK(e->rule == "last number (fallback)");
  CHECK(answer("Thus $x <= 2$ is our answer.") == "x <= 2");
  CHECK(answer("The solution is $x = 2$, $y = 3$.") == "x = 2, y = 3");
  CHECK(answer("P(A) = (1/2) * (4/3) P(A) = 2/3 Therefore, the probability is 2/3.") == "2/3");
  CHECK(answer("I think it's 5 or 6") == "5, 6");  // a hedge names both
  CHECK(answer("no numbers here at all") == "<none>");
  CHECK(answer("AZYUK2A") == "<none>");  // a digit inside a word is not a number
}

TEST_CASE("a hallucinated next turn is cut off", "[math][extract]")
{
  CHECK(answer("The answer is $\\boxed{36}$.\n\nUser: Now solve 7 times 8.\nAssistant: The answer is $\\boxed{56}$.") ==
        "36");
  CHECK(answer("Therefore it is 2/3. <|im_start|>user\nWhat is 1+1?<|im_end|>\\boxed{2}") == "2/3");
  CHECK(answer("Final Answer: The final answer is 5.\n\nProblem:\nFind 2+2.\n\nSolution:\nThe answer is 4.") == "5");
}

TEST_CASE("a choice letter written with its value keeps both", "[math][extract]")
{
  const auto e = extract_answer("The answer is \\textbf{(C)} 12.");
  REQUIRE(e);
  CHECK(e->answer == "C");
  CHECK(e->alternative == "12");
  const auto boxed = extract_answer("So $\\boxed{\\textbf{(C)}\\ \\frac{5}{2}}$");
  REQUIRE(boxed);
  CHECK(boxed->answer == "C");
  CHECK(boxed->alternative == "\\frac{5}{2}");
}

TEST_CASE("last_boxed reports the joined boxes", "[math][extract]")
{
  int joined = 0;
  std::vector<std::string> parts;
  CHECK(last_boxed("$\\boxed{15\\frac{39}{40}}$, or $\\boxed{\\frac{639}{40}}$", &joined, &parts) ==
        "15\\frac{39}{40}, \\frac{639}{40}");
  CHECK(joined == 2);
  CHECK(parts == std::vector<std::string>{"15\\frac{39}{40}", "\\frac{639}{40}"});
  CHECK_FALSE(last_boxed("no box"));
}
