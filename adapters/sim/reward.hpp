#pragma once
// Private to adapters/sim: serve-sim's SIMULATED reward models, POST /v1/reward
// (docs/serve-sim.md, "Reward models"; the wire format of adapters/reward/http_scorer.hpp).
#include <httplib.h>

#include <string>
#include <string_view>

namespace rb::sim::detail {

/// A simulated reward model: scores ~ Normal(mean, sd) clipped to [0, 1], where the mean is
/// `correct_mean` when the response ends with the item's oracle answer and `wrong_mean` when it
/// does not (no oracle: the average of the two). The noise is a function of (model, problem,
/// response) only, so a response always gets the same score.
struct SimRewardModel {
  std::string_view name;
  double correct_mean;
  double wrong_mean;
  double sd;
  std::string_view description;
};

/// The built-in reward models ("prm", "noisy-prm"); nullptr for an unknown name.
const SimRewardModel* find_reward_model(std::string_view name);

/// The score `model` gives `response` to `problem` (oracle may be empty).
double sim_reward(const SimRewardModel& model, std::string_view problem, std::string_view response,
                  std::string_view oracle);

/// Handles POST /v1/reward: {"model", "items": [{"problem", "response", "oracle"?}]} ->
/// {"model", "scores": [...]}; a malformed body or unknown model is a 400/404 JSON error.
void handle_reward(const httplib::Request& req, httplib::Response& res);

}  // namespace rb::sim::detail
