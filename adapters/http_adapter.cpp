#include "adapters/http_adapter.hpp"

#include <fmt/format.h>

#include <random>

#include "adapters/http_call.hpp"
#include "adapters/openai/chat_sample.hpp"
#include "adapters/openai/chat_wire.hpp"
#include "harness/util/strings.hpp"

namespace rb::adapters {

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

HttpAdapterOptions normalised(HttpAdapterOptions options)
{
  while (options.base_url.ends_with('/')) {
    options.base_url.pop_back();
  }
  options.n = std::max(1, options.n);
  return options;
}

WireOptions wire_options(const HttpAdapterOptions& o, std::shared_ptr<const ReasoningTags> tags)
{
  WireOptions w;
  w.api = o.api;
  w.model = o.model;
  w.stream = o.stream;
  w.stream_usage = o.stream_usage;
  w.defaults = o.defaults;
  w.token_limit_field = o.token_limit_field;
  w.reasoning_effort = o.reasoning_effort;
  w.thinking_budget = o.thinking_budget;
  w.extra_params_json = o.extra_params_json;
  w.n = o.n;
  w.reasoning_fields = o.reasoning_fields.empty() ? default_reasoning_fields() : o.reasoning_fields;
  w.tags = std::move(tags);
  return w;
}

Error cancelled()
{
  return Error{ErrorKind::cancelled, "cancelled"};
}

}  // namespace

HttpAdapter::HttpAdapter(HttpAdapterOptions options, std::shared_ptr<http::HttpClient> client)
    : m_options(normalised(std::move(options))),
      m_tags(std::make_shared<ReasoningTags>(m_options.reasoning_tags)),
      m_dialect(make_dialect(wire_options(m_options, m_tags))),
      m_client(client ? std::move(client) : http::HttpClient::shared()),
      m_group(m_client->new_group()),
      m_url(m_options.base_url + std::string(m_dialect->path())),
      m_host(http::host_of(m_url)),
      m_retry(m_options.retry, m_options.retry_seed != 0 ? m_options.retry_seed : random_seed()),
      m_budget(m_options.retry_budget)
{
  if (m_options.limits.any()) {
    m_limiter = std::make_unique<http::RateLimiter>(m_options.limits, m_client, m_group);
  }
}

HttpAdapter::~HttpAdapter()
{
  cancel_all();
}

std::string HttpAdapter::identity() const
{
  return m_options.kind + ":" + m_options.base_url + "#" + m_options.model;
}

std::string HttpAdapter::request_body(const Request& request) const
{
  return m_dialect->body(request);
}

void HttpAdapter::start(const Request& request, SampleCallback done)
{
  auto call = std::make_shared<Call>(
      request_body(request), request,
      [done = std::move(done)](std::expected<std::vector<Sample>, Error> result) {
        if (!result) {
          done(std::unexpected(std::move(result.error())));
        } else {
          done(std::move(result->front()));
        }
      },
      m_options.max_response_bytes, token_estimate(request));
  begin(std::move(call));
}

void HttpAdapter::start_choices(const Request& request, ChoicesCallback done)
{
  begin(std::make_shared<Call>(request_body(request), request, std::move(done), m_options.max_response_bytes,
                               token_estimate(request)));
}

std::int64_t HttpAdapter::token_estimate(const Request& request) const
{
  // Tokens-per-minute limits count the prompt and the whole budget, as providers do.
  const auto budget = request.params.max_tokens ? request.params.max_tokens : m_options.defaults.max_tokens;
  return openai::estimate_tokens(openai::prompt_chars(request.messages)) +
         budget.value_or(k_default_output_estimate) * std::max(1, m_options.n);
}

void HttpAdapter::begin(std::shared_ptr<Call> call)
{
  m_started.fetch_add(1);
  m_in_flight.fetch_add(1);
  m_budget.on_request();
  attempt(call);
}

void HttpAdapter::cancel_all()
{
  if (m_limiter) {
    m_limiter->cancel_all();
  }
  m_client->cancel_group(m_group);
  if (m_limiter) {
    m_limiter->cancel_all();  // admissions a cancelled transfer's release made in between
  }
}

AdapterStats HttpAdapter::stats() const
{
  return AdapterStats{m_started.load(), m_retries.load(), m_in_flight.load()};
}

http::HttpRequest HttpAdapter::http_request(const Call& call) const
{
  http::HttpRequest request;
  request.url = m_url;
  request.body = call.body;
  request.headers.emplace_back("Content-Type", "application/json");
  request.headers.emplace_back("Accept", m_options.stream ? "text/event-stream" : "application/json");
  m_dialect->add_headers(request.headers, m_options.api_key);
  if (m_options.send_oracle && !call.oracle.empty()) {
    request.headers.emplace_back(k_oracle_header, util::percent_encode(call.oracle));
  }
  for (const auto& header : m_options.extra_headers) {
    request.headers.push_back(header);
  }
  request.connect_timeout = m_options.connect_timeout;
  if (m_options.first_byte_timeout.count() >= 0) {
    request.first_byte_timeout = m_options.first_byte_timeout;
  } else {
    // A stream's first byte comes at once; a whole body only when the whole answer is ready.
    request.first_byte_timeout = m_options.stream ? m_options.idle_timeout : http::Milliseconds(0);
  }
  request.idle_timeout = m_options.idle_timeout;
  request.total_timeout = m_options.total_timeout;
  request.ca_file = m_options.ca_file;
  return request;
}

void HttpAdapter::attempt(const std::shared_ptr<Call>& call)
{
  if (!m_limiter) {
    send(call);
    return;
  }
  m_limiter->acquire(call->token_estimate, [this, call](bool admitted, std::uint64_t ticket) {
    if (!admitted) {
      finish(call, std::unexpected(cancelled()));
      return;
    }
    call->ticket = ticket;
    call->admitted = true;
    send(call);
  });
}

void HttpAdapter::send(const std::shared_ptr<Call>& call)
{
  call->begin_attempt();
  http::HttpHandlers handlers;
  handlers.on_head = [this, call](const http::HttpHead& head) {
    call->on_head(head, m_options.stream, *m_dialect);
  };
  handlers.on_data = [call](std::string_view bytes) { return call->on_data(bytes); };
  handlers.on_done = [this, call](http::HttpResult result) { attempt_done(call, std::move(result)); };
  m_client->start(http_request(*call), std::move(handlers), m_group);
}

void HttpAdapter::release(Call& call, int status, std::int64_t token_correction)
{
  if (m_limiter && call.admitted) {
    call.admitted = false;
    m_limiter->release(call.ticket, status == 429, token_correction);
  }
}

void HttpAdapter::attempt_done(const std::shared_ptr<Call>& call, http::HttpResult result)
{
  Error error;
  switch (result.outcome) {
    case http::HttpOutcome::cancelled:
      release(*call, 0, 0);
      finish(call, std::unexpected(cancelled()));
      return;
    case http::HttpOutcome::aborted:
      error = Error{ErrorKind::protocol, "protocol error from " + m_host + ": " + call->failure};
      break;
    case http::HttpOutcome::transport:
      error = Error{ErrorKind::transport, result.error};
      break;
    case http::HttpOutcome::untrusted:  // a certificate that failed verification fails again
      error = Error{ErrorKind::rejected, result.error};
      break;
    case http::HttpOutcome::timeout:
      error = Error{ErrorKind::timeout, result.error};
      break;
    case http::HttpOutcome::completed: {
      const int status = result.head.status;
      if (status < 200 || status >= 300) {
        const bool rejected = status >= 300 && status < 500 && status != 408 && status != 429;
        const std::string said = openai::error_message(redact(call->raw), openai::k_server_message_chars);
        error = Error{
            rejected ? ErrorKind::rejected : ErrorKind::http,
            "HTTP " + std::to_string(status) + " from " + m_host + (said.empty() ? "" : ": " + said), status};
        break;
      }
      auto delivered = deliver(call, result);
      if (!delivered) {
        return;
      }
      error = std::move(*delivered);
      break;
    }
  }
  release(*call, result.head.status, 0);
  retry_or_fail(call, std::move(error), result.head);
}

std::optional<Error> HttpAdapter::deliver(const std::shared_ptr<Call>& call, const http::HttpResult& result)
{
  auto response = call->response(*m_dialect);
  if (!response) {
    return Error{ErrorKind::protocol, "protocol error from " + m_host + ": " + response.error()};
  }
  const WireResponse& wire = response->first;
  std::int64_t correction = 0;
  if (wire.usage) {
    correction = wire.usage->prompt_tokens + wire.usage->completion_tokens - call->token_estimate;
  }
  release(*call, result.head.status, correction);
  Timings timings;
  timings.e2e_ms = to_ms(result.total);
  if (call->streaming) {
    timings.ttft_ms = call->stream->ttft_ms();
    timings.first_answer_ms = call->stream->first_answer_ms();
    timings.chunks = call->stream->chunks();
    timings.chunk_times = call->text_chunks.bytes();
  }
  const auto parts = [&] {
    return openai::SampleParts{call->body, redact(response->second), timings, call->attempts - 1,
                               call->prompt_chars, m_options.prices, m_tags.get()};
  };
  std::vector<Sample> samples;
  samples.push_back(openai::to_sample(wire, parts()));
  for (const WireChoice& choice : wire.more_choices) {
    samples.push_back(openai::to_sample(choice, wire, parts()));
  }
  for (Sample& sample : samples) {
    sample.text = redact(std::move(sample.text));  // a server echoing the key must not store it
    sample.reasoning = redact(std::move(sample.reasoning));
  }
  finish(call, std::move(samples));
  return std::nullopt;
}

void HttpAdapter::retry_or_fail(const std::shared_ptr<Call>& call, Error error, const http::HttpHead& head)
{
  error.message = redact(std::move(error.message));
  if (error.retryable() && call->attempts <= m_options.max_retries) {
    const auto server = http::server_delay(head, std::chrono::system_clock::now());
    const auto delay = m_retry.delay(call->attempts, server);
    if (delay && m_budget.try_retry()) {
      m_retries.fetch_add(1);
      m_client->after(
          *delay,
          [this, call](http::TimerEvent event) {
            if (event == http::TimerEvent::cancelled) {
              finish(call, std::unexpected(cancelled()));
            } else {
              attempt(call);
            }
          },
          m_group);
      return;
    }
    if (!delay) {
      error.message += "; the server asked to wait " + std::to_string(server->count() / 1000) +
                       " s, more than the limit of " +
                       std::to_string(m_options.retry.max_server_delay.count() / 1000) + " s";
    } else {
      error.message += fmt::format("; not retried: the model's retry budget is spent (retry_budget = {:g})",
                                   m_options.retry_budget);
    }
  }
  if (call->attempts > 1) {
    error.message += " (gave up after " + std::to_string(call->attempts) + " attempts)";
  }
  finish(call, std::unexpected(std::move(error)));
}

void HttpAdapter::finish(const std::shared_ptr<Call>& call, std::expected<std::vector<Sample>, Error> result)
{
  if (call->finished.exchange(true)) {
    return;
  }
  m_in_flight.fetch_sub(1);
  ChoicesCallback done = std::move(call->done);
  if (done) {
    done(std::move(result));
  }
}

std::string HttpAdapter::redact(std::string text) const
{
  const auto redact_one = [&text](std::string_view secret) {
    if (secret.empty()) {
      return;
    }
    text = util::replace_all(std::move(text), secret, "[redacted]");
    // Messages are shortened to a length with "..." (util::shorten): a key echoed near the cut
    // leaves only its beginning, which must go too.
    constexpr std::size_t k_min_key_prefix = 4;
    const std::size_t cut = text.ends_with("...") ? text.size() - 3 : text.size();
    for (std::size_t n = std::min(secret.size() - 1, cut); n >= k_min_key_prefix; --n) {
      if (std::string_view(text).substr(cut - n, n) == secret.substr(0, n)) {
        text.replace(cut - n, n, "[redacted]");
        break;
      }
    }
  };
  redact_one(m_options.api_key);
  for (const std::string& secret : m_options.secrets) {
    redact_one(secret);
  }
  return text;
}

}  // namespace rb::adapters
