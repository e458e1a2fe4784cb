#include "suites/loaders/puzzle_prompts.hpp"

#include <vector>

namespace rb::suites {

std::span<const PromptTemplate> answer_tag_prompts()
{
  static const std::vector<PromptTemplate> k_prompts{
      {"cot", "",
       "{problem}\n\nThink step by step, then give your final answer inside <answer> </answer> tags."},
      {"direct", "",
       "{problem}\n\nGive only the final answer inside <answer> </answer> tags, with no explanation."},
  };
  return k_prompts;
}

}  // namespace rb::suites
