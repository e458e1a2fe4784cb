// Rate limits (token buckets, adaptive concurrency), the retry budget, rate-limit headers of
// both API families and the first-byte timeout: unit level and through HttpAdapter.
#include <httplib.h>
#include <catch2/catch.hpp>

#include <future>
#include <thread>

#include "adapters/http/rate_limiter.hpp"
#include "adapters/http/retry.hpp"
#include "adapters/http_adapter.hpp"

using namespace std::chrono_literals;
using namespace rb;
using namespace rb::adapters;
using Clock = std::chrono::steady_clock;

namespace {

/// A loopback server with a scripted POST handler (any path).
class TestServer {
 public:
  using Handler = std::function<void(const httplib::Request&, httplib::Response&)>;
  explicit TestServer(Handler handler) : m_handler(std::move(handler))
  {
    m_server.new_task_queue = [] { return new httplib::ThreadPool(64); };
    m_server.Post(R"(/.*)", [this](const httplib::Request& req, httplib::Response& res) { m_handler(req, res); });
    m_port = m_server.bind_to_any_port("127.0.0.1");
    m_thread = std::thread([this] { m_server.listen_after_bind(); });
    while (!m_server.is_running()) {
      std::this_thread::sleep_for(1ms);
    }
  }
  ~TestServer()
  {
    m_server.stop();
    m_thread.join();
  }
  std::string base_url() const { return "http://127.0.0.1:" + std::to_string(m_port) + "/v1"; }

 private:
  Handler m_handler;
  httplib::Server m_server;
  std::thread m_thread;
  int m_port = 0;
};

const std::string k_answer =
    R"({"choices":[{"index":0,"message":{"content":"ok"},"finish_reason":"stop"}],"usage":{"prompt_tokens":1,"completion_tokens":1}})";

HttpAdapterOptions options_for(const TestServer& server)
{
  HttpAdapterOptions o;
  o.base_url = server.base_url();
  o.model = "m";
  o.stream = false;
  o.max_retries = 6;
  o.retry.base = 1ms;
  o.retry.cap = 5ms;
  o.retry_seed = 1;
  return o;
}

std::vector<std::expected<Sample, Error>> run_all(Adapter& adapter, int n)
{
  std::vector<std::future<std::expected<Sample, Error>>> futures;
  for (int i = 0; i < n; ++i) {
    auto promise = std::make_shared<std::promise<std::expected<Sample, Error>>>();
    futures.push_back(promise->get_future());
    Request request;
    request.messages = {{"user", "q" + std::to_string(i)}};
    adapter.start(request, [promise](std::expected<Sample, Error> r) { promise->set_value(std::move(r)); });
  }
  std::vector<std::expected<Sample, Error>> results;
  for (auto& future : futures) {
    REQUIRE(future.wait_for(60s) == std::future_status::ready);
    results.push_back(future.get());
  }
  return results;
}

/// Admission times (seconds after the start) of `n` acquisitions costing `tokens`, each released at once.
std::vector<double> admissions(http::RateLimits limits, int n, std::int64_t tokens)
{
  auto client = std::make_shared<http::HttpClient>();
  http::RateLimiter limiter(limits, client, client->new_group());
  const auto start = Clock::now();
  std::vector<std::promise<double>> admitted(static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) {
    limiter.acquire(tokens, [&, i](bool ok, std::uint64_t ticket) {
      REQUIRE(ok);
      admitted[static_cast<std::size_t>(i)].set_value(std::chrono::duration<double>(Clock::now() - start).count());
      limiter.release(ticket, false, 0);
    });
  }
  std::vector<double> times;
  for (auto& promise : admitted) {
    auto future = promise.get_future();
    REQUIRE(future.wait_for(20s) == std::future_status::ready);
    times.push_back(future.get());
  }
  return times;
}

}  // namespace

TEST_CASE("rate limiter: requests per minute pace starts after a one-second burst", "[limits]")
{
  const auto times = admissions(http::RateLimits{1200, 0, false}, 40, 1);  // 20/s, bucket of 20
  CHECK(times[19] < 0.2);
  CHECK(times[39] >= 0.9);
  CHECK(times[39] < 3.0);
}

TEST_CASE("rate limiter: tokens per minute count each request's tokens", "[limits]")
{
  const auto times = admissions(http::RateLimits{0, 60'000, false}, 4, 500);  // 1000 tokens/s
  CHECK(times[1] < 0.2);
  CHECK(times[3] >= 0.9);
  CHECK(times[3] < 3.0);
  // A request larger than the bucket starts on a full bucket (instead of never) and its debt is
  // paid before the next: 2000 tokens at 1000/s.
  const auto big = admissions(http::RateLimits{0, 60'000, false}, 2, 2000);
  CHECK(big[0] < 0.2);
  CHECK(big[1] >= 1.8);
  CHECK(big[1] < 4.0);
}

TEST_CASE("rate limiter: adaptive concurrency halves on 429 once per window and grows back", "[limits]")
{
  auto client = std::make_shared<http::HttpClient>();
  http::RateLimiter limiter(http::RateLimits{0, 0, true}, client, client->new_group());
  std::vector<std::uint64_t> tickets;
  for (int i = 0; i < 8; ++i) {
    limiter.acquire(1, [&](bool ok, std::uint64_t ticket) {
      REQUIRE(ok);
      tickets.push_back(ticket);
    });
  }
  REQUIRE(tickets.size() == 8);
  limiter.release(tickets[0], true, 0);  // 8 in flight, a 429: limit (7 + 1) / 2
  CHECK(limiter.concurrency_limit() == 4);
  limiter.release(tickets[1], true, 0);  // the same window: no second halving
  CHECK(limiter.concurrency_limit() == 4);
  int later = 0;
  limiter.acquire(1, [&](bool ok, std::uint64_t) { later += ok ? 1 : 100; });
  CHECK(later == 0);  // 6 in flight, limit 4
  for (int i = 2; i < 5; ++i) {
    limiter.release(tickets[static_cast<std::size_t>(i)], false, 0);
  }
  CHECK(later == 1);  // 3 in flight: admitted
  CHECK(limiter.concurrency_limit() > 4);  // additive increase on success
  bool cancelled = false;
  for (int i = 0; i < 10; ++i) {
    limiter.acquire(1, [&](bool ok, std::uint64_t) { cancelled = cancelled || !ok; });
  }
  limiter.cancel_all();
  CHECK(cancelled);
  CHECK(limiter.waiting() == 0);
}

TEST_CASE("adaptive concurrency through the adapter: a server that refuses more than 4 at once", "[limits]")
{
  std::atomic<int> active{0};
  std::atomic<int> refused{0};
  TestServer server([&](const httplib::Request&, httplib::Response& res) {
    if (++active > 4) {
      --active;
      ++refused;
      res.status = 429;
      res.set_content(R"({"error":{"message":"too many"}})", "application/json");
      return;
    }
    std::this_thread::sleep_for(20ms);
    --active;
    res.set_content(k_answer, "application/json");
  });
  HttpAdapterOptions o = options_for(server);
  o.limits.adaptive = true;
  o.max_retries = 20;
  HttpAdapter adapter(o, std::make_shared<http::HttpClient>());
  for (const auto& result : run_all(adapter, 64)) {
    CHECK(result.has_value());
  }
  CHECK(refused > 0);
  CHECK(adapter.limiter()->concurrency_limit() < 16);
  CHECK(adapter.stats().retries == refused);
}

TEST_CASE("retry budget: a failing endpoint stops being retried once the budget is spent", "[limits]")
{
  http::RetryBudget budget(0.5);
  for (int i = 0; i < 10; ++i) {
    budget.on_request();
  }
  int allowed = 0;
  while (budget.try_retry() && allowed < 1000) {
    ++allowed;
  }
  CHECK(allowed == 105);
  http::RetryBudget unlimited(0);
  CHECK(unlimited.try_retry());

  TestServer server([](const httplib::Request&, httplib::Response& res) {
    res.status = 503;
    res.set_content(R"({"error":{"message":"down"}})", "application/json");
  });
  HttpAdapterOptions o = options_for(server);
  o.retry_budget = 0.2;
  HttpAdapter adapter(o, std::make_shared<http::HttpClient>());
  int spent = 0;
  for (const auto& result : run_all(adapter, 60)) {
    REQUIRE_FALSE(result.has_value());
    spent += result.error().message.find("retry budget is spent") != std::string::npos ? 1 : 0;
  }
  CHECK(spent > 0);
  CHECK(adapter.stats().retries <= 100 + 12);
}

TEST_CASE("rate-limit headers: Anthropic's RFC 3339 resets and OpenAI's durations", "[limits][retry]")
{
  using std::chrono::sys_days;
  const auto now = sys_days(std::chrono::year(2025) / 1 / 1);
  CHECK(http::parse_rfc3339_wait("2025-01-01T00:00:30Z", now) == http::Milliseconds(30'000));
  CHECK(http::parse_rfc3339_wait("2025-01-01T01:00:30+01:00", now) == http::Milliseconds(30'000));
  CHECK(http::parse_rfc3339_wait("2025-01-01T00:00:01.5Z", now) == http::Milliseconds(1'500));
  CHECK(http::parse_rfc3339_wait("2024-12-31T23:00:00Z", now) == http::Milliseconds(0));
  CHECK_FALSE(http::parse_rfc3339_wait("tomorrow", now).has_value());
  CHECK_FALSE(http::parse_rfc3339_wait("2025-13-01T00:00:00Z", now).has_value());

  http::HttpHead anthropic;
  anthropic.status = 429;
  anthropic.headers = {{"anthropic-ratelimit-tokens-remaining", "0"},
                       {"anthropic-ratelimit-tokens-reset", "2025-01-01T00:00:07Z"},
                       {"anthropic-ratelimit-requests-remaining", "10"},
                       {"anthropic-ratelimit-requests-reset", "2025-01-01T00:01:00Z"}};
  CHECK(http::server_delay(anthropic, now) == http::Milliseconds(7'000));
  http::HttpHead openai;
  openai.status = 429;
  openai.headers = {{"x-ratelimit-remaining-requests", "0"}, {"x-ratelimit-reset-requests", "120ms"}};
  CHECK(http::server_delay(openai, now) == http::Milliseconds(120));
}

TEST_CASE("first-byte timeout: a server that never starts answering is timed out and retried", "[limits]")
{
  std::atomic<int> calls{0};
  TestServer server([&](const httplib::Request&, httplib::Response& res) {
    if (++calls == 1) {
      std::this_thread::sleep_for(1500ms);
    }
    res.set_content(k_answer, "application/json");
  });
  HttpAdapterOptions o = options_for(server);
  o.first_byte_timeout = 200ms;
  HttpAdapter adapter(o, std::make_shared<http::HttpClient>());
  const auto start = Clock::now();
  const auto results = run_all(adapter, 1);
  REQUIRE(results[0].has_value());
  CHECK(results[0]->retries == 1);
  CHECK(Clock::now() - start < 1400ms);
}
