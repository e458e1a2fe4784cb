#pragma once
// The Plan: suites x models x samples, expanded into work items. Building it loads every suite
// and builds every adapter and verifier up front, so configuration errors surface before any
// request is paid for. The factories are injected (the CLI passes the registries), so the
// runner depends only on the interfaces of harness/core.
#include <cstdint>
#include <functional>
#include <memory>
#include <string_view>
#include <vector>

#include "harness/config/config.hpp"
#include "harness/core/adapter.hpp"
#include "harness/core/behaviour.hpp"
#include "harness/core/problem.hpp"
#include "harness/core/verifier.hpp"
#include "harness/store/store.hpp"

namespace rb::runner {

struct PlanFactories {
  /// Loads a suite; `run_limit` applies when the suite sets no limit of its own.
  std::function<Suite(const config::SuiteConfig& suite, int run_limit)> load_suite;
  std::function<std::unique_ptr<Verifier>(std::string_view name)> make_verifier;
  std::function<std::unique_ptr<Adapter>(const config::ModelConfig& model)> make_adapter;
  std::function<bool(const config::ModelConfig& model)> is_simulated;
  /// Optional: the reasoning-behaviour analysis stored with each verdict (docs/behaviour.md).
  std::function<std::unique_ptr<BehaviourAnalyzer>()> make_behaviour_analyzer;
};

struct PlannedSuite {
  Suite suite;
  std::unique_ptr<Verifier> verifier;
  std::vector<std::int64_t> problem_refs;  ///< problems.id per problem (set by the run loop)
};

struct PlannedModel {
  config::ModelConfig config;
  std::unique_ptr<Adapter> adapter;
  bool simulated = false;
};

struct WorkItem {
  std::uint32_t suite = 0;
  std::uint32_t problem = 0;
  std::uint32_t model = 0;
  std::int32_t sample = 0;
};

struct Plan {
  std::vector<PlannedSuite> suites;
  std::vector<PlannedModel> models;
  /// Sample-major order (every problem's first sample before any second sample), models
  /// interleaved, so a partial run covers all problems evenly.
  std::vector<WorkItem> items;
  std::unique_ptr<BehaviourAnalyzer> behaviour;  ///< null: no behaviour analysis

  store::ItemKey key(const WorkItem& item) const;
  const Problem& problem(const WorkItem& item) const;
};

/// Throws ConfigError (from a factory) naming the suite or model at fault.
Plan build_plan(const config::RunConfig& config, const PlanFactories& factories);

/// The per-sample seed sent to the endpoint: a mix of the run's seed and the sample index,
/// in [0, 2^31) so every API accepts it.
std::int64_t sample_seed(std::int64_t run_seed, int sample_index);

}  // namespace rb::runner
