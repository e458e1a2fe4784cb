#include "adapters/cmd_adapter.hpp"

#include <poll.h>

#include <cmath>
#include <random>
#include <thread>

#include "adapters/cmd_worker.hpp"
#include "adapters/registry_detail.hpp"
#include "harness/core/error.hpp"

namespace rb::adapters {

namespace cmd {

namespace {

/// Waits `delay` unless the waker fires first. False when woken.
bool sleep_unless_woken(const Waker& waker, http::Milliseconds delay)
{
  pollfd fd{waker.fd(), POLLIN, 0};
  return ::poll(&fd, 1, static_cast<int>(delay.count())) == 0;
}

}  // namespace

CmdAdapter::CmdAdapter(CmdOptions options) : m_options(std::move(options)) {}

CmdAdapter::~CmdAdapter()
{
  cancel_all();
}

std::string CmdAdapter::request_body(const Request& request) const
{
  return request_json(request, m_options, std::nullopt);
}

AdapterStats CmdAdapter::stats() const
{
  std::lock_guard lock(m_mutex);
  return AdapterStats{m_started.load(), m_retries.load(), m_threads};
}

bool CmdAdapter::cancelled(std::uint64_t generation) const
{
  std::lock_guard lock(m_mutex);
  return m_generation != generation;
}

void CmdAdapter::start(const Request& request, SampleCallback done)
{
  m_started.fetch_add(1);
  {
    std::lock_guard lock(m_mutex);
    ++m_threads;
  }
  std::thread([this, request, done = std::move(done)] {
    run(request, done);
    std::lock_guard lock(m_mutex);
    --m_threads;
    m_changed.notify_all();
  }).detach();
}

void CmdAdapter::cancel_all()
{
  std::unique_lock lock(m_mutex);
  ++m_generation;
  for (Waker* waker : m_wakers) {
    waker->wake();
  }
  m_changed.wait(lock, [this] { return m_threads == 0; });
}

void CmdAdapter::run(const Request& request, const SampleCallback& done)
{
  Waker waker;
  std::uint64_t generation = 0;
  {
    std::lock_guard lock(m_mutex);
    generation = m_generation;
    m_wakers.insert(&waker);
  }
  http::RetryPolicy policy(m_options.retry, std::random_device{}());
  std::expected<Sample, Error> result = std::unexpected(Error{});
  for (int attempt_number = 1;; ++attempt_number) {
    result = attempt(request, waker);
    if (cancelled(generation)) {
      result = std::unexpected(Error{ErrorKind::cancelled, "cancelled"});
      break;
    }
    if (result) {
      result->retries = attempt_number - 1;
      break;
    }
    if (!result.error().retryable() || attempt_number > m_options.max_retries) {
      if (attempt_number > 1) {
        result.error().message += " (gave up after " + std::to_string(attempt_number) + " attempts)";
      }
      break;
    }
    m_retries.fetch_add(1);
    if (!sleep_unless_woken(waker, policy.backoff(attempt_number))) {
      result = std::unexpected(Error{ErrorKind::cancelled, "cancelled"});
      break;
    }
  }
  {
    std::lock_guard lock(m_mutex);
    m_wakers.erase(&waker);
  }
  done(std::move(result));
}

std::expected<Sample, Error> CmdAdapter::attempt(const Request& request, const Waker& waker)
{
  const auto started = Clock::now();
  auto process = Process::start(m_options.argv);
  if (!process) {
    return std::unexpected(Error{ErrorKind::rejected, process.error()});
  }
  Process& p = **process;
  p.send(request_json(request, m_options, std::nullopt) + "\n");
  p.close_input_when_written();
  const auto deadline = m_options.timeout.count() > 0 ? started + m_options.timeout : Clock::time_point::max();
  while (true) {
    const Process::Event event = p.pump(waker, deadline);
    if (event == Process::Event::finished) {
      break;
    }
    if (event == Process::Event::woken) {
      return std::unexpected(Error{ErrorKind::cancelled, "cancelled"});
    }
    if (event == Process::Event::deadline) {
      return std::unexpected(Error{ErrorKind::timeout, "'" + m_options.argv[0] + "' took longer than " +
                                                           std::to_string(m_options.timeout.count() / 1000) + " s"});
    }
    if (p.output_overflow()) {
      return std::unexpected(Error{ErrorKind::protocol, "'" + m_options.argv[0] + "' wrote more than " +
                                                            std::to_string(k_max_output_bytes) + " bytes"});
    }
  }
  bool ok = false;
  const std::string how = p.wait(ok);
  if (!ok) {
    const std::string said = p.last_error_line();
    const bool crashed = how.starts_with("killed");  // a crash may pass; a failing exit status will not
    return std::unexpected(Error{crashed ? ErrorKind::transport : ErrorKind::rejected,
                                 "'" + m_options.argv[0] + "' failed (" + how + ")" + (said.empty() ? "" : ": " + said)});
  }
  Reply reply = parse_reply(p.output(), true, request, m_options);
  if (reply.result) {
    reply.result->timings.e2e_ms = std::chrono::duration<double, std::milli>(Clock::now() - started).count();
  }
  return std::move(reply.result);
}

}  // namespace cmd

std::unique_ptr<Adapter> make_cmd_adapter(const config::ModelConfig& model, const ModelSpec& spec)
{
  const auto fail = [&](const std::string& problem) { throw ConfigError(detail::where(model) + problem); };
  if (!model.base_url.empty() || !model.api.empty() || model.thinking_budget || !model.reasoning_effort.empty()) {
    fail("base_url, api, thinking_budget and reasoning_effort do not apply to cmd: models");
  }
  cmd::CmdOptions o;
  o.command = spec.model;
  o.argv = cmd::split_command(spec.model);
  if (o.argv.empty() || cmd::find_program(o.argv[0]).empty()) {
    fail("program '" + (o.argv.empty() ? spec.model : o.argv[0]) + "' not found (not executable, or not on $PATH)");
  }
  o.worker = model.worker;
  o.defaults = model.params;
  o.extra_params_json = model.params_json;
  o.max_retries = model.max_retries;
  o.timeout = http::Milliseconds(std::llround(model.request_timeout_s * 1000));
  o.prices = model.prices;
  o.tags = std::make_shared<ReasoningTags>(model.reasoning_tags);
  if (o.worker) {
    return std::make_unique<cmd::WorkerAdapter>(std::move(o));
  }
  return std::make_unique<cmd::CmdAdapter>(std::move(o));
}

}  // namespace rb::adapters
