#include "harness/runner/plan.hpp"

#include <set>

#include "harness/core/error.hpp"
#include "harness/util/rng.hpp"

namespace rb::runner {

store::ItemKey Plan::key(const WorkItem& item) const
{
  return {models[item.model].config.label, suites[item.suite].suite.name,
          suites[item.suite].suite.problems[item.problem].id, item.sample};
}

const Problem& Plan::problem(const WorkItem& item) const
{
  return suites[item.suite].suite.problems[item.problem];
}

Plan build_plan(const config::RunConfig& config, const PlanFactories& factories)
{
  Plan plan;
  for (const auto& suite_config : config.suites) {
    PlannedSuite planned;
    planned.suite = factories.load_suite(suite_config, config.limit);
    planned.verifier = factories.make_verifier(planned.suite.verifier);
    plan.suites.push_back(std::move(planned));
  }
  for (const auto& model_config : config.models) {
    PlannedModel planned;
    planned.config = model_config;
    planned.adapter = factories.make_adapter(model_config);
    planned.simulated = factories.is_simulated(model_config);
    plan.models.push_back(std::move(planned));
  }
  if (factories.make_behaviour_analyzer) {
    plan.behaviour = factories.make_behaviour_analyzer();
  }
  for (int sample = 0; sample < config.samples; ++sample) {
    for (std::uint32_t s = 0; s < plan.suites.size(); ++s) {
      const auto problems = static_cast<std::uint32_t>(plan.suites[s].suite.problems.size());
      for (std::uint32_t p = 0; p < problems; ++p) {
        for (std::uint32_t m = 0; m < plan.models.size(); ++m) {
          plan.items.push_back({s, p, m, sample});
        }
      }
    }
  }
  // Keys are the store's identity of an item: two suites or models under one name would collide
  // (validate() rejects that configuration; this guards the invariant for every caller).
  for (std::size_t i = 0; i < plan.suites.size(); ++i) {
    std::set<std::string> ids;
    for (const auto& problem : plan.suites[i].suite.problems) {
      if (!ids.insert(problem.id).second) {
        throw ConfigError("suite '" + plan.suites[i].suite.name + "': problem id '" + problem.id + "' appears twice");
      }
    }
    for (std::size_t j = 0; j < i; ++j) {
      if (plan.suites[i].suite.name == plan.suites[j].suite.name) {
        throw ConfigError("suite '" + plan.suites[i].suite.name + "' is listed twice");
      }
    }
  }
  for (std::size_t i = 0; i < plan.models.size(); ++i) {
    for (std::size_t j = 0; j < i; ++j) {
      if (plan.models[i].config.label == plan.models[j].config.label) {
        throw ConfigError("model label '" + plan.models[i].config.label + "' is used twice");
      }
    }
  }
  return plan;
}

std::int64_t sample_seed(std::int64_t run_seed, int sample_index)
{
  const std::uint64_t mixed =
      util::mix_seed(static_cast<std::uint64_t>(run_seed), static_cast<std::uint64_t>(sample_index));
  return static_cast<std::int64_t>(mixed >> 33);
}

}  // namespace rb::runner
