#pragma once
// Scorer specs (docs/strategies.md, "Reward models"): how a run names its reward model.
//   sim:NAME          a SIMULATED reward model of serve-sim (REASONBENCH_SIM_URL, default
//                     http://127.0.0.1:8377), sent each item's oracle answer
//   URL#NAME          POST URL with {"model": NAME, "items": [...]} (http:// or https://)
#include <memory>
#include <string>
#include <string_view>

#include "harness/core/scorer.hpp"

namespace rb::adapters {

struct ScorerSpec {
  std::string url;     ///< the endpoint to POST to
  std::string model;   ///< sent as "model"
  bool simulated = false;
};

/// Parses `spec`; `where` names its origin for errors ("--scorer", "cfg.toml:4 [run] scorer").
/// Throws ConfigError.
ScorerSpec parse_scorer_spec(std::string_view spec, std::string_view where);

/// A scorer for `spec`, its API key read from the environment variable `api_key_env` (if any).
/// Throws ConfigError.
std::unique_ptr<Scorer> make_scorer(std::string_view spec, std::string_view api_key_env, std::string_view where);

}  // namespace rb::adapters
