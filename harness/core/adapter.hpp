#pragma once
// Adapter: turns a Request into a Sample by calling a model endpoint. It exists so the run loop
// knows nothing of wire formats. Implementations (adapters/): the OpenAI-compatible chat adapter
// (adapters/openai/), used for OpenAI, any OpenAI-compatible server and serve-sim; tests use
// FakeAdapter (tests/support/).
#include <cstdint>
#include <expected>
#include <functional>
#include <string>

#include "harness/core/error.hpp"
#include "harness/core/sample.hpp"

namespace rb {

using SampleCallback = std::function<void(std::expected<Sample, Error>)>;

struct AdapterStats {
  std::int64_t started = 0;    ///< requests started (first attempts)
  std::int64_t retries = 0;    ///< failed attempts that were retried
  std::int64_t in_flight = 0;  ///< requests started whose callback has not run
};

class Adapter {
 public:
  virtual ~Adapter() = default;

  /// Names the endpoint and model (kind, base URL, model name; never a key). Samples from two
  /// adapters with the same identity are interchangeable: it is part of the response-cache key.
  virtual std::string identity() const = 0;

  /// The JSON body this adapter would send for `request`, without secrets. Stored with the
  /// sample and hashed into the response-cache key, so it must be deterministic.
  virtual std::string request_body(const Request& request) const = 0;

  /// Starts generating. `done` is called exactly once, from any thread (possibly before start
  /// returns). Retryable failures are retried inside, with backoff; the Sample counts them.
  /// A final failure arrives as an Error, never as an exception.
  virtual void start(const Request& request, SampleCallback done) = 0;

  /// Aborts every request in flight; each pending `done` runs with ErrorKind::cancelled before
  /// this returns.
  virtual void cancel_all() = 0;

  /// Counters for the progress line. Thread-safe.
  virtual AdapterStats stats() const = 0;
};

}  // namespace rb
