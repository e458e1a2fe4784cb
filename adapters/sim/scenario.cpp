#include "adapters/sim/scenario.hpp"

#include <fmt/format.h>

#include <array>
#include <map>

#include "adapters/sim/scenario_check.hpp"
#include "harness/core/error.hpp"

namespace rb::sim {

namespace {

constexpr std::array<std::pair<ReasoningStyle, std::string_view>, 3> k_styles = {{
    {ReasoningStyle::think_tags, "think_tags"},
    {ReasoningStyle::field, "field"},
    {ReasoningStyle::hidden, "hidden"},
}};

SimModel make_model(std::string name, std::string description, double accuracy, ReasoningStyle style,
                    double reasoning_mean, double reasoning_sd, double answer_mean)
{
  SimModel model;
  model.name = std::move(name);
  model.description = std::move(description);
  model.accuracy = accuracy;
  model.reasoning = style;
  model.reasoning_tokens_mean = reasoning_mean;
  model.reasoning_tokens_sd = reasoning_sd;
  model.answer_tokens_mean = answer_mean;
  return model;
}

std::optional<std::string> outside(double value, double lo, double hi)
{
  if (value >= lo && value <= hi) {
    return std::nullopt;
  }
  return fmt::format("must be in [{}, {}], got {}", lo, hi, value);
}

std::optional<std::string> negative(double value)
{
  if (value >= 0) {
    return std::nullopt;
  }
  return fmt::format("must not be negative, got {}", value);
}

std::optional<detail::ScenarioIssue> model_issue(const SimModel& model, const std::string& prefix)
{
  const auto issue = [&](std::string_view field, std::string message) {
    return detail::ScenarioIssue{prefix + std::string(field), std::move(message)};
  };
  if (model.name.empty()) {
    return issue("name", "missing (every model needs a non-empty name)");
  }
  const std::pair<std::string_view, std::optional<std::string>> checks[] = {
      {"accuracy", outside(model.accuracy, 0, 1)},
      {"no_answer_rate", outside(model.no_answer_rate, 0, 1)},
      {"language_mixing_rate", outside(model.language_mixing_rate, 0, 1)},
      {"loop_rate", outside(model.loop_rate, 0, 1)},
      {"intermediate_answer_rate", outside(model.intermediate_answer_rate, 0, 1)},
      {"reflection_one_in", negative(model.reflection_one_in)},
      {"reasoning_tokens_mean", negative(model.reasoning_tokens_mean)},
      {"reasoning_tokens_sd", negative(model.reasoning_tokens_sd)},
      {"answer_tokens_mean", negative(model.answer_tokens_mean)},
      {"ttft_ms", negative(model.ttft_ms)},
      {"tokens_per_s", negative(model.tokens_per_s)},
      {"prices.input_per_mtok", negative(model.prices.input_per_mtok)},
      {"prices.output_per_mtok", negative(model.prices.output_per_mtok)},
  };
  for (const auto& [field, message] : checks) {
    if (message) {
      return issue(field, *message);
    }
  }
  if (model.accuracy + model.no_answer_rate > 1 + 1e-9) {
    return issue("no_answer_rate", fmt::format("plus accuracy must be at most 1, got {} + {}",
                                               model.no_answer_rate, model.accuracy));
  }
  return std::nullopt;
}

std::optional<detail::ScenarioIssue> faults_issue(const Faults& faults)
{
  const std::pair<std::string_view, double> rates[] = {
      {"rate_429", faults.rate_429},
      {"rate_500", faults.rate_500},
      {"rate_503", faults.rate_503},
      {"rate_reset", faults.rate_reset},
      {"rate_malformed", faults.rate_malformed},
      {"rate_stall", faults.rate_stall},
  };
  double sum = 0;
  for (const auto& [field, rate] : rates) {
    if (auto message = outside(rate, 0, 1)) {
      return detail::ScenarioIssue{"faults." + std::string(field), *message};
    }
    sum += rate;
  }
  if (sum > 1 + 1e-9) {
    return detail::ScenarioIssue{"faults", fmt::format("rates sum to {}, must be at most 1", sum)};
  }
  if (auto message = negative(faults.retry_after_s)) {
    return detail::ScenarioIssue{"faults.retry_after_s", *message};
  }
  if (auto message = negative(faults.stall_ms)) {
    return detail::ScenarioIssue{"faults.stall_ms", *message};
  }
  if (faults.max_faults_per_request < 0) {
    return detail::ScenarioIssue{"faults.max_faults_per_request",
                                 fmt::format("must not be negative, got {}", faults.max_faults_per_request)};
  }
  return std::nullopt;
}

}  // namespace

std::string_view to_string(ReasoningStyle style)
{
  for (const auto& [value, name] : k_styles) {
    if (value == style) {
      return name;
    }
  }
  return "think_tags";
}

std::optional<ReasoningStyle> parse_reasoning_style(std::string_view name)
{
  for (const auto& [value, style_name] : k_styles) {
    if (style_name == name) {
      return value;
    }
  }
  return std::nullopt;
}

Scenario default_scenario()
{
  Scenario scenario;
  scenario.source = "built-in scenario";

  SimModel r1 = make_model("r1-like",
                           "SIMULATED R1-like: accurate, long <think> reasoning that reflects often, states "
                           "its answer early and sometimes mixes in Chinese; cheap tokens",
                           0.85, ReasoningStyle::think_tags, 1500, 500, 80);
  r1.reflection_one_in = 30;
  r1.language_mixing_rate = 0.2;
  r1.intermediate_answer_rate = 0.6;
  r1.ttft_ms = 120;
  r1.tokens_per_s = 3000;
  r1.prices = Prices{0.55, 0.14, 2.19};

  SimModel distill = make_model("distill-7b-like",
                                "SIMULATED distilled-7B-like: less accurate, shorter reasoning in "
                                "reasoning_content that reflects rarely and sometimes loops until the budget",
                                0.6, ReasoningStyle::field, 800, 300, 50);
  distill.reflection_one_in = 150;
  distill.loop_rate = 0.12;
  distill.no_answer_rate = 0.04;
  distill.ttft_ms = 60;
  distill.tokens_per_s = 5000;
  distill.prices = Prices{0.05, -1, 0.10};

  SimModel o1 =
      make_model("o1-like", "SIMULATED o1-like: hidden reasoning counted in reasoning_tokens, expensive", 0.9,
                 ReasoningStyle::hidden, 2500, 800, 40);
  o1.ttft_ms = 1500;
  o1.tokens_per_s = 4000;
  o1.prices = Prices{15, 7.5, 60};

  scenario.models = {std::move(r1), std::move(distill), std::move(o1)};
  return scenario;
}

const SimModel* find_model(const Scenario& scenario, const std::string& name)
{
  for (const SimModel& model : scenario.models) {
    if (model.name == name) {
      return &model;
    }
  }
  return nullptr;
}

namespace detail {

std::optional<ScenarioIssue> find_scenario_issue(const Scenario& scenario)
{
  if (scenario.chunk_tokens < 1) {
    return ScenarioIssue{"chunk_tokens", fmt::format("must be at least 1, got {}", scenario.chunk_tokens)};
  }
  if (scenario.server_threads < 1 || scenario.server_threads > k_max_server_threads) {
    return ScenarioIssue{"server_threads", fmt::format("must be in [1, {}], got {}", k_max_server_threads,
                                                       scenario.server_threads)};
  }
  if (auto message = negative(scenario.keep_alive_s)) {
    return ScenarioIssue{"keep_alive_s", *message};
  }
  std::map<std::string, std::size_t> seen;
  for (std::size_t i = 0; i < scenario.models.size(); ++i) {
    const std::string prefix = fmt::format("model[{}].", i);
    if (auto issue = model_issue(scenario.models[i], prefix)) {
      return issue;
    }
    const auto [it, inserted] = seen.emplace(scenario.models[i].name, i);
    if (!inserted) {
      return ScenarioIssue{prefix + "name", fmt::format("duplicate model '{}' (also model[{}])",
                                                        scenario.models[i].name, it->second)};
    }
  }
  return faults_issue(scenario.faults);
}

}  // namespace detail

void validate_scenario(const Scenario& scenario)
{
  if (auto issue = detail::find_scenario_issue(scenario)) {
    const std::string source = scenario.source.empty() ? "scenario" : scenario.source;
    throw ConfigError(fmt::format("{}: key '{}' {}", source, issue->key, issue->message));
  }
}

}  // namespace rb::sim
