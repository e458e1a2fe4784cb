// replay:FILE: recorded generations served by prompt and sample index; a missing one is an error.
#include <catch2/catch.hpp>

#include "adapters/registry.hpp"
#include "adapters/replay_adapter.hpp"
#include "harness/core/error.hpp"
#include "tests/support/test_env.hpp"

using namespace rb;
using namespace rb::adapters;

namespace {

config::ModelConfig replay_model(const std::string& path)
{
  config::ModelConfig m;
  m.spec = "replay:" + path;
  return m;
}

std::expected<Sample, Error> generate(Adapter& adapter, const Request& request)
{
  std::optional<std::expected<Sample, Error>> out;
  adapter.start(request, [&](std::expected<Sample, Error> r) { out = std::move(r); });
  REQUIRE(out.has_value());  // answered before start() returns
  return std::move(*out);
}

Request ask(std::vector<Message> messages, int sample)
{
  Request r;
  r.messages = std::move(messages);
  r.sample_index = sample;
  return r;
}

}  // namespace

TEST_CASE("replay: recorded generations by prompt and sample", "[replay]")
{
  const std::string path = test::source_dir() + "/tests/fixtures/adapters/replay.jsonl";
  const auto adapter = make_adapter(replay_model(path));
  CHECK(adapter->identity() == "replay:" + path);

  const auto first = generate(*adapter, ask({{"system", "Reason."}, {"user", "What is 2 + 3?"}}, 0));
  REQUIRE(first.has_value());
  CHECK(first->text == "The answer is \\boxed{5}.");
  CHECK(first->reasoning == "2 and 3 make 5.");
  CHECK(first->usage.reported);
  CHECK(first->usage.completion_tokens == 20);
  CHECK(first->response_json.find("\"prompt\"") != std::string::npos);

  const auto second = generate(*adapter, ask({{"user", "What is 2 + 3?"}}, 1));
  REQUIRE(second.has_value());
  CHECK(second->text == "The answer is \\boxed{6}.");
  CHECK_FALSE(second->usage.reported);

  const auto exact = generate(*adapter, ask({{"system", "Be brief."}, {"user", "What is 7 * 6?"}}, 0));
  REQUIRE(exact.has_value());
  CHECK(exact->reasoning == "seven sixes");
  CHECK(exact->model_reported == "recorded-model");

  const auto missing = generate(*adapter, ask({{"user", "What is 2 + 3?"}}, 2));
  REQUIRE_FALSE(missing.has_value());
  CHECK(missing.error().kind == ErrorKind::rejected);
  CHECK(missing.error().message.find("no recorded generation for sample 2") != std::string::npos);
}

TEST_CASE("replay: malformed files are configuration errors naming the line", "[replay]")
{
  test::TempDir dir;
  const auto error_of = [&](const std::string& text) {
    test::write_file(dir.file("r.jsonl"), text);
    try {
      make_adapter(replay_model(dir.file("r.jsonl")));
    } catch (const ConfigError& e) {
      return std::string(e.what());
    }
    return std::string("(no error)");
  };
  CHECK(error_of("{\"prompt\": \"a\", \"response\": \"b\"}\n{oops\n") == dir.file("r.jsonl") + ":2: not a JSON object");
  CHECK(error_of("{\"response\": \"b\"}\n").find(":1: needs 'prompt'") != std::string::npos);
  CHECK(error_of("{\"prompt\": \"a\"}\n").find("needs 'response'") != std::string::npos);
  CHECK(error_of("{\"prompt\": \"a\", \"response\": \"b\", \"sample\": -1}\n").find("'sample'") != std::string::npos);
  CHECK(error_of("\n\n").find("holds no generations") != std::string::npos);
}
