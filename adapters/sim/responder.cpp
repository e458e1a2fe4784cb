#include "adapters/sim/responder.hpp"

#include <cmath>
#include <string>

namespace rb::sim::detail {

namespace {

using Millis = std::chrono::duration<double, std::milli>;

WireError fault_error(FaultKind fault, SimApi api)
{
  const bool anthropic = api == SimApi::messages;
  switch (fault) {
    case FaultKind::status_429:
      return WireError{429, "rate_limit_error", "rate_limit_exceeded",
                       "Rate limit reached (injected fault, serve-sim SIMULATED)"};
    case FaultKind::status_503:
      // Anthropic says "overloaded" with its own status 529.
      return anthropic ? WireError{529, "overloaded_error", "overloaded", "Overloaded (injected fault, serve-sim SIMULATED)"}
                       : WireError{503, "server_error", "service_unavailable",
                                   "The server is overloaded (injected fault, serve-sim SIMULATED)"};
    default:
      return WireError{500, anthropic ? "api_error" : "server_error", "internal_error",
                       "The server had an error (injected fault, serve-sim SIMULATED)"};
  }
}

void respond_status_fault(const Exchange& exchange, httplib::Response& res)
{
  if (exchange.fault == FaultKind::status_429) {
    const double seconds = exchange.scenario->faults.retry_after_s;
    const auto whole = static_cast<long long>(std::ceil(seconds));
    res.set_header("Retry-After", std::to_string(whole));
    if (exchange.request.api == SimApi::messages) {
      res.set_header("anthropic-ratelimit-requests-remaining", "0");
    } else {
      res.set_header("retry-after-ms", std::to_string(std::llround(seconds * 1000)));
      res.set_header("x-ratelimit-remaining-requests", "0");
      res.set_header("x-ratelimit-reset-requests", std::to_string(std::llround(seconds * 1000)) + "ms");
    }
  }
  respond_error(res, fault_error(exchange.fault, exchange.request.api), exchange.request.api);
}

/// The whole response body of `exchange` in its API and flavor.
std::string whole_body(const Exchange& exchange)
{
  switch (exchange.request.api) {
    case SimApi::completions:
      return text_completion_body(exchange.meta, exchange.render_model, exchange.completion);
    case SimApi::messages:
      return message_body(exchange.meta, exchange.completion, exchange.request.thinking);
    case SimApi::chat:
      break;
  }
  return completion_body(exchange.meta, exchange.render_model, exchange.completion);
}

/// A whole body sent in two halves: a reset aborts after the first, a stall pauses between them.
void respond_split_body(std::shared_ptr<const Exchange> exchange, StopSignal& stop, std::string body,
                        httplib::Response& res)
{
  res.set_chunked_content_provider(
      "application/json", [exchange, &stop, body = std::move(body)](std::size_t, httplib::DataSink& sink) {
        const std::size_t half = body.size() / 2;
        if (!sink.write(body.data(), half) || exchange->fault == FaultKind::reset) {
          return false;  // closing without the terminating chunk: the client sees a cut body
        }
        if (!stop.sleep_for(Millis(exchange->scenario->faults.stall_ms))) {
          return false;
        }
        if (!sink.write(body.data() + half, body.size() - half)) {
          return false;
        }
        sink.done();
        return true;
      });
}

}  // namespace

Clock::time_point due_time(const Exchange& exchange, std::int64_t tokens)
{
  double ms = exchange.model->ttft_ms;
  if (exchange.model->tokens_per_s > 0) {
    ms += 1000.0 * static_cast<double>(tokens) / exchange.model->tokens_per_s;
  }
  return exchange.start + std::chrono::duration_cast<Clock::duration>(Millis(ms));
}

void respond_error(httplib::Response& res, const WireError& error, SimApi api)
{
  res.status = error.status;
  res.set_content(error_body(error, api), "application/json");
}

void respond(std::shared_ptr<const Exchange> exchange, StopSignal& stop, httplib::Response& res)
{
  const FaultKind fault = exchange->fault;
  if (fault == FaultKind::status_429 || fault == FaultKind::status_500 || fault == FaultKind::status_503) {
    respond_status_fault(*exchange, res);
    return;
  }
  if (exchange->request.stream) {
    respond_stream(std::move(exchange), stop, res);
    return;
  }
  // A whole response arrives when its last token is generated.
  if (!stop.sleep_until(due_time(*exchange, exchange->completion.total_tokens()))) {
    respond_error(res, WireError{503, "server_error", "shutting_down", "serve-sim is shutting down"},
                  exchange->request.api);
    return;
  }
  std::string body = whole_body(*exchange);
  switch (fault) {
    case FaultKind::malformed:
      body.resize(body.size() / 2);  // a 200 whose JSON is cut short
      res.set_content(body, "application/json");
      return;
    case FaultKind::reset:
    case FaultKind::stall:
      respond_split_body(std::move(exchange), stop, std::move(body), res);
      return;
    default:
      res.set_content(body, "application/json");
      return;
  }
}

}  // namespace rb::sim::detail
