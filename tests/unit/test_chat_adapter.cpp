// ChatAdapter against a scripted cpp-httplib server on an ephemeral loopback port: wire format,
// streaming, reasoning separation, retries, timeouts, cancellation, concurrency, secrets.
#include <httplib.h>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <future>
#include <mutex>
#include <thread>

#include "adapters/http/http_client.hpp"
#include "adapters/openai/chat_adapter.hpp"

using namespace std::chrono_literals;
using Json = nlohmann::json;
using rb::Error;
using rb::ErrorKind;
using rb::Request;
using rb::Sample;
using rb::adapters::http::HttpClient;
using rb::adapters::http::Milliseconds;
using rb::adapters::openai::ChatAdapter;
using rb::adapters::openai::ChatOptions;

namespace {

/// A loopback server answering POST /v1/chat/completions with a scripted handler that is told
/// the 1-based number of the request.
class TestServer {
 public:
  using Handler = std::function<void(const httplib::Request&, httplib::Response&, int)>;

  explicit TestServer(Handler handler, bool keep_alive = true) : m_handler(std::move(handler))
  {
    m_server.new_task_queue = [] { return new httplib::ThreadPool(16); };
    m_server.set_keep_alive_timeout(1);
    if (!keep_alive) {
      m_server.set_keep_alive_max_count(1);
    }
    m_server.Post("/v1/chat/completions", [this](const httplib::Request& req, httplib::Response& res) {
      const int n = ++m_requests;
      {
        std::lock_guard lock(m_mutex);
        m_last = req;
      }
      m_handler(req, res, n);
    });
    m_port = m_server.bind_to_any_port("127.0.0.1");
    REQUIRE(m_port > 0);
    m_thread = std::thread([this] { m_server.listen_after_bind(); });
    while (!m_server.is_running()) {  // stop() before listening starts would be lost
      std::this_thread::sleep_for(1ms);
    }
  }
  ~TestServer()
  {
    m_stopping = true;
    m_server.stop();
    m_thread.join();
  }

  std::string base_url() const { return "http://127.0.0.1:" + std::to_string(m_port) + "/v1"; }
  std::string host() const { return "127.0.0.1:" + std::to_string(m_port); }
  int requests() const { return m_requests.load(); }
  httplib::Request last() const
  {
    std::lock_guard lock(m_mutex);
    return m_last;
  }
  /// Sleeps up to `d`, returning early when the server stops.
  void stall(std::chrono::milliseconds d) const
  {
    const auto end = std::chrono::steady_clock::now() + d;
    while (!m_stopping && std::chrono::steady_clock::now() < end) {
      std::this_thread::sleep_for(5ms);
    }
  }

 private:
  Handler m_handler;
  httplib::Server m_server;
  std::thread m_thread;
  int m_port = 0;
  std::atomic<int> m_requests{0};
  std::atomic<bool> m_stopping{false};
  mutable std::mutex m_mutex;
  httplib::Request m_last;
};

std::string completion(const std::string& content, const Json& extra_message = Json::object(),
                       const Json& usage = Json(), const std::string& finish = "stop")
{
  Json message{{"role", "assistant"}, {"content", content}};
  if (extra_message.is_object()) {
    message.update(extra_message);
  }
  Json body{{"id", "cmpl-1"},
            {"object", "chat.completion"},
            {"created", 1700000000},
            {"model", "served-model"},
            {"choices", Json::array({Json{{"index", 0}, {"message", message}, {"finish_reason", finish}}})}};
  if (!usage.is_null()) {
    body["usage"] = usage;
  }
  return body.dump();
}

std::string chunk(const Json& delta, const Json& finish = Json())
{
  const Json body{
      {"id", "chunk-1"},
      {"object", "chat.completion.chunk"},
      {"created", 1700000000},
      {"model", "served-model"},
      {"choices", Json::array({Json{{"index", 0}, {"delta", delta}, {"finish_reason", finish}}})}};
  return "data: " + body.dump() + "\n\n";
}

std::string usage_chunk(const Json& usage)
{
  const Json body{{"id", "chunk-1"}, {"model", "served-model"}, {"choices", Json::array()}, {"usage", usage}};
  return "data: " + body.dump() + "\n\n";
}

/// A stream of the given content pieces, a finish chunk, optionally usage, then [DONE].
std::string stream_of(const std::vector<std::string>& pieces, const Json& usage = Json())
{
  std::string out = ": keep-alive comment\n\n";
  for (const std::string& piece : pieces) {
    out += chunk(Json{{"content", piece}});
  }
  out += chunk(Json::object(), "stop");
  if (!usage.is_null()) {
    out += usage_chunk(usage);
  }
  return out + "data: [DONE]\n\n";
}

const Json k_usage{{"prompt_tokens", 12},
                   {"completion_tokens", 30},
                   {"completion_tokens_details", {{"reasoning_tokens", 20}}},
                   {"prompt_tokens_details", {{"cached_tokens", 4}}}};

ChatOptions options_for(const TestServer& server, bool stream)
{
  ChatOptions o;
  o.base_url = server.base_url();
  o.model = "test-model";
  o.stream = stream;
  o.max_retries = 3;
  o.retry.base = 10ms;
  o.retry.cap = 40ms;
  o.retry_seed = 1;
  o.connect_timeout = 2000ms;
  o.idle_timeout = 2000ms;
  o.total_timeout = 10'000ms;
  return o;
}

Request ask(const std::string& text)
{
  Request r;
  r.messages = {{"user", text}};
  return r;
}

std::expected<Sample, Error> generate(rb::Adapter& adapter, const Request& request)
{
  auto promise = std::make_shared<std::promise<std::expected<Sample, Error>>>();
  auto future = promise->get_future();
  adapter.start(request, [promise](std::expected<Sample, Error> r) { promise->set_value(std::move(r)); });
  REQUIRE(future.wait_for(20s) == std::future_status::ready);
  return future.get();
}

void reply_stream(httplib::Response& res, const std::string& body)
{
  res.set_content(body, "text/event-stream");
}

}  // namespace

TEST_CASE("chat: a non-streamed answer with <think> tags and usage keeps the raw bodies", "[chat]")
{
  const std::string body = completion("<think>2+2 is 4</think>The answer is 4.", {}, k_usage);
  TestServer server([&](const httplib::Request&, httplib::Response& res, int) {
    res.set_content(body, "application/json");
  });
  ChatAdapter adapter(options_for(server, false), std::make_shared<HttpClient>());
  const Request request = ask("2+2?");
  const auto result = generate(adapter, request);
  REQUIRE(result.has_value());
  CHECK(result->text == "The answer is 4.");
  CHECK(result->reasoning == "2+2 is 4");
  CHECK_FALSE(result->reasoning_unclosed);
  CHECK(result->finish_reason == "stop");
  CHECK(result->model_reported == "served-model");
  CHECK(result->usage.reported);
  CHECK(result->usage.prompt_tokens == 12);
  CHECK(result->usage.completion_tokens == 30);
  CHECK(result->usage.reasoning_tokens == 20);
  CHECK(result->usage.cached_tokens == 4);
  CHECK(result->request_json == adapter.request_body(request));
  CHECK(result->response_json == body);
  CHECK(result->timings.ttft_ms == -1);
  CHECK(result->timings.e2e_ms > 0);
  CHECK(result->retries == 0);
  const Json sent = Json::parse(server.last().body);
  CHECK(sent["stream"] == false);
  CHECK_FALSE(sent.contains("stream_options"));
  CHECK(server.last().get_header_value("Authorization").empty());
  CHECK_FALSE(server.last().has_header("X-Reasonbench-Oracle"));
}

TEST_CASE("chat: the request body is deterministic and omits unset parameters", "[chat]")
{
  TestServer server([](const httplib::Request&, httplib::Response& res, int) {
    res.set_content(completion("ok"), "application/json");
  });
  ChatOptions o = options_for(server, true);
  o.defaults.temperature = 0.6;
  o.defaults.max_tokens = 1000;
  o.send_oracle = true;
  ChatAdapter adapter(o, std::make_shared<HttpClient>());
  Request request = ask("q");
  request.params.seed = 17;
  request.params.max_tokens = 50;  // the request wins over the defaults
  request.oracle = "x = 1/2 & y";
  const Json body = Json::parse(adapter.request_body(request));
  CHECK(body == Json{{"model", "test-model"},
                     {"messages", Json::array({{{"role", "user"}, {"content", "q"}}})},
                     {"stream", true},
                     {"stream_options", {{"include_usage", true}}},
                     {"temperature", 0.6},
                     {"max_tokens", 50},
                     {"seed", 17}});
  CHECK(adapter.request_body(request) == adapter.request_body(request));
  CHECK(adapter.identity() == "openai-compatible:" + server.base_url() + "#test-model");
  // A server that answers a stream request with plain JSON is understood too.
  const auto result = generate(adapter, request);
  REQUIRE(result.has_value());
  CHECK(result->text == "ok");
  // Sent percent-encoded; cpp-httplib decodes header values on arrival.
  CHECK(server.last().get_header_value("X-Reasonbench-Oracle") == "x = 1/2 & y");
}

TEST_CASE("chat: a stream with <think> tags split across chunks and usage in the last chunk", "[chat]")
{
  TestServer server([](const httplib::Request&, httplib::Response& res, int) {
    reply_stream(res, stream_of({"<thi", "nk>Let me", " think.</th", "ink>\n\n", "It is ", "42."}, k_usage));
  });
  ChatAdapter adapter(options_for(server, true), std::make_shared<HttpClient>());
  const auto result = generate(adapter, ask("?"));
  REQUIRE(result.has_value());
  CHECK(result->text == "It is 42.");
  CHECK(result->reasoning == "Let me think.");
  CHECK(result->finish_reason == "stop");
  CHECK(result->usage.reported);
  CHECK(result->usage.reasoning_tokens == 20);
  CHECK(result->timings.chunks == 8);
  CHECK(result->timings.ttft_ms >= 0);
  CHECK(result->timings.first_answer_ms >= result->timings.ttft_ms);
  CHECK(result->timings.e2e_ms >= result->timings.first_answer_ms);
  CHECK(result->model_reported == "served-model");
  const Json response = Json::parse(result->response_json);
  CHECK(response["stream"] == true);
  CHECK(response["chunks"] == 8);
  CHECK(response["object"] == "chat.completion");
  CHECK(response["choices"][0]["message"]["content"] == "<think>Let me think.</think>\n\nIt is 42.");
  CHECK(response["usage"]["completion_tokens"] == 30);
  const Json sent = Json::parse(server.last().body);
  CHECK(sent["stream_options"]["include_usage"] == true);
}

TEST_CASE("chat: reasoning_content deltas and estimated usage when none is reported", "[chat]")
{
  TestServer server([](const httplib::Request&, httplib::Response& res, int) {
    std::string body = chunk(Json{{"role", "assistant"}, {"content", nullptr}});
    body += chunk(Json{{"reasoning_content", "First, "}, {"content", nullptr}});
    body += chunk(Json{{"reasoning_content", "add them."}});
    body += chunk(Json{{"content", "Sum: 5"}}, "stop");
    reply_stream(res, body + "data: [DONE]\n\n");
  });
  ChatAdapter adapter(options_for(server, true), std::make_shared<HttpClient>());
  const auto result = generate(adapter, ask("2+3, please answer with care"));
  REQUIRE(result.has_value());
  CHECK(result->reasoning == "First, add them.");
  CHECK(result->text == "Sum: 5");
  CHECK_FALSE(result->usage.reported);
  CHECK(result->usage.prompt_tokens == 7);      // 28 characters / 4
  CHECK(result->usage.reasoning_tokens == 4);   // 16 characters / 4
  CHECK(result->usage.completion_tokens == 6);  // + 6 characters / 4, rounded up
  CHECK(result->timings.first_answer_ms >= result->timings.ttft_ms);
  CHECK(Json::parse(result->response_json)["choices"][0]["message"]["reasoning_content"] ==
        "First, add them.");
}

TEST_CASE("chat: hidden reasoning is counted from completion_tokens_details", "[chat]")
{
  const Json usage{{"prompt_tokens", 10},
                   {"completion_tokens", 520},
                   {"completion_tokens_details", {{"reasoning_tokens", 500}}}};
  TestServer server([&](const httplib::Request&, httplib::Response& res, int) {
    res.set_content(completion("Final: 7", {}, usage), "application/json");
  });
  ChatAdapter adapter(options_for(server, false), std::make_shared<HttpClient>());
  const auto result = generate(adapter, ask("?"));
  REQUIRE(result.has_value());
  CHECK(result->text == "Final: 7");
  CHECK(result->reasoning.empty());
  CHECK(result->usage.reasoning_tokens == 500);
  CHECK(result->usage.reported);
}

TEST_CASE("chat: an unclosed <think> block is flagged", "[chat]")
{
  TestServer server([](const httplib::Request&, httplib::Response& res, int) {
    res.set_content(completion("<think>still thinking", {}, Json(), "length"), "application/json");
  });
  ChatAdapter adapter(options_for(server, false), std::make_shared<HttpClient>());
  const auto result = generate(adapter, ask("?"));
  REQUIRE(result.has_value());
  CHECK(result->reasoning_unclosed);
  CHECK(result->text.empty());
  CHECK(result->finish_reason == "length");
}

TEST_CASE("chat: 429 with Retry-After is retried no sooner than asked", "[chat][retry]")
{
  TestServer server([](const httplib::Request&, httplib::Response& res, int n) {
    if (n == 1) {
      res.status = 429;
      res.set_header("Retry-After", "1");
      res.set_content(R"({"error": {"message": "Rate limit reached"}})", "application/json");
      return;
    }
    reply_stream(res, stream_of({"fine"}));
  });
  ChatAdapter adapter(options_for(server, true), std::make_shared<HttpClient>());
  const auto start = std::chrono::steady_clock::now();
  const auto result = generate(adapter, ask("?"));
  const auto elapsed = std::chrono::steady_clock::now() - start;
  REQUIRE(result.has_value());
  CHECK(result->text == "fine");
  CHECK(result->retries == 1);
  CHECK(adapter.stats().retries == 1);
  CHECK(adapter.stats().started == 1);
  CHECK(adapter.stats().in_flight == 0);
  CHECK(elapsed >= 1000ms);
  CHECK(server.requests() == 2);
}

TEST_CASE("chat: 500 then a malformed chunk then success", "[chat][retry]")
{
  TestServer server([](const httplib::Request&, httplib::Response& res, int n) {
    if (n == 1) {
      res.status = 500;
      res.set_content("internal trouble", "text/plain");
    } else if (n == 2) {
      reply_stream(res, chunk(Json{{"content", "a"}}) + "data: {\"choices\": [{\"delta\": {\"content\n\n");
    } else {
      reply_stream(res, stream_of({"ok"}));
    }
  });
  ChatAdapter adapter(options_for(server, true), std::make_shared<HttpClient>());
  const auto result = generate(adapter, ask("?"));
  REQUIRE(result.has_value());
  CHECK(result->text == "ok");
  CHECK(result->retries == 2);
  CHECK(server.requests() == 3);
}

TEST_CASE("chat: 400 is rejected at once with the server's message", "[chat][retry]")
{
  TestServer server([](const httplib::Request&, httplib::Response& res, int) {
    res.status = 400;
    res.set_content(R"({"error": {"message": "max_tokens is too large", "type": "invalid_request_error"}})",
                    "application/json");
  });
  ChatAdapter adapter(options_for(server, true), std::make_shared<HttpClient>());
  const auto result = generate(adapter, ask("?"));
  REQUIRE_FALSE(result.has_value());
  CHECK(result.error().kind == ErrorKind::rejected);
  CHECK(result.error().http_status == 400);
  CHECK(result.error().message == "HTTP 400 from " + server.host() + ": max_tokens is too large");
  CHECK(server.requests() == 1);
  CHECK(adapter.stats().retries == 0);
}

TEST_CASE("chat: a connection reset or a truncated stream mid-way is retried", "[chat][retry]")
{
  TestServer server([](const httplib::Request&, httplib::Response& res, int n) {
    if (n == 1) {  // reset: the chunked body never ends
      res.set_chunked_content_provider("text/event-stream", [](std::size_t, httplib::DataSink& sink) {
        const std::string first = chunk(Json{{"content", "par"}});
        sink.write(first.data(), first.size());
        return false;
      });
    } else if (n == 2) {  // a complete body without finish_reason or [DONE]
      reply_stream(res, chunk(Json{{"content", "partial"}}));
    } else {
      reply_stream(res, stream_of({"whole"}));
    }
  });
  ChatAdapter adapter(options_for(server, true), std::make_shared<HttpClient>());
  const auto result = generate(adapter, ask("?"));
  REQUIRE(result.has_value());
  CHECK(result->text == "whole");
  CHECK(result->retries == 2);
}

TEST_CASE("chat: a stalled stream hits the idle timeout then succeeds", "[chat][timeout]")
{
  TestServer* self = nullptr;
  TestServer server([&](const httplib::Request&, httplib::Response& res, int n) {
    if (n == 1) {
      res.set_chunked_content_provider("text/event-stream", [&](std::size_t offset, httplib::DataSink& sink) {
        if (offset == 0) {
          const std::string first = chunk(Json{{"content", "slow"}});
          sink.write(first.data(), first.size());
          return true;
        }
        self->stall(3000ms);
        return false;
      });
      return;
    }
    reply_stream(res, stream_of({"fast"}));
  });
  self = &server;
  ChatOptions o = options_for(server, true);
  o.idle_timeout = 250ms;
  ChatAdapter adapter(o, std::make_shared<HttpClient>());
  const auto start = std::chrono::steady_clock::now();
  const auto result = generate(adapter, ask("?"));
  REQUIRE(result.has_value());
  CHECK(result->text == "fast");
  CHECK(result->retries == 1);
  CHECK(std::chrono::steady_clock::now() - start < 2000ms);
}

TEST_CASE("chat: retries run out and the error says how many attempts were made", "[chat][retry]")
{
  TestServer server([](const httplib::Request&, httplib::Response& res, int) {
    res.status = 503;
    res.set_content(R"({"error": "overloaded"})", "application/json");
  });
  ChatOptions o = options_for(server, false);
  o.max_retries = 2;
  ChatAdapter adapter(o, std::make_shared<HttpClient>());
  const auto result = generate(adapter, ask("?"));
  REQUIRE_FALSE(result.has_value());
  CHECK(result.error().kind == ErrorKind::http);
  CHECK(result.error().http_status == 503);
  CHECK(result.error().message ==
        "HTTP 503 from " + server.host() + ": overloaded (gave up after 3 attempts)");
  CHECK(server.requests() == 3);
  CHECK(adapter.stats().retries == 2);
}

TEST_CASE("chat: transport errors and connect failures are retryable errors", "[chat][retry]")
{
  std::string url;
  {
    TestServer gone([](const httplib::Request&, httplib::Response&, int) {});
    url = gone.base_url();
  }  // nothing listens there any more
  ChatOptions o;
  o.base_url = url;
  o.model = "m";
  o.max_retries = 1;
  o.retry.base = 5ms;
  ChatAdapter adapter(o, std::make_shared<HttpClient>());
  const auto result = generate(adapter, ask("?"));
  REQUIRE_FALSE(result.has_value());
  CHECK(result.error().kind == ErrorKind::transport);
  CHECK(result.error().retryable());
  CHECK(result.error().message.find("(gave up after 2 attempts)") != std::string::npos);
}

TEST_CASE("chat: cancel_all from another thread ends requests in flight and in backoff", "[chat][cancel]")
{
  TestServer* self = nullptr;
  TestServer server([&](const httplib::Request& req, httplib::Response& res, int) {
    if (req.body.find("backoff") != std::string::npos) {
      res.status = 429;
      res.set_header("Retry-After", "30");
      return;
    }
    self->stall(5000ms);
    res.set_content(completion("late"), "application/json");
  });
  self = &server;
  ChatOptions o = options_for(server, false);
  o.idle_timeout = 10'000ms;
  ChatAdapter adapter(o, std::make_shared<HttpClient>());
  std::atomic<int> cancelled{0};
  std::atomic<int> other{0};
  std::string other_text;
  const auto count = [&](std::expected<Sample, Error> r) {
    if (!r && r.error().kind == ErrorKind::cancelled) {
      ++cancelled;
    } else {
      other_text = r ? r->text : r.error().message;
      ++other;
    }
  };
  for (int i = 0; i < 8; ++i) {
    adapter.start(ask("stall " + std::to_string(i)), count);
  }
  adapter.start(ask("backoff"), count);
  while (server.requests() < 9 || adapter.stats().retries < 1) {
    std::this_thread::sleep_for(5ms);
  }
  const auto start = std::chrono::steady_clock::now();
  std::thread([&] { adapter.cancel_all(); }).join();
  INFO(other_text);
  CHECK(cancelled == 9);
  CHECK(other == 0);
  CHECK(adapter.stats().in_flight == 0);
  CHECK(std::chrono::steady_clock::now() - start < 1000ms);
}

TEST_CASE("chat: 200 concurrent requests all complete", "[chat][concurrency]")
{
  TestServer server(
      [](const httplib::Request& req, httplib::Response& res, int) {
        const std::string question = Json::parse(req.body)["messages"][0]["content"];
        reply_stream(res, stream_of({"<think>hm</think>", "echo " + question}));
      },
      false);
  ChatOptions o = options_for(server, true);
  o.connect_timeout = 10'000ms;  // the test server's listen backlog is 5: some SYNs are retried
  ChatAdapter adapter(o, std::make_shared<HttpClient>());
  constexpr int k_requests = 200;
  std::mutex mutex;
  std::condition_variable cv;
  int finished = 0;
  int correct = 0;
  for (int i = 0; i < k_requests; ++i) {
    adapter.start(ask(std::to_string(i)), [&, i](std::expected<Sample, Error> r) {
      std::lock_guard lock(mutex);
      correct += r && r->text == "echo " + std::to_string(i) ? 1 : 0;
      ++finished;
      cv.notify_all();
    });
  }
  std::unique_lock lock(mutex);
  REQUIRE(cv.wait_for(lock, 30s, [&] { return finished == k_requests; }));
  CHECK(correct == k_requests);
  CHECK(adapter.stats().started == k_requests);
}

TEST_CASE("chat: the API key never appears in bodies or identity or errors or stored responses",
          "[chat][secrets]")
{
  const std::string key = "sk-test-SECRET-0123456789";
  TestServer server([&](const httplib::Request& req, httplib::Response& res, int n) {
    if (n == 1) {
      res.status = 401;
      res.set_content(R"({"error": {"message": "Incorrect API key provided: )" + key + R"("}})",
                      "application/json");
      return;
    }
    if (n == 3) {  // the key straddles the point where the message is shortened
      res.status = 403;
      res.set_content(R"({"error": {"message": ")" + std::string(185, 'x') + key + R"("}})", "application/json");
      return;
    }
    res.set_content(completion("you sent " + req.get_header_value("Authorization")), "application/json");
  });
  ChatOptions o = options_for(server, false);
  o.api_key = key;
  ChatAdapter adapter(o, std::make_shared<HttpClient>());
  const Request request = ask("?");
  CHECK(adapter.request_body(request).find(key) == std::string::npos);
  CHECK(adapter.identity().find(key) == std::string::npos);
  const auto rejected = generate(adapter, request);
  REQUIRE_FALSE(rejected.has_value());
  CHECK(rejected.error().kind == ErrorKind::rejected);
  CHECK(rejected.error().message.find(key) == std::string::npos);
  CHECK(rejected.error().message.find("[redacted]") != std::string::npos);
  CHECK(server.last().get_header_value("Authorization") == "Bearer " + key);
  const auto echoed = generate(adapter, request);
  REQUIRE(echoed.has_value());
  CHECK(echoed->response_json.find(key) == std::string::npos);
  CHECK(echoed->text == "you sent Bearer [redacted]");
  CHECK(echoed->request_json.find(key) == std::string::npos);
  const auto cut = generate(adapter, request);
  REQUIRE_FALSE(cut.has_value());
  INFO(cut.error().message);
  CHECK(cut.error().message.find(key.substr(0, 6)) == std::string::npos);
}

// The HTTP client underneath, directly.

namespace {
rb::adapters::http::HttpRequest post_to(const TestServer& server)
{
  rb::adapters::http::HttpRequest request;
  request.url = server.base_url() + "/chat/completions";
  request.body = "{}";
  return request;
}
}  // namespace

TEST_CASE("http: heads are lower-cased and timed and a connection limit queues transfers", "[http]")
{
  using namespace rb::adapters::http;
  TestServer server([](const httplib::Request&, httplib::Response& res, int) {
    res.set_header("X-Custom-Thing", "  Value ");
    res.set_content("body", "text/plain");
  });
  HttpClient client(HttpClientOptions{2, 0});
  std::mutex mutex;
  std::vector<HttpResult> results;
  std::string head_value;
  std::string body;
  for (int i = 0; i < 20; ++i) {
    HttpHandlers handlers;
    handlers.on_head = [&](const HttpHead& head) {
      std::lock_guard lock(mutex);
      head_value = std::string(head.header("x-custom-thing").value_or(""));
    };
    handlers.on_data = [&](std::string_view bytes) {
      std::lock_guard lock(mutex);
      body.append(bytes);
      return true;
    };
    handlers.on_done = [&](HttpResult r) {
      std::lock_guard lock(mutex);
      results.push_back(std::move(r));
    };
    client.start(post_to(server), std::move(handlers));
  }
  const auto deadline = std::chrono::steady_clock::now() + 10s;
  while (client.in_flight() > 0 && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(5ms);
  }
  std::lock_guard lock(mutex);
  REQUIRE(results.size() == 20);
  for (const HttpResult& r : results) {
    CHECK(r.outcome == HttpOutcome::completed);
    CHECK(r.head.status == 200);
    CHECK(r.time_to_first_byte >= Clock::duration::zero());
    CHECK(r.total >= r.time_to_first_byte);
    CHECK(r.bytes_received == 4);
  }
  CHECK(head_value == "Value");
  std::string expected;
  for (int i = 0; i < 20; ++i) {
    expected += "body";
  }
  CHECK(body == expected);
}

TEST_CASE("http: total timeout and cancel_all from a timer callback on the loop thread", "[http]")
{
  using namespace rb::adapters::http;
  TestServer* self = nullptr;
  TestServer server([&](const httplib::Request&, httplib::Response& res, int) {
    res.set_chunked_content_provider("text/plain", [&](std::size_t, httplib::DataSink& sink) {
      sink.write("x", 1);  // a byte every 20 ms: never idle, never done
      self->stall(20ms);
      return true;
    });
  });
  self = &server;
  HttpClient client;
  std::promise<HttpResult> timed_out;
  HttpRequest request = post_to(server);
  request.total_timeout = 300ms;
  client.start(request,
               HttpHandlers{nullptr, nullptr, [&](HttpResult r) { timed_out.set_value(std::move(r)); }});
  const HttpResult r = timed_out.get_future().get();
  CHECK(r.outcome == HttpOutcome::timeout);
  CHECK(r.error.find("total timeout") != std::string::npos);

  std::atomic<bool> transfer_cancelled{false};
  std::atomic<bool> timer_cancelled{false};
  std::promise<bool> checked;
  request.total_timeout = 0ms;
  client.start(request, HttpHandlers{nullptr, nullptr, [&](HttpResult res) {
                                       transfer_cancelled = res.outcome == HttpOutcome::cancelled;
                                     }});
  client.after(10s, [&](TimerEvent e) { timer_cancelled = e == TimerEvent::cancelled; });
  client.after(100ms, [&](TimerEvent) {
    client.cancel_all();  // inline on the loop thread: must not wait for itself
    checked.set_value(transfer_cancelled && timer_cancelled && client.on_loop_thread());
  });
  auto future = checked.get_future();
  REQUIRE(future.wait_for(5s) == std::future_status::ready);
  CHECK(future.get());
  CHECK(client.in_flight() == 0);
}

TEST_CASE("http: destroying the client cancels transfers and timers", "[http]")
{
  using namespace rb::adapters::http;
  TestServer* self = nullptr;
  TestServer server([&](const httplib::Request&, httplib::Response&, int) { self->stall(5000ms); });
  self = &server;
  std::atomic<int> cancelled{0};
  {
    HttpClient client;
    client.start(post_to(server), HttpHandlers{nullptr, nullptr, [&](HttpResult r) {
                                                 cancelled += r.outcome == HttpOutcome::cancelled ? 1 : 0;
                                               }});
    client.after(10s, [&](TimerEvent e) { cancelled += e == TimerEvent::cancelled ? 1 : 0; });
    while (server.requests() < 1) {
      std::this_thread::sleep_for(5ms);
    }
  }
  CHECK(cancelled == 2);
}
