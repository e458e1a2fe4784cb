// serve-sim's injected faults, error responses and shutdown, over real HTTP on loopback.
#include <httplib.h>
#include <catch2/catch.hpp>

#include <chrono>
#include <future>
#include <nlohmann/json.hpp>
#include <string>

#include "adapters/sim/sim_server.hpp"
#include "harness/util/strings.hpp"

using namespace rb;
using Json = nlohmann::json;
using SteadyClock = std::chrono::steady_clock;

namespace {

/// One instant think_tags model and no faults (tests add them).
sim::Scenario test_scenario()
{
  sim::SimModel model;
  model.name = std::string("m");  // not = "m": GCC 12 -Wrestrict false positive
  model.description = "SIMULATED test model";
  model.reasoning_tokens_mean = 40;
  model.reasoning_tokens_sd = 10;
  model.answer_tokens_mean = 12;
  sim::Scenario scenario;
  scenario.source = "test";
  scenario.server_threads = 16;
  scenario.models = {model};
  return scenario;
}

struct Served {
  explicit Served(sim::Scenario scenario) : server(std::move(scenario)), port(server.start("127.0.0.1", 0)) {}
  sim::SimServer server;
  int port;
};

std::string chat_body(const std::string& prompt, bool stream)
{
  return Json{{"model", "m"},
              {"stream", stream},
              {"messages", Json::array({Json{{"role", "user"}, {"content", prompt}}})}}
      .dump();
}

const std::string k_body = chat_body("1 + 1?", false);
const std::string k_stream_body = chat_body("2 + 2?", true);

httplib::Result post(int port, const std::string& body, const httplib::Headers& headers = {})
{
  httplib::Client client("127.0.0.1", port);
  client.set_read_timeout(std::chrono::seconds(20));
  return client.Post("/v1/chat/completions", headers, body, "application/json");
}

/// A scenario where every first attempt gets `set`'s fault, and the second is answered.
template <class Setter>
sim::Scenario always_faulting(Setter set)
{
  sim::Scenario scenario = test_scenario();
  set(scenario.faults);
  scenario.faults.max_faults_per_request = 1;
  scenario.faults.stall_ms = 300;
  scenario.faults.retry_after_s = 0.25;
  return scenario;
}

/// The same request again is answered normally: the fault budget of the request is spent.
void check_recovers(Served& served, const std::string& body, long long faults_so_far = 1)
{
  const auto res = post(served.port, body);
  REQUIRE(res);
  CHECK(res->status == 200);
  CHECK(served.server.faults_injected() == faults_so_far);
}

}  // namespace

TEST_CASE("fault 429 sends Retry-After in seconds and milliseconds", "[sim]")
{
  Served served(always_faulting([](sim::Faults& f) { f.rate_429 = 1; }));
  const auto res = post(served.port, k_body);
  REQUIRE(res);
  CHECK(res->status == 429);
  CHECK(res->get_header_value("Retry-After") == "1");
  CHECK(res->get_header_value("retry-after-ms") == "250");
  CHECK(Json::parse(res->body)["error"]["code"] == "rate_limit_exceeded");
  check_recovers(served, k_body);
}

TEST_CASE("faults 500 and 503 send JSON errors", "[sim]")
{
  Served served500(always_faulting([](sim::Faults& f) { f.rate_500 = 1; }));
  const auto res500 = post(served500.port, k_stream_body);
  REQUIRE(res500);
  CHECK(res500->status == 500);
  CHECK(Json::parse(res500->body)["error"]["type"] == "server_error");
  check_recovers(served500, k_stream_body);

  Served served503(always_faulting([](sim::Faults& f) { f.rate_503 = 1; }));
  const auto res503 = post(served503.port, k_body);
  REQUIRE(res503);
  CHECK(res503->status == 503);
  check_recovers(served503, k_body);
}

TEST_CASE("fault reset cuts the connection mid-stream and mid-body", "[sim]")
{
  for (const std::string& body : {k_stream_body, k_body}) {
    Served served(always_faulting([](sim::Faults& f) { f.rate_reset = 1; }));
    std::string received;
    httplib::Client client("127.0.0.1", served.port);
    httplib::Request request;
    request.method = "POST";
    request.path = "/v1/chat/completions";
    request.body = body;
    request.set_header("Content-Type", "application/json");
    request.content_receiver = [&](const char* data, std::size_t size, std::uint64_t, std::uint64_t) {
      received.append(data, size);
      return true;
    };
    const auto res = client.send(request);
    CHECK_FALSE(res);               // the chunked body never ended
    CHECK_FALSE(received.empty());  // but some of it came
    check_recovers(served, body);
  }
}

TEST_CASE("fault malformed sends a chunk (or a body) that is not JSON", "[sim]")
{
  Served served(always_faulting([](sim::Faults& f) { f.rate_malformed = 1; }));
  const auto stream = post(served.port, k_stream_body);
  REQUIRE(stream);
  CHECK(stream->status == 200);
  CHECK(stream->body.find("data: {not json\n\n") != std::string::npos);
  CHECK(stream->body.ends_with("data: [DONE]\n\n"));

  const auto whole = post(served.port, k_body);
  REQUIRE(whole);
  CHECK(whole->status == 200);
  CHECK_FALSE(Json::accept(whole->body));
  CHECK(served.server.faults_injected() == 2);
  CHECK(post(served.port, k_body)->status == 200);  // both requests' fault budgets are spent
  check_recovers(served, k_stream_body, 2);
}

TEST_CASE("fault stall pauses the stream for stall_ms, then it completes", "[sim]")
{
  Served served(always_faulting([](sim::Faults& f) { f.rate_stall = 1; }));
  for (const std::string& body : {k_stream_body, k_body}) {
    const auto start = SteadyClock::now();
    const auto res = post(served.port, body);
    REQUIRE(res);
    CHECK(res->status == 200);
    CHECK(SteadyClock::now() - start >= std::chrono::milliseconds(300));
  }
  const std::string stream = post(served.port, k_stream_body)->body;
  CHECK(stream.ends_with("data: [DONE]\n\n"));
  CHECK(served.server.faults_injected() == 2);
}

TEST_CASE("stop() ends a stalled stream promptly", "[sim]")
{
  sim::Scenario scenario = test_scenario();
  scenario.faults.rate_stall = 1;
  scenario.faults.stall_ms = 60000;
  auto served = std::make_unique<Served>(scenario);
  auto pending = std::async(std::launch::async, [port = served->port] { return post(port, k_stream_body); });
  while (served->server.faults_injected() == 0) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  const auto start = SteadyClock::now();
  served->server.stop();
  CHECK(SteadyClock::now() - start < std::chrono::seconds(2));
  REQUIRE(pending.wait_for(std::chrono::seconds(2)) == std::future_status::ready);
  CHECK_FALSE(pending.get());  // cut, never completed
  served.reset();              // the destructor's stop() after stop() is fine
}

TEST_CASE("wait() returns once stop() is called from another thread", "[sim]")
{
  Served served(test_scenario());
  auto stopper = std::async(std::launch::async, [&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    served.server.stop();
  });
  served.server.wait();
  stopper.get();
}

TEST_CASE("a request with a 60% fault rate stops faulting after max_faults_per_request", "[sim]")
{
  sim::Scenario scenario = test_scenario();
  scenario.faults.rate_429 = 0.3;
  scenario.faults.rate_500 = 0.3;
  scenario.faults.retry_after_s = 0;
  scenario.faults.max_faults_per_request = 2;
  Served served(scenario);
  for (int i = 0; i < 20; ++i) {
    const std::string body = Json{{"model", "m"},
                                  {"seed", i},
                                  {"messages", Json::array({Json{{"role", "user"}, {"content", "q"}}})}}
                                 .dump();
    int failures = 0;
    while (true) {
      const auto res = post(served.port, body);
      REQUIRE(res);
      if (res->status == 200) {
        break;
      }
      ++failures;
      REQUIRE(failures <= 2);
    }
  }
  CHECK(served.server.faults_injected() > 0);
}

TEST_CASE("a required API key gives 401 without echoing what was sent", "[sim]")
{
  sim::Scenario scenario = test_scenario();
  scenario.require_api_key = "sk-right";
  Served served(scenario);
  const auto missing = post(served.port, k_body);
  REQUIRE(missing);
  CHECK(missing->status == 401);
  const auto wrong = post(served.port, k_body, {{"Authorization", "Bearer sk-wrong-secret"}});
  REQUIRE(wrong);
  CHECK(wrong->status == 401);
  CHECK(wrong->body.find("sk-wrong-secret") == std::string::npos);
  CHECK(wrong->body.find("sk-right") == std::string::npos);
  CHECK(Json::parse(wrong->body)["error"]["code"] == "invalid_api_key");
  const auto right = post(served.port, k_body, {{"Authorization", "Bearer sk-right"}});
  REQUIRE(right);
  CHECK(right->status == 200);
  httplib::Client client("127.0.0.1", served.port);
  CHECK(client.Get("/v1/models")->status == 401);
}

TEST_CASE("bad requests get 400 naming the problem, unknown models and paths 404", "[sim]")
{
  Served served(test_scenario());
  const auto error_of = [&](const std::string& body) {
    const auto res = post(served.port, body);
    REQUIRE(res);
    CHECK(res->status == 400);
    return Json::parse(res->body)["error"]["message"].get<std::string>();
  };
  CHECK(error_of("{\"model\": ").find("not valid JSON") != std::string::npos);
  CHECK(error_of(R"({"model": "m"})") == "field 'messages' missing");
  CHECK(error_of(R"({"model": "m", "messages": []})") == "field 'messages' must be a non-empty array");
  CHECK(error_of(R"({"messages": [{"role": "user", "content": "x"}]})").find("'model'") != std::string::npos);
  CHECK(error_of(R"({"model": "m", "max_tokens": 0, "messages": [{"role": "user", "content": "x"}]})") ==
        "field 'max_tokens' must be at least 1, got 0");
  CHECK(error_of(R"({"model": "m", "stream": "yes", "messages": [{"role": "user", "content": "x"}]})") ==
        "field 'stream' must be a boolean");

  const auto unknown =
      post(served.port, R"({"model": "gpt-9", "messages": [{"role": "user", "content": "x"}]})");
  REQUIRE(unknown);
  CHECK(unknown->status == 404);
  CHECK(Json::parse(unknown->body)["error"]["code"] == "model_not_found");
  CHECK(Json::parse(unknown->body)["error"]["message"] == "The model 'gpt-9' does not exist");

  const auto near = post(served.port, R"({"model": "n", "messages": [{"role": "user", "content": "x"}]})");
  REQUIRE(near);
  CHECK(Json::parse(near->body)["error"]["message"] == "The model 'n' does not exist, did you mean 'm'?");

  httplib::Client client("127.0.0.1", served.port);
  const auto path = client.Get("/v2/nothing");
  REQUIRE(path);
  CHECK(path->status == 404);
  CHECK(Json::parse(path->body).contains("error"));
}

TEST_CASE("binding a port in use is a ConfigError", "[sim]")
{
  Served first(test_scenario());
  sim::SimServer second(test_scenario());
  CHECK_THROWS_WITH(second.start("127.0.0.1", first.port), Catch::Contains("cannot bind"));
}
