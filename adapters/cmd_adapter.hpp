#pragma once
// The cmd: adapters, for engines without HTTP: a local program run once per request (the request
// as JSON on stdin, the answer on stdout), or started once as a persistent worker that reads one
// JSON request per line and writes one JSON answer per line, each naming its request's "id".
// Failures (a non-zero exit, a crash, a timeout, a reply that is not JSON) become Errors;
// crashes and timeouts are retried with backoff, a worker is restarted. Protocol: docs/adapters.md.
#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <set>

#include "adapters/cmd_process.hpp"
#include "adapters/cmd_wire.hpp"
#include "adapters/registry.hpp"

namespace rb::adapters {

/// Builds the per-request or worker adapter for a cmd: model. Throws ConfigError when the
/// program cannot be found or a model key does not apply.
std::unique_ptr<Adapter> make_cmd_adapter(const config::ModelConfig& model, const ModelSpec& spec);

namespace cmd {

/// Runs the program once per request, each on its own thread (requests of a local program are few
/// and slow; the run loop bounds how many run at once).
class CmdAdapter : public Adapter {
 public:
  explicit CmdAdapter(CmdOptions options);
  ~CmdAdapter() override;  ///< cancels and waits for every request's thread
  CmdAdapter(const CmdAdapter&) = delete;
  CmdAdapter& operator=(const CmdAdapter&) = delete;

  std::string identity() const override { return "cmd:" + m_options.command; }
  std::string request_body(const Request& request) const override;
  void start(const Request& request, SampleCallback done) override;
  void cancel_all() override;
  AdapterStats stats() const override;

 private:
  void run(const Request& request, const SampleCallback& done);
  std::expected<Sample, Error> attempt(const Request& request, const Waker& waker);
  bool cancelled(std::uint64_t generation) const;

  CmdOptions m_options;
  mutable std::mutex m_mutex;
  std::condition_variable m_changed;
  std::set<Waker*> m_wakers;        ///< guarded: one per running request
  std::int64_t m_threads = 0;       ///< guarded: request threads not yet finished
  std::uint64_t m_generation = 0;   ///< guarded: bumped by cancel_all
  std::atomic<std::int64_t> m_started{0};
  std::atomic<std::int64_t> m_retries{0};
};

}  // namespace cmd
}  // namespace rb::adapters
