#include <catch2/catch.hpp>

#include <string>

#include "adapters/sim/scenario.hpp"
#include "harness/core/error.hpp"
#include "tests/support/test_env.hpp"

using namespace rb;

namespace {

/// The ConfigError message of loading `text` as "bad.toml", or "" when it loads.
std::string load_error(const std::string& text)
{
  try {
    sim::load_scenario_string(text, "bad.toml");
  } catch (const ConfigError& error) {
    return error.what();
  }
  return "";
}

}  // namespace

TEST_CASE("the default scenario has the three SIMULATED quickstart models", "[sim]")
{
  const sim::Scenario scenario = sim::default_scenario();
  REQUIRE(scenario.models.size() == 3);
  const sim::SimModel* r1 = sim::find_model(scenario, "r1-like");
  const sim::SimModel* distill = sim::find_model(scenario, "distill-7b-like");
  const sim::SimModel* o1 = sim::find_model(scenario, "o1-like");
  REQUIRE(r1 != nullptr);
  REQUIRE(distill != nullptr);
  REQUIRE(o1 != nullptr);
  CHECK(sim::find_model(scenario, "gpt-5") == nullptr);

  CHECK(r1->accuracy == Approx(0.85));
  CHECK(r1->reasoning == sim::ReasoningStyle::think_tags);
  CHECK(r1->reasoning_tokens_mean == 1500);
  CHECK(r1->reasoning_tokens_sd == 500);
  CHECK(r1->answer_tokens_mean == 80);
  CHECK(r1->ttft_ms == 120);
  CHECK(r1->tokens_per_s == 3000);
  CHECK(r1->prices.input_per_mtok == Approx(0.55));
  CHECK(r1->prices.cached_input_per_mtok == Approx(0.14));
  CHECK(r1->prices.output_per_mtok == Approx(2.19));

  CHECK(distill->accuracy == Approx(0.6));
  CHECK(distill->reasoning == sim::ReasoningStyle::field);
  CHECK(distill->no_answer_rate == Approx(0.04));
  CHECK(distill->reasoning_tokens_mean == 800);
  CHECK(distill->ttft_ms == 60);
  CHECK(distill->tokens_per_s == 5000);
  CHECK(distill->prices.output_per_mtok == Approx(0.10));

  CHECK(o1->accuracy == Approx(0.9));
  CHECK(o1->reasoning == sim::ReasoningStyle::hidden);
  CHECK(o1->reasoning_tokens_mean == 2500);
  CHECK(o1->ttft_ms == 1500);
  CHECK(o1->prices.input_per_mtok == 15);
  CHECK(o1->prices.cached_input_per_mtok == 7.5);
  CHECK(o1->prices.output_per_mtok == 60);

  for (const sim::SimModel& model : scenario.models) {
    CHECK(model.description.find("SIMULATED") != std::string::npos);
  }
  CHECK_NOTHROW(sim::validate_scenario(scenario));
}

TEST_CASE("a scenario file sets every field", "[sim]")
{
  const sim::Scenario scenario = sim::load_scenario_string(R"(
seed = 7
chunk_tokens = 2
server_threads = 32
keep_alive_s = 1
require_api_key = "sk-test"

[[model]]
name = "m"
description = "SIMULATED m"
accuracy = 0.5
no_answer_rate = 0.1
reasoning_tokens_mean = 100
reasoning_tokens_sd = 10
answer_tokens_mean = 20
reasoning = "field"
ttft_ms = 5
tokens_per_s = 1000
[model.prices]
input_per_mtok = 1
cached_input_per_mtok = 0.5
output_per_mtok = 2

[faults]
rate_429 = 0.1
rate_500 = 0.05
rate_503 = 0.05
rate_reset = 0.1
rate_malformed = 0.1
rate_stall = 0.1
retry_after_s = 0.25
stall_ms = 100
max_faults_per_request = 3
)",
                                                           "good.toml");
  CHECK(scenario.seed == 7);
  CHECK(scenario.chunk_tokens == 2);
  CHECK(scenario.server_threads == 32);
  CHECK(scenario.keep_alive_s == 1);
  CHECK(scenario.require_api_key == "sk-test");
  CHECK(scenario.source == "good.toml");
  REQUIRE(scenario.models.size() == 1);
  const sim::SimModel& m = scenario.models[0];
  CHECK(m.name == "m");
  CHECK(m.accuracy == 0.5);
  CHECK(m.no_answer_rate == 0.1);
  CHECK(m.reasoning_tokens_mean == 100);
  CHECK(m.reasoning_tokens_sd == 10);
  CHECK(m.answer_tokens_mean == 20);
  CHECK(m.reasoning == sim::ReasoningStyle::field);
  CHECK(m.ttft_ms == 5);
  CHECK(m.tokens_per_s == 1000);
  CHECK(m.prices.input_per_mtok == 1);
  CHECK(m.prices.cached_input_per_mtok == 0.5);
  CHECK(m.prices.output_per_mtok == 2);
  CHECK(scenario.faults.rate_429 == 0.1);
  CHECK(scenario.faults.rate_500 == 0.05);
  CHECK(scenario.faults.rate_503 == 0.05);
  CHECK(scenario.faults.rate_reset == 0.1);
  CHECK(scenario.faults.rate_malformed == 0.1);
  CHECK(scenario.faults.rate_stall == 0.1);
  CHECK(scenario.faults.retry_after_s == 0.25);
  CHECK(scenario.faults.stall_ms == 100);
  CHECK(scenario.faults.max_faults_per_request == 3);
}

TEST_CASE("a scenario file without models serves the default models", "[sim]")
{
  const sim::Scenario scenario = sim::load_scenario_string("seed = 3\n", "s.toml");
  CHECK(scenario.seed == 3);
  CHECK(scenario.models.size() == 3);
  CHECK(sim::find_model(scenario, "o1-like") != nullptr);
}

TEST_CASE("scenario errors name the file, line and key", "[sim]")
{
  SECTION("unknown key with a suggestion")
  {
    CHECK(load_error("[[model]]\nname = \"m\"\nacuracy = 0.5\n") ==
          "bad.toml:3: key 'model[0].acuracy' unknown, did you mean 'accuracy'?");
    CHECK(load_error("seed = 1\n[faults]\nrate_492 = 0.1\n") ==
          "bad.toml:3: key 'faults.rate_492' unknown, did you mean 'rate_429'?");
    CHECK(load_error("[[models]]\nname = \"m\"\n") ==
          "bad.toml:1: key 'models' unknown, did you mean 'model'?");
  }
  SECTION("wrong type")
  {
    CHECK(load_error("[[model]]\nname = \"m\"\naccuracy = \"high\"\n") ==
          "bad.toml:3: key 'model[0].accuracy' must be a number, got string");
    CHECK(load_error("chunk_tokens = 2.5\n") ==
          "bad.toml:1: key 'chunk_tokens' must be an integer, got float");
    CHECK(load_error("faults = 3\n") == "bad.toml:1: key 'faults' must be a table, got integer");
  }
  SECTION("rate out of range, rates summing past 1, negative times")
  {
    CHECK(load_error("[faults]\nrate_429 = 1.5\n") ==
          "bad.toml:2: key 'faults.rate_429' must be in [0, 1], got 1.5");
    CHECK(load_error("[faults]\nrate_429 = 0.6\nrate_500 = 0.6\n") ==
          "bad.toml:1: key 'faults' rates sum to 1.2, must be at most 1");
    CHECK(load_error("[[model]]\nname = \"m\"\nttft_ms = -5\n") ==
          "bad.toml:3: key 'model[0].ttft_ms' must not be negative, got -5");
    CHECK(load_error("[faults]\nstall_ms = -1\n") ==
          "bad.toml:2: key 'faults.stall_ms' must not be negative, got -1");
    CHECK(load_error("server_threads = 0\n") ==
          "bad.toml:1: key 'server_threads' must be in [1, 4096], got 0");
  }
  SECTION("duplicate and missing model names")
  {
    CHECK(load_error("[[model]]\nname = \"m\"\n[[model]]\nname = \"m\"\n") ==
          "bad.toml:4: key 'model[1].name' duplicate model 'm' (also model[0])");
    CHECK(load_error("[[model]]\naccuracy = 0.5\n") ==
          "bad.toml:1: key 'model[0].name' missing (every [[model]] needs a name)");
  }
  SECTION("unknown reasoning style with a suggestion")
  {
    CHECK(load_error("[[model]]\nname = \"m\"\nreasoning = \"think_tag\"\n") ==
          "bad.toml:3: key 'model[0].reasoning' has unknown value 'think_tag' (think_tags, field or hidden), "
          "did "
          "you mean 'think_tags'?");
  }
  SECTION("syntax error and missing file")
  {
    const std::string error = load_error("seed = = 1\n");
    CHECK(error.rfind("bad.toml:1: TOML syntax error", 0) == 0);
    CHECK_THROWS_WITH(sim::load_scenario("/nonexistent/s.toml"),
                      "/nonexistent/s.toml: cannot read scenario file");
  }
}

TEST_CASE("validate_scenario checks scenarios built in code", "[sim]")
{
  sim::Scenario scenario = sim::default_scenario();
  scenario.models[1].accuracy = 1.5;
  CHECK_THROWS_WITH(sim::validate_scenario(scenario),
                    "built-in scenario: key 'model[1].accuracy' must be in [0, 1], got 1.5");
  scenario = sim::default_scenario();
  scenario.models[0].accuracy = 0.9;
  scenario.models[0].no_answer_rate = 0.2;
  CHECK_THROWS_WITH(sim::validate_scenario(scenario), Catch::Contains("model[0].no_answer_rate"));
}

TEST_CASE("the example scenarios load: instant.toml and faults.toml", "[sim]")
{
  const sim::Scenario instant = sim::load_scenario(test::source_dir() + "/examples/sim/instant.toml");
  const sim::Scenario faults = sim::load_scenario(test::source_dir() + "/examples/sim/faults.toml");
  REQUIRE(instant.models.size() == 3);
  REQUIRE(faults.models.size() == 3);
  CHECK(instant.seed == faults.seed);
  for (std::size_t i = 0; i < 3; ++i) {
    CHECK(instant.models[i].name == sim::default_scenario().models[i].name);
    CHECK(instant.models[i].ttft_ms == 0);
    CHECK(instant.models[i].tokens_per_s == 0);
    CHECK(faults.models[i].name == instant.models[i].name);
    CHECK(faults.models[i].accuracy == instant.models[i].accuracy);
    CHECK(faults.models[i].reasoning_tokens_mean == instant.models[i].reasoning_tokens_mean);
  }
  CHECK(instant.faults.rate_429 == 0);
  CHECK(instant.faults.rate_stall == 0);
  for (const double rate :
       {faults.faults.rate_429, faults.faults.rate_500, faults.faults.rate_503, faults.faults.rate_reset,
        faults.faults.rate_malformed, faults.faults.rate_stall}) {
    CHECK(rate == Approx(0.1));
  }
}

TEST_CASE("reasoning styles round-trip through their names", "[sim]")
{
  for (const auto style :
       {sim::ReasoningStyle::think_tags, sim::ReasoningStyle::field, sim::ReasoningStyle::hidden}) {
    CHECK(sim::parse_reasoning_style(sim::to_string(style)) == style);
  }
  CHECK_FALSE(sim::parse_reasoning_style("visible").has_value());
}
