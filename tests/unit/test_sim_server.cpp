// serve-sim over real HTTP on an ephemeral loopback port, with httplib::Client.
#include <httplib.h>
#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "adapters/sim/sim_server.hpp"
#include "harness/util/strings.hpp"

using namespace rb;
using Json = nlohmann::json;
using SteadyClock = std::chrono::steady_clock;

namespace {

sim::SimModel model_named(std::string name, sim::ReasoningStyle style)
{
  sim::SimModel model;
  model.name = std::move(name);
  model.description = "SIMULATED test model";
  model.accuracy = 0.7;
  model.reasoning = style;
  model.reasoning_tokens_mean = 40;
  model.reasoning_tokens_sd = 10;
  model.answer_tokens_mean = 12;
  return model;
}

/// Three instant models, one per reasoning style, and no faults.
sim::Scenario test_scenario()
{
  sim::Scenario scenario;
  scenario.source = "test";
  scenario.seed = 1;
  scenario.server_threads = 32;
  scenario.models = {model_named("tags", sim::ReasoningStyle::think_tags),
                     model_named("field", sim::ReasoningStyle::field),
                     model_named("hidden", sim::ReasoningStyle::hidden)};
  return scenario;
}

/// A running server and a client for it.
struct Served {
  explicit Served(sim::Scenario scenario) : server(std::move(scenario)), port(server.start("127.0.0.1", 0)) {}
  httplib::Client client() const
  {
    httplib::Client c("127.0.0.1", port);
    c.set_read_timeout(std::chrono::seconds(20));
    return c;
  }
  sim::SimServer server;
  int port;
};

Json chat_body(const std::string& model, const std::string& prompt)
{
  return Json{{"model", model}, {"messages", Json::array({Json{{"role", "user"}, {"content", prompt}}})}};
}

httplib::Result post(const Served& served, const Json& body, const std::string& oracle = "",
                     httplib::Headers headers = {})
{
  if (!oracle.empty()) {
    headers.emplace("X-Reasonbench-Oracle", util::percent_encode(oracle));
  }
  return served.client().Post("/v1/chat/completions", headers, body.dump(), "application/json");
}

/// The JSON objects of an SSE body, and whether it ended with [DONE].
struct Events {
  std::vector<Json> chunks;
  bool done = false;
};
Events parse_events(const std::string& body)
{
  Events events;
  std::size_t start = 0;
  while (start < body.size()) {
    const std::size_t end = body.find("\n\n", start);
    REQUIRE(end != std::string::npos);
    const std::string event = body.substr(start, end - start);
    REQUIRE(event.rfind("data: ", 0) == 0);
    const std::string data = event.substr(6);
    CHECK_FALSE(events.done);
    if (data == "[DONE]") {
      events.done = true;
    } else {
      events.chunks.push_back(Json::parse(data));
    }
    start = end + 2;
  }
  return events;
}

std::size_t word_count(const std::string& text)
{
  std::size_t words = 0;
  for (const std::string& part : util::split(util::replace_all(text, "\n", " "), ' ')) {
    words += part.empty() ? 0 : 1;
  }
  return words;
}

}  // namespace

TEST_CASE("serve-sim lists its models as SIMULATED", "[sim]")
{
  Served served(test_scenario());
  const auto res = served.client().Get("/v1/models");
  REQUIRE(res);
  CHECK(res->status == 200);
  const Json body = Json::parse(res->body);
  CHECK(body["object"] == "list");
  REQUIRE(body["data"].size() == 3);
  CHECK(body["data"][0]["id"] == "tags");
  CHECK(body["data"][0]["object"] == "model");
  CHECK(body["data"][0]["owned_by"] == "serve-sim (SIMULATED)");
}

TEST_CASE("answers are deterministic in the request and change with the seed", "[sim]")
{
  Served served(test_scenario());
  Json body = chat_body("tags", "What is 6 * 7?");
  body["seed"] = 3;
  const auto first = post(served, body, "\\boxed{42}");
  const auto second = post(served, body, "\\boxed{42}");
  REQUIRE(first);
  REQUIRE(second);
  CHECK(first->status == 200);
  CHECK(first->body == second->body);
  body["seed"] = 4;
  const auto other = post(served, body, "\\boxed{42}");
  REQUIRE(other);
  CHECK(other->body != first->body);
  CHECK(served.server.requests_served() == 3);
}

TEST_CASE("accuracy over 400 requests with an oracle matches the model's", "[sim]")
{
  Served served(test_scenario());
  int correct = 0;
  int boxed = 0;
  const int n = 400;
  for (int i = 0; i < n; ++i) {
    Json body = chat_body("field", "Problem " + std::to_string(i));
    body["seed"] = i;
    const auto res = post(served, body, "\\boxed{\\frac{3}{4}}");
    REQUIRE(res);
    const std::string content = Json::parse(res->body)["choices"][0]["message"]["content"];
    correct += content.ends_with(" \\boxed{\\frac{3}{4}}") ? 1 : 0;
    boxed += content.find("\\boxed{\\frac{3}{") != std::string::npos ? 1 : 0;
  }
  CHECK(correct / double(n) == Approx(0.7).margin(0.07));
  CHECK(boxed == n);  // wrong answers change the last integer only
}

TEST_CASE("each reasoning style has its shape and consistent usage", "[sim]")
{
  Served served(test_scenario());
  const Json body = chat_body("x", "abcdefghij");  // 10 characters: 3 prompt tokens
  SECTION("think_tags")
  {
    Json request = body;
    request["model"] = "tags";
    const Json res = Json::parse(post(served, request, "\\boxed{5}")->body);
    const Json& message = res["choices"][0]["message"];
    const std::string content = message["content"];
    CHECK(content.rfind("<think>\n", 0) == 0);
    CHECK(content.find("\n</think>\n\n") != std::string::npos);
    CHECK_FALSE(message.contains("reasoning_content"));
    const std::string reasoning = content.substr(8, content.find("\n</think>") - 8);
    CHECK(res["usage"]["completion_tokens_details"]["reasoning_tokens"] == word_count(reasoning));
    CHECK(res["usage"]["completion_tokens"] == word_count(content) - 2);
    CHECK(res["usage"]["prompt_tokens"] == 3);
    CHECK(res["usage"]["total_tokens"] == res["usage"]["completion_tokens"].get<int>() + 3);
    CHECK(res["usage"]["prompt_tokens_details"]["cached_tokens"] == 0);
    CHECK(res["choices"][0]["finish_reason"] == "stop");
    CHECK(res["object"] == "chat.completion");
    CHECK(res["system_fingerprint"] == "serve-sim");
    CHECK(res["model"] == "tags");
  }
  SECTION("field")
  {
    Json request = body;
    request["model"] = "field";
    const Json res = Json::parse(post(served, request, "\\boxed{5}")->body);
    const Json& message = res["choices"][0]["message"];
    const std::string content = message["content"];
    const std::string reasoning = message["reasoning_content"];
    CHECK(content.find("<think>") == std::string::npos);
    CHECK(res["usage"]["completion_tokens_details"]["reasoning_tokens"] == word_count(reasoning));
    CHECK(res["usage"]["completion_tokens"] == word_count(content) + word_count(reasoning));
  }
  SECTION("hidden")
  {
    Json request = body;
    request["model"] = "hidden";
    const Json res = Json::parse(post(served, request, "\\boxed{5}")->body);
    const Json& message = res["choices"][0]["message"];
    const std::string content = message["content"];
    CHECK_FALSE(message.contains("reasoning_content"));
    CHECK(content.find("<think>") == std::string::npos);
    const int reasoning_tokens = res["usage"]["completion_tokens_details"]["reasoning_tokens"];
    CHECK(reasoning_tokens > 0);
    CHECK(res["usage"]["completion_tokens"] == word_count(content) + reasoning_tokens);
  }
  SECTION("without an oracle the answer is \\boxed{0}")
  {
    for (int seed = 0; seed < 10; ++seed) {
      Json request = body;
      request["model"] = "field";  // no_answer_rate 0: every answer ends with a \boxed
      request["seed"] = seed;
      const std::string content =
          Json::parse(post(served, request)->body)["choices"][0]["message"]["content"];
      CHECK(content.ends_with(" \\boxed{0}"));
    }
  }
}

TEST_CASE("the oracle header arrives verbatim, percent signs and all", "[sim]")
{
  Served served(test_scenario());
  // Text that looks like percent-encoding must survive: cpp-httplib decodes header values once.
  const std::string reference = "\\boxed{50\\%} 100%41 %zz \"q\" \u00e9";
  bool found = false;
  for (int i = 0; i < 40 && !found; ++i) {
    Json body = chat_body("field", "Problem " + std::to_string(i));
    body["seed"] = i;
    const auto res = post(served, body, reference);
    REQUIRE(res);
    const std::string content = Json::parse(res->body)["choices"][0]["message"]["content"];
    found = content.ends_with(" " + reference);
  }
  CHECK(found);
}

TEST_CASE("max_tokens and max_completion_tokens cut the output with finish_reason length", "[sim]")
{
  Served served(test_scenario());
  for (const char* field : {"max_tokens", "max_completion_tokens"}) {
    Json request = chat_body("tags", "Cut me short");
    request[field] = 5;
    const Json res = Json::parse(post(served, request, "\\boxed{5}")->body);
    const std::string content = res["choices"][0]["message"]["content"];
    CHECK(res["choices"][0]["finish_reason"] == "length");
    CHECK(res["usage"]["completion_tokens"] == 5);
    CHECK(content.rfind("<think>\n", 0) == 0);
    CHECK(content.find("</think>") == std::string::npos);  // unclosed
    CHECK(word_count(content) == 6);
  }
}

TEST_CASE("streams frame chunks as SSE with role, finish_reason, usage and [DONE]", "[sim]")
{
  sim::Scenario scenario = test_scenario();
  scenario.chunk_tokens = 3;
  Served served(scenario);
  for (const std::string model : {"tags", "field", "hidden"}) {
    Json request = chat_body(model, "Stream it");
    const Json whole = Json::parse(post(served, request, "\\boxed{8}")->body);
    request["stream"] = true;
    request["stream_options"] = Json{{"include_usage", true}};
    const auto res = post(served, request, "\\boxed{8}");
    REQUIRE(res);
    CHECK(res->status == 200);
    CHECK(res->get_header_value("Content-Type").rfind("text/event-stream", 0) == 0);
    const Events events = parse_events(res->body);
    CHECK(events.done);
    REQUIRE(events.chunks.size() >= 2);
    CHECK(events.chunks.front()["choices"][0]["delta"]["role"] == "assistant");
    std::string content;
    std::string reasoning;
    for (std::size_t i = 0; i + 1 < events.chunks.size(); ++i) {
      const Json& chunk = events.chunks[i];
      CHECK(chunk["object"] == "chat.completion.chunk");
      const Json& delta = chunk["choices"][0]["delta"];
      content += delta.value("content", "");
      reasoning += delta.value("reasoning_content", "");
      const bool last = i + 2 == events.chunks.size();
      CHECK(chunk["choices"][0]["finish_reason"].is_null() == !last);
    }
    CHECK(events.chunks[events.chunks.size() - 2]["choices"][0]["finish_reason"] == "stop");
    const Json& usage_chunk = events.chunks.back();
    CHECK(usage_chunk["choices"].empty());
    CHECK(usage_chunk["usage"] == whole["usage"]);
    CHECK(content == whole["choices"][0]["message"]["content"]);
    CHECK(reasoning == whole["choices"][0]["message"].value("reasoning_content", ""));
  }
  Json request = chat_body("field", "No usage please");
  request["stream"] = true;
  const Events events = parse_events(post(served, request)->body);
  CHECK(events.done);
  CHECK_FALSE(events.chunks.back()["choices"].empty());
  CHECK_FALSE(events.chunks.back().contains("usage"));
}

TEST_CASE("time to first token and token rate pace the response", "[sim]")
{
  sim::Scenario scenario = test_scenario();
  scenario.models[0].ttft_ms = 150;
  scenario.models[0].tokens_per_s = 1000;  // ~50 tokens: ~50 ms more
  Served served(scenario);
  const auto start = SteadyClock::now();
  REQUIRE(post(served, chat_body("tags", "slow")));
  CHECK(SteadyClock::now() - start >= std::chrono::milliseconds(150));

  Json request = chat_body("tags", "slow stream");
  request["stream"] = true;
  const auto stream_start = SteadyClock::now();
  const auto res = post(served, request);
  REQUIRE(res);
  CHECK(SteadyClock::now() - stream_start >= std::chrono::milliseconds(150));
  CHECK(parse_events(res->body).done);
}

TEST_CASE("hundreds of concurrent streams are served at once", "[sim]")
{
  sim::Scenario scenario = test_scenario();
  scenario.server_threads = 256;
  scenario.models[0].ttft_ms = 300;
  scenario.models[0].tokens_per_s = 500;  // ~50 tokens in ~17 chunks over ~100 ms
  Served served(scenario);
  constexpr int k_clients = 200;
  std::atomic<int> ok{0};
  std::vector<std::thread> clients;
  const auto start = SteadyClock::now();
  for (int i = 0; i < k_clients; ++i) {
    clients.emplace_back([&, i] {
      Json request = chat_body("tags", "concurrent " + std::to_string(i));
      request["stream"] = true;
      const auto res = post(served, request);
      ok += res && res->status == 200 && res->body.ends_with("data: [DONE]\n\n") ? 1 : 0;
    });
  }
  for (auto& client : clients) {
    client.join();
  }
  CHECK(ok == k_clients);
  CHECK(SteadyClock::now() - start < std::chrono::seconds(5));  // serially: 60 s
}
