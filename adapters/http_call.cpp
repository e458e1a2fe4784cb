#include "adapters/http_call.hpp"

#include <charconv>
#include <cmath>

#include "adapters/openai/chat_sample.hpp"
#include "harness/util/strings.hpp"

namespace rb::adapters {

namespace {

constexpr double k_micros_per_ms = 1000;

/// `json` (an object) with "chunk_ms": [...] added before its closing brace.
std::string with_chunk_times(std::string json, const std::vector<std::uint32_t>& times)
{
  if (times.empty() || !json.ends_with('}')) {
    return json;
  }
  json.pop_back();
  json += ",\"chunk_ms\":[";
  char buffer[16];
  for (std::size_t i = 0; i < times.size(); ++i) {
    if (i > 0) {
      json += ',';
    }
    const auto end = std::to_chars(buffer, buffer + sizeof buffer, times[i]).ptr;
    json.append(buffer, end);
  }
  json += "]}";
  return json;
}

}  // namespace

HttpAdapter::Call::Call(std::string body_, const Request& request, ChoicesCallback done_, std::size_t max_bytes,
                        std::int64_t token_estimate_)
    : body(std::move(body_)),
      oracle(request.oracle),
      prompt_chars(openai::prompt_chars(request.messages)),
      max_response_bytes(max_bytes),
      token_estimate(token_estimate_),
      done(std::move(done_))
{
}

void HttpAdapter::Call::begin_attempt()
{
  ++attempts;
  attempt_start = http::Clock::now();
  streaming = false;
  raw.clear();
  sse.reset();
  stream.reset();
  chunk_ms.clear();
  text_chunks.clear();
  text_bytes = 0;
  failure.clear();
}

double HttpAdapter::Call::elapsed_ms() const
{
  return std::chrono::duration<double, std::milli>(http::Clock::now() - attempt_start).count();
}

void HttpAdapter::Call::on_head(const http::HttpHead& head, bool stream_requested, const Dialect& dialect)
{
  const std::string type = util::to_lower(head.header("content-type").value_or(""));
  // A server that ignores "stream": true answers with one JSON body: parse that instead.
  streaming = stream_requested && head.status >= 200 && head.status < 300 &&
              type.find("application/json") == std::string::npos;
  if (!streaming) {
    return;
  }
  stream = dialect.stream_decoder();
  sse.emplace(
      [this](const http::SseEvent& event) {
        chunk_ms.push_back(static_cast<std::uint32_t>(data_ms + 0.5));
        if (auto fed = stream->feed(event.event, event.data, data_ms); !fed) {
          failure = std::move(fed.error());
          return false;
        }
        const WireResponse& so_far = stream->response();
        if (const std::size_t bytes = so_far.content.size() + so_far.reasoning.size(); bytes > text_bytes) {
          text_bytes = bytes;
          text_chunks.add(static_cast<std::uint64_t>(std::llround(data_ms * k_micros_per_ms)));
        }
        return true;
      },
      max_response_bytes);
}

bool HttpAdapter::Call::on_data(std::string_view bytes)
{
  if (!failure.empty()) {
    return false;
  }
  if (streaming) {
    data_ms = elapsed_ms();
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

std::expected<std::pair<WireResponse, std::string>, std::string> HttpAdapter::Call::response(
    const Dialect& dialect) const
{
  if (streaming) {
    if (!stream->complete()) {
      return std::unexpected("the stream ended before it said it was complete, after " +
                             std::to_string(stream->chunks()) + " chunks");
    }
    return std::pair{stream->response(), with_chunk_times(stream->reassembled_json(), chunk_ms)};
  }
  auto parsed = dialect.parse(raw);
  if (!parsed) {
    return std::unexpected(std::move(parsed.error()));
  }
  return std::pair{std::move(*parsed), raw};
}

}  // namespace rb::adapters
