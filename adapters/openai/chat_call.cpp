#include "adapters/openai/chat_call.hpp"

#include "adapters/openai/chat_sample.hpp"
#include "harness/util/strings.hpp"

namespace rb::adapters::openai {

ChatAdapter::Call::Call(std::string body_, const Request& request, SampleCallback done_,
                        std::size_t max_bytes)
    : body(std::move(body_)),
      oracle(request.oracle),
      prompt_chars(openai::prompt_chars(request.messages)),
      max_response_bytes(max_bytes),
      done(std::move(done_))
{
}

void ChatAdapter::Call::begin_attempt()
{
  ++attempts;
  attempt_start = http::Clock::now();
  streaming = false;
  raw.clear();
  sse.reset();
  stream = StreamAccumulator{};
  failure.clear();
}

double ChatAdapter::Call::elapsed_ms() const
{
  return std::chrono::duration<double, std::milli>(http::Clock::now() - attempt_start).count();
}

void ChatAdapter::Call::on_head(const http::HttpHead& head, bool stream_requested)
{
  const std::string type = util::to_lower(head.header("content-type").value_or(""));
  // A server that ignores "stream": true answers with one JSON body: parse that instead.
  streaming = stream_requested && head.status >= 200 && head.status < 300 &&
              type.find("application/json") == std::string::npos;
  if (streaming) {
    sse.emplace(
        [this](const http::SseEvent& event) {
          if (auto fed = stream.feed(event.data, elapsed_ms()); !fed) {
            failure = std::move(fed.error());
            return false;
          }
          return true;
        },
        max_response_bytes);
  }
}

bool ChatAdapter::Call::on_data(std::string_view bytes)
{
  if (!failure.empty()) {
    return false;
  }
  if (streaming) {
    if (auto fed = sse->feed(bytes); !fed && failure.empty()) {
      failure = std::move(fed.error());
    }
    return failure.empty();
  }
  if (raw.size() + bytes.size() > max_response_bytes) {
    failure = "the response exceeds " + std::to_string(max_response_bytes) + " bytes";
    return false;
  }
  raw.append(bytes);
  return true;
}

std::expected<std::pair<ChatResponse, std::string>, std::string> ChatAdapter::Call::response() const
{
  if (streaming) {
    if (!stream.complete()) {
      return std::unexpected("the stream ended without finish_reason or [DONE] after " +
                             std::to_string(stream.chunks()) + " chunks");
    }
    return std::pair{stream.response(), stream.reassembled_json()};
  }
  auto parsed = parse_completion(raw);
  if (!parsed) {
    return std::unexpected(std::move(parsed.error()));
  }
  return std::pair{std::move(*parsed), raw};
}

}  // namespace rb::adapters::openai
