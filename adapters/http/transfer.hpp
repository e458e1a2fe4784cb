#pragma once
// Internal to adapters/http: one libcurl easy handle and its state, owned by the event loop.
// Only http_client.cpp and transfer.cpp include this (it includes curl.h).
#include <curl/curl.h>

#include <array>
#include <functional>

#include "adapters/http/http_client.hpp"

namespace rb::adapters::http::detail {

/// Called from curl callbacks when a transfer first hears from the server, so the loop can
/// schedule its idle check. Never null.
using DeadlineSink = std::function<void(Clock::time_point)>;

struct Transfer {
  Transfer(TransferId id, GroupId group, HttpRequest request, HttpHandlers handlers);
  ~Transfer();  ///< frees the header list, and the easy handle unless release_easy() took it
  Transfer(const Transfer&) = delete;
  Transfer& operator=(const Transfer&) = delete;

  /// Configures `handle` (fresh or reset; null: a new one) and owns it from now on. Returns an
  /// error line when libcurl refuses an option.
  std::string configure(CURL* handle);
  /// Gives up the easy handle (after its removal from the multi) for the loop to reuse.
  CURL* release_easy();
  /// The result for a transfer that libcurl finished with `code`.
  HttpResult result_for(CURLcode code);
  /// A result with `outcome` and `message` (cancellation, our own timeouts).
  HttpResult result_with(HttpOutcome outcome, std::string message);
  /// The earliest time our own first-byte or idle check may fire; time_point::max(): none.
  Clock::time_point next_deadline() const;
  /// Our own first-byte / idle timeout message if one has passed at `now`, else "".
  std::string expired(Clock::time_point now) const;

  TransferId id;
  GroupId group;
  HttpRequest request;
  HttpHandlers handlers;
  CURL* easy = nullptr;
  curl_slist* header_list = nullptr;
  bool added = false;     ///< added to the multi handle
  bool finished = false;  ///< on_done has run (or is running); waiting to be reaped
  bool aborted = false;   ///< on_data returned false
  bool head_done = false;
  HttpHead head;
  Clock::time_point started;
  Clock::time_point first_byte = Clock::time_point::min();
  Clock::time_point last_byte;
  std::int64_t body_bytes = 0;
  DeadlineSink* deadline_sink = nullptr;
  std::array<char, CURL_ERROR_SIZE> error_buffer{};
};

}  // namespace rb::adapters::http::detail
