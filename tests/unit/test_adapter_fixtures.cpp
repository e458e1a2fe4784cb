// The whole (non-streamed) bodies and the error bodies of every engine's dialect, from the
// recorded-style fixtures (tests/fixtures/adapters/): the answer and the reasoning come apart
// wherever the engine puts the reasoning, and an error is quoted in the engine's own words
// whatever the shape of its error object.
#include <catch2/catch.hpp>

#include "adapters/openai/chat_sample.hpp"
#include "adapters/openai/chat_wire.hpp"
#include "adapters/wire.hpp"
#include "tests/support/test_env.hpp"

using namespace rb;
using namespace rb::adapters;

namespace {

std::string fixture(const std::string& name)
{
  return test::read_file(test::source_dir() + "/tests/fixtures/adapters/" + name);
}

struct WholeCase {
  std::string file;
  std::string reasoning;
  std::int64_t completion_tokens;
};

}  // namespace

TEST_CASE("fixtures: every engine's whole chat body separates the reasoning from the answer", "[dialects]")
{
  WireOptions o;
  o.api = Api::chat;
  o.model = "m";
  const auto dialect = make_dialect(o);
  const std::vector<WholeCase> cases = {
      {"vllm_chat.json", "Two plus three is five.", 12},  // both `reasoning` and `reasoning_content`: once
      {"sglang_chat.json", "Add them: 5.", 10},
      {"ollama_chat.json", "Adding 2 and 3 gives 5.", 20},
      {"tgi_chat.json", "Two plus three is five.", 14},  // in <think> tags
      {"llamacpp_chat.json", "Two and three make five.", 11},
      {"deepseek_chat.json", "We add 2 and 3.\nThat gives 5.", 40},
  };
  for (const WholeCase& c : cases) {
    INFO(c.file);
    const auto whole = dialect->parse(fixture(c.file));
    REQUIRE(whole.has_value());
    CHECK(whole->finish_reason == "stop");
    const Sample sample = openai::to_sample(*whole, openai::SampleParts{});
    CHECK(sample.text == "\\boxed{5}");
    CHECK(sample.reasoning == c.reasoning);
    CHECK_FALSE(sample.reasoning_unclosed);
    CHECK(sample.usage.reported);
    CHECK(sample.usage.completion_tokens == c.completion_tokens);
    CHECK(sample.usage.reasoning_tokens > 0);
    CHECK(sample.usage.reasoning_tokens <= c.completion_tokens);
  }
}

TEST_CASE("fixtures: every engine's error body is quoted in its own words", "[dialects]")
{
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"openai_error_429.json", "Rate limit reached for o3-mini"},
      {"deepseek_error.json", "Insufficient Balance"},
      {"vllm_error.json", "The model `DeepSeek-R1` does not exist."},  // top-level message
      {"sglang_error.json", "exceeds the model's maximum context length"},
      {"llamacpp_error.json", "Loading model"},
      {"ollama_error.json", "model \"qwq\" not found, try pulling it first"},
      {"tgi_error.json", "Input validation error: `inputs` tokens"},  // "error" is a string
      {"anthropic_error.json", "Overloaded"},
      {"anthropic_error_429.json", "Number of request tokens has exceeded your per-minute rate limit"},
  };
  for (const auto& [file, words] : cases) {
    INFO(file);
    const std::string said = openai::error_message(fixture(file), openai::k_server_message_chars);
    CHECK(said.find(words) != std::string::npos);
    CHECK(said.find('{') == std::string::npos);  // the message, not the JSON around it
    CHECK(said.size() <= openai::k_server_message_chars + 3);
  }
}

TEST_CASE("fixtures: an error object in a 200 body is a protocol error quoting it", "[dialects]")
{
  WireOptions o;
  o.model = "m";
  for (const Api api : {Api::chat, Api::completions}) {
    o.api = api;
    const auto parsed = make_dialect(o)->parse(fixture("ollama_error.json"));
    REQUIRE_FALSE(parsed.has_value());
    CHECK(parsed.error().find("try pulling it first") != std::string::npos);
  }
  o.api = Api::messages;
  const auto anthropic = make_dialect(o)->parse(fixture("anthropic_error_429.json"));
  REQUIRE_FALSE(anthropic.has_value());
  CHECK(anthropic.error().find("per-minute rate limit") != std::string::npos);
}
