#include "harness/runner/behaviour_stage.hpp"

namespace rb::runner {

std::optional<Behaviour> analyze_behaviour(const Plan& plan, const WorkItem& item, const Sample& sample)
{
  if (!plan.behaviour) {
    return std::nullopt;
  }
  return plan.behaviour->analyze(plan.problem(item), sample, plan.suites[item.suite].verifier.get());
}

void store_behaviour(store::Store& store, const Plan& plan, std::int64_t sample_id,
                     const std::optional<Behaviour>& behaviour)
{
  if (behaviour && plan.behaviour) {
    store.insert_behaviour({sample_id, std::string(plan.behaviour->version()), *behaviour});
  }
}

}  // namespace rb::runner
