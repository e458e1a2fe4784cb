#pragma once
// The behaviour stage of the run loop (docs/behaviour.md): on the grading thread, right after
// grade(), the sample's reasoning behaviour is measured with the plan's BehaviourAnalyzer and
// the suite's verifier; the coordinating thread stores it with the verdict, in the same batch.
#include <cstdint>
#include <optional>

#include "harness/core/behaviour.hpp"
#include "harness/runner/plan.hpp"
#include "harness/store/store.hpp"

namespace rb::runner {

/// Thread-safe (the analyzer and verifiers are). Nothing when the plan has no analyzer.
std::optional<Behaviour> analyze_behaviour(const Plan& plan, const WorkItem& item, const Sample& sample);

/// Stores `behaviour` as the analysis of sample `sample_id`; does nothing when it is empty.
void store_behaviour(store::Store& store, const Plan& plan, std::int64_t sample_id,
                     const std::optional<Behaviour>& behaviour);

}  // namespace rb::runner
