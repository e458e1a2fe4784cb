#pragma once
// Connects the run loop to the registries of suites, verifiers and adapters. Only the CLI knows
// every layer; the runner sees the factories alone.
#include "harness/runner/plan.hpp"

namespace rb::cli {

runner::PlanFactories registry_factories();

}  // namespace rb::cli
