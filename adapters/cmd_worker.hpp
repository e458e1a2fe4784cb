#pragma once
// Internal to adapters/: the persistent JSON-lines worker behind `cmd:` models with worker = true.
// One I/O thread owns the process: it writes one request per line ({"id": N, ...}), reads one
// answer per line ({"id": N, "text": ...}; answers may come in any order), enforces each
// request's timeout, and restarts the process when it exits or a request times out (requests in
// flight then are sent again; the one that failed counts an attempt).
#include <deque>
#include <map>
#include <thread>

#include "adapters/cmd_adapter.hpp"

namespace rb::adapters::cmd {

class WorkerAdapter : public Adapter {
 public:
  explicit WorkerAdapter(CmdOptions options);
  ~WorkerAdapter() override;  ///< cancels what is pending, stops the thread, kills the process
  WorkerAdapter(const WorkerAdapter&) = delete;
  WorkerAdapter& operator=(const WorkerAdapter&) = delete;

  std::string identity() const override { return "cmd:" + m_options.command; }
  std::string request_body(const Request& request) const override;
  void start(const Request& request, SampleCallback done) override;
  void cancel_all() override;
  AdapterStats stats() const override;

  /// Processes started so far (1 after the first request; more after restarts).
  std::int64_t processes_started() const { return m_spawned.load(); }

 private:
  struct Pending {
    std::uint64_t id = 0;  ///< of the current attempt; a late answer to an older one is dropped
    Request request;
    SampleCallback done;
    int attempts = 0;
    Clock::time_point started;
    Clock::time_point deadline = Clock::time_point::max();
    Clock::time_point due;  ///< when a retry may be sent
  };
  using Item = std::shared_ptr<Pending>;
  using Done = std::vector<std::pair<Item, std::expected<Sample, Error>>>;

  void loop();
  /// Sends queued and due items, starting the process if needed. Failures go to `done`.
  void send_ready(std::deque<Item>& ready, Done& done);
  void read_answers(Done& done);
  /// The process ended or must go: fail the items in flight (`victim` with `error`, the rest sent
  /// again without counting an attempt).
  void restart(const Item& victim, const Error& error, Done& done);
  void retry_or_fail(Item item, Error error, Done& done);
  Clock::time_point next_deadline() const;

  CmdOptions m_options;
  Waker m_waker;
  std::mutex m_mutex;
  std::condition_variable m_changed;
  std::deque<Item> m_incoming;  ///< guarded: started, not yet seen by the I/O thread
  bool m_stopping = false;      ///< guarded
  std::uint64_t m_cancel_requested = 0;  ///< guarded: cancel_all calls
  std::uint64_t m_cancel_done = 0;       ///< guarded: handled by the I/O thread
  std::atomic<std::int64_t> m_started{0};
  std::atomic<std::int64_t> m_retries{0};
  std::atomic<std::int64_t> m_in_flight{0};
  std::atomic<std::int64_t> m_spawned{0};

  // I/O thread only.
  std::unique_ptr<Process> m_process;
  std::map<std::uint64_t, Item> m_sent;
  std::deque<Item> m_delayed;
  std::uint64_t m_next_id = 1;
  http::RetryPolicy m_policy;
  std::thread m_thread;  ///< last: starts after everything it uses
};

}  // namespace rb::adapters::cmd
