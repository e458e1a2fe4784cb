#pragma once
// A reward model behind HTTP (docs/strategies.md, "Reward models"): POST {url} with
// {"model": NAME, "items": [{"problem": ..., "response": ...}]}, answered with
// {"scores": [number, ...]} (one per item, in order). Retries 429/5xx/connection errors with
// backoff; the API key, if any, goes in an Authorization header and nowhere else.
#include <chrono>
#include <memory>
#include <string>

#include "harness/core/scorer.hpp"

namespace rb::adapters {

struct HttpScorerOptions {
  std::string url;            ///< e.g. http://localhost:8001/v1/reward
  std::string model;          ///< sent as "model"
  std::string api_key;        ///< from the environment; may be empty
  std::string label;          ///< name() when set (the spec as the user wrote it); else rm:URL#model
  bool send_oracle = false;   ///< simulated reward models only (serve-sim)
  int max_retries = 4;
  std::chrono::milliseconds timeout{60000};
  std::chrono::milliseconds backoff{500};
};

class HttpScorer : public Scorer {
 public:
  explicit HttpScorer(HttpScorerOptions options);
  std::string name() const override;
  std::expected<std::vector<double>, Error> score(std::span<const ScoreRequest> batch) override;

 private:
  HttpScorerOptions m_options;
};

}  // namespace rb::adapters
