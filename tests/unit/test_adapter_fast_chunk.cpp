// The chat-chunk fast path (adapters/openai/fast_chunk.cpp) against the general JSON path: the
// same text for every shape it accepts, a fallback for every shape it does not.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "adapters/openai/chat_stream.hpp"
#include "adapters/openai/fast_chunk.hpp"
#include "adapters/openai/fast_completion.hpp"
#include "adapters/openai/fast_json.hpp"

using namespace rb::adapters;
using rb::adapters::openai::StreamAccumulator;
using Json = nlohmann::json;

namespace {

/// What the general parser reads from `chunk` (content, reasoning, finish).
struct Read {
  std::string content;
  std::string reasoning;
  std::string finish;
  bool operator==(const Read&) const = default;
};

Read general(const std::string& chunk)
{
  const Json json = Json::parse(chunk);
  Read out;
  for (const auto& choice : json.value("choices", Json::array())) {
    const Json delta = choice.value("delta", Json::object());
    if (delta.contains("content") && delta["content"].is_string()) {
      out.content += delta["content"].get<std::string>();
    }
    for (const char* key : {"reasoning_content", "reasoning"}) {
      if (delta.contains(key) && delta[key].is_string() && out.reasoning.empty()) {
        out.reasoning = delta[key].get<std::string>();
      }
    }
    if (choice.contains("finish_reason") && choice["finish_reason"].is_string()) {
      out.finish = choice["finish_reason"].get<std::string>();
    }
  }
  return out;
}

Read fast(const std::string& chunk, bool& used_fast)
{
  StreamAccumulator accumulator;
  REQUIRE(accumulator.feed(chunk, 1.0).has_value());
  used_fast = accumulator.fast_chunks() == 1;
  return Read{accumulator.response().content, accumulator.response().reasoning,
              accumulator.response().finish_reason};
}

}  // namespace

TEST_CASE("fast chunk: common shapes read as the general parser reads them", "[fast_chunk]")
{
  const std::vector<std::string> chunks = {
      R"({"id":"c1","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"content":"hi"},"finish_reason":null}]})",
      R"({"choices":[{"index":0,"delta":{"role":"assistant","content":"","refusal":null},"logprobs":null,"finish_reason":null}],"usage":null})",
      R"({"choices":[{"index":0,"delta":{"reasoning_content":"step \"one\"\n\ttwo \\ \/ \u00e9\u4e2d"},"finish_reason":null}]})",
      R"({"choices":[{"index":0,"delta":{"content":"emoji \ud83d\ude00 done"},"finish_reason":"stop"}]})",
      R"(  { "choices" : [ { "index" : 0 , "delta" : { "reasoning" : "spaced" } , "finish_reason" : null } ] }  )",
      R"({"choices":[{"delta":{"content":null,"reasoning_content":"x"},"index":0,"extra":{"a":[1,2,{"b":null}],"c":-1.5e3,"d":true}}],"x":[]})",
      R"({"choices":[{"index":0,"delta":{},"finish_reason":"length"}]})",
      R"({"choices":[],"system_fingerprint":"fp"})",
      R"({"choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"name":"f"}}]},"finish_reason":null}]})",
  };
  for (const std::string& chunk : chunks) {
    INFO(chunk);
    bool used_fast = false;
    CHECK(fast(chunk, used_fast) == general(chunk));
    CHECK(used_fast);
  }
}

TEST_CASE("fast chunk: usage, errors, several choices and malformed text take the general path", "[fast_chunk]")
{
  const std::vector<std::string> fall_back = {
      R"({"choices":[],"usage":{"prompt_tokens":1,"completion_tokens":2}})",
      R"({"choices":[{"index":1,"delta":{"content":"b"}}]})",
      R"({"choices":[{"index":0,"delta":{"content":"a"}},{"index":1,"delta":{"content":"b"}}]})",
      R"({"choices":[{"index":0,"delta":{"content":[{"type":"text","text":"parts"}]}}]})",
      R"({"choices":[{"index":0,"delta":{"content":"x"},"finish_reason":"stop"}],"timings":{"predicted_n":3}})",
      R"({"choices":[{"index":0,"delta":{"content":"bad \q escape"}}]})",
  };
  for (const std::string& chunk : fall_back) {
    INFO(chunk);
    StreamAccumulator accumulator;
    (void)accumulator.feed(chunk, 1.0);
    CHECK(accumulator.fast_chunks() == 0);
  }
  StreamAccumulator malformed;
  CHECK_FALSE(malformed.feed("{not json", 1.0).has_value());
  CHECK_FALSE(malformed.feed(R"({"choices":[{"index":0,"delta":{"content":"x"}}]} trailing)", 1.0).has_value());
  StreamAccumulator error;
  const auto result = error.feed(R"({"error":{"message":"overloaded","type":"server_error"}})", 1.0);
  REQUIRE_FALSE(result.has_value());
  CHECK(result.error().find("overloaded") != std::string::npos);
}

TEST_CASE("fast chunk: a long stream keeps ids, timing and order", "[fast_chunk]")
{
  StreamAccumulator accumulator;
  std::string expected;
  for (int i = 0; i < 200; ++i) {
    const std::string piece = (i < 150 ? "r" : "a") + std::to_string(i) + " ";
    const std::string field = i < 150 ? "reasoning_content" : "content";
    if (i >= 150) {
      expected += piece;
    }
    const std::string chunk = R"({"id":"chatcmpl-9","created":77,"model":"mm","choices":[{"index":0,"delta":{")" +
                              field + R"(":")" + piece + R"("},"finish_reason":)" + (i == 199 ? "\"stop\"" : "null") +
                              "}]}";
    REQUIRE(accumulator.feed(chunk, static_cast<double>(i)).has_value());
  }
  CHECK(accumulator.fast_chunks() == 200);
  CHECK(accumulator.response().content == expected);
  CHECK(accumulator.response().id == "chatcmpl-9");
  CHECK(accumulator.response().created == 77);
  CHECK(accumulator.response().model == "mm");
  CHECK(accumulator.response().reasoning_field == "reasoning_content");
  CHECK(accumulator.ttft_ms() == 0);
  CHECK(accumulator.first_answer_ms() == 150);
  CHECK(accumulator.complete());
}

TEST_CASE("fast chunk: unescaping follows JSON", "[fast_chunk]")
{
  std::string out;
  CHECK(openai::detail::append_unescaped(R"(a\"b\\c\/d\b\f\n\r\t\u0041\u00e9\ud83d\ude00)", out));
  CHECK(out == "a\"b\\c/d\b\f\n\r\tA\xc3\xa9\xf0\x9f\x98\x80");
  std::string lone;
  CHECK(openai::detail::append_unescaped(R"(\ud83d!)", lone));
  CHECK(lone == "\xef\xbf\xbd!");
  std::string bad;
  CHECK_FALSE(openai::detail::append_unescaped(R"(\x)", bad));
  CHECK_FALSE(openai::detail::append_unescaped(R"(\u12)", bad));
}

TEST_CASE("fast completion: whole bodies of the common shape read like the general parser", "[fast_chunk]")
{
  using rb::adapters::openai::detail::FastRead;
  using rb::adapters::openai::detail::read_completion;
  const std::vector<std::string> fields = {"reasoning_content", "reasoning"};
  const std::vector<std::string> bodies = {
      R"({"id":"c","object":"chat.completion","created":5,"model":"m","choices":[{"index":0,"message":{"role":"assistant","content":"a \"q\"\n"},"finish_reason":"stop"}],"usage":{"prompt_tokens":3,"completion_tokens":7,"total_tokens":10,"completion_tokens_details":{"reasoning_tokens":2},"prompt_tokens_details":{"cached_tokens":1}}})",
      R"({"choices":[{"message":{"content":"x","reasoning_content":"r\u00e9"},"finish_reason":"length","index":0,"logprobs":null}],"usage":{"prompt_tokens":1,"completion_tokens":2,"prompt_cache_hit_tokens":4,"prompt_tokens_details":null},"system_fingerprint":"fp"})",
      R"({"choices":[{"index":0,"message":{"content":null,"reasoning":"only reasoning"},"finish_reason":"stop"}]})",
  };
  for (const std::string& body : bodies) {
    INFO(body);
    rb::adapters::WireResponse fast;
    REQUIRE(read_completion(body, fields, fast) == FastRead::ok);
    const Json json = Json::parse(body);
    const Json& message = json["choices"][0]["message"];
    CHECK(fast.content == (message["content"].is_string() ? message["content"].get<std::string>() : ""));
    const std::string reasoning = message.contains("reasoning_content") ? message["reasoning_content"].get<std::string>()
                                  : message.contains("reasoning")       ? message["reasoning"].get<std::string>()
                                                                        : "";
    CHECK(fast.reasoning == reasoning);
    CHECK(fast.finish_reason == json["choices"][0]["finish_reason"].get<std::string>());
    CHECK(fast.usage.has_value() == json.contains("usage"));
  }
  rb::adapters::WireResponse first;
  REQUIRE(read_completion(bodies[0], fields, first) == FastRead::ok);
  CHECK(first.usage->reasoning_tokens == 2);
  CHECK(first.usage->cached_tokens == 1);
  CHECK(first.id == "c");
  CHECK(first.created == 5);
  rb::adapters::WireResponse second;
  REQUIRE(read_completion(bodies[1], fields, second) == FastRead::ok);
  CHECK(second.usage->cached_tokens == 4);
  CHECK(second.reasoning_field == "reasoning_content");

  for (const std::string& other : {
           std::string(R"({"choices":[{"index":0,"message":{"content":"a"}},{"index":1,"message":{"content":"b"}}]})"),
           std::string(R"({"choices":[{"index":0,"message":{"content":[{"type":"text","text":"a"}]}}]})"),
           std::string(R"({"choices":[{"index":0,"message":{"content":"a"}}],"timings":{"cache_n":1}})"),
           std::string(R"({"error":{"message":"no"}})"),
           std::string(R"({"choices":[{"index":0,"message":{"content":"a"}}]} junk)"),
           std::string(R"({"choices":[]})"),
       }) {
    INFO(other);
    rb::adapters::WireResponse out;
    CHECK(read_completion(other, fields, out) == FastRead::fallback);
  }
}

TEST_CASE("fast json: strings are written escaped and valid UTF-8", "[fast_chunk]")
{
  std::string out;
  rb::adapters::openai::detail::append_json_string(out, "a\"b\\c\n\x01 \xc3\xa9 \xff end");
  CHECK(out == "\"a\\\"b\\\\c\\n\\u0001 \xc3\xa9 \xef\xbf\xbd end\"");
  CHECK(Json::parse(out).get<std::string>() == "a\"b\\c\n\x01 \xc3\xa9 \xef\xbf\xbd end");
}

TEST_CASE("fast json: strings end at the first unescaped quote at every offset and length", "[fast_chunk]")
{
  // The scanner reads eight bytes at a time: put quotes, backslashes and escaped quotes at every
  // position around the word boundaries, and start the text at every alignment.
  for (std::size_t pad = 0; pad < 8; ++pad) {
    for (std::size_t length = 0; length < 40; ++length) {
      for (const char* inner : {"\\\"", "\\\\", "\\n"}) {
        for (std::size_t at = 0; at <= length; ++at) {
          std::string body(length, 'x');
          body.insert(at, inner);  // an escape somewhere inside
          const std::string text = std::string(pad, ' ') + "\"" + body + "\",\"next\"";
          openai::detail::Cursor cursor(text);
          openai::detail::RawString out;
          INFO("pad " << pad << " length " << length << " escape at " << at);
          REQUIRE(cursor.string(out));
          CHECK(out.raw == body);
          CHECK(out.escaped);
          CHECK(cursor.eat(','));
        }
      }
      const std::string plain = std::string(pad, ' ') + "\"" + std::string(length, '\xC3') + "\"";
      openai::detail::Cursor cursor(plain);
      openai::detail::RawString out;
      REQUIRE(cursor.string(out));
      CHECK(out.raw.size() == length);
      CHECK_FALSE(out.escaped);
      CHECK(cursor.at_end());
      // Unterminated, or ending in a lone backslash: refused, never read past the end.
      openai::detail::Cursor open(std::string_view(plain).substr(0, plain.size() - 1));
      CHECK_FALSE(open.string(out));
      const std::string dangling = "\"" + std::string(length, 'y') + "\\";
      openai::detail::Cursor lone(dangling);
      CHECK_FALSE(lone.string(out));
    }
  }
}
