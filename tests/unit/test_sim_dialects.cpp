// serve-sim speaks each dialect in the shape of the recorded-style fixtures written from the
// public API documentation (tests/fixtures/adapters/): every field it sends, at every level, is
// one the real API sends too, whole bodies and streams alike.
#include <httplib.h>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <set>

#include "adapters/http/sse_parser.hpp"
#include "adapters/sim/sim_server.hpp"
#include "tests/support/test_env.hpp"

using namespace rb;
using Json = nlohmann::json;

namespace {

/// Every key path of `json` ("choices[].delta.content"), arrays merged.
void paths(const Json& json, const std::string& prefix, std::set<std::string>& out)
{
  if (json.is_object()) {
    for (auto it = json.begin(); it != json.end(); ++it) {
      const std::string path = prefix.empty() ? it.key() : prefix + "." + it.key();
      out.insert(path);
      paths(it.value(), path, out);
    }
  } else if (json.is_array()) {
    for (const Json& element : json) {
      paths(element, prefix + "[]", out);
    }
  }
}

/// The key paths of a body: one JSON object, or SSE events (each prefixed by its event name).
std::set<std::string> shape(const std::string& body, bool stream)
{
  std::set<std::string> out;
  if (!stream) {
    paths(Json::parse(body), "", out);
    return out;
  }
  adapters::http::SseParser parser([&](const adapters::http::SseEvent& e) {
    if (e.data != "[DONE]") {
      paths(Json::parse(e.data), std::string(e.event), out);
    }
    return true;
  });
  REQUIRE(parser.feed(body).has_value());
  return out;
}

std::string fixture(const std::string& name)
{
  return test::read_file(test::source_dir() + "/tests/fixtures/adapters/" + name);
}

sim::Scenario scenario()
{
  sim::Scenario s;
  s.source = "test";
  for (const auto& [name, style] : std::vector<std::pair<std::string, sim::ReasoningStyle>>{
           {"tags", sim::ReasoningStyle::think_tags},
           {"field", sim::ReasoningStyle::field},
           {"hidden", sim::ReasoningStyle::hidden}}) {
    sim::SimModel model;
    model.name = name;
    model.reasoning_tokens_mean = 20;
    model.answer_tokens_mean = 8;
    model.reasoning = style;
    s.models.push_back(model);
  }
  return s;
}

struct Case {
  std::string fixture;
  std::string path;
  std::string model;
  bool stream;
};

}  // namespace

TEST_CASE("serve-sim dialects have the shape of the documented wire formats", "[sim][dialects]")
{
  sim::SimServer server(scenario());
  const int port = server.start("127.0.0.1", 0);
  httplib::Client client("127.0.0.1", port);
  const std::vector<Case> cases = {
      {"openai_chat.json", "/v1/chat/completions", "hidden", false},
      {"openai_chat_stream.sse", "/v1/chat/completions", "hidden", true},
      {"openai_completions.json", "/v1/completions", "tags", false},
      {"openai_completions_stream.sse", "/v1/completions", "tags", true},
      {"deepseek_chat.json", "/deepseek/v1/chat/completions", "field", false},
      {"deepseek_stream.sse", "/deepseek/v1/chat/completions", "field", true},
      {"vllm_chat.json", "/vllm/v1/chat/completions", "field", false},
      {"vllm_stream.sse", "/vllm/v1/chat/completions", "field", true},
      {"sglang_chat.json", "/sglang/v1/chat/completions", "field", false},
      {"sglang_stream.sse", "/sglang/v1/chat/completions", "field", true},
      {"llamacpp_chat.json", "/llamacpp/v1/chat/completions", "field", false},
      {"llamacpp_stream.sse", "/llamacpp/v1/chat/completions", "field", true},
      {"ollama_chat.json", "/ollama/v1/chat/completions", "field", false},
      {"ollama_stream.sse", "/ollama/v1/chat/completions", "field", true},
      {"tgi_chat.json", "/tgi/v1/chat/completions", "field", false},
      {"tgi_stream.sse", "/tgi/v1/chat/completions", "field", true},
      {"anthropic_message.json", "/v1/messages", "field", false},
      {"anthropic_stream.sse", "/v1/messages", "field", true},
  };
  for (const Case& c : cases) {
    INFO(c.fixture << " vs " << c.path);
    Json body{{"model", c.model}, {"stream", c.stream}, {"seed", 1}};
    if (c.path.ends_with("/completions") && !c.path.ends_with("chat/completions")) {
      body["prompt"] = "2+3?";
    } else {
      body["messages"] = Json::array({{{"role", "user"}, {"content", "2+3?"}}});
    }
    if (c.stream) {
      body["stream_options"] = {{"include_usage", true}};
    }
    httplib::Headers headers;
    if (c.path == "/v1/messages") {
      body.erase("stream_options");
      body.erase("seed");
      body["max_tokens"] = 4096;
      body["thinking"] = {{"type", "enabled"}, {"budget_tokens", 1024}};
      headers.emplace("anthropic-version", "2023-06-01");
    }
    const auto result = client.Post(c.path, headers, body.dump(), "application/json");
    REQUIRE(result);
    REQUIRE(result->status == 200);
    const std::set<std::string> documented = shape(fixture(c.fixture), c.stream);
    for (const std::string& path : shape(result->body, c.stream)) {
      INFO(path);
      CHECK(documented.contains(path));
    }
  }
}

TEST_CASE("serve-sim speaks Anthropic errors and checks thinking as the API does", "[sim][dialects]")
{
  sim::SimServer server(scenario());
  const int port = server.start("127.0.0.1", 0);
  httplib::Client client("127.0.0.1", port);
  const httplib::Headers headers{{"anthropic-version", "2023-06-01"}};
  const auto post = [&](const Json& body, const httplib::Headers& h) {
    return client.Post("/v1/messages", h, body.dump(), "application/json");
  };
  const Json messages = Json::array({{{"role", "user"}, {"content", "hi"}}});
  auto no_version = post(Json{{"model", "tags"}, {"max_tokens", 10}, {"messages", messages}}, {});
  REQUIRE(no_version);
  CHECK(no_version->status == 400);
  auto no_budget = post(Json{{"model", "tags"}, {"messages", messages}}, headers);
  CHECK(no_budget->status == 400);
  CHECK(Json::parse(no_budget->body)["error"]["message"] == "max_tokens: field required");
  auto small = post(Json{{"model", "tags"},
                         {"max_tokens", 2000},
                         {"messages", messages},
                         {"thinking", {{"type", "enabled"}, {"budget_tokens", 512}}}},
                    headers);
  CHECK(small->status == 400);
  CHECK(Json::parse(small->body)["type"] == "error");
  auto unknown = post(Json{{"model", "nope"}, {"max_tokens", 10}, {"messages", messages}}, headers);
  CHECK(unknown->status == 404);
  CHECK(Json::parse(unknown->body)["error"]["type"] == "not_found_error");
  auto flavor = client.Post("/nosuch/v1/chat/completions", "{}", "application/json");
  CHECK(flavor->status == 404);
  CHECK(flavor->body.find("dialects: openai, deepseek") != std::string::npos);
}

TEST_CASE("serve-sim's injected faults answer in each API's documented error shape and headers", "[sim][dialects]")
{
  for (const auto& [rate, status] : std::vector<std::pair<double sim::Faults::*, int>>{
           {&sim::Faults::rate_429, 429}, {&sim::Faults::rate_503, 503}}) {
    sim::Scenario s = scenario();
    s.faults.*rate = 1.0;
    s.faults.retry_after_s = 1.5;
    s.faults.max_faults_per_request = 100;  // the same question on every path: always a fault
    sim::SimServer server(s);
    const int port = server.start("127.0.0.1", 0);
    httplib::Client client("127.0.0.1", port);
    const Json messages = Json::array({{{"role", "user"}, {"content", "2+3?"}}});
    for (const std::string path : {"/v1/chat/completions", "/vllm/v1/chat/completions", "/v1/completions"}) {
      INFO(path << " " << status);
      Json body{{"model", "tags"}, {"seed", 1}};
      if (path.ends_with("chat/completions")) {
        body["messages"] = messages;
      } else {
        body["prompt"] = "2+3?";
      }
      const auto result = client.Post(path, body.dump(), "application/json");
      REQUIRE(result);
      CHECK(result->status == status);
      const std::set<std::string> documented = shape(fixture("openai_error_429.json"), false);
      for (const std::string& key : shape(result->body, false)) {
        INFO(key);
        CHECK(documented.contains(key));
      }
      if (status == 429) {
        CHECK(result->get_header_value("Retry-After") == "2");
        CHECK(result->get_header_value("retry-after-ms") == "1500");
        CHECK(result->get_header_value("x-ratelimit-remaining-requests") == "0");
        CHECK(result->get_header_value("x-ratelimit-reset-requests") == "1500ms");
      }
    }
    const Json anthropic{{"model", "tags"}, {"max_tokens", 100}, {"messages", messages}};
    const auto result =
        client.Post("/v1/messages", {{"anthropic-version", "2023-06-01"}}, anthropic.dump(), "application/json");
    REQUIRE(result);
    CHECK(result->status == (status == 503 ? 529 : 429));  // Anthropic's overloaded
    const std::set<std::string> documented = shape(fixture("anthropic_error_429.json"), false);
    for (const std::string& key : shape(result->body, false)) {
      INFO(key);
      CHECK(documented.contains(key));
    }
    CHECK(Json::parse(result->body)["error"]["type"] == (status == 503 ? "overloaded_error" : "rate_limit_error"));
    if (status == 429) {
      CHECK(result->get_header_value("anthropic-ratelimit-requests-remaining") == "0");
      CHECK(result->get_header_value("Retry-After") == "2");
    }
  }
}
