// Budget forcing (adapters/budget_forcing.cpp) against a scripted model: the waits, the forced
// end of thinking, the summed usage, the stored rounds, errors, and the configuration rule.
#include <catch2/catch.hpp>

#include <future>
#include <mutex>

#include <nlohmann/json.hpp>

#include "adapters/budget_forcing.hpp"
#include "adapters/registry.hpp"
#include "harness/core/error.hpp"
#include "tests/support/fake_adapter.hpp"

using namespace rb;

namespace {

std::string words(int n, const std::string& word)
{
  std::string out;
  for (int i = 0; i < n; ++i) {
    out += word + " ";
  }
  return out;
}

/// The inner model: each round thinks `step` tokens ("hmm"); with `close`, it ends its
/// thinking and answers "answer 7". A max_tokens below `step` cuts it mid-thought. A prompt
/// that already ends the thinking gets the answer alone ("42").
struct Script {
  int step = 30;
  bool close = true;
  int fail_on_round = 0;  ///< 1-based; 0: never
  std::mutex mutex;
  std::vector<Request> seen;

  std::expected<Sample, Error> answer(const Request& r)
  {
    std::lock_guard lock(mutex);
    seen.push_back(r);
    if (fail_on_round == static_cast<int>(seen.size())) {
      return std::unexpected(Error{ErrorKind::http, "HTTP 500", 500});
    }
    const std::string& prompt = r.messages.at(0).content;
    Sample s;
    s.usage.reported = true;
    s.usage.prompt_tokens = 10;
    s.response_json = "{\"round\":" + std::to_string(seen.size()) + "}";
    if (prompt.ends_with("</think>\n\n")) {
      s.text = "42";
      s.finish_reason = "stop";
      s.usage.completion_tokens = 1;
      return s;
    }
    const int budget = r.params.max_tokens ? static_cast<int>(*r.params.max_tokens) : 1 << 20;
    if (budget < step || !close) {
      s.text = words(std::min(step, budget), "hmm");  // no closing tag: all of it is thinking
      s.finish_reason = budget < step ? "length" : "stop";
      s.usage.completion_tokens = std::min(step, budget);
      return s;
    }
    s.reasoning = words(step, "hmm");  // the split put what came before </think> here
    s.text = "answer 7";
    s.finish_reason = "stop";
    s.usage.completion_tokens = step + 2;
    s.usage.reasoning_tokens = step;
    return s;
  }
};

Sample generate(Adapter& adapter, const Request& request)
{
  std::promise<std::expected<Sample, Error>> promise;
  adapter.start(request, [&](std::expected<Sample, Error> r) { promise.set_value(std::move(r)); });
  auto result = promise.get_future().get();
  if (!result) {
    throw std::runtime_error(result.error().message);
  }
  return *result;
}

Request question()
{
  Request r;
  r.messages = {Message{"user", "What is 6+1?"}};
  r.params.max_tokens = 4096;
  return r;
}

}  // namespace

TEST_CASE("budget forcing: an early end of thinking becomes Wait, up to max_waits", "[adapters][strategies]")
{
  Script script;
  adapters::BudgetForcingOptions options;
  options.min_thinking = 100;
  options.max_waits = 2;
  options.prefix = "<|user|>";
  options.suffix = "<|assistant|>";
  auto adapter = adapters::make_budget_forcing_adapter(
      std::make_unique<test::FakeAdapter>([&](const Request& r) { return script.answer(r); }), options);
  const Sample s = generate(*adapter, question());
  REQUIRE(script.seen.size() == 3);  // 30 + 30 + 30 tokens: two waits, then the end is accepted
  CHECK(script.seen[0].messages[0].content == "<|user|>What is 6+1?<|assistant|><think>\n");
  CHECK(script.seen[1].messages[0].content.ends_with("hmm\nWait"));
  CHECK(script.seen[2].messages[0].content.ends_with("hmm\nWait"));
  CHECK(s.text == "answer 7");
  CHECK(s.finish_reason == "stop");
  CHECK(s.reasoning == words(30, "hmm").substr(0, 119) + "\nWait" + words(30, "hmm").substr(0, 119) + "\nWait" +
                           words(30, "hmm"));
  CHECK(s.usage.completion_tokens == 3 * 32);
  CHECK(s.usage.reasoning_tokens == 90);
  CHECK(s.usage.prompt_tokens == 30);  // every round re-sends the prompt
  const auto response = nlohmann::json::parse(s.response_json);
  CHECK(response["budget_forcing"]["waits"] == 2);
  CHECK(response["budget_forcing"]["forced_end"] == false);
  CHECK(response["rounds"].size() == 3);
  const auto request = nlohmann::json::parse(s.request_json);
  CHECK(request["rounds"].size() == 3);
  CHECK(request["budget_forcing"]["min_thinking"] == 100);
}

TEST_CASE("budget forcing: thinking long enough ends without a wait", "[adapters][strategies]")
{
  Script script;
  script.step = 150;
  adapters::BudgetForcingOptions options;
  options.min_thinking = 100;
  options.max_waits = 5;
  auto adapter = adapters::make_budget_forcing_adapter(
      std::make_unique<test::FakeAdapter>([&](const Request& r) { return script.answer(r); }), options);
  const Sample s = generate(*adapter, question());
  CHECK(script.seen.size() == 1);
  CHECK(s.text == "answer 7");
  CHECK(s.reasoning.find("Wait") == std::string::npos);
}

TEST_CASE("budget forcing: a spent budget forces the end of thinking, then asks for the answer", "[adapters][strategies]")
{
  Script script;
  script.step = 80;
  adapters::BudgetForcingOptions options;
  options.max_thinking = 50;
  options.answer_tokens = 64;
  auto adapter = adapters::make_budget_forcing_adapter(
      std::make_unique<test::FakeAdapter>([&](const Request& r) { return script.answer(r); }), options);
  const Sample s = generate(*adapter, question());
  REQUIRE(script.seen.size() == 2);
  CHECK(*script.seen[0].params.max_tokens == 50);
  CHECK(script.seen[1].messages[0].content.ends_with(words(50, "hmm") + "</think>\n\n"));
  CHECK(*script.seen[1].params.max_tokens == 64);
  CHECK(s.text == "42");
  CHECK(s.reasoning == words(50, "hmm"));
  CHECK(s.usage.reasoning_tokens == 50);
  CHECK(s.usage.completion_tokens == 51);
  CHECK(nlohmann::json::parse(s.response_json)["budget_forcing"]["forced_end"] == true);
}

TEST_CASE("budget forcing: waits and the budget together", "[adapters][strategies]")
{
  // Ignore the end of thinking up to 10 times, but never think past 70 tokens: 30 + 30 + a
  // round cut at 10 tokens, then the forced end.
  Script script;
  adapters::BudgetForcingOptions options;
  options.max_waits = 10;
  options.max_thinking = 70;
  auto adapter = adapters::make_budget_forcing_adapter(
      std::make_unique<test::FakeAdapter>([&](const Request& r) { return script.answer(r); }), options);
  const Sample s = generate(*adapter, question());
  REQUIRE(script.seen.size() == 4);
  CHECK(*script.seen[2].params.max_tokens == 10);
  CHECK(s.usage.reasoning_tokens == 70);
  CHECK(s.text == "42");
  const auto response = nlohmann::json::parse(s.response_json);
  CHECK(response["budget_forcing"]["waits"] == 2);
  CHECK(response["budget_forcing"]["forced_end"] == true);
}

TEST_CASE("budget forcing: a failed round fails the sample", "[adapters][strategies]")
{
  Script script;
  script.fail_on_round = 2;
  adapters::BudgetForcingOptions options;
  options.max_waits = 3;
  auto adapter = adapters::make_budget_forcing_adapter(
      std::make_unique<test::FakeAdapter>([&](const Request& r) { return script.answer(r); }), options);
  CHECK_THROWS_WITH(generate(*adapter, question()), Catch::Contains("HTTP 500"));
}

TEST_CASE("budget forcing needs the raw-prompt API", "[adapters][strategies]")
{
  config::ModelConfig model;
  model.spec = "vllm:http://127.0.0.1:9/v1#m";
  model.force_max_waits = 2;
  CHECK_THROWS_WITH(adapters::make_adapter(model), Catch::Contains("api = \"completions\""));
  model.api = "completions";
  const auto adapter = adapters::make_adapter(model);
  CHECK_THAT(adapter->identity(), Catch::Contains("budget-forcing"));
  CHECK_THAT(adapter->request_body(question()), Catch::Contains("\"prompt\":\"What is 6+1?\\n\\n<think>\\n\""));
}
