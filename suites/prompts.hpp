#pragma once
// Prompt variants shared by suites. The R1 recommendation: no system prompt, the instruction in
// the user turn ("Please reason step by step, and put your final answer within \boxed{}.").
#include <span>
#include <string_view>

#include "harness/core/problem.hpp"

namespace rb::suites {

/// "cot" (the R1-style instruction, the default) and "direct" (final answer only).
std::span<const PromptTemplate> boxed_answer_prompts();

/// The variant named `name` ("" = the first), or ConfigError naming the suite and the variants.
PromptTemplate select_prompt(std::span<const PromptTemplate> variants, std::string_view name,
                             std::string_view suite);

}  // namespace rb::suites
