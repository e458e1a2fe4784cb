#pragma once
// Private to adapters/sim: the one place scenario ranges are checked, shared by the TOML reader
// (which maps the key to a file line) and validate_scenario (which has no lines).
#include <optional>
#include <string>

#include "adapters/sim/scenario.hpp"

namespace rb::sim::detail {

struct ScenarioIssue {
  std::string key;      ///< TOML path with [index] for arrays: "model[1].accuracy", "faults"
  std::string message;  ///< what is wrong, quoting the value: "must be in [0, 1], got 1.5"
};

/// The first problem in `scenario`, or nothing when it is valid.
std::optional<ScenarioIssue> find_scenario_issue(const Scenario& scenario);

}  // namespace rb::sim::detail
