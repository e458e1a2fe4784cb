#pragma once
// serve-sim: a simulated engine on loopback speaking the OpenAI, Anthropic and engine dialects
// (docs/serve-sim.md), for demos, dry runs and tests.
// Answers are a deterministic function of (scenario, model, messages, seed): correct with the
// model's configured probability, with reasoning of a sampled length, a time to first token and
// a token rate. It injects faults on request (429 with Retry-After, 500/503, connection reset
// mid-stream, malformed chunk, stalled stream). Every model it serves is SIMULATED.
#include <memory>
#include <string>

#include "adapters/sim/scenario.hpp"

namespace rb::sim {

class SimServer {
 public:
  /// Throws ConfigError when validate_scenario() rejects `scenario`.
  explicit SimServer(Scenario scenario);
  ~SimServer();  ///< stops the server
  SimServer(const SimServer&) = delete;
  SimServer& operator=(const SimServer&) = delete;

  /// Binds `host:port` (port 0: an ephemeral port) and serves on background threads
  /// (scenario.server_threads of them). Returns the bound port. Throws ConfigError when it cannot
  /// bind. Threads it starts inherit the caller's signal mask: block signals before calling it.
  int start(const std::string& host, int port);
  /// Blocks until stop() is called (from another thread or a signal handler's thread).
  void wait();
  /// Stops accepting and closes connections; stalled and paced responses end promptly (cut).
  /// Idle keep-alive connections close within scenario.keep_alive_s. Idempotent, thread-safe.
  void stop();

  /// Requests answered so far, faults injected so far (for logs and tests). Every
  /// POST of any API (chat, completions, messages, any flavor) counts as a request, refused (4xx)
  /// and faulted ones included.
  long long requests_served() const;
  long long faults_injected() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

}  // namespace rb::sim
