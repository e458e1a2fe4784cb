#pragma once
// Internal to adapters/http: the event loop behind HttpClient (pimpl). One thread runs run():
// libcurl's multi-socket API driven by epoll, so each wake-up costs only the sockets that are
// ready, however many transfers are in flight. Other threads talk to it only through submit()
// (a mutex-protected queue + an eventfd in the same epoll set).
#include <sys/epoll.h>

#include <array>
#include <atomic>
#include <future>
#include <map>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_map>
#include <variant>
#include <vector>

#include "adapters/http/http_client.hpp"
#include "adapters/http/transfer.hpp"

namespace rb::adapters::http {

namespace detail {

struct StartCommand {
  std::unique_ptr<Transfer> transfer;
};
struct TimerCommand {
  Clock::time_point due;
  GroupId group = 0;
  TimerCallback callback;
};
struct CancelCommand {
  std::optional<GroupId> group;  ///< nothing: every group
  std::shared_ptr<std::promise<void>> done;
};
using Command = std::variant<StartCommand, TimerCommand, CancelCommand>;

struct Timer {
  GroupId group = 0;
  TimerCallback callback;
};

}  // namespace detail

struct HttpClient::Impl {
  using Transfer = detail::Transfer;
  using Command = detail::Command;
  using TimerCommand = detail::TimerCommand;

  explicit Impl(const HttpClientOptions& options);
  ~Impl();

  /// From any thread. False when the loop has exited (the caller then cancels inline).
  /// `command` is moved from only on success.
  bool submit(Command& command);
  /// From any thread: makes the loop's epoll_wait return (at most one write until it has).
  void wake();

  bool on_loop_thread() const { return std::this_thread::get_id() == loop_id.load(); }

  /// From any thread: inline on the loop thread, else queued and waited for.
  void cancel_and_wait(std::optional<GroupId> group);

  // Everything below runs on the loop thread only.

  /// Until stopping: takes queued commands, adds new transfers, drives libcurl, completes what
  /// finished or timed out, fires due timers, reaps; then sleeps in epoll_wait until a socket,
  /// libcurl's timer, our timer, a deadline or a wakeup. Cancels everything left on the way out.
  void run();
  /// Sleeps up to `timeout_ms` and hands each ready socket to libcurl.
  void wait_and_dispatch(int timeout_ms);
  /// Tells libcurl its timeout has passed, when it has.
  void drive_curl_timer();
  /// Fails the transfers whose sockets epoll refused (outside libcurl's callbacks).
  void fail_unwatchable();
  void release_descriptors();
  /// libcurl's CURLMOPT_SOCKETFUNCTION and CURLMOPT_TIMERFUNCTION (static trampolines).
  static int on_socket(CURL* easy, curl_socket_t socket, int what, void* user, void* socket_data);
  static int on_timer(CURLM* multi, long timeout_ms, void* user);
  void drain_queue();
  void execute(Command& command);
  void add(std::unique_ptr<Transfer> transfer);
  void add_timer(TimerCommand command);

  /// Adds new transfers to the multi handle; never from inside a libcurl callback.
  void add_pending();

  /// Runs on_done once; the handle is removed later by reap() (not allowed inside callbacks).
  void complete(Transfer& t, HttpResult result);
  void read_messages();

  /// Our own first-byte and idle timeouts (libcurl's low-speed check has 1 s granularity).
  void check_deadlines(Clock::time_point now);
  void fire_timers(Clock::time_point now);
  /// Completes every transfer and timer of `group` (all groups when nothing) as cancelled,
  /// after taking queued commands (they were submitted before the cancel).
  void cancel(std::optional<GroupId> group);
  /// Removes finished transfers from the multi handle and frees them.
  void reap();
  int poll_timeout_ms(Clock::time_point now) const;
  void shutdown();

  CURLM* multi = nullptr;
  int epoll_fd = -1;
  int wake_fd = -1;                          ///< eventfd: submit() writes, the loop reads
  std::atomic<bool> wake_pending{false};     ///< a write to wake_fd not yet read: skip another
  Clock::time_point curl_due = Clock::time_point::max();  ///< libcurl's timer (CURLMOPT_TIMERFUNCTION)
  std::vector<std::pair<CURL*, std::string>> unwatchable;  ///< transfers whose socket epoll refused, and why
  std::array<epoll_event, 256> ready_events;  ///< epoll_wait's output, reused (not cleared) at each wake-up
  std::thread thread;
  std::atomic<std::thread::id> loop_id;
  std::atomic<bool> stopping{false};
  std::atomic<std::int64_t> in_flight{0};
  std::atomic<std::uint64_t> next_id{1};
  std::atomic<std::uint64_t> next_group{1};

  std::mutex mutex;
  std::vector<Command> queue;  ///< guarded by mutex
  bool exited = false;         ///< guarded by mutex

  std::unordered_map<TransferId, std::unique_ptr<Transfer>> transfers;
  /// Easy handles of finished transfers, reset for the next ones: libcurl's advice for speed
  /// (no allocation of its buffers and state per request).
  std::vector<CURL*> spare_easy;
  std::vector<TransferId> pending_add;
  std::vector<TransferId> to_reap;
  std::map<std::pair<Clock::time_point, std::uint64_t>, detail::Timer> timers;
  std::uint64_t next_timer = 0;
  Clock::time_point next_check = Clock::time_point::max();  ///< next first-byte/idle scan
  detail::DeadlineSink deadline_sink;
};

}  // namespace rb::adapters::http
