#include "suites/loaders/math_prompts.hpp"

#include <vector>

namespace rb::suites {

namespace {

constexpr const char* k_cot = "{problem}\nPlease reason step by step, and put your final answer within \\boxed{}.";
constexpr const char* k_direct = "{problem}\nGive only the final answer, within \\boxed{}, with no explanation.";

// Worked examples written for this harness (not from any benchmark's test split).
constexpr const char* k_math_fewshot =
    "Problem:\nWhat is the sum of the interior angles of a hexagon, in degrees?\n\n"
    "Solution:\nA polygon with $n$ sides has interior angles summing to $(n-2)\\cdot 180^\\circ$. For $n=6$ "
    "this is $4\\cdot 180 = 720$.\nFinal Answer: The final answer is $720$. I hope it is correct.\n\n"
    "Problem:\nSimplify $\\sqrt{72}$.\n\n"
    "Solution:\nSince $72 = 36\\cdot 2$, we have $\\sqrt{72} = \\sqrt{36}\\sqrt{2} = 6\\sqrt{2}$.\n"
    "Final Answer: The final answer is $6\\sqrt{2}$. I hope it is correct.\n\n"
    "Problem:\nIf $3x - 7 = 11$, what is the value of $x$?\n\n"
    "Solution:\nAdding 7 to both sides gives $3x = 18$, so $x = 6$.\n"
    "Final Answer: The final answer is $6$. I hope it is correct.\n\n"
    "Problem:\nA bag holds 3 red and 5 blue marbles. Two marbles are drawn without replacement. What is the "
    "probability that both are red? Express your answer as a common fraction.\n\n"
    "Solution:\nThe first marble is red with probability $\\frac{3}{8}$; then the second is red with probability "
    "$\\frac{2}{7}$. The probability is $\\frac{3}{8}\\cdot\\frac{2}{7} = \\frac{6}{56} = \\frac{3}{28}$.\n"
    "Final Answer: The final answer is $\\frac{3}{28}$. I hope it is correct.\n\n"
    "Problem:\n{problem}\n\nSolution:";

constexpr const char* k_gsm8k_fewshot =
    "Question: A baker makes 24 muffins in the morning and 18 in the afternoon. She sells 30 of them. How many "
    "muffins are left?\n"
    "Answer: She makes 24 + 18 = 42 muffins. After selling 30, 42 - 30 = 12 are left. The answer is 12.\n\n"
    "Question: Tom reads 20 pages a day. How many days does he need to finish a 180-page book?\n"
    "Answer: He needs 180 / 20 = 9 days. The answer is 9.\n\n"
    "Question: A shirt costs $25 and is on sale for 20% off. How much does it cost on sale?\n"
    "Answer: The discount is 25 * 0.2 = 5 dollars, so the shirt costs 25 - 5 = 20 dollars. The answer is 20.\n\n"
    "Question: Maria has 3 boxes with 12 pencils each. She gives 10 pencils to a friend. How many pencils does "
    "she have left?\n"
    "Answer: She has 3 * 12 = 36 pencils. After giving 10 away, 36 - 10 = 26 remain. The answer is 26.\n\n"
    "Question: {problem}\nAnswer:";

}  // namespace

std::span<const PromptTemplate> math_prompts()
{
  static const std::vector<PromptTemplate> k_prompts{
      {"cot", "", k_cot},
      {"direct", "", k_direct},
      {"fewshot", "", k_math_fewshot},
  };
  return k_prompts;
}

std::span<const PromptTemplate> gsm8k_prompts()
{
  static const std::vector<PromptTemplate> k_prompts{
      {"cot", "", k_cot},
      {"direct", "", k_direct},
      {"fewshot", "", k_gsm8k_fewshot},
  };
  return k_prompts;
}

}  // namespace rb::suites
