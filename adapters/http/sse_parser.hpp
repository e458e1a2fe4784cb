#pragma once
// An incremental parser for Server-Sent Events (the text/event-stream format of the WHATWG HTML
// standard, section 9.2), as OpenAI-style APIs stream chat completions. Feed it byte chunks split
// anywhere; it dispatches one event per blank line. Buffers are reused, so steady-state parsing
// does not allocate.
#include <cstddef>
#include <cstdint>
#include <expected>
#include <functional>
#include <string>
#include <string_view>

namespace rb::adapters::http {

inline constexpr std::size_t k_default_max_event_bytes = 16u << 20;  ///< one event's line + data

struct SseEvent {
  std::string_view event;  ///< the `event:` field; empty means "message"
  std::string_view data;   ///< `data:` lines joined with '\n'
  std::string_view id;     ///< the last `id:` seen in the stream (persists across events)
};

/// Receives each event; the views are valid during the call only. Return false to stop parsing
/// (feed() then returns without looking at the rest of its chunk).
using SseHandler = std::function<bool(const SseEvent&)>;

class SseParser {
 public:
  explicit SseParser(SseHandler handler, std::size_t max_event_bytes = k_default_max_event_bytes);

  /// Parses `bytes` (any split: mid-line, mid-CRLF). An error when one event or line exceeds
  /// max_event_bytes; the parser then stays failed until reset(). Not thread-safe.
  std::expected<void, std::string> feed(std::string_view bytes);

  /// Forgets partial input, fields and errors (keeps buffer capacity).
  void reset();

  std::int64_t events() const { return m_events; }      ///< dispatched so far
  std::int64_t comments() const { return m_comments; }  ///< `:` lines seen (keep-alives)
  std::int64_t retry_ms() const { return m_retry_ms; }  ///< the last `retry:` field; -1: none

 private:
  /// One complete line (terminator removed). False: stop.
  bool line(std::string_view text);
  bool dispatch();
  std::expected<void, std::string> fail(std::string message);

  SseHandler m_handler;
  std::size_t m_max_bytes;
  std::string m_partial;  ///< an incomplete line carried over to the next feed()
  std::string m_data;
  std::string m_event;
  std::string m_id;
  bool m_has_data = false;
  bool m_skip_lf = false;  ///< the previous chunk ended with CR: a leading LF belongs to it
  bool m_at_start = true;  ///< a UTF-8 byte order mark may come first
  std::string m_error;
  std::int64_t m_events = 0;
  std::int64_t m_comments = 0;
  std::int64_t m_retry_ms = -1;
};

}  // namespace rb::adapters::http
