#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "adapters/http/sse_parser.hpp"

using rb::adapters::http::SseEvent;
using rb::adapters::http::SseParser;

namespace {

struct Seen {
  std::string event;
  std::string data;
  std::string id;
  bool operator==(const Seen&) const = default;
};

struct Collector {
  std::vector<Seen> events;
  SseParser parser{[this](const SseEvent& e) {
                     events.push_back({std::string(e.event), std::string(e.data), std::string(e.id)});
                     return true;
                   },
                   1024};
};

std::vector<Seen> whole(const std::string& stream)
{
  Collector c;
  REQUIRE(c.parser.feed(stream).has_value());
  return c.events;
}

std::vector<Seen> byte_by_byte(const std::string& stream)
{
  Collector c;
  for (const char ch : stream) {
    REQUIRE(c.parser.feed(std::string_view(&ch, 1)).has_value());
  }
  return c.events;
}

const std::string k_chat_stream =
    ": keep-alive\n\n"
    "data: {\"choices\":[{\"delta\":{\"content\":\"Hel\"}}]}\n\n"
    "data: {\"choices\":[{\"delta\":{\"content\":\"lo\"}}]}\n\n"
    "event: usage\nid: 7\ndata: {\"usage\":{}}\n\n"
    "data: [DONE]\n\n";

}  // namespace

TEST_CASE("sse: a chat stream gives one event per blank line", "[sse]")
{
  const auto events = whole(k_chat_stream);
  REQUIRE(events.size() == 4);
  CHECK(events[0].data == "{\"choices\":[{\"delta\":{\"content\":\"Hel\"}}]}");
  CHECK(events[2] == Seen{"usage", "{\"usage\":{}}", "7"});
  CHECK(events[3].data == "[DONE]");
  CHECK(events[3].id == "7");  // the last event id persists
}

TEST_CASE("sse: feeding byte by byte equals feeding the whole stream", "[sse]")
{
  for (const std::string& stream :
       {k_chat_stream, std::string("data: a\r\ndata: b\r\n\r\nevent: x\rdata: c\r\rdata:d\n\n")}) {
    CHECK(byte_by_byte(stream) == whole(stream));
  }
}

TEST_CASE("sse: every split point gives the same events", "[sse]")
{
  const std::string stream = "data: one\r\n\r\ndata: two\r\ndata: three\r\n\r\n:c\r\ndata: four\r\n\r\n";
  const auto expected = whole(stream);
  REQUIRE(expected.size() == 3);
  for (std::size_t cut = 0; cut <= stream.size(); ++cut) {
    Collector c;
    REQUIRE(c.parser.feed(stream.substr(0, cut)).has_value());
    REQUIRE(c.parser.feed(stream.substr(cut)).has_value());
    CHECK(c.events == expected);
  }
}

TEST_CASE("sse: CRLF and LF and a lone CR all end lines", "[sse]")
{
  CHECK(whole("data: a\r\n\r\n") == std::vector<Seen>{{"", "a", ""}});
  CHECK(whole("data: a\n\n") == std::vector<Seen>{{"", "a", ""}});
  CHECK(whole("data: a\r\r") == std::vector<Seen>{{"", "a", ""}});
  // A CR at the end of one chunk and its LF at the start of the next are one line break.
  Collector c;
  REQUIRE(c.parser.feed("data: a\r").has_value());
  REQUIRE(c.parser.feed("\ndata: b\r").has_value());
  REQUIRE(c.parser.feed("\n\r\n").has_value());
  CHECK(c.events == std::vector<Seen>{{"", "a\nb", ""}});
}

TEST_CASE("sse: multi-line data is joined with newlines and comments are skipped", "[sse]")
{
  Collector c;
  REQUIRE(c.parser.feed(": ping\ndata: line 1\n: another comment\ndata:line 2\ndata\n\n").has_value());
  CHECK(c.events == std::vector<Seen>{{"", "line 1\nline 2\n", ""}});
  CHECK(c.parser.comments() == 2);
}

TEST_CASE("sse: fields follow the standard", "[sse]")
{
  // Only one leading space is removed; unknown fields are ignored; retry is remembered.
  Collector c;
  REQUIRE(c.parser
              .feed("\xEF\xBB\xBF"
                    "data:  two spaces\nfoo: bar\nretry: 1500\n\n")
              .has_value());
  CHECK(c.events == std::vector<Seen>{{"", " two spaces", ""}});
  CHECK(c.parser.retry_ms() == 1500);
  // A blank line without data dispatches nothing, and resets the event name.
  CHECK(whole("event: x\n\ndata: y\n\n") == std::vector<Seen>{{"", "y", ""}});
  // An empty data field still dispatches (with empty data); an unterminated event does not.
  CHECK(whole("data:\n\ndata: tail") == std::vector<Seen>{{"", "", ""}});
}

TEST_CASE("sse: a handler returning false stops the feed", "[sse]")
{
  int calls = 0;
  SseParser parser([&](const SseEvent&) { return ++calls < 2; });
  REQUIRE(parser.feed("data: 1\n\ndata: 2\n\ndata: 3\n\n").has_value());
  CHECK(calls == 2);
}

TEST_CASE("sse: the buffer cap turns an endless line or event into an error", "[sse]")
{
  Collector line;
  const std::string big(600, 'x');
  REQUIRE(line.parser.feed("data: " + big).has_value());
  const auto failed = line.parser.feed(big);
  REQUIRE_FALSE(failed.has_value());
  CHECK(failed.error().find("1024 bytes") != std::string::npos);
  CHECK_FALSE(line.parser.feed("\n\n").has_value());  // stays failed
  line.parser.reset();
  CHECK(line.parser.feed("data: ok\n\n").has_value());
  CHECK(line.events.size() == 1);

  Collector event;  // many short lines of one event
  std::string lines;
  for (int i = 0; i < 200; ++i) {
    lines += "data: 0123456789\n";
  }
  CHECK_FALSE(event.parser.feed(lines).has_value());
  CHECK(event.events.empty());
}
