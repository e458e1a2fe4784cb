#include "adapters/openai/chat_adapter.hpp"

#include <random>

#include "adapters/openai/chat_call.hpp"
#include "adapters/openai/chat_sample.hpp"
#include "harness/util/strings.hpp"

namespace rb::adapters::openai {

namespace {

std::uint64_t random_seed()
{
  std::random_device device;
  return (static_cast<std::uint64_t>(device()) << 32) ^ device();
}

double to_ms(http::Clock::duration d)
{
  return std::chrono::duration<double, std::milli>(d).count();
}

std::string without_trailing_slash(std::string url)
{
  while (url.ends_with('/')) {
    url.pop_back();
  }
  return url;
}

ChatOptions normalised(ChatOptions options)
{
  options.base_url = without_trailing_slash(std::move(options.base_url));
  return options;
}

}  // namespace

ChatAdapter::ChatAdapter(ChatOptions options, std::shared_ptr<http::HttpClient> client)
    : m_options(normalised(std::move(options))),
      m_client(client ? std::move(client) : http::HttpClient::shared()),
      m_group(m_client->new_group()),
      m_url(m_options.base_url + "/chat/completions"),
      m_host(http::host_of(m_url)),
      m_retry(m_options.retry, m_options.retry_seed != 0 ? m_options.retry_seed : random_seed())
{
}

ChatAdapter::~ChatAdapter()
{
  cancel_all();
}

std::string ChatAdapter::identity() const
{
  return m_options.kind + ":" + m_options.base_url + "#" + m_options.model;
}

std::string ChatAdapter::request_body(const Request& request) const
{
  return build_body(request, BodyOptions{m_options.model, m_options.stream, m_options.defaults,
                                         m_options.token_limit_field});
}

void ChatAdapter::start(const Request& request, SampleCallback done)
{
  auto call =
      std::make_shared<Call>(request_body(request), request, std::move(done), m_options.max_response_bytes);
  m_started.fetch_add(1);
  m_in_flight.fetch_add(1);
  attempt(call);
}

void ChatAdapter::cancel_all()
{
  m_client->cancel_group(m_group);
}

AdapterStats ChatAdapter::stats() const
{
  return AdapterStats{m_started.load(), m_retries.load(), m_in_flight.load()};
}

http::HttpRequest ChatAdapter::http_request(const Call& call) const
{
  http::HttpRequest request;
  request.url = m_url;
  request.body = call.body;
  request.headers.emplace_back("Content-Type", "application/json");
  request.headers.emplace_back("Accept", m_options.stream ? "text/event-stream" : "application/json");
  if (!m_options.api_key.empty()) {
    request.headers.emplace_back("Authorization", "Bearer " + m_options.api_key);
  }
  if (m_options.send_oracle && !call.oracle.empty()) {
    request.headers.emplace_back(k_oracle_header, util::percent_encode(call.oracle));
  }
  for (const auto& header : m_options.extra_headers) {
    request.headers.push_back(header);
  }
  request.connect_timeout = m_options.connect_timeout;
  // A stream's first byte comes at once; a non-streamed body only when the whole answer is ready.
  request.first_byte_timeout = m_options.stream ? m_options.idle_timeout : http::Milliseconds(0);
  request.idle_timeout = m_options.idle_timeout;
  request.total_timeout = m_options.total_timeout;
  return request;
}

void ChatAdapter::attempt(const std::shared_ptr<Call>& call)
{
  call->begin_attempt();
  http::HttpHandlers handlers;
  handlers.on_head = [this, call](const http::HttpHead& head) { call->on_head(head, m_options.stream); };
  handlers.on_data = [call](std::string_view bytes) { return call->on_data(bytes); };
  handlers.on_done = [this, call](http::HttpResult result) { attempt_done(call, std::move(result)); };
  m_client->start(http_request(*call), std::move(handlers), m_group);
}

void ChatAdapter::attempt_done(const std::shared_ptr<Call>& call, http::HttpResult result)
{
  Error error;
  switch (result.outcome) {
    case http::HttpOutcome::cancelled:
      finish(call, std::unexpected(Error{ErrorKind::cancelled, "cancelled"}));
      return;
    case http::HttpOutcome::aborted:
      error = Error{ErrorKind::protocol, "protocol error from " + m_host + ": " + call->failure};
      break;
    case http::HttpOutcome::transport:
      error = Error{ErrorKind::transport, result.error};
      break;
    case http::HttpOutcome::timeout:
      error = Error{ErrorKind::timeout, result.error};
      break;
    case http::HttpOutcome::completed: {
      const int status = result.head.status;
      if (status < 200 || status >= 300) {
        const bool rejected = status >= 300 && status < 500 && status != 408 && status != 429;
        const std::string said = error_message(redact(call->raw), k_server_message_chars);
        error = Error{
            rejected ? ErrorKind::rejected : ErrorKind::http,
            "HTTP " + std::to_string(status) + " from " + m_host + (said.empty() ? "" : ": " + said), status};
        break;
      }
      auto response = call->response();
      if (!response) {
        error = Error{ErrorKind::protocol, "protocol error from " + m_host + ": " + response.error()};
        break;
      }
      Timings timings;
      timings.e2e_ms = to_ms(result.total);
      if (call->streaming) {
        timings.ttft_ms = call->stream.ttft_ms();
        timings.first_answer_ms = call->stream.first_answer_ms();
        timings.chunks = call->stream.chunks();
      }
      SampleParts parts{call->body,
                        redact(std::move(response->second)),
                        timings,
                        call->attempts - 1,
                        call->prompt_chars,
                        m_options.prices};
      Sample sample = to_sample(response->first, std::move(parts));
      sample.text = redact(std::move(sample.text));  // a server echoing the key must not store it
      sample.reasoning = redact(std::move(sample.reasoning));
      finish(call, std::move(sample));
      return;
    }
  }
  retry_or_fail(call, std::move(error), result.head);
}

void ChatAdapter::retry_or_fail(const std::shared_ptr<Call>& call, Error error, const http::HttpHead& head)
{
  error.message = redact(std::move(error.message));
  if (error.retryable() && call->attempts <= m_options.max_retries) {
    const auto server = http::server_delay(head, std::chrono::system_clock::now());
    if (const auto delay = m_retry.delay(call->attempts, server)) {
      m_retries.fetch_add(1);
      m_client->after(
          *delay,
          [this, call](http::TimerEvent event) {
            if (event == http::TimerEvent::cancelled) {
              finish(call, std::unexpected(Error{ErrorKind::cancelled, "cancelled"}));
            } else {
              attempt(call);
            }
          },
          m_group);
      return;
    }
    error.message += "; the server asked to wait " + std::to_string(server->count() / 1000) +
                     " s, more than the limit of " +
                     std::to_string(m_options.retry.max_server_delay.count() / 1000) + " s";
  }
  if (call->attempts > 1) {
    error.message += " (gave up after " + std::to_string(call->attempts) + " attempts)";
  }
  finish(call, std::unexpected(std::move(error)));
}

void ChatAdapter::finish(const std::shared_ptr<Call>& call, std::expected<Sample, Error> result)
{
  if (call->finished.exchange(true)) {
    return;
  }
  m_in_flight.fetch_sub(1);
  SampleCallback done = std::move(call->done);
  if (done) {
    done(std::move(result));
  }
}

std::string ChatAdapter::redact(std::string text) const
{
  if (m_options.api_key.empty()) {
    return text;
  }
  text = util::replace_all(std::move(text), m_options.api_key, "[redacted]");
  // Messages are shortened to a length with "..." (util::shorten): a key echoed near the cut
  // leaves only its beginning, which must go too.
  constexpr std::size_t k_min_key_prefix = 4;
  const std::string_view key = m_options.api_key;
  const std::size_t cut = text.ends_with("...") ? text.size() - 3 : text.size();
  for (std::size_t n = std::min(key.size() - 1, cut); n >= k_min_key_prefix; --n) {
    if (std::string_view(text).substr(cut - n, n) == key.substr(0, n)) {
      text.replace(cut - n, n, "[redacted]");
      break;
    }
  }
  return text;
}

}  // namespace rb::adapters::openai
