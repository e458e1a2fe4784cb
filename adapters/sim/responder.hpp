#pragma once
// Private to adapters/sim: writes one chat-completion response, whole or streamed, paced by the
// model's time to first token and token rate, with the request's injected fault (if any).
#include <httplib.h>

#include <memory>

#include "adapters/sim/faults.hpp"
#include "adapters/sim/generation.hpp"
#include "adapters/sim/stop_signal.hpp"
#include "adapters/sim/wire.hpp"

namespace rb::sim::detail {

/// Everything one response needs; immutable once built, shared with the content provider.
struct Exchange {
  const Scenario* scenario = nullptr;  ///< outlives the server's responses
  const SimModel* model = nullptr;
  SimModel render_model;  ///< the model as this dialect renders it (no reasoning field: <think> tags)
  ChatRequest request;
  Completion completion;
  ResponseMeta meta;
  FaultKind fault = FaultKind::none;
  Clock::time_point start;  ///< when the request arrived
};

/// Sets `res` to `error` as a JSON error body in the API's format.
void respond_error(httplib::Response& res, const WireError& error, SimApi api = SimApi::chat);

/// Fills `res` for `exchange`. Non-stream responses wait here; streams wait in the content
/// provider. `stop` must outlive the response (the server owns it).
void respond(std::shared_ptr<const Exchange> exchange, StopSignal& stop, httplib::Response& res);

/// The streamed (SSE) part of respond(), in stream_writer.cpp.
void respond_stream(std::shared_ptr<const Exchange> exchange, StopSignal& stop, httplib::Response& res);

/// When the first `tokens` tokens of `exchange` are generated: start + ttft + tokens / rate.
Clock::time_point due_time(const Exchange& exchange, std::int64_t tokens);

}  // namespace rb::sim::detail
