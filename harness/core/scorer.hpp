#pragma once
// Scorer: gives responses a score, e.g. an external reward model, for best-of-N selection and
// weighted majority voting (harness/stats/majority.hpp). It exists so the run loop knows
// nothing of the reward model's wire format. Implementations: HttpScorer
// (adapters/reward/http_scorer.cpp, serve-sim answers it too); tests use a fake.
#include <expected>
#include <span>
#include <string>
#include <vector>

#include "harness/core/error.hpp"

namespace rb {

struct ScoreRequest {
  std::string problem;   ///< the problem statement
  std::string response;  ///< the answer part of the sample (reasoning removed)
  std::string oracle;    ///< a correct final answer, sent only to simulated reward models
};

class Scorer {
 public:
  virtual ~Scorer() = default;
  /// Stored with each score ("rm:http://host/v1/reward#my-prm").
  virtual std::string name() const = 0;
  /// Scores a batch: one score per request, in order, or an Error for the whole batch.
  /// Blocking; called from one thread at a time.
  virtual std::expected<std::vector<double>, Error> score(std::span<const ScoreRequest> batch) = 0;
};

}  // namespace rb
