#include "adapters/cmd_worker.hpp"

#include <poll.h>

#include <random>

#include "adapters/openai/json_fields.hpp"

namespace rb::adapters::cmd {

namespace {

std::expected<Sample, Error> cancelled()
{
  return std::unexpected(Error{ErrorKind::cancelled, "cancelled"});
}

}  // namespace

WorkerAdapter::WorkerAdapter(CmdOptions options)
    : m_options(std::move(options)), m_policy(m_options.retry, std::random_device{}()), m_thread([this] { loop(); })
{
}

WorkerAdapter::~WorkerAdapter()
{
  cancel_all();
  {
    std::lock_guard lock(m_mutex);
    m_stopping = true;
  }
  m_waker.wake();
  m_thread.join();
}

std::string WorkerAdapter::request_body(const Request& request) const
{
  return request_json(request, m_options, std::nullopt);
}

AdapterStats WorkerAdapter::stats() const
{
  return AdapterStats{m_started.load(), m_retries.load(), m_in_flight.load()};
}

void WorkerAdapter::start(const Request& request, SampleCallback done)
{
  auto item = std::make_shared<Pending>();
  item->request = request;
  item->done = std::move(done);
  m_started.fetch_add(1);
  m_in_flight.fetch_add(1);
  {
    std::lock_guard lock(m_mutex);
    m_incoming.push_back(std::move(item));
  }
  m_waker.wake();
}

void WorkerAdapter::cancel_all()
{
  std::unique_lock lock(m_mutex);
  const std::uint64_t ticket = ++m_cancel_requested;
  m_waker.wake();
  m_changed.wait(lock, [&] { return m_cancel_done >= ticket || m_stopping; });
}

Clock::time_point WorkerAdapter::next_deadline() const
{
  Clock::time_point next = Clock::time_point::max();
  for (const auto& [id, item] : m_sent) {
    next = std::min(next, item->deadline);
  }
  for (const Item& item : m_delayed) {
    next = std::min(next, item->due);
  }
  return next;
}

void WorkerAdapter::retry_or_fail(Item item, Error error, Done& done)
{
  if (error.retryable() && item->attempts <= m_options.max_retries) {
    m_retries.fetch_add(1);
    item->due = Clock::now() + m_policy.backoff(item->attempts);
    m_delayed.push_back(std::move(item));
    return;
  }
  if (item->attempts > 1) {
    error.message += " (gave up after " + std::to_string(item->attempts) + " attempts)";
  }
  done.emplace_back(std::move(item), std::unexpected(std::move(error)));
}

void WorkerAdapter::restart(const Item& victim, const Error& error, Done& done)
{
  if (m_process) {
    m_process->kill();
    m_process.reset();
  }
  std::vector<Item> in_flight;
  for (auto& [id, item] : m_sent) {
    in_flight.push_back(item);
  }
  m_sent.clear();
  for (Item& item : in_flight) {
    if (item == victim || !victim) {
      retry_or_fail(item, error, done);
    } else {
      --item->attempts;  // not its fault: sent again as the same attempt
      item->due = Clock::now();
      m_delayed.push_back(item);
    }
  }
}

void WorkerAdapter::send_ready(std::deque<Item>& ready, Done& done)
{
  const auto now = Clock::now();
  for (auto it = m_delayed.begin(); it != m_delayed.end();) {
    if ((*it)->due <= now) {
      ready.push_back(std::move(*it));
      it = m_delayed.erase(it);
    } else {
      ++it;
    }
  }
  if (ready.empty()) {
    return;
  }
  if (!m_process) {
    auto started = Process::start(m_options.argv);
    if (!started) {
      for (Item& item : ready) {
        done.emplace_back(std::move(item), std::unexpected(Error{ErrorKind::rejected, started.error()}));
      }
      ready.clear();
      return;
    }
    m_process = std::move(*started);
    m_spawned.fetch_add(1);
  }
  for (Item& item : ready) {
    item->id = m_next_id++;
    ++item->attempts;
    item->started = now;
    item->deadline = m_options.timeout.count() > 0 ? now + m_options.timeout : Clock::time_point::max();
    m_process->send(request_json(item->request, m_options, item->id) + "\n");
    m_sent.emplace(item->id, std::move(item));
  }
  ready.clear();
}

void WorkerAdapter::read_answers(Done& done)
{
  std::string& output = m_process->output();
  std::size_t begin = 0;
  for (std::size_t end = output.find('\n'); end != std::string::npos; end = output.find('\n', begin)) {
    const std::string_view line(output.data() + begin, end - begin);
    begin = end + 1;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) {
      continue;
    }
    // Which request: its "id", else the oldest one in flight (a worker that answers in order).
    const auto json = openai::detail::Json::parse(line, nullptr, false);
    auto it = m_sent.end();
    if (json.is_object() && json.contains("id") && json["id"].is_number_unsigned()) {
      it = m_sent.find(json["id"].get<std::uint64_t>());
      if (it == m_sent.end()) {
        continue;  // a late answer to an attempt that timed out
      }
    } else if (!m_sent.empty()) {
      it = m_sent.begin();
    } else {
      continue;
    }
    Item item = it->second;
    m_sent.erase(it);
    Reply reply = parse_reply(line, false, item->request, m_options);
    if (!reply.result) {
      retry_or_fail(std::move(item), std::move(reply.result.error()), done);
      continue;
    }
    reply.result->retries = item->attempts - 1;
    reply.result->timings.e2e_ms = std::chrono::duration<double, std::milli>(Clock::now() - item->started).count();
    done.emplace_back(std::move(item), std::move(reply.result));
  }
  output.erase(0, begin);
}

void WorkerAdapter::loop()
{
  while (true) {
    std::deque<Item> ready;
    Done done;
    bool cancel = false;
    std::uint64_t cancel_ticket = 0;
    m_waker.drain();  // before looking: a wake after this is seen by the next poll
    {
      std::lock_guard lock(m_mutex);
      if (m_stopping) {
        break;
      }
      ready.swap(m_incoming);
      cancel = m_cancel_done < m_cancel_requested;
      cancel_ticket = m_cancel_requested;
    }
    if (cancel) {
      for (auto& [id, item] : m_sent) {
        done.emplace_back(item, cancelled());
      }
      for (Item& item : m_delayed) {
        done.emplace_back(std::move(item), cancelled());
      }
      for (Item& item : ready) {
        done.emplace_back(std::move(item), cancelled());
      }
      m_sent.clear();
      m_delayed.clear();
      ready.clear();
    }
    send_ready(ready, done);
    if (m_process && !m_sent.empty()) {
      const Process::Event event = m_process->pump(m_waker, std::min(next_deadline(), Clock::now() + std::chrono::seconds(1)));
      read_answers(done);
      if (event == Process::Event::finished || m_process->output_overflow()) {
        bool ok = false;
        const std::string how = m_process->wait(ok);
        const std::string said = m_process->last_error_line();
        restart(nullptr, Error{ErrorKind::transport, "the worker '" + m_options.argv[0] + "' exited (" + how + ")" +
                                                         (said.empty() ? "" : ": " + said)},
                done);
      } else if (event == Process::Event::deadline) {
        const auto now = Clock::now();
        for (const auto& [id, item] : m_sent) {
          if (item->deadline <= now) {
            const Item victim = item;
            restart(victim, Error{ErrorKind::timeout, "the worker '" + m_options.argv[0] + "' did not answer within " +
                                                          std::to_string(m_options.timeout.count() / 1000) + " s"},
                    done);
            break;
          }
        }
      }
    } else if (done.empty()) {
      // Idle, or only waiting for retries: sleep until woken or the next retry is due.
      pollfd fd{m_waker.fd(), POLLIN, 0};
      const auto next = next_deadline();
      const auto wait = next == Clock::time_point::max()
                            ? 1000
                            : std::max<long long>(0, std::chrono::ceil<std::chrono::milliseconds>(next - Clock::now()).count());
      ::poll(&fd, 1, static_cast<int>(std::min<long long>(wait, 1000)));
    }
    for (auto& [item, result] : done) {
      m_in_flight.fetch_sub(1);
      SampleCallback callback = std::move(item->done);
      callback(std::move(result));
    }
    if (cancel) {
      std::lock_guard lock(m_mutex);
      m_cancel_done = std::max(m_cancel_done, cancel_ticket);
      m_changed.notify_all();
    }
  }
  // Stopping: nothing may be left waiting.
  std::deque<Item> left;
  {
    std::lock_guard lock(m_mutex);
    left.swap(m_incoming);
    m_cancel_done = m_cancel_requested;
    m_changed.notify_all();
  }
  for (auto& [id, item] : m_sent) {
    left.push_back(item);
  }
  for (Item& item : m_delayed) {
    left.push_back(item);
  }
  for (Item& item : left) {
    m_in_flight.fetch_sub(1);
    item->done(cancelled());
  }
  m_process.reset();
}

}  // namespace rb::adapters::cmd
