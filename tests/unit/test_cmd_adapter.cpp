// The cmd: adapters with the fixture programs (tests/fixtures/adapters/cmd_*): one process per
// request and a persistent JSON-lines worker, through every failure: a non-zero exit, a crash,
// a hang (timeout), a reply that is not JSON, an error the program reports, cancellation.
#include <catch2/catch.hpp>

#include <future>

#include "adapters/cmd_adapter.hpp"
#include "adapters/cmd_worker.hpp"
#include "harness/core/error.hpp"
#include "tests/support/test_env.hpp"

using namespace std::chrono_literals;
using namespace rb;
using namespace rb::adapters;

namespace {

std::string fixture(const std::string& name)
{
  return test::source_dir() + "/tests/fixtures/adapters/" + name;
}

config::ModelConfig cmd_model(const std::string& command, bool worker = false)
{
  config::ModelConfig m;
  m.spec = "cmd:" + command;
  m.worker = worker;
  m.max_retries = 2;
  m.request_timeout_s = 2;
  return m;
}

Request ask(const std::string& text, int sample = 0)
{
  Request r;
  r.messages = {{"user", text}};
  r.sample_index = sample;
  r.params.max_tokens = 64;
  return r;
}

std::future<std::expected<Sample, Error>> start(Adapter& adapter, const Request& request)
{
  auto promise = std::make_shared<std::promise<std::expected<Sample, Error>>>();
  auto future = promise->get_future();
  adapter.start(request, [promise](std::expected<Sample, Error> r) { promise->set_value(std::move(r)); });
  return future;
}

std::expected<Sample, Error> generate(Adapter& adapter, const Request& request)
{
  auto future = start(adapter, request);
  REQUIRE(future.wait_for(30s) == std::future_status::ready);
  return future.get();
}

}  // namespace

TEST_CASE("cmd: one process per request, JSON and plain replies, reasoning separated", "[cmd]")
{
  const auto adapter = make_adapter(cmd_model("sh '" + fixture("cmd_once.sh") + "'"));
  CHECK(adapter->identity() == "cmd:sh '" + fixture("cmd_once.sh") + "'");
  const std::string body = adapter->request_body(ask("2+2?"));
  CHECK(body == R"({"max_tokens":64,"messages":[{"content":"2+2?","role":"user"}],"sample_index":0})");
  const auto json = generate(*adapter, ask("2+2?"));
  REQUIRE(json.has_value());
  CHECK(json->text == "The answer is 42.");
  CHECK(json->reasoning == "thinking about it");
  CHECK(json->usage.reported);
  CHECK(json->usage.reasoning_tokens == 4);
  CHECK(json->request_json == body);
  CHECK(json->timings.e2e_ms > 0);

  const auto plain = generate(*adapter, ask("plain-text please"));
  REQUIRE(plain.has_value());
  CHECK(plain->text == "plain answer 7");
  CHECK(plain->reasoning == "plain reasoning");
  CHECK_FALSE(plain->usage.reported);  // estimated
  CHECK(plain->usage.completion_tokens > 0);
}

TEST_CASE("cmd: failures are errors, crashes and timeouts are retried, exit codes are not", "[cmd]")
{
  const auto adapter = make_adapter(cmd_model("sh '" + fixture("cmd_once.sh") + "'"));
  const auto failed = generate(*adapter, ask("exit-three"));
  REQUIRE_FALSE(failed.has_value());
  CHECK(failed.error().kind == ErrorKind::rejected);
  CHECK(failed.error().message.find("exit status 3") != std::string::npos);
  CHECK(failed.error().message.find("something went wrong") != std::string::npos);

  const auto reported = generate(*adapter, ask("reported-error"));
  REQUIRE_FALSE(reported.has_value());
  CHECK(reported.error().message == "the program reported: model overloaded");

  const auto start_time = std::chrono::steady_clock::now();
  const auto hung = generate(*adapter, ask("hang"));
  REQUIRE_FALSE(hung.has_value());
  CHECK(hung.error().kind == ErrorKind::timeout);
  CHECK(hung.error().message.find("(gave up after 3 attempts)") != std::string::npos);
  CHECK(std::chrono::steady_clock::now() - start_time < 20s);
  CHECK(adapter->stats().retries == 2);
}

TEST_CASE("cmd: cancel_all kills running programs and ends their requests", "[cmd]")
{
  config::ModelConfig m = cmd_model("sh '" + fixture("cmd_once.sh") + "'");
  m.request_timeout_s = 60;
  const auto adapter = make_adapter(m);
  std::vector<std::future<std::expected<Sample, Error>>> futures;
  for (int i = 0; i < 4; ++i) {
    futures.push_back(start(*adapter, ask("hang " + std::to_string(i))));
  }
  std::this_thread::sleep_for(200ms);
  const auto before = std::chrono::steady_clock::now();
  adapter->cancel_all();
  CHECK(std::chrono::steady_clock::now() - before < 5s);
  for (auto& future : futures) {
    REQUIRE(future.wait_for(0s) == std::future_status::ready);
    const auto result = future.get();
    REQUIRE_FALSE(result.has_value());
    CHECK(result.error().kind == ErrorKind::cancelled);
  }
}

TEST_CASE("cmd worker: one process, answers out of order by id, restarts after a crash", "[cmd]")
{
  test::TempDir dir;
  setenv("RB_TEST_CRASH_MARKER", dir.file("crashed").c_str(), 1);
  const auto adapter = make_adapter(cmd_model("python3 '" + fixture("cmd_worker.py") + "'", true));
  auto* worker = dynamic_cast<cmd::WorkerAdapter*>(adapter.get());
  REQUIRE(worker != nullptr);
  auto first = start(*adapter, ask("hold first"));
  auto second = start(*adapter, ask("second"));
  REQUIRE(first.wait_for(20s) == std::future_status::ready);
  REQUIRE(second.wait_for(20s) == std::future_status::ready);
  const auto a = first.get();
  const auto b = second.get();
  REQUIRE(a.has_value());
  REQUIRE(b.has_value());
  CHECK(a->text == "echo: hold first");
  CHECK(b->text == "echo: second");
  CHECK(a->reasoning == b->reasoning);  // the same process answered both
  CHECK(worker->processes_started() == 1);

  const auto crashed = generate(*adapter, ask("crash-once"));
  REQUIRE(crashed.has_value());
  CHECK(crashed->text == "echo: crash-once");
  CHECK(crashed->retries == 1);
  CHECK(worker->processes_started() == 2);

  const auto reported = generate(*adapter, ask("reported-error"));
  REQUIRE_FALSE(reported.has_value());
  CHECK(reported.error().kind == ErrorKind::rejected);

  const auto hung = generate(*adapter, ask("hang"));
  REQUIRE_FALSE(hung.has_value());
  CHECK(hung.error().kind == ErrorKind::timeout);
  const auto after = generate(*adapter, ask("afterwards"));
  INFO((after.has_value() ? std::string() : after.error().message));
  REQUIRE(after.has_value());  // a fresh process took over
  unsetenv("RB_TEST_CRASH_MARKER");
}

TEST_CASE("cmd worker: many requests in flight at once all complete", "[cmd]")
{
  const auto adapter = make_adapter(cmd_model("python3 '" + fixture("cmd_worker.py") + "'", true));
  std::vector<std::future<std::expected<Sample, Error>>> futures;
  for (int i = 0; i < 100; ++i) {
    futures.push_back(start(*adapter, ask("q" + std::to_string(i))));
  }
  for (int i = 0; i < 100; ++i) {
    REQUIRE(futures[static_cast<std::size_t>(i)].wait_for(30s) == std::future_status::ready);
    const auto result = futures[static_cast<std::size_t>(i)].get();
    REQUIRE(result.has_value());
    CHECK(result->text == "echo: q" + std::to_string(i));
  }
  CHECK(adapter->stats().in_flight == 0);
}

TEST_CASE("cmd: a program that is not there is a configuration error", "[cmd]")
{
  CHECK_THROWS_AS(make_adapter(cmd_model("no-such-program-anywhere --flag")), ConfigError);
  config::ModelConfig m = cmd_model("sh -c true");
  m.base_url = "http://x/v1";
  CHECK_THROWS_AS(make_adapter(m), ConfigError);
  CHECK(cmd::split_command(R"(python3 "my engine.py" --name 'a b' c\ d)") ==
        std::vector<std::string>{"python3", "my engine.py", "--name", "a b", "c d"});
}
