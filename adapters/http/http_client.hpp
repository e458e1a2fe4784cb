#pragma once
// HttpClient: many concurrent HTTP transfers driven by ONE event-loop thread (libcurl's
// multi-socket API over epoll, woken through an eventfd), plus timers on that thread for retry backoff. It exists
// so thousands of requests can be in flight without a thread each. Used by the chat adapter
// (adapters/openai/); one client is shared by every adapter of a process (shared()).
//
// Threading: every public method is thread-safe. Callbacks run on the loop thread, one at a time,
// and must be quick (no blocking I/O, no waiting on other requests). Callbacks may call any
// method, including cancel_all(). Do not hold a lock that a callback takes while calling
// cancel_*() or destroying the client from another thread: they wait for the loop.
#include <cstdint>
#include <functional>
#include <memory>
#include <string_view>

#include "adapters/http/http_types.hpp"

namespace rb::adapters::http {

using TransferId = std::uint64_t;
using GroupId = std::uint64_t;  ///< transfers and timers cancelled together (one per adapter)

struct HttpHandlers {
  /// Called once with the final response's status and headers, before any body byte. Optional.
  std::function<void(const HttpHead&)> on_head;
  /// Body bytes as they arrive (any split). Return false to abort: on_done then reports
  /// HttpOutcome::aborted. Optional (the body is then discarded).
  std::function<bool(std::string_view)> on_data;
  /// Called exactly once, when the transfer ends for whatever reason.
  std::function<void(HttpResult)> on_done;
};

enum class TimerEvent { fired, cancelled };
using TimerCallback = std::function<void(TimerEvent)>;

struct HttpClientOptions {
  long max_host_connections = 0;   ///< per host; 0: unlimited (HTTP/2 multiplexes over few anyway)
  long max_total_connections = 0;  ///< 0: unlimited
};

class HttpClient {
 public:
  explicit HttpClient(HttpClientOptions options = {});
  /// Cancels what is left (callbacks run with cancelled results) and joins the loop thread.
  ~HttpClient();
  HttpClient(const HttpClient&) = delete;
  HttpClient& operator=(const HttpClient&) = delete;

  /// The process-wide client: created on first use, destroyed when the last user lets go.
  static std::shared_ptr<HttpClient> shared();

  /// A fresh group id for start()/after() (never 0; group 0 is the default group).
  GroupId new_group();

  /// Starts a transfer; returns at once. `handlers.on_done` runs exactly once (possibly with a
  /// cancelled result if the client is shutting down).
  TransferId start(HttpRequest request, HttpHandlers handlers, GroupId group = 0);

  /// Runs `callback(TimerEvent::fired)` on the loop thread after `delay`, or
  /// `callback(TimerEvent::cancelled)` when cancelled first. Exactly once either way.
  void after(Milliseconds delay, TimerCallback callback, GroupId group = 0);

  /// Aborts every transfer and timer of `group`. Their callbacks have run with cancelled
  /// results when this returns (also when called from a callback on the loop thread).
  void cancel_group(GroupId group);
  /// The same for every group.
  void cancel_all();

  /// Transfers started whose on_done has not run yet.
  std::int64_t in_flight() const;
  /// True on the loop thread (inside callbacks).
  bool on_loop_thread() const;

  struct Impl;

 private:
  std::shared_ptr<Impl> m_impl;
};

}  // namespace rb::adapters::http
