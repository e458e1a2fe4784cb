#pragma once
// Rule-based rewards for RL (the R1 report): accuracy from the verdict, format from the format
// check, language from the consistency score. `reasonbench grade --rewards accuracy,format,language`
// writes them per sample as JSON Lines (docs/behaviour.md has the shape and an example).
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "harness/core/verdict.hpp"
#include "verifiers/behaviour/behaviour.hpp"

namespace rb::verifiers::behaviour {

/// The reward names: "accuracy" (1 correct, else 0), "format" (1 when format_ok), "language"
/// (the consistency score in [0, 1]).
std::span<const std::string_view> reward_names();

/// Parses "accuracy,format,language"; throws ConfigError naming an unknown reward (with a
/// suggestion).
std::vector<std::string> parse_rewards(std::string_view list);

std::map<std::string, double> compute_rewards(std::span<const std::string> names, const Verdict& verdict,
                                              const BehaviourReport& behaviour);

}  // namespace rb::verifiers::behaviour
