#include "adapters/http/event_loop.hpp"

#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/resource.h>
#include <unistd.h>

#include <csignal>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <stdexcept>

namespace rb::adapters::http {

namespace {

constexpr Milliseconds k_max_poll_wait{1000};     ///< the loop wakes at least this often
constexpr rlim_t k_wanted_open_files = 65536;     ///< one descriptor per connection in flight
constexpr int k_max_cancel_rounds = 16;           ///< callbacks that keep starting work while cancelled
constexpr Milliseconds k_min_check_interval{10};  ///< between scans for first-byte/idle timeouts
constexpr std::size_t k_max_spare_easy = 1024;    ///< easy handles kept for reuse

void global_init_once()
{
  static std::once_flag once;
  std::call_once(once, [] {
    curl_global_init(CURL_GLOBAL_DEFAULT);
    // With CURLOPT_NOSIGNAL, a TLS write to a peer that hung up raises SIGPIPE: ignore it
    // (unless the program installed its own handler).
    struct sigaction current {};
    if (sigaction(SIGPIPE, nullptr, &current) == 0 && current.sa_handler == SIG_DFL) {
      std::signal(SIGPIPE, SIG_IGN);
    }
    // Thousands of connections need thousands of descriptors: raise the soft limit (not the hard one).
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < k_wanted_open_files) {
      limit.rlim_cur = std::min<rlim_t>(limit.rlim_max, k_wanted_open_files);
      setrlimit(RLIMIT_NOFILE, &limit);
    }
  });
}

/// Callbacks run on the loop thread; an exception escaping one must not kill the process.
template <class F>
void guarded(F&& f) noexcept
{
  try {
    f();
  } catch (const std::exception& e) {
    std::fprintf(stderr, "reasonbench: an HTTP callback threw: %s\n", e.what());
  } catch (...) {
    std::fprintf(stderr, "reasonbench: an HTTP callback threw a non-standard exception\n");
  }
}

}  // namespace

HttpClient::Impl::Impl(const HttpClientOptions& options)
{
  global_init_once();
  multi = curl_multi_init();
  curl_multi_setopt(multi, CURLMOPT_PIPELINING, CURLPIPE_MULTIPLEX);
  curl_multi_setopt(multi, CURLMOPT_MAX_HOST_CONNECTIONS, options.max_host_connections);
  curl_multi_setopt(multi, CURLMOPT_MAX_TOTAL_CONNECTIONS, options.max_total_connections);
  curl_multi_setopt(multi, CURLMOPT_SOCKETFUNCTION, &Impl::on_socket);
  curl_multi_setopt(multi, CURLMOPT_SOCKETDATA, static_cast<void*>(this));
  curl_multi_setopt(multi, CURLMOPT_TIMERFUNCTION, &Impl::on_timer);
  curl_multi_setopt(multi, CURLMOPT_TIMERDATA, static_cast<void*>(this));
  epoll_fd = epoll_create1(EPOLL_CLOEXEC);
  wake_fd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
  epoll_event event{};
  event.events = EPOLLIN;
  event.data.fd = wake_fd;
  if (epoll_fd < 0 || wake_fd < 0 || epoll_ctl(epoll_fd, EPOLL_CTL_ADD, wake_fd, &event) != 0) {
    const std::string why = std::strerror(errno);
    release_descriptors();  // the destructor does not run for a constructor that throws
    curl_multi_cleanup(multi);
    throw std::runtime_error("cannot start the HTTP event loop: " + why);
  }
  deadline_sink = [this](Clock::time_point t) { next_check = std::min(next_check, t); };
}

HttpClient::Impl::~Impl()
{
  for (CURL* easy : spare_easy) {
    curl_easy_cleanup(easy);
  }
  curl_multi_cleanup(multi);  // may tell on_socket to forget sockets: epoll_fd is still open
  release_descriptors();
}

void HttpClient::Impl::release_descriptors()
{
  if (wake_fd >= 0) {
    close(wake_fd);
    wake_fd = -1;
  }
  if (epoll_fd >= 0) {
    close(epoll_fd);
    epoll_fd = -1;
  }
}

int HttpClient::Impl::on_socket(CURL* easy, curl_socket_t socket, int what, void* user, void* socket_data)
{
  auto& self = *static_cast<Impl*>(user);
  if (what == CURL_POLL_REMOVE) {
    epoll_ctl(self.epoll_fd, EPOLL_CTL_DEL, socket, nullptr);
    return 0;
  }
  epoll_event event{};
  event.events = ((what & CURL_POLL_IN) != 0 ? EPOLLIN : 0u) | ((what & CURL_POLL_OUT) != 0 ? EPOLLOUT : 0u);
  event.data.fd = socket;
  // A socket libcurl has not told us about yet is added; a known one (or a number reused after
  // a close, which epoll forgets by itself) is modified, whichever epoll accepts.
  const int first = socket_data == nullptr ? EPOLL_CTL_ADD : EPOLL_CTL_MOD;
  if (epoll_ctl(self.epoll_fd, first, socket, &event) != 0) {
    const int first_error = errno;
    if (epoll_ctl(self.epoll_fd, first == EPOLL_CTL_ADD ? EPOLL_CTL_MOD : EPOLL_CTL_ADD, socket, &event) != 0) {
      // Out of kernel memory or epoll watches, say: this transfer could never progress. It
      // fails (a transport error, retried as such) once libcurl has returned (fail_unwatchable).
      // The cause is the error that was not ENOENT/EEXIST (those only say which call was due).
      const int cause = first_error == ENOENT || first_error == EEXIST ? errno : first_error;
      self.unwatchable.emplace_back(easy, std::strerror(cause));
    }
  }
  if (socket_data == nullptr) {
    curl_multi_assign(self.multi, socket, &self);  // any non-null mark: "registered"
  }
  return 0;
}

int HttpClient::Impl::on_timer(CURLM* /*multi*/, long timeout_ms, void* user)
{
  auto& self = *static_cast<Impl*>(user);
  self.curl_due = timeout_ms < 0 ? Clock::time_point::max() : Clock::now() + Milliseconds(timeout_ms);
  return 0;
}

bool HttpClient::Impl::submit(Command& command)
{
  {
    std::lock_guard lock(mutex);
    if (exited) {
      return false;
    }
    queue.push_back(std::move(command));
  }
  wake();
  return true;
}

void HttpClient::Impl::wake()
{
  if (!wake_pending.exchange(true)) {
    const std::uint64_t one = 1;
    [[maybe_unused]] const ssize_t n = write(wake_fd, &one, sizeof one);
  }
}

void HttpClient::Impl::cancel_and_wait(std::optional<GroupId> group)
{
  if (on_loop_thread()) {
    cancel(group);
    return;
  }
  auto done = std::make_shared<std::promise<void>>();
  std::future<void> finished = done->get_future();
  Command command{detail::CancelCommand{group, done}};
  if (submit(command)) {
    finished.wait();
  }
}

void HttpClient::Impl::run()
{
  loop_id.store(std::this_thread::get_id());
  while (!stopping.load()) {
    drain_queue();
    add_pending();
    drive_curl_timer();
    read_messages();
    const Clock::time_point now = Clock::now();
    check_deadlines(now);
    fire_timers(now);
    reap();
    add_pending();
    if (stopping.load()) {
      break;
    }
    wait_and_dispatch(poll_timeout_ms(Clock::now()));
  }
  shutdown();
}

void HttpClient::Impl::drive_curl_timer()
{
  if (Clock::now() < curl_due) {
    return;
  }
  curl_due = Clock::time_point::max();  // on_timer sets the next one from inside the call
  int running = 0;
  curl_multi_socket_action(multi, CURL_SOCKET_TIMEOUT, 0, &running);
  fail_unwatchable();
}

void HttpClient::Impl::fail_unwatchable()
{
  std::vector<std::pair<CURL*, std::string>> failed;
  failed.swap(unwatchable);
  for (auto& [easy, why] : failed) {
    void* user = nullptr;
    if (easy != nullptr) {
      curl_easy_getinfo(easy, CURLINFO_PRIVATE, &user);
    }
    auto* t = static_cast<Transfer*>(user);  // null: libcurl's own handle closing a connection
    if (t != nullptr && !t->finished) {
      complete(*t, t->result_with(HttpOutcome::transport,
                                  "cannot watch the connection to " + host_of(t->request.url) + " (epoll_ctl: " + why + ")"));
    }
  }
}

void HttpClient::Impl::wait_and_dispatch(int timeout_ms)
{
  const int n = epoll_wait(epoll_fd, ready_events.data(), static_cast<int>(ready_events.size()), timeout_ms);
  for (int i = 0; i < n; ++i) {
    const int fd = ready_events[i].data.fd;
    if (fd == wake_fd) {
      // Read first, then let submitters write again: a write between the two is not needed, as
      // its command is already queued and the loop drains the queue after this returns. (The
      // other order loses wake-ups: a write consumed by this read would leave the flag set.)
      std::uint64_t count = 0;
      [[maybe_unused]] const ssize_t got = read(wake_fd, &count, sizeof count);
      wake_pending.store(false);
      continue;
    }
    const std::uint32_t ready = ready_events[i].events;
    int flags = 0;
    if ((ready & (EPOLLIN | EPOLLHUP | EPOLLRDHUP)) != 0) {
      flags |= CURL_CSELECT_IN;
    }
    if ((ready & EPOLLOUT) != 0) {
      flags |= CURL_CSELECT_OUT;
    }
    if ((ready & EPOLLERR) != 0) {
      flags |= CURL_CSELECT_ERR;
    }
    int running = 0;
    curl_multi_socket_action(multi, fd, flags, &running);
  }
  fail_unwatchable();
}

void HttpClient::Impl::drain_queue()
{
  std::vector<Command> commands;
  {
    std::lock_guard lock(mutex);
    commands.swap(queue);
  }
  for (Command& command : commands) {
    execute(command);
  }
}

void HttpClient::Impl::execute(Command& command)
{
  if (auto* start = std::get_if<detail::StartCommand>(&command)) {
    add(std::move(start->transfer));
  } else if (auto* timer = std::get_if<TimerCommand>(&command)) {
    add_timer(std::move(*timer));
  } else {
    auto& cancel_command = std::get<detail::CancelCommand>(command);
    cancel(cancel_command.group);
    cancel_command.done->set_value();
  }
}

void HttpClient::Impl::add(std::unique_ptr<Transfer> transfer)
{
  transfer->deadline_sink = &deadline_sink;
  CURL* reused = nullptr;
  if (!spare_easy.empty()) {
    reused = spare_easy.back();
    spare_easy.pop_back();
  }
  const std::string error = transfer->configure(reused);
  Transfer& t = *transfer;
  transfers.emplace(t.id, std::move(transfer));
  if (!error.empty()) {
    complete(t, t.result_with(HttpOutcome::transport, error));
    return;
  }
  pending_add.push_back(t.id);
  next_check = std::min(next_check, t.next_deadline());
}

void HttpClient::Impl::add_timer(TimerCommand command)
{
  timers.emplace(std::pair{command.due, next_timer++},
                 detail::Timer{command.group, std::move(command.callback)});
}

void HttpClient::Impl::add_pending()
{
  std::vector<TransferId> ids;
  ids.swap(pending_add);
  for (const TransferId id : ids) {
    const auto it = transfers.find(id);
    if (it == transfers.end() || it->second->finished) {
      continue;
    }
    if (curl_multi_add_handle(multi, it->second->easy) != CURLM_OK) {
      complete(*it->second, it->second->result_with(HttpOutcome::transport, "cannot add the transfer"));
      continue;
    }
    it->second->added = true;
  }
}

void HttpClient::Impl::complete(Transfer& t, HttpResult result)
{
  if (t.finished) {
    return;
  }
  t.finished = true;
  to_reap.push_back(t.id);
  auto on_done = std::move(t.handlers.on_done);
  if (on_done) {
    guarded([&] { on_done(std::move(result)); });
  }
  in_flight.fetch_sub(1);
}

void HttpClient::Impl::read_messages()
{
  int left = 0;
  while (CURLMsg* message = curl_multi_info_read(multi, &left)) {
    if (message->msg != CURLMSG_DONE) {
      continue;
    }
    void* user = nullptr;
    curl_easy_getinfo(message->easy_handle, CURLINFO_PRIVATE, &user);
    auto* t = static_cast<Transfer*>(user);
    if (!t->finished) {
      complete(*t, t->result_for(message->data.result));
    }
  }
}

void HttpClient::Impl::check_deadlines(Clock::time_point now)
{
  if (now < next_check) {
    return;
  }
  next_check = Clock::time_point::max();
  const Clock::time_point earliest_next = now + k_min_check_interval;
  std::vector<std::pair<TransferId, std::string>> expired;
  for (const auto& [id, t] : transfers) {
    if (t->finished) {
      continue;
    }
    std::string message = t->expired(now);
    if (!message.empty()) {
      expired.emplace_back(id, std::move(message));
    } else {
      next_check = std::min(next_check, std::max(earliest_next, t->next_deadline()));
    }
  }
  for (auto& [id, message] : expired) {
    const auto it = transfers.find(id);
    if (it != transfers.end()) {
      complete(*it->second, it->second->result_with(HttpOutcome::timeout, std::move(message)));
    }
  }
}

void HttpClient::Impl::fire_timers(Clock::time_point now)
{
  std::vector<TimerCallback> due;
  while (!timers.empty() && timers.begin()->first.first <= now) {
    due.push_back(std::move(timers.begin()->second.callback));
    timers.erase(timers.begin());
  }
  for (auto& callback : due) {
    guarded([&] { callback(TimerEvent::fired); });
  }
}

void HttpClient::Impl::cancel(std::optional<GroupId> group)
{
  drain_queue();  // starts and timers submitted before this cancel belong to it
  const auto matches = [&](GroupId g) { return !group || *group == g; };
  for (int round = 0; round < k_max_cancel_rounds; ++round) {
    std::vector<TransferId> ids;
    for (const auto& [id, t] : transfers) {
      if (!t->finished && matches(t->group)) {
        ids.push_back(id);
      }
    }
    std::vector<TimerCallback> callbacks;
    for (auto it = timers.begin(); it != timers.end();) {
      if (matches(it->second.group)) {
        callbacks.push_back(std::move(it->second.callback));
        it = timers.erase(it);
      } else {
        ++it;
      }
    }
    if (ids.empty() && callbacks.empty()) {
      return;
    }
    for (const TransferId id : ids) {
      const auto it = transfers.find(id);
      if (it != transfers.end()) {
        complete(*it->second, it->second->result_with(HttpOutcome::cancelled, "cancelled"));
      }
    }
    for (auto& callback : callbacks) {
      guarded([&] { callback(TimerEvent::cancelled); });
    }
  }
}

void HttpClient::Impl::reap()
{
  std::vector<TransferId> ids;
  ids.swap(to_reap);
  for (const TransferId id : ids) {
    const auto it = transfers.find(id);
    if (it == transfers.end()) {
      continue;
    }
    Transfer& t = *it->second;
    if (t.added) {
      curl_multi_remove_handle(multi, t.easy);
    }
    if (t.easy != nullptr && spare_easy.size() < k_max_spare_easy) {
      curl_easy_reset(t.easy);
      spare_easy.push_back(t.release_easy());
    }
    transfers.erase(it);
  }
}

int HttpClient::Impl::poll_timeout_ms(Clock::time_point now) const
{
  Clock::duration wait = k_max_poll_wait;
  if (curl_due != Clock::time_point::max()) {
    wait = std::min(wait, curl_due - now);
  }
  if (!timers.empty()) {
    wait = std::min(wait, timers.begin()->first.first - now);
  }
  if (next_check != Clock::time_point::max()) {
    wait = std::min(wait, next_check - now);
  }
  return static_cast<int>(std::max<Milliseconds::rep>(std::chrono::ceil<Milliseconds>(wait).count(), 0));
}

void HttpClient::Impl::shutdown()
{
  cancel(std::nullopt);
  reap();
  std::vector<Command> late;
  {
    std::lock_guard lock(mutex);
    exited = true;
    late.swap(queue);
  }
  for (Command& command : late) {
    execute(command);
  }
  cancel(std::nullopt);
  reap();
}

}  // namespace rb::adapters::http
