// HttpAdapter against an in-process serve-sim in every dialect (OpenAI chat and its engine
// flavors, legacy completions, Anthropic messages), streamed and whole, and through every fault
// class: each is retried and ends with the answer a fault-free server gives.
#include <catch2/catch.hpp>

#include <future>

#include "adapters/http_adapter.hpp"
#include "adapters/sim/sim_server.hpp"

using namespace std::chrono_literals;
using namespace rb;
using namespace rb::adapters;

namespace {

sim::SimModel model_named(std::string name, sim::ReasoningStyle style)
{
  sim::SimModel model;
  model.name = std::move(name);
  model.description = "SIMULATED";
  model.accuracy = 1.0;
  model.reasoning = style;
  model.reasoning_tokens_mean = 30;
  model.reasoning_tokens_sd = 5;
  model.answer_tokens_mean = 10;
  return model;
}

sim::Scenario scenario(sim::Faults faults = {})
{
  sim::Scenario s;
  s.source = "test";
  s.seed = 3;
  s.server_threads = 16;
  s.keep_alive_s = 1;
  s.faults = faults;
  s.models = {model_named("tags", sim::ReasoningStyle::think_tags), model_named("field", sim::ReasoningStyle::field),
              model_named("hidden", sim::ReasoningStyle::hidden)};
  return s;
}

struct DialectCase {
  std::string name;
  Api api;
  std::string prefix;  ///< URL path before /v1
};

const std::vector<DialectCase>& dialects()
{
  static const std::vector<DialectCase> cases = {
      {"openai", Api::chat, ""},          {"deepseek", Api::chat, "/deepseek"}, {"vllm", Api::chat, "/vllm"},
      {"sglang", Api::chat, "/sglang"},   {"llamacpp", Api::chat, "/llamacpp"}, {"ollama", Api::chat, "/ollama"},
      {"tgi", Api::chat, "/tgi"},         {"completions", Api::completions, ""},
      {"vllm completions", Api::completions, "/vllm"}, {"anthropic", Api::messages, ""},
  };
  return cases;
}

HttpAdapterOptions options_for(int port, const DialectCase& dialect, const std::string& model, bool stream)
{
  HttpAdapterOptions o;
  o.kind = "sim";
  o.base_url = "http://127.0.0.1:" + std::to_string(port) + dialect.prefix + "/v1";
  o.model = model;
  o.api = dialect.api;
  o.stream = stream;
  o.send_oracle = true;
  o.max_retries = 3;
  o.retry.base = 10ms;
  o.retry.cap = 20ms;
  o.retry_seed = 1;
  o.idle_timeout = 400ms;
  o.total_timeout = 20'000ms;
  if (dialect.api == Api::messages) {
    o.thinking_budget = 1024;
  }
  return o;
}

Request ask(const std::string& text)
{
  Request r;
  r.messages = {{"user", text}};
  r.params.seed = 11;
  r.oracle = "\\boxed{17}";
  return r;
}

std::expected<Sample, Error> generate(Adapter& adapter, const Request& request)
{
  auto promise = std::make_shared<std::promise<std::expected<Sample, Error>>>();
  auto future = promise->get_future();
  adapter.start(request, [promise](std::expected<Sample, Error> r) { promise->set_value(std::move(r)); });
  REQUIRE(future.wait_for(30s) == std::future_status::ready);
  return future.get();
}

}  // namespace

TEST_CASE("http adapter x serve-sim: every dialect, streamed and whole, separates reasoning", "[sim][dialects]")
{
  sim::SimServer server(scenario());
  const int port = server.start("127.0.0.1", 0);
  auto client = std::make_shared<http::HttpClient>();
  for (const DialectCase& dialect : dialects()) {
    for (const std::string model : {"tags", "field", "hidden"}) {
      std::optional<Sample> whole;
      for (const bool stream : {true, false}) {
        INFO(dialect.name << " " << model << (stream ? " streamed" : " whole"));
        HttpAdapter adapter(options_for(port, dialect, model, stream), client);
        const auto result = generate(adapter, ask("What is 8 + 9?"));
        REQUIRE(result.has_value());
        CHECK(result->text.find("\\boxed{17}") != std::string::npos);
        CHECK(result->text.find("<think>") == std::string::npos);
        CHECK(result->finish_reason == "stop");
        CHECK(result->usage.reported);
        CHECK(result->usage.completion_tokens > 0);
        CHECK(result->model_reported == model);
        const bool visible = model != "hidden" || dialect.api == Api::messages;
        CHECK(result->reasoning.empty() == !visible);
        if (visible) {
          CHECK(result->usage.reasoning_tokens > 0);  // reported, or split by length
        }
        if (stream) {
          CHECK(result->timings.chunks > 1);
          CHECK(result->timings.ttft_ms >= 0);
          CHECK(result->timings.first_answer_ms >= result->timings.ttft_ms);
          CHECK(result->response_json.find("\"chunk_ms\":[") != std::string::npos);
          whole = result.value();
        } else {
          REQUIRE(whole.has_value());
          CHECK(result->text == whole->text);  // the stream and the whole body say the same
          CHECK(result->reasoning == whole->reasoning);
          CHECK(result->usage.completion_tokens == whole->usage.completion_tokens);
        }
      }
    }
  }
}

TEST_CASE("http adapter x serve-sim: a budget cut gives finish_reason length in every API", "[sim][dialects]")
{
  sim::SimServer server(scenario());
  const int port = server.start("127.0.0.1", 0);
  auto client = std::make_shared<http::HttpClient>();
  for (const DialectCase& dialect : {dialects()[0], dialects()[7], dialects()[9]}) {
    INFO(dialect.name);
    HttpAdapterOptions o = options_for(port, dialect, "tags", true);
    o.thinking_budget.reset();
    HttpAdapter adapter(o, client);
    Request request = ask("What is 8 + 9?");
    request.params.max_tokens = 5;
    const auto result = generate(adapter, request);
    REQUIRE(result.has_value());
    CHECK(result->finish_reason == "length");
    CHECK(result->usage.completion_tokens == 5);
  }
}

TEST_CASE("http adapter x serve-sim: every fault class in every dialect is retried to the fault-free answer",
          "[sim][faults]")
{
  sim::SimServer clean_server(scenario());
  const int clean_port = clean_server.start("127.0.0.1", 0);
  auto client = std::make_shared<http::HttpClient>();
  const std::vector<std::pair<std::string, double sim::Faults::*>> classes = {
      {"429", &sim::Faults::rate_429},     {"500", &sim::Faults::rate_500},
      {"503", &sim::Faults::rate_503},     {"reset", &sim::Faults::rate_reset},
      {"malformed", &sim::Faults::rate_malformed}, {"stall", &sim::Faults::rate_stall}};
  for (const auto& [name, rate] : classes) {
    sim::Faults faults;
    faults.*rate = 1.0;
    faults.max_faults_per_request = 1;
    faults.retry_after_s = 0.2;
    faults.stall_ms = 5000;  // longer than the idle timeout: a stall is a timeout
    sim::SimServer faulty(scenario(faults));
    const int port = faulty.start("127.0.0.1", 0);
    for (const DialectCase& dialect : dialects()) {
      for (const bool stream : {true, false}) {
        INFO(name << " " << dialect.name << (stream ? " streamed" : " whole"));
        HttpAdapter clean(options_for(clean_port, dialect, "field", stream), client);
        HttpAdapter adapter(options_for(port, dialect, "field", stream), client);
        const Request request = ask("fault " + name + " " + dialect.name + (stream ? " s" : " w"));
        const auto expected = generate(clean, request);
        const auto started = std::chrono::steady_clock::now();
        const auto result = generate(adapter, request);
        REQUIRE(expected.has_value());
        REQUIRE(result.has_value());
        CHECK(result->text == expected->text);
        CHECK(result->reasoning == expected->reasoning);
        CHECK(result->retries == 1);
        CHECK(adapter.stats().retries == 1);
        if (name == "429") {
          CHECK(std::chrono::steady_clock::now() - started >= 200ms);  // Retry-After honoured
        }
      }
    }
  }
}

TEST_CASE("http adapter x serve-sim: refusals are errors with the server's message, not retried", "[sim][faults]")
{
  sim::Scenario s = scenario();
  s.require_api_key = "sk-sim-secret-key-123";
  sim::SimServer server(s);
  const int port = server.start("127.0.0.1", 0);
  auto client = std::make_shared<http::HttpClient>();
  for (const DialectCase& dialect : {dialects()[0], dialects()[7], dialects()[9]}) {
    INFO(dialect.name);
    HttpAdapterOptions o = options_for(port, dialect, "no-such-model", true);
    o.api_key = "sk-sim-secret-key-123";
    HttpAdapter unknown(o, client);
    const auto missing = generate(unknown, ask("q"));
    REQUIRE_FALSE(missing.has_value());
    CHECK(missing.error().kind == ErrorKind::rejected);
    CHECK(missing.error().http_status == 404);
    CHECK(missing.error().message.find("does not exist") != std::string::npos);
    CHECK(unknown.stats().retries == 0);

    o.model = "tags";
    o.api_key = "sk-wrong-key-456";
    HttpAdapter wrong(o, client);
    const auto refused = generate(wrong, ask("q"));
    REQUIRE_FALSE(refused.has_value());
    CHECK(refused.error().http_status == 401);
    CHECK(refused.error().message.find("sk-wrong") == std::string::npos);
    CHECK(refused.error().message.find("sk-sim") == std::string::npos);

    o.api_key = "sk-sim-secret-key-123";
    HttpAdapter right(o, client);
    REQUIRE(generate(right, ask("q")).has_value());
  }
}
