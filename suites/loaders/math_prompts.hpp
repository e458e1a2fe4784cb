#pragma once
// Prompt variants of the math suites: "cot" (the R1 instruction, "Please reason step by step,
// and put your final answer within \boxed{}.", the default), "direct" (final answer only) and
// "fewshot" (worked examples for base models, ending "Final Answer: The final answer is X.").
// GSM8K's few-shot examples are grade-school word problems ending "The answer is X.".
#include <span>

#include "harness/core/problem.hpp"

namespace rb::suites {

std::span<const PromptTemplate> math_prompts();
std::span<const PromptTemplate> gsm8k_prompts();

}  // namespace rb::suites
