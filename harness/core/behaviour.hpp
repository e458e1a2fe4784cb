#pragma once
// BehaviourAnalyzer: measures how one Sample reasoned (format, truncation, language consistency,
// reflections, repetition, overthinking) next to its Verdict, on the grading path. It exists so
// that the run loop and `reasonbench grade` store the same analysis while the runner knows only
// harness/core. Implementation: verifiers/behaviour/analyzer.hpp (RuleBehaviourAnalyzer, which
// is deterministic and cheap, so tests use it directly). docs/behaviour.md defines each figure.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "harness/core/problem.hpp"
#include "harness/core/sample.hpp"
#include "harness/core/verifier.hpp"

namespace rb {

/// The figures reports aggregate on (the columns of the store's `behaviours` table) and the
/// whole analysis as one JSON object.
struct Behaviour {
  bool format_ok = false;         ///< one closed reasoning block before an answer of the asked form
  bool truncated = false;         ///< finish_reason "length", unclosed reasoning, or no answer after it
  bool mixed = false;             ///< language mixing in the reasoning or the answer
  double consistency = 1.0;       ///< target-language share of the reasoning's words (R1 reward)
  bool reasoning_visible = false; ///< the reasoning text was returned (not hidden, not empty)
  std::int64_t reflections = 0;   ///< reflection / self-verification markers in the reasoning
  std::int64_t reasoning_tokens = 0;  ///< reported, else estimated from the visible reasoning
  double repeated_ngram_ratio = 0;
  bool loop = false;              ///< the text ends in one phrase repeated (degenerate repetition)
  std::optional<double> tokens_after_first_correct;  ///< overthinking; none: no correct intermediate answer
  std::string json;               ///< every figure (docs/behaviour.md)
};

class BehaviourAnalyzer {
 public:
  virtual ~BehaviourAnalyzer() = default;
  /// Bumped whenever a figure could change, so stored analyses say which rules made them.
  virtual std::string_view version() const = 0;
  /// Thread-safe, bounded in time, never throws. `verifier` (may be null: no overthinking
  /// figure) checks the intermediate answers found in the reasoning.
  virtual Behaviour analyze(const Problem& problem, const Sample& sample, const Verifier* verifier) const = 0;
};

}  // namespace rb
