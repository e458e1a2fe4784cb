#pragma once
// `reasonbench grade --rewards accuracy,format,language`: the rule-based rewards of the R1
// report for each graded generation (from a file, or stored samples with --db), added to its output line (docs/behaviour.md has the shape
// and an example). The checks are verifiers/behaviour/'s, as stored by `run` and `grade --db`.
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "harness/core/problem.hpp"
#include "harness/core/sample.hpp"
#include "harness/core/verdict.hpp"
#include "harness/core/verifier.hpp"

namespace rb::cli {

/// One generation as `grade --in` read it.
struct GradedText {
  std::string response;  ///< the model's whole output, reasoning tags included
  std::string reasoning; ///< reasoning from the "reasoning" field and the tags
  std::string answer;    ///< the answer part
  std::string finish_reason;
  bool unclosed = false;
};

class RewardLine {
 public:
  /// Throws ConfigError naming an unknown reward ("--rewards: unknown reward 'x', did you mean...").
  explicit RewardLine(std::string_view list);

  /// Adds "rewards" (an object with one value per reward asked) and "reward" (their sum) to `line`.
  void add(nlohmann::json& line, const PromptTemplate& prompt, const Problem& problem, const GradedText& text,
           const Verifier& verifier, const Verdict& verdict) const;
  /// The same for a stored sample (`grade --db`): checked against the prompt of its stored request.
  void add(nlohmann::json& line, const Problem& problem, const Sample& sample, const Verifier& verifier,
           const Verdict& verdict) const;

 private:
  std::vector<std::string> m_names;
};

}  // namespace rb::cli
