#pragma once
// Scenario and config files for integration tests that run the real binary against serve-sim.
#include <string>

namespace rb::test {

struct SimScenarioOptions {
  double ttft_ms = 0;
  double fault_rate = 0;     ///< per fault class
  double stall_ms = 3000;
  std::string require_api_key;
};

/// A scenario with two models ("r1-like": think tags, "distill": reasoning field) whose answers
/// depend only on the seed and models, never on timing or faults: runs against two scenarios
/// built here with different options must end with the same verdicts.
std::string sim_scenario(const SimScenarioOptions& options);

}  // namespace rb::test
