// serve-sim's reasoning behaviours (adapters/sim/sim_behaviour.cpp), checked with the same
// analyses reports use (verifiers/behaviour/): mixing, loops, early answers, reflection rates.
#include <catch2/catch.hpp>

#include <string>

#include "adapters/sim/generation.hpp"
#include "adapters/sim/scenario.hpp"
#include "adapters/sim/sim_behaviour.hpp"
#include "adapters/sim/sim_text.hpp"
#include "harness/core/reasoning.hpp"
#include "harness/util/strings.hpp"
#include "tests/support/test_env.hpp"
#include "verifiers/behaviour/language.hpp"
#include "verifiers/behaviour/overthinking.hpp"
#include "verifiers/behaviour/reflection.hpp"
#include "verifiers/behaviour/repetition.hpp"
#include "verifiers/exact/numeric_verifier.hpp"

using namespace rb;
using namespace rb::sim::detail;
namespace vb = rb::verifiers::behaviour;

namespace {

sim::SimModel model_with(double mixing, double loops, double early, int reflection_one_in = 40)
{
  sim::SimModel m;
  m.name = std::string("m");
  m.reasoning_tokens_mean = 300;
  m.reasoning_tokens_sd = 50;
  m.answer_tokens_mean = 15;
  m.accuracy = 1.0;
  m.language_mixing_rate = mixing;
  m.loop_rate = loops;
  m.intermediate_answer_rate = early;
  m.reflection_one_in = reflection_one_in;
  return m;
}

std::string reasoning_of(const sim::SimModel& model, std::uint64_t key, std::optional<std::int64_t> budget = {})
{
  return split_reasoning(render(model, generate(model, {key, "\\boxed{42}", budget})).content).reasoning;
}

}  // namespace

TEST_CASE("behaviour draws follow the model's rates, per request and reproducibly", "[sim][behaviour]")
{
  const auto model = model_with(0.2, 0.1, 0.5);
  int mixes = 0;
  int loops = 0;
  int early = 0;
  const int n = 4000;
  for (int key = 0; key < n; ++key) {
    const auto d = draw_behaviours(model, static_cast<std::uint64_t>(key));
    mixes += d.mixes_language ? 1 : 0;
    loops += d.loops ? 1 : 0;
    early += d.answers_early ? 1 : 0;
    CHECK(draw_behaviours(model, static_cast<std::uint64_t>(key)).loops == d.loops);
  }
  CHECK(mixes / double(n) == Approx(0.2).margin(0.03));
  CHECK(loops / double(n) == Approx(0.1).margin(0.02));
  CHECK(early / double(n) == Approx(0.5).margin(0.03));
  const auto none = model_with(0, 0, 0);
  for (int key = 0; key < 200; ++key) {
    const auto d = draw_behaviours(none, static_cast<std::uint64_t>(key));
    CHECK_FALSE((d.mixes_language || d.loops || d.answers_early));
  }
}

TEST_CASE("mixing puts a Chinese stretch into English reasoning, and the check flags it", "[sim][behaviour]")
{
  const auto mixing = model_with(1.0, 0, 0);
  const auto plain = model_with(0, 0, 0);
  for (std::uint64_t key = 1; key <= 20; ++key) {
    const auto mixed = vb::language_shares(reasoning_of(mixing, key), "en");
    CHECK(mixed.han >= 8);
    CHECK(vb::is_mixed(mixed));
    CHECK(mixed.target_share() < 0.95);
    CHECK_FALSE(vb::is_mixed(vb::language_shares(reasoning_of(plain, key), "en")));
  }
  // The same request keeps its outcome and length whatever the behaviour rates.
  const auto a = generate(mixing, {7, "\\boxed{42}", std::nullopt});
  const auto b = generate(plain, {7, "\\boxed{42}", std::nullopt});
  CHECK(a.reasoning_tokens == b.reasoning_tokens);
  CHECK(a.answer_tokens == b.answer_tokens);
  CHECK(a.outcome == b.outcome);
}

TEST_CASE("a looping sample repeats one phrase to its budget and never answers", "[sim][behaviour]")
{
  const auto looping = model_with(0, 1.0, 0);
  const auto budget = generate(looping, {3, "\\boxed{42}", 700});
  CHECK(budget.truncated);
  CHECK(budget.answer_tokens == 0);
  CHECK(budget.reasoning_tokens == 700);
  const auto text = render(looping, budget).content;
  CHECK(text.find("</think>") == std::string::npos);
  const auto repetition = vb::measure_repetition(split_reasoning(text).reasoning);
  CHECK(repetition.loop);
  CHECK(repetition.loop_period >= 6);
  CHECK(repetition.loop_period <= 10);
  CHECK(repetition.repeated_ngram_ratio > 0.4);
  // Without a budget it stops at its drawn length, still cut ("length").
  const auto unbounded = generate(looping, {3, "\\boxed{42}", std::nullopt});
  CHECK(unbounded.truncated);
  CHECK(unbounded.reasoning_tokens == generate(model_with(0, 0, 0), {3, "\\boxed{42}", std::nullopt}).reasoning_tokens);
  CHECK_FALSE(vb::measure_repetition(reasoning_of(model_with(0, 0, 0), 3)).loop);
}

TEST_CASE("an early answer in the reasoning is found and checked as overthinking", "[sim][behaviour]")
{
  const auto early = model_with(0, 0, 1.0);
  Problem problem;
  problem.answer = "42";
  const verifiers::NumericVerifier verifier;
  for (std::uint64_t key = 1; key <= 20; ++key) {
    const std::string reasoning = reasoning_of(early, key);
    CHECK(reasoning.find("so the answer is 42.") != std::string::npos);
    const auto o = vb::measure_overthinking(reasoning, 300, verifier, problem);
    REQUIRE(o.tokens_after_first_correct);
    CHECK(*o.tokens_after_first_correct >= 0.35 * 300);  // said between 20% and 60% of the way
    CHECK(*o.tokens_after_first_correct <= 0.82 * 300);
  }
  CHECK(unboxed("So it is \\boxed{\\frac{1}{2}}.") == "\\frac{1}{2}");
  CHECK(unboxed(" 17 ") == "17");
}

TEST_CASE("reflection_one_in sets how often the reasoning reflects", "[sim][behaviour]")
{
  const auto rate = [](int one_in) {
    double markers = 0;
    for (std::uint64_t key = 1; key <= 30; ++key) {
      markers += static_cast<double>(vb::count_reflections(reasoning_of(model_with(0, 0, 0, one_in), key)).total);
    }
    return markers;
  };
  CHECK(rate(0) == 0);
  CHECK(rate(10) > 2 * rate(60));
}

TEST_CASE("the built-in models differ in behaviour, and the instant twins match them", "[sim][behaviour]")
{
  const auto defaults = sim::default_scenario().models;
  REQUIRE(defaults.size() == 3);
  CHECK(defaults[0].language_mixing_rate > 0);  // r1-like: reflects often, mixes, answers early
  CHECK(defaults[0].intermediate_answer_rate > 0);
  CHECK(defaults[0].reflection_one_in < defaults[1].reflection_one_in);
  CHECK(defaults[1].loop_rate > 0);  // distill-7b-like: loops until the budget
  CHECK(defaults[0].loop_rate == 0);
  CHECK(defaults[2].reasoning == sim::ReasoningStyle::hidden);  // o1-like
  for (const char* file : {"/examples/sim/instant.toml", "/examples/sim/faults.toml"}) {
    const auto models = sim::load_scenario(test::source_dir() + file).models;
    REQUIRE(models.size() == 3);
    for (std::size_t i = 0; i < 3; ++i) {
      INFO(file << " model " << i);
      CHECK(models[i].reflection_one_in == defaults[i].reflection_one_in);
      CHECK(models[i].language_mixing_rate == defaults[i].language_mixing_rate);
      CHECK(models[i].loop_rate == defaults[i].loop_rate);
      CHECK(models[i].intermediate_answer_rate == defaults[i].intermediate_answer_rate);
    }
  }
  CHECK_THROWS_WITH(sim::load_scenario_string("[[model]]\nname = \"m\"\nloop_rate = 1.5\n", "s.toml"),
                    "s.toml:3: key 'model[0].loop_rate' must be in [0, 1], got 1.5");
}
