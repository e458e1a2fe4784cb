#include "adapters/http/http_client.hpp"

#include "adapters/http/event_loop.hpp"

namespace rb::adapters::http {

HttpClient::HttpClient(HttpClientOptions options) : m_impl(std::make_shared<Impl>(options))
{
  m_impl->thread = std::thread([self = m_impl] { self->run(); });
}

HttpClient::~HttpClient()
{
  m_impl->stopping.store(true);
  m_impl->wake();
  if (on_loop_thread()) {
    m_impl->thread.detach();  // the loop ends after this callback returns and frees Impl itself
  } else if (m_impl->thread.joinable()) {
    m_impl->thread.join();
  }
}

std::shared_ptr<HttpClient> HttpClient::shared()
{
  static std::mutex mutex;
  static std::weak_ptr<HttpClient> weak;
  std::lock_guard lock(mutex);
  std::shared_ptr<HttpClient> client = weak.lock();
  if (!client) {
    client = std::make_shared<HttpClient>();
    weak = client;
  }
  return client;
}

GroupId HttpClient::new_group()
{
  return m_impl->next_group.fetch_add(1);
}

TransferId HttpClient::start(HttpRequest request, HttpHandlers handlers, GroupId group)
{
  const TransferId id = m_impl->next_id.fetch_add(1);
  auto transfer = std::make_unique<detail::Transfer>(id, group, std::move(request), std::move(handlers));
  m_impl->in_flight.fetch_add(1);
  if (on_loop_thread()) {
    m_impl->add(std::move(transfer));
    return id;
  }
  detail::Command command{detail::StartCommand{std::move(transfer)}};
  if (!m_impl->submit(command)) {  // shutting down: nothing will run it
    detail::Transfer& t = *std::get<detail::StartCommand>(command).transfer;
    auto on_done = std::move(t.handlers.on_done);
    HttpResult result = t.result_with(HttpOutcome::cancelled, "cancelled: the HTTP client is shutting down");
    m_impl->in_flight.fetch_sub(1);
    if (on_done) {
      on_done(std::move(result));
    }
  }
  return id;
}

void HttpClient::after(Milliseconds delay, TimerCallback callback, GroupId group)
{
  detail::TimerCommand timer{Clock::now() + delay, group, std::move(callback)};
  if (on_loop_thread()) {
    m_impl->add_timer(std::move(timer));
    return;
  }
  detail::Command command{std::move(timer)};
  if (!m_impl->submit(command)) {  // shutting down
    auto& callback = std::get<detail::TimerCommand>(command).callback;
    if (callback) {
      callback(TimerEvent::cancelled);
    }
  }
}

void HttpClient::cancel_group(GroupId group)
{
  m_impl->cancel_and_wait(group);
}

void HttpClient::cancel_all()
{
  m_impl->cancel_and_wait(std::nullopt);
}

std::int64_t HttpClient::in_flight() const
{
  return m_impl->in_flight.load();
}

bool HttpClient::on_loop_thread() const
{
  return m_impl->on_loop_thread();
}

}  // namespace rb::adapters::http
