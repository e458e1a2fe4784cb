#pragma once
// Prompt variants of the puzzle suites: the answer goes inside <answer> </answer> tags (the
// TinyZero and Logic-RL format); each problem's text says what the answer looks like.
#include <span>

#include "harness/core/problem.hpp"

namespace rb::suites {

/// "cot" (think step by step, then the tagged answer; the default) and "direct" (answer only).
std::span<const PromptTemplate> answer_tag_prompts();

}  // namespace rb::suites
