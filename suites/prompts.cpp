#include "suites/prompts.hpp"

#include <string>
#include <vector>

#include "harness/core/error.hpp"
#include "harness/util/strings.hpp"

namespace rb::suites {

std::span<const PromptTemplate> boxed_answer_prompts()
{
  static const std::vector<PromptTemplate> k_prompts{
      {"cot", "", "{problem}\nPlease reason step by step, and put your final answer within \\boxed{}."},
      {"direct", "", "{problem}\nGive only the final answer, within \\boxed{}, with no explanation."},
  };
  return k_prompts;
}

PromptTemplate select_prompt(std::span<const PromptTemplate> variants, std::string_view name,
                             std::string_view suite)
{
  if (name.empty()) {
    return variants.front();
  }
  std::vector<std::string> names;
  for (const auto& v : variants) {
    if (v.name == name) {
      return v;
    }
    names.push_back(v.name);
  }
  throw ConfigError("suite '" + std::string(suite) + "': unknown prompt variant '" + std::string(name) + "'" +
                    util::did_you_mean(name, names) + " (variants: " + util::join(names, ", ") + ")");
}

}  // namespace rb::suites
