#include "verifiers/registry.hpp"

#include <string>
#include <vector>

#include "harness/core/error.hpp"
#include "harness/util/strings.hpp"
#include "verifiers/code/code_verifier.hpp"
#include "verifiers/exact/bbh_verifier.hpp"
#include "verifiers/exact/numeric_verifier.hpp"
#include "verifiers/math/math_verifier.hpp"
#include "verifiers/puzzles/countdown_verifier.hpp"
#include "verifiers/puzzles/cruxeval_verifier.hpp"
#include "verifiers/puzzles/cryptarithm_verifier.hpp"
#include "verifiers/puzzles/knights_verifier.hpp"
#include "verifiers/puzzles/linear_system_verifier.hpp"
#include "verifiers/puzzles/shortest_path_verifier.hpp"
#include "verifiers/puzzles/sudoku_verifier.hpp"
#include "verifiers/puzzles/zebra_verifier.hpp"
#include "verifiers/sandbox/sandbox.hpp"

namespace rb::verifiers {

namespace {
const std::vector<VerifierKind>& table()
{
  static const std::vector<VerifierKind> k_table{
      {"numeric", "one number, compared exactly as a rational (no tolerance)",
       [] { return std::make_unique<NumericVerifier>(); }},
      // Math (docs/math.md): answer extraction, LaTeX parsing, exact and identity-tested equivalence.
      {"math", "the final answer (boxed, phrase or fallback) equivalent to the gold: exact, sets, intervals, units",
       [] { return std::make_unique<MathVerifier>(); }},
      // Puzzles (docs/puzzles.md): validity checks where several answers are valid.
      {"countdown", "an expression over the given numbers (TinyZero rule) equal to the target, exactly (GMP)",
       [] { return std::make_unique<CountdownVerifier>(); }},
      {"knights_and_knaves", "every inhabitant's role, equal to the unique solution",
       [] { return std::make_unique<KnightsVerifier>(); }},
      {"sudoku", "a full grid keeping the givens, each digit once per row, column and box",
       [] { return std::make_unique<SudokuVerifier>(); }},
      {"zebra", "a full arrangement satisfying every clue", [] { return std::make_unique<ZebraVerifier>(); }},
      {"shortest_path", "a valid path of the shortest length", [] { return std::make_unique<ShortestPathVerifier>(); }},
      {"cryptarithm", "distinct digits, no leading zero, a true sum", [] { return std::make_unique<CryptarithmVerifier>(); }},
      {"linear_system", "values satisfying every equation exactly", [] { return std::make_unique<LinearSystemVerifier>(); }},
      {"bbh", "exact match in the BBH task's answer form", [] { return std::make_unique<BbhVerifier>(); }},
      {"cruxeval", "CRUXEval prediction checked by running f in the namespace sandbox",
       [] { return std::make_unique<CruxevalVerifier>(sandbox::shared_sandbox(sandbox::Isolation::namespaces)); }},
      {"cruxeval_weak", "CRUXEval prediction checked in the WEAK sandbox (rlimits and seccomp only)",
       [] { return std::make_unique<CruxevalVerifier>(sandbox::shared_sandbox(sandbox::Isolation::weak)); }},
      // Code (docs/code.md): the sandbox computes values, the harness compares them.
      {"code", "programs run in the namespace sandbox; values or stdout compared outside it",
       [] { return std::make_unique<code::CodeVerifier>(sandbox::Isolation::namespaces); }},
      {"code-weak", "programs run in the WEAK sandbox (rlimits and seccomp only, host files visible)",
       [] { return std::make_unique<code::CodeVerifier>(sandbox::Isolation::weak); }},
  };
  return k_table;
}
}  // namespace

std::span<const VerifierKind> verifier_kinds() { return table(); }

std::unique_ptr<Verifier> make_verifier(std::string_view name)
{
  std::vector<std::string> names;
  for (const auto& kind : table()) {
    if (kind.name == name) {
      return kind.make();
    }
    names.emplace_back(kind.name);
  }
  throw ConfigError("unknown verifier '" + std::string(name) + "'" + util::did_you_mean(name, names));
}

}  // namespace rb::verifiers
