#include "adapters/http/transfer.hpp"

#include <algorithm>
#include <cstdio>
#include <string>

#include "harness/util/strings.hpp"

namespace rb::adapters::http::detail {

namespace {

constexpr std::size_t k_detail_chars = 200;  ///< libcurl's error text, shortened

long to_curl_ms(Milliseconds ms)
{
  return static_cast<long>(std::max<Milliseconds::rep>(ms.count(), 0));
}

std::string ms_text(Clock::duration d)
{
  return std::to_string(std::chrono::duration_cast<Milliseconds>(d).count()) + " ms";
}

void note_byte(Transfer& t)
{
  const Clock::time_point now = Clock::now();
  t.last_byte = now;
  if (t.first_byte == Clock::time_point::min()) {
    t.first_byte = now;
    if (t.request.idle_timeout.count() > 0) {
      (*t.deadline_sink)(now + t.request.idle_timeout);
    }
  }
}

/// CURLOPT_HEADERFUNCTION: one header line per call, status line first, blank line last.
std::size_t on_header(char* data, std::size_t size, std::size_t count, void* user)
{
  auto& t = *static_cast<Transfer*>(user);
  const std::size_t n = size * count;
  if (t.finished) {
    return 0;
  }
  note_byte(t);
  const std::string_view line = util::trim(std::string_view(data, n));
  if (line.starts_with("HTTP/")) {  // a new response (after 1xx): start over
    t.head = HttpHead{};
    const std::size_t space = line.find(' ');
    if (space != std::string_view::npos) {
      t.head.status = static_cast<int>(util::parse_int(line.substr(space + 1, 3)).value_or(0));
    }
    return n;
  }
  if (line.empty()) {
    if (t.head.status >= 200 && !t.head_done) {
      t.head_done = true;
      if (t.handlers.on_head) {
        t.handlers.on_head(t.head);
      }
    }
    return n;
  }
  const std::size_t colon = line.find(':');
  if (colon != std::string_view::npos) {
    t.head.headers.emplace_back(util::to_lower(util::trim(line.substr(0, colon))),
                                std::string(util::trim(line.substr(colon + 1))));
  }
  return n;
}

/// CURLOPT_WRITEFUNCTION: body bytes; returning less than given aborts the transfer.
std::size_t on_body(char* data, std::size_t size, std::size_t count, void* user)
{
  auto& t = *static_cast<Transfer*>(user);
  const std::size_t n = size * count;
  if (t.finished || t.aborted) {
    return 0;
  }
  note_byte(t);
  t.body_bytes += static_cast<std::int64_t>(n);
  if (t.handlers.on_data && !t.handlers.on_data(std::string_view(data, n))) {
    t.aborted = true;
    return 0;
  }
  return n;
}

}  // namespace

Transfer::Transfer(TransferId id_, GroupId group_, HttpRequest request_, HttpHandlers handlers_)
    : id(id_),
      group(group_),
      request(std::move(request_)),
      handlers(std::move(handlers_)),
      started(Clock::now())
{
  last_byte = started;
}

Transfer::~Transfer()
{
  if (easy != nullptr) {
    curl_easy_cleanup(easy);
  }
  if (header_list != nullptr) {
    curl_slist_free_all(header_list);
  }
}

CURL* Transfer::release_easy()
{
  CURL* handle = easy;
  easy = nullptr;
  return handle;
}

std::string Transfer::configure(CURL* handle)
{
  easy = handle != nullptr ? handle : curl_easy_init();
  if (easy == nullptr) {
    return "curl_easy_init failed";
  }
  for (const auto& [name, value] : request.headers) {
    header_list = curl_slist_append(header_list, (name + ": " + value).c_str());
  }
  // No "Expect: 100-continue" round trip before large bodies.
  header_list = curl_slist_append(header_list, "Expect:");
  CURLcode rc = CURLE_OK;
  const auto set = [&](CURLoption option, auto value) {
    if (rc == CURLE_OK) {
      rc = curl_easy_setopt(easy, option, value);
    }
  };
  set(CURLOPT_URL, request.url.c_str());
  set(CURLOPT_PRIVATE, static_cast<void*>(this));
  set(CURLOPT_NOSIGNAL, 1L);
  set(CURLOPT_HTTP_VERSION, static_cast<long>(CURL_HTTP_VERSION_2TLS));
  // Wait for a TLS connection to say whether it multiplexes (HTTP/2) rather than open another;
  // plain-text HTTP is always HTTP/1.1 here, and waiting there would queue behind slow responses.
  set(CURLOPT_PIPEWAIT, request.url.starts_with("https://") ? 1L : 0L);
  set(CURLOPT_TCP_KEEPALIVE, 1L);
  set(CURLOPT_USERAGENT, k_user_agent.data());
  set(CURLOPT_HTTPHEADER, header_list);
  set(CURLOPT_CONNECTTIMEOUT_MS, to_curl_ms(request.connect_timeout));
  set(CURLOPT_TIMEOUT_MS, to_curl_ms(request.total_timeout));
  set(CURLOPT_ERRORBUFFER, error_buffer.data());
  set(CURLOPT_HEADERFUNCTION, &on_header);
  set(CURLOPT_HEADERDATA, static_cast<void*>(this));
  set(CURLOPT_WRITEFUNCTION, &on_body);
  set(CURLOPT_WRITEDATA, static_cast<void*>(this));
  if (!request.ca_file.empty()) {
    set(CURLOPT_CAINFO, request.ca_file.c_str());  // verification stays on: only what to trust changes
  }
  if (request.method == "POST") {
    set(CURLOPT_POST, 1L);
    set(CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()));
    set(CURLOPT_POSTFIELDS, request.body.data());
  } else if (request.method == "GET") {
    set(CURLOPT_HTTPGET, 1L);
  } else {
    set(CURLOPT_CUSTOMREQUEST, request.method.c_str());
  }
  if (rc != CURLE_OK) {
    return std::string("cannot configure the request: ") + curl_easy_strerror(rc);
  }
  return "";
}

HttpResult Transfer::result_with(HttpOutcome outcome, std::string message)
{
  HttpResult r;
  r.outcome = outcome;
  r.head = head;
  r.error = std::move(message);
  r.started = started;
  if (first_byte != Clock::time_point::min()) {
    r.time_to_first_byte = first_byte - started;
  }
  r.total = Clock::now() - started;
  r.bytes_received = body_bytes;
  return r;
}

HttpResult Transfer::result_for(CURLcode code)
{
  const std::string host = host_of(request.url);
  if (code == CURLE_OK) {
    long status = 0;
    curl_easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &status);
    HttpResult r = result_with(HttpOutcome::completed, "");
    r.head.status = static_cast<int>(status);
    return r;
  }
  if (aborted && code == CURLE_WRITE_ERROR) {
    return result_with(HttpOutcome::aborted, "the response from " + host + " was abandoned");
  }
  std::string detail = error_buffer[0] != '\0' ? std::string(error_buffer.data()) : curl_easy_strerror(code);
  if (code == CURLE_OPERATION_TIMEDOUT) {
    curl_off_t connect_us = 0;
    curl_easy_getinfo(easy, CURLINFO_CONNECT_TIME_T, &connect_us);
    if (connect_us == 0 && head.status == 0) {
      return result_with(HttpOutcome::timeout,
                         "connect timeout (" + ms_text(request.connect_timeout) + ") to " + host);
    }
    return result_with(HttpOutcome::timeout,
                       "total timeout (" + ms_text(request.total_timeout) + ") exceeded by " + host);
  }
  if (code == CURLE_PEER_FAILED_VERIFICATION || code == CURLE_SSL_CACERT_BADFILE || code == CURLE_SSL_ISSUER_ERROR ||
      code == CURLE_SSL_PINNEDPUBKEYNOTMATCH) {
    return result_with(HttpOutcome::untrusted, "TLS error with " + host + ": " + util::shorten(detail, k_detail_chars) +
                                                   " (not retried; a private CA or self-signed server: set the "
                                                   "model's ca_file)");
  }
  return result_with(HttpOutcome::transport,
                     "transport error with " + host + ": " + util::shorten(detail, k_detail_chars));
}

Clock::time_point Transfer::next_deadline() const
{
  if (first_byte == Clock::time_point::min()) {
    return request.first_byte_timeout.count() > 0 ? started + request.first_byte_timeout
                                                  : Clock::time_point::max();
  }
  return request.idle_timeout.count() > 0 ? last_byte + request.idle_timeout : Clock::time_point::max();
}

std::string Transfer::expired(Clock::time_point now) const
{
  if (now < next_deadline()) {
    return "";
  }
  const std::string host = host_of(request.url);
  if (first_byte == Clock::time_point::min()) {
    return "first-byte timeout: no response from " + host + " within " + ms_text(request.first_byte_timeout);
  }
  return "idle timeout: no byte from " + host + " for " + ms_text(request.idle_timeout);
}

}  // namespace rb::adapters::http::detail
