// Every dialect's recorded-style fixtures (tests/fixtures/adapters/) read by the adapters' wire
// code: reasoning separated, usage as reported (cache and reasoning counts where the API has
// them), finish reasons normalised, streams reassembled.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "adapters/http/sse_parser.hpp"
#include "adapters/openai/chat_sample.hpp"
#include "adapters/wire.hpp"
#include "tests/support/test_env.hpp"

using namespace rb;
using namespace rb::adapters;
using Json = nlohmann::json;

namespace {

std::string fixture(const std::string& name)
{
  return test::read_file(test::source_dir() + "/tests/fixtures/adapters/" + name);
}

WireOptions options_for(Api api, std::vector<std::string> fields = default_reasoning_fields())
{
  WireOptions o;
  o.api = api;
  o.model = "m";
  o.reasoning_fields = std::move(fields);
  return o;
}

/// Feeds a fixture stream through the SSE parser and the dialect's decoder in `piece`-byte reads.
std::unique_ptr<StreamDecoder> decode(const Dialect& dialect, const std::string& body, std::size_t piece = 7)
{
  auto decoder = dialect.stream_decoder();
  http::SseParser parser([&](const http::SseEvent& e) {
    auto fed = decoder->feed(e.event, e.data, 1.0);
    INFO(e.data);
    REQUIRE(fed.has_value());
    return true;
  });
  for (std::size_t at = 0; at < body.size(); at += piece) {
    REQUIRE(parser.feed(std::string_view(body).substr(at, piece)).has_value());
  }
  return decoder;
}

Sample sample_of(const WireResponse& response)
{
  return openai::to_sample(response, openai::SampleParts{});
}

}  // namespace

TEST_CASE("dialects: OpenAI chat, whole and streamed, hidden reasoning counted", "[dialects]")
{
  const auto dialect = make_dialect(options_for(Api::chat));
  const auto whole = dialect->parse(fixture("openai_chat.json"));
  REQUIRE(whole.has_value());
  CHECK(whole->content == "The sum is 5, so the answer is \\boxed{5}.");
  CHECK(whole->reasoning.empty());
  REQUIRE(whole->usage.has_value());
  CHECK(whole->usage->reasoning_tokens == 192);
  CHECK(whole->usage->completion_tokens == 210);
  CHECK(whole->model == "o3-mini-2025-01-31");

  const auto stream = decode(*dialect, fixture("openai_chat_stream.sse"));
  CHECK(stream->complete());
  CHECK(stream->response().content == "The sum is 5, so \\boxed{5}.\n");
  CHECK(stream->response().finish_reason == "stop");
  REQUIRE(stream->response().usage.has_value());
  CHECK(stream->response().usage->reasoning_tokens == 192);
  const Json reassembled = Json::parse(stream->reassembled_json());
  CHECK(reassembled["object"] == "chat.completion");
  CHECK(reassembled["usage"]["completion_tokens"] == 210);
  CHECK(reassembled["stream"] == true);
}

TEST_CASE("dialects: legacy completions take raw text and normalise finish reasons", "[dialects]")
{
  const auto dialect = make_dialect(options_for(Api::completions));
  CHECK(dialect->path() == "/completions");
  Request request;
  request.messages = {{"system", "S"}, {"user", "Q: 2+3?"}};
  request.params.max_tokens = 20;
  const Json body = Json::parse(dialect->body(request));
  CHECK(body["prompt"] == "S\n\nQ: 2+3?");
  CHECK(body["max_tokens"] == 20);
  CHECK_FALSE(body.contains("messages"));

  const auto whole = dialect->parse(fixture("openai_completions.json"));
  REQUIRE(whole.has_value());
  CHECK(whole->content == " 2 + 3 = 5. The answer is \\boxed{5}.");
  CHECK(whole->usage->completion_tokens == 14);
  const auto stream = decode(*dialect, fixture("openai_completions_stream.sse"));
  CHECK(stream->response().content == " 2 + 3 = 5.");
  CHECK(stream->response().finish_reason == "length");
  CHECK(stream->response().usage->prompt_tokens == 8);
  CHECK(Json::parse(stream->reassembled_json())["choices"][0]["text"] == " 2 + 3 = 5.");
}

TEST_CASE("dialects: Anthropic messages with thinking blocks, whole and streamed", "[dialects]")
{
  WireOptions o = options_for(Api::messages);
  o.thinking_budget = 2048;
  o.defaults.temperature = 1.0;
  o.defaults.seed = 5;  // the API has no seed: never sent
  const auto dialect = make_dialect(o);
  CHECK(dialect->path() == "/messages");
  Request request;
  request.messages = {{"system", "Be brief."}, {"user", "2+3?"}};
  const Json body = Json::parse(dialect->body(request));
  CHECK(body["system"] == "Be brief.");
  CHECK(body["messages"].size() == 1);
  CHECK(body["thinking"] == Json{{"type", "enabled"}, {"budget_tokens", 2048}});
  CHECK(body["max_tokens"].get<int>() > 2048);  // room for the answer on top of the thinking
  CHECK_FALSE(body.contains("seed"));
  http::Headers headers;
  dialect->add_headers(headers, "sk-ant-test");
  CHECK(headers == http::Headers{{"x-api-key", "sk-ant-test"}, {"anthropic-version", "2023-06-01"}});

  const auto whole = dialect->parse(fixture("anthropic_message.json"));
  REQUIRE(whole.has_value());
  CHECK(whole->reasoning == "2 plus 3 is 5.");
  CHECK(whole->content == "The answer is \\boxed{5}.");
  CHECK(whole->finish_reason == "stop");
  CHECK(whole->usage->prompt_tokens == 16);  // input + cache reads
  CHECK(whole->usage->cached_tokens == 4);
  CHECK(whole->usage->completion_tokens == 48);
  const Sample sample = sample_of(*whole);
  CHECK(sample.text == "The answer is \\boxed{5}.");
  CHECK(sample.reasoning == "2 plus 3 is 5.");
  CHECK(sample.usage.reasoning_tokens > 0);  // split by length: the API counts only totals
  CHECK(sample.usage.reasoning_tokens < 48);

  const auto stream = decode(*dialect, fixture("anthropic_stream.sse"), 11);
  CHECK(stream->complete());
  CHECK(stream->response().reasoning == "2 plus 3 is 5.");
  CHECK(stream->response().content == "The answer is \\boxed{5}.");
  CHECK(stream->response().usage->completion_tokens == 48);
  CHECK(stream->response().usage->prompt_tokens == 12);
  CHECK(stream->ttft_ms() >= 0);
  const Json reassembled = Json::parse(stream->reassembled_json());
  CHECK(reassembled["content"][0]["type"] == "thinking");
  CHECK(reassembled["stop_reason"] == "end_turn");

  const auto error = dialect->parse(fixture("anthropic_error.json"));
  REQUIRE_FALSE(error.has_value());
  CHECK(error.error().find("Overloaded") != std::string::npos);
}

TEST_CASE("dialects: DeepSeek reasoning_content and cache-hit usage", "[dialects]")
{
  const auto dialect = make_dialect(options_for(Api::chat, {"reasoning_content"}));
  const auto whole = dialect->parse(fixture("deepseek_chat.json"));
  REQUIRE(whole.has_value());
  CHECK(whole->reasoning == "We add 2 and 3.\nThat gives 5.");
  CHECK(whole->reasoning_field == "reasoning_content");
  CHECK(whole->usage->reasoning_tokens == 32);
  const auto stream = decode(*dialect, fixture("deepseek_stream.sse"));
  CHECK(stream->response().reasoning == "We add 2 and 3.");
  CHECK(stream->response().content == "\\boxed{5}");
  CHECK(stream->response().usage->cached_tokens == 8);
  CHECK(stream->response().usage->reasoning_tokens == 32);
}

TEST_CASE("dialects: vLLM, SGLang and Ollama reasoning fields, lengths split the tokens", "[dialects]")
{
  for (const auto& [file, reasoning] :
       std::vector<std::pair<std::string, std::string>>{{"vllm_stream.sse", "Two plus three is five."},
                                                        {"sglang_stream.sse", "Add them: 5."},
                                                        {"ollama_stream.sse", "Adding 2 and 3 gives 5."}}) {
    INFO(file);
    const auto stream = decode(*make_dialect(options_for(Api::chat)), fixture(file));
    CHECK(stream->complete());
    CHECK(stream->response().reasoning == reasoning);
    CHECK(stream->response().content == "\\boxed{5}");
    REQUIRE(stream->response().usage.has_value());
    const Sample sample = sample_of(stream->response());
    CHECK(sample.text == "\\boxed{5}");
    CHECK(sample.usage.reported);
    CHECK(sample.usage.reasoning_tokens > 0);
  }
}

TEST_CASE("dialects: llama.cpp timings give cached tokens and are kept", "[dialects]")
{
  const auto dialect = make_dialect(options_for(Api::chat));
  const auto whole = dialect->parse(fixture("llamacpp_chat.json"));
  REQUIRE(whole.has_value());
  CHECK(whole->usage->cached_tokens == 6);
  CHECK(Json::parse(whole->timings_json)["predicted_per_second"] == 68.7);
  const auto stream = decode(*dialect, fixture("llamacpp_stream.sse"));
  CHECK(stream->response().reasoning == "Two and three make five.");
  CHECK(stream->response().usage->completion_tokens == 11);
  CHECK(stream->response().usage->cached_tokens == 6);
  CHECK(Json::parse(stream->reassembled_json())["timings"]["predicted_n"] == 11);
}

TEST_CASE("dialects: TGI keeps reasoning in tags, configured tags split other markers", "[dialects]")
{
  const auto stream = decode(*make_dialect(options_for(Api::chat)), fixture("tgi_stream.sse"), 5);
  const Sample sample = sample_of(stream->response());
  CHECK(sample.reasoning == "Two plus three is five.");
  CHECK(sample.text == "\\boxed{5}");
  CHECK(stream->first_answer_ms() >= 0);

  WireResponse custom;
  custom.content = "<seed:think>plan</seed:think>answer";
  const ReasoningTags tags(std::vector<TagPair>{{"<seed:think>", "</seed:think>"}});
  openai::SampleParts parts;
  parts.tags = &tags;
  const Sample split = openai::to_sample(custom, parts);
  CHECK(split.reasoning == "plan");
  CHECK(split.text == "answer");
  CHECK(sample_of(custom).text == custom.content);  // not a default pair
}

TEST_CASE("dialects: chat bodies carry reasoning_effort, n and extra parameters, sorted", "[dialects]")
{
  WireOptions o = options_for(Api::chat);
  o.token_limit_field = TokenLimitField::max_completion_tokens;
  o.reasoning_effort = "high";
  o.n = 3;
  o.extra_params_json = R"({"chat_template_kwargs":{"enable_thinking":true},"top_k":20,"model":"ignored"})";
  Request request;
  request.messages = {{"user", "q"}};
  request.params.seed = 9;
  request.params.max_tokens = 100;
  const std::string text = make_dialect(o)->body(request);
  const Json body = Json::parse(text);
  CHECK(body["reasoning_effort"] == "high");
  CHECK(body["n"] == 3);
  CHECK(body["max_completion_tokens"] == 100);
  CHECK(body["seed"] == 9);
  CHECK(body["top_k"] == 20);
  CHECK(body["chat_template_kwargs"]["enable_thinking"] == true);
  CHECK(body["model"] == "m");  // extra parameters never replace what the harness sets
  CHECK(text.find("\"chat_template_kwargs\"") < text.find("\"max_completion_tokens\""));
}

TEST_CASE("dialects: several choices are read whole and streamed", "[dialects]")
{
  WireOptions o = options_for(Api::chat);
  o.n = 2;
  const auto dialect = make_dialect(o);
  const auto whole = dialect->parse(
      R"({"choices":[{"index":0,"message":{"content":"a"},"finish_reason":"stop"},)"
      R"({"index":1,"message":{"content":"<think>r</think>b"},"finish_reason":"length"}],)"
      R"("usage":{"prompt_tokens":10,"completion_tokens":8}})");
  REQUIRE(whole.has_value());
  REQUIRE(whole->more_choices.size() == 1);
  const Sample second = openai::to_sample(whole->more_choices[0], *whole, openai::SampleParts{});
  CHECK(second.text == "b");
  CHECK(second.reasoning == "r");
  CHECK(second.finish_reason == "length");
  CHECK(second.usage.completion_tokens == 4);
  const auto stream = decode(
      *dialect, "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"x\"}},{\"index\":1,\"delta\":{\"content\":\"y\"}}]}\n\n"
                "data: {\"choices\":[{\"index\":1,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n"
                "data: {\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\ndata: [DONE]\n\n");
  CHECK(stream->response().content == "x");
  REQUIRE(stream->response().more_choices.size() == 1);
  CHECK(stream->response().more_choices[0].content == "y");
}
