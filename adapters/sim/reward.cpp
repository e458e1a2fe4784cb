// serve-sim's SIMULATED reward models (reward.hpp).
#include "adapters/sim/reward.hpp"

#include <algorithm>
#include <array>
#include <vector>

#include "adapters/sim/responder.hpp"
#include "adapters/sim/wire_json.hpp"
#include "harness/util/rng.hpp"
#include "harness/util/strings.hpp"

namespace rb::sim::detail {

namespace {

constexpr std::array<SimRewardModel, 2> k_reward_models{{
    {"prm", 0.75, 0.35, 0.15, "separates correct from wrong answers well (AUC about 0.97)"},
    {"noisy-prm", 0.55, 0.45, 0.20, "a weak signal (AUC about 0.64): best-of-N gains little"},
}};

constexpr std::uint64_t k_reward_salt = 0x7265776172645f31ULL;  // "reward_1"

std::vector<std::string> model_names()
{
  std::vector<std::string> names;
  for (const auto& m : k_reward_models) {
    names.emplace_back(m.name);
  }
  return names;
}

}  // namespace

const SimRewardModel* find_reward_model(std::string_view name)
{
  const auto it = std::find_if(k_reward_models.begin(), k_reward_models.end(),
                               [name](const SimRewardModel& m) { return m.name == name; });
  return it == k_reward_models.end() ? nullptr : &*it;
}

double sim_reward(const SimRewardModel& model, std::string_view problem, std::string_view response,
                  std::string_view oracle)
{
  const std::string_view answer = util::trim(response);
  const std::string_view gold = util::trim(oracle);
  double mean = (model.correct_mean + model.wrong_mean) / 2;
  if (!gold.empty()) {
    mean = answer.ends_with(gold) ? model.correct_mean : model.wrong_mean;
  }
  std::uint64_t key = util::fnv1a64(model.name);
  key = util::fnv1a64(problem, key);
  key = util::fnv1a64(response, key);
  util::SplitMix64 rng(key ^ k_reward_salt);
  return std::clamp(mean + model.sd * rng.normal(), 0.0, 1.0);
}

void handle_reward(const httplib::Request& req, httplib::Response& res)
{
  Json body;
  try {
    body = Json::parse(req.body);
  } catch (const std::exception&) {
    respond_error(res, bad_request("serve-sim /v1/reward: the body is not JSON"));
    return;
  }
  if (!body.is_object() || !body.contains("model") || !body["model"].is_string() || !body.contains("items") ||
      !body["items"].is_array()) {
    respond_error(res, bad_request("serve-sim /v1/reward: expected {\"model\": string, \"items\": [...]}"));
    return;
  }
  const std::string name = body["model"].get<std::string>();
  const SimRewardModel* model = find_reward_model(name);
  if (model == nullptr) {
    respond_error(res, WireError{404, "invalid_request_error", "model_not_found",
                                 "serve-sim: no reward model '" + name + "'" +
                                     util::did_you_mean(name, model_names()) + " (reward models: " +
                                     util::join(model_names(), ", ") + ")"});
    return;
  }
  Json scores = Json::array();
  for (std::size_t i = 0; i < body["items"].size(); ++i) {
    const Json& item = body["items"][i];
    const auto text = [&item](const char* key) {
      return item.is_object() && item.contains(key) && item[key].is_string() ? item[key].get<std::string>()
                                                                             : std::string();
    };
    if (!item.is_object() || !item.contains("response") || !item["response"].is_string()) {
      respond_error(res, bad_request("serve-sim /v1/reward: items[" + std::to_string(i) +
                                     "] needs a string \"response\""));
      return;
    }
    scores.push_back(sim_reward(*model, text("problem"), text("response"), text("oracle")));
  }
  Json reply = Json::object();
  reply["model"] = name;
  reply["scores"] = std::move(scores);
  res.set_content(dump(reply), "application/json");
}

}  // namespace rb::sim::detail
