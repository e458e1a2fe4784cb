#include "verifiers/behaviour/rewards.hpp"

#include <array>

#include "harness/core/error.hpp"
#include "harness/util/strings.hpp"

namespace rb::verifiers::behaviour {

namespace {
constexpr std::array<std::string_view, 3> k_rewards{"accuracy", "format", "language"};
}

std::span<const std::string_view> reward_names() { return k_rewards; }

std::vector<std::string> parse_rewards(std::string_view list)
{
  std::vector<std::string> known(k_rewards.begin(), k_rewards.end());
  std::vector<std::string> out;
  for (const auto& raw : util::split(list, ',')) {
    const std::string name(util::trim(raw));
    bool ok = false;
    for (const auto& k : known) {
      ok = ok || k == name;
    }
    if (!ok) {
      throw ConfigError("--rewards: unknown reward '" + name + "'" + util::did_you_mean(name, known) +
                        " (rewards: " + util::join(known, ", ") + ")");
    }
    for (const auto& seen : out) {
      if (seen == name) {
        throw ConfigError("--rewards: reward '" + name + "' is listed twice");
      }
    }
    out.push_back(name);
  }
  return out;
}

std::map<std::string, double> compute_rewards(std::span<const std::string> names, const Verdict& verdict,
                                              const BehaviourReport& behaviour)
{
  std::map<std::string, double> out;
  for (const auto& name : names) {
    if (name == "accuracy") {
      out[name] = verdict.correct() ? 1.0 : 0.0;
    } else if (name == "format") {
      out[name] = behaviour.format.format_ok() ? 1.0 : 0.0;
    } else if (name == "language") {
      out[name] = behaviour.consistency;
    }
  }
  return out;
}

}  // namespace rb::verifiers::behaviour
