// The streamed (SSE) response: chunk events paced by the token rate, the usage event, [DONE],
// and the stream faults (reset, malformed chunk, stall) a few chunks in.
#include <algorithm>
#include <string>
#include <vector>

#include "adapters/sim/responder.hpp"

namespace rb::sim::detail {

namespace {

constexpr std::size_t k_flush_bytes = 64 * 1024;  ///< largest write when many events are due at once
constexpr std::size_t k_fault_after_chunks = 3;   ///< stream faults strike after this many chunks (or half)

/// The content provider of one stream. Called repeatedly by httplib on one thread.
class StreamWriter {
 public:
  StreamWriter(std::shared_ptr<const Exchange> exchange, StopSignal& stop)
      : m_exchange(std::move(exchange)), m_stop(stop)
  {
    const Exchange& ex = *m_exchange;
    std::size_t pieces = 0;
    if (ex.request.api == SimApi::messages) {
      std::size_t first_delta = 0;
      for (TimedEvent& event : message_events(ex.meta, ex.completion, ex.request.thinking, ex.scenario->chunk_tokens,
                                              first_delta)) {
        m_events.push_back(Event{std::move(event.text), due_time(ex, event.tokens_through)});
      }
      m_malformed = k_malformed_message_event;
      pieces = m_events.size() - first_delta;
      m_fault_offset = first_delta;
    } else {
      pieces = add_openai_events(ex);
    }
    if (ex.fault == FaultKind::reset || ex.fault == FaultKind::malformed || ex.fault == FaultKind::stall) {
      m_fault_at = m_fault_offset + std::min(k_fault_after_chunks, pieces / 2);
    }
  }

  bool step(httplib::DataSink& sink)
  {
    if (m_next >= m_events.size()) {
      sink.done();
      return true;
    }
    if (m_next != m_fault_at && !m_stop.sleep_until(m_events[m_next].due)) {
      return false;
    }
    std::string buffer;
    const Clock::time_point now = Clock::now();
    while (m_next < m_events.size() && buffer.size() < k_flush_bytes) {
      if (m_next == m_fault_at) {
        m_fault_at = k_none;
        if (!strike(sink, buffer)) {
          return false;
        }
        if (m_next >= m_events.size()) {
          break;
        }
        continue;
      }
      if (m_events[m_next].due > now) {
        break;
      }
      buffer += m_events[m_next].text;
      ++m_next;
    }
    if (!buffer.empty() && !sink.write(buffer.data(), buffer.size())) {
      return false;
    }
    if (m_next >= m_events.size()) {
      sink.done();
    }
    return true;
  }

 private:
  struct Event {
    std::string text;
    Clock::time_point due;
  };
  static constexpr std::size_t k_none = static_cast<std::size_t>(-1);

  /// Applies the fault with `buffer` holding what is due before it. False: abort the connection.
  bool strike(httplib::DataSink& sink, std::string& buffer)
  {
    switch (m_exchange->fault) {
      case FaultKind::reset:
        if (!buffer.empty()) {
          sink.write(buffer.data(), buffer.size());
        }
        return false;  // no terminating chunk: the client sees the connection cut mid-stream
      case FaultKind::malformed:
        buffer += m_malformed;
        m_next = m_events.size();
        return true;
      case FaultKind::stall:
        if (!buffer.empty() && !sink.write(buffer.data(), buffer.size())) {
          return false;
        }
        buffer.clear();
        return m_stop.sleep_for(
            std::chrono::duration<double, std::milli>(m_exchange->scenario->faults.stall_ms));
      default:
        return true;
    }
  }

  /// Chat or legacy completions chunks, the usage where the flavor puts it, and [DONE]. Returns
  /// the number of content chunks.
  std::size_t add_openai_events(const Exchange& ex)
  {
    const bool text = ex.request.api == SimApi::completions;
    const Flavor& flavor = *ex.meta.flavor;
    const bool usage = ex.request.include_usage || flavor.usage_always;
    const auto pieces = stream_pieces(ex.render_model, ex.completion, ex.scenario->chunk_tokens);
    for (std::size_t i = 0; i < pieces.size(); ++i) {
      const bool last = i + 1 == pieces.size();
      const bool usage_here = last && usage && flavor.usage_in_finish_chunk;
      m_events.push_back(Event{text ? text_chunk_event(ex.meta, ex.completion, pieces[i], last, usage_here)
                                    : chunk_event(ex.meta, ex.completion, pieces[i], i == 0, last, usage_here),
                               due_time(ex, pieces[i].tokens_through)});
    }
    const Clock::time_point end = m_events.back().due;
    if (usage && !flavor.usage_in_finish_chunk) {
      m_events.push_back(
          Event{text ? text_usage_event(ex.meta, ex.completion) : usage_event(ex.meta, ex.completion), end});
    }
    m_events.push_back(Event{std::string(k_done_event), end});
    m_malformed = std::string(k_malformed_event) + std::string(k_done_event);
    return pieces.size();
  }

  std::shared_ptr<const Exchange> m_exchange;
  StopSignal& m_stop;
  std::string m_malformed;        ///< what a malformed-chunk fault sends, to the end
  std::size_t m_fault_offset = 0;  ///< events before the first content event
  std::vector<Event> m_events;  ///< never empty: at least one chunk and [DONE]
  std::size_t m_next = 0;
  std::size_t m_fault_at = k_none;  ///< index of the event the fault replaces the sending of
};

}  // namespace

void respond_stream(std::shared_ptr<const Exchange> exchange, StopSignal& stop, httplib::Response& res)
{
  auto writer = std::make_shared<StreamWriter>(std::move(exchange), stop);
  res.set_header("Cache-Control", "no-cache");
  res.set_chunked_content_provider(
      "text/event-stream", [writer](std::size_t, httplib::DataSink& sink) { return writer->step(sink); });
}

}  // namespace rb::sim::detail
