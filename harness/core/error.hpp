#pragma once
// Errors in two tiers (STYLE.md 6):
// - ConfigError: bad configuration, flags or data files. Fatal: thrown, caught once in main,
//   printed as one line on stderr, exit code 2. The message names the file, line, key or flag.
// - Error: the failure of one request or one sample. A value (std::expected<T, Error>) that
//   becomes an `error` verdict while the run goes on.
#include <stdexcept>
#include <string>
#include <string_view>

namespace rb {

class ConfigError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

enum class ErrorKind {
  transport,  ///< connection refused/reset, DNS, TLS handshakes: retryable
  http,       ///< an HTTP error status; retryable for 408, 429 and 5xx
  protocol,   ///< a malformed response body or stream: retryable
  timeout,    ///< connect, first-byte, idle or total timeout: retryable
  cancelled,  ///< the run was interrupted; never stored
  rejected,   ///< refused for good: a 4xx other than 408/429, or a server certificate not trusted
  internal,   ///< a bug or an unexpected state in the harness
};

struct Error {
  ErrorKind kind = ErrorKind::internal;
  std::string message;   ///< one line, never containing secrets
  int http_status = 0;   ///< when kind == http or rejected
  bool retryable() const
  {
    return kind == ErrorKind::transport || kind == ErrorKind::protocol || kind == ErrorKind::timeout ||
           (kind == ErrorKind::http && (http_status == 408 || http_status == 429 || http_status >= 500));
  }
};

std::string_view to_string(ErrorKind kind);

}  // namespace rb
