#pragma once
// Majority voting (maj@k, the R1 report's cons@64) and best-of-N selection over the samples of
// one problem. Votes are grouped by Verdict::vote, the verifier's canonical form of the answer,
// so 1/2, 0.5 and \frac{1}{2} are one vote; samples without an extractable answer do not vote.
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace rb::stats {

struct Ballot {
  std::string vote;     ///< canonical answer; empty: does not vote
  bool correct = false; ///< the verdict of this sample
  double weight = 1.0;  ///< for weighted majority (a reward model's score); must be >= 0
};

/// How a tie between the most-voted answers is settled (declared in every report).
enum class TieRule {
  first_seen,  ///< the tied answer that appears first in sample order wins (deterministic)
  fractional,  ///< credit = share of the tied answers that are correct (the expected score of a
               ///< uniformly random tie-break)
  incorrect,   ///< a tie scores 0 (the strictest reading)
};

std::string_view to_string(TieRule rule);
/// Nothing for an unknown name.
bool parse_tie_rule(std::string_view name, TieRule& rule);

struct MajorityOutcome {
  double score = 0;      ///< 1 correct, 0 not, or a fraction under TieRule::fractional
  std::string winner;    ///< the winning vote ("" when nobody voted)
  int tied = 0;          ///< how many answers shared the top count (1: no tie)
};

/// The majority vote of `ballots` (the samples in sample order). Weighted: sums weights instead
/// of counting. No votes at all: score 0. An answer's correctness is that of its first ballot
/// (every ballot of one vote is equivalent, so their verdicts agree).
MajorityOutcome majority(std::span<const Ballot> ballots, TieRule rule, bool weighted = false);

struct Candidate {
  double score = 0;          ///< the selector's signal (reward model score...)
  std::int64_t tokens = 0;   ///< output tokens
  bool has_answer = false;   ///< an answer was extracted
  bool correct = false;
};

enum class Selector {
  reward,    ///< highest score (an external reward model)
  shortest,  ///< fewest output tokens among samples with an answer
  longest,   ///< most output tokens among samples with an answer
  oracle,    ///< any correct sample: equals pass@N, an upper bound, labelled as such
};

std::string_view to_string(Selector selector);
bool parse_selector(std::string_view name, Selector& selector);

/// 1 when the candidate the selector picks is correct, else 0; ties go to the earliest sample.
double best_of_n(std::span<const Candidate> candidates, Selector selector);

}  // namespace rb::stats
