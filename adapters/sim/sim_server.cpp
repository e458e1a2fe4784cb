#include "adapters/sim/sim_server.hpp"

#include <fmt/format.h>
#include <httplib.h>
#include <sys/socket.h>

#include <atomic>
#include <cmath>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

#include "adapters/sim/dialect.hpp"
#include "adapters/sim/faults.hpp"
#include "adapters/sim/responder.hpp"
#include "adapters/sim/reward.hpp"
#include "adapters/sim/stop_signal.hpp"
#include "adapters/sim/wire.hpp"
#include "harness/core/error.hpp"
#include "harness/util/strings.hpp"

namespace rb::sim {

namespace {

constexpr std::size_t k_keep_alive_max_requests = 10000;         ///< requests per kept-alive connection
constexpr std::size_t k_max_body_bytes = 64 * 1024 * 1024;       ///< larger request bodies get 413
constexpr auto k_start_timeout = std::chrono::seconds(10);       ///< for the listen thread to come up
constexpr const char* k_oracle_header = "X-Reasonbench-Oracle";  ///< the percent-encoded reference answer

/// httplib's Server with access to its listening socket (to raise the backlog).
class HttpServer : public httplib::Server {
 public:
  int listening_socket() const { return svr_sock_; }
};

}  // namespace

struct SimServer::Impl {
  explicit Impl(Scenario s) : scenario(std::move(s)), faults(scenario.faults)
  {
    for (const SimModel& model : scenario.models) {
      model_names.push_back(model.name);
    }
  }

  void handle_models(const httplib::Request& req, httplib::Response& res)
  {
    if (!authorised(req, res)) {
      return;
    }
    res.set_content(detail::models_body(scenario), "application/json");
  }

  /// One request of `api`, answered in `flavor`.
  void handle(const httplib::Request& req, httplib::Response& res, detail::SimApi api, const detail::Flavor& flavor)
  {
    const auto start = detail::Clock::now();
    ++requests;
    if (!authorised(req, res, api)) {
      return;
    }
    if (api == detail::SimApi::messages && !req.has_header("anthropic-version")) {
      detail::respond_error(res, detail::WireError{400, "invalid_request_error", "invalid_request",
                                                   "anthropic-version: header is required"},
                            api);
      return;
    }
    auto request = api == detail::SimApi::chat          ? detail::parse_chat_request(req.body)
                   : api == detail::SimApi::completions ? detail::parse_completions_request(req.body)
                                                        : detail::parse_messages_request(req.body);
    if (!request) {
      detail::respond_error(res, request.error(), api);
      return;
    }
    const SimModel* model = find_model(scenario, request->model);
    if (model == nullptr) {
      detail::respond_error(res,
                            detail::WireError{404,
                                              api == detail::SimApi::messages ? "not_found_error"
                                                                              : "invalid_request_error",
                                              "model_not_found",
                                              fmt::format("The model '{}' does not exist{}", request->model,
                                                          util::did_you_mean(request->model, model_names))},
                            api);
      return;
    }
    auto exchange = std::make_shared<detail::Exchange>();
    exchange->scenario = &scenario;
    exchange->model = model;
    exchange->render_model = *model;
    if (model->reasoning == ReasoningStyle::field &&
        (api != detail::SimApi::chat || flavor.reasoning_field.empty())) {
      exchange->render_model.reasoning = ReasoningStyle::think_tags;  // no field to put it in
    }
    exchange->start = start;
    const std::uint64_t key = detail::request_key(scenario.seed, *request);
    detail::GenerationRequest generation{key, std::nullopt, request->max_tokens};
    if (req.has_header(k_oracle_header)) {
      // cpp-httplib percent-decodes header values on receipt: decoding again would turn a
      // literal "%41" in a reference answer into "A".
      generation.oracle = req.get_header_value(k_oracle_header);
    }
    exchange->completion = detail::generate(*model, generation);
    const char* id_format = api == detail::SimApi::chat          ? "chatcmpl-sim-{:016x}"
                            : api == detail::SimApi::completions ? "cmpl-sim-{:016x}"
                                                                 : "msg_sim_{:016x}";
    exchange->meta = detail::ResponseMeta{fmt::format(fmt::runtime(id_format), key), model->name,
                                          detail::prompt_tokens(*request), &flavor, model->ttft_ms,
                                          model->tokens_per_s};
    exchange->request = std::move(*request);
    exchange->fault = faults.next(key);
    detail::respond(std::move(exchange), stop_signal, res);
  }

  /// With scenario.require_api_key set, requires "Authorization: Bearer <key>" (Anthropic's
  /// messages: "x-api-key: <key>"); the key sent is never echoed.
  bool authorised(const httplib::Request& req, httplib::Response& res,
                  detail::SimApi api = detail::SimApi::chat) const
  {
    const std::string& key = scenario.require_api_key;
    if (key.empty()) {
      return true;
    }
    if (api == detail::SimApi::messages ? req.get_header_value("x-api-key") == key
                                        : req.get_header_value("Authorization") == "Bearer " + key) {
      return true;
    }
    detail::respond_error(res,
                          detail::WireError{401,
                                            api == detail::SimApi::messages ? "authentication_error"
                                                                            : "invalid_request_error",
                                            "invalid_api_key",
                                            api == detail::SimApi::messages
                                                ? "invalid x-api-key"
                                                : "Missing or incorrect API key (send Authorization: Bearer KEY)"},
                          api);
    return false;
  }

  /// The flavor named by the URL prefix; nullptr (and a 404) when there is none such.
  const detail::Flavor* flavor_of(const httplib::Request& req, httplib::Response& res) const
  {
    const std::string name = req.matches.size() > 1 ? std::string(req.matches[1]) : "openai";
    if (const detail::Flavor* flavor = detail::find_flavor(name)) {
      return flavor;
    }
    std::vector<std::string> names;
    for (const auto& f : detail::flavors()) {
      names.emplace_back(f.name);
    }
    detail::respond_error(res, detail::WireError{404, "invalid_request_error", "not_found",
                                                 fmt::format("serve-sim: no dialect '{}'{} (dialects: {})", name,
                                                             util::did_you_mean(name, names), util::join(names, ", "))});
    return nullptr;
  }

  void install_routes()
  {
    using detail::SimApi;
    const auto models = [this](const httplib::Request& req, httplib::Response& res) { handle_models(req, res); };
    http.Get("/v1/models", models);
    http.Get(R"(/(\w+)/v1/models)", models);
    const auto route = [this](SimApi api) {
      return [this, api](const httplib::Request& req, httplib::Response& res) {
        if (const detail::Flavor* flavor = flavor_of(req, res)) {
          handle(req, res, api, *flavor);
        }
      };
    };
    http.Post("/v1/chat/completions", route(SimApi::chat));
    http.Post(R"(/(\w+)/v1/chat/completions)", route(SimApi::chat));
    http.Post("/v1/completions", route(SimApi::completions));
    http.Post(R"(/(\w+)/v1/completions)", route(SimApi::completions));
    const auto messages = [this](const httplib::Request& req, httplib::Response& res) {
      handle(req, res, SimApi::messages, detail::openai_flavor());
    };
    http.Post("/v1/messages", messages);
    http.Post("/anthropic/v1/messages", messages);
    http.Post("/v1/reward", detail::handle_reward);  // SIMULATED reward models (reward.hpp)
    http.set_error_handler(httplib::Server::HandlerWithResponse([](const httplib::Request& req,
                                                                   httplib::Response& res) {
      if (!res.body.empty() || res.is_chunked_content_provider_) {
        return httplib::Server::HandlerResponse::Unhandled;  // our own error body
      }
      detail::respond_error(res, detail::WireError{res.status, "invalid_request_error", "not_found",
                                                   fmt::format("serve-sim: no route for {} {} (status {})",
                                                               req.method, req.path, res.status)});
      return httplib::Server::HandlerResponse::Handled;
    }));
    http.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr error) {
      std::string message = "serve-sim internal error";
      try {
        std::rethrow_exception(error);
      } catch (const std::exception& e) {
        message += std::string(": ") + e.what();
      } catch (...) {
      }
      detail::respond_error(res, detail::WireError{500, "server_error", "internal_error", message});
    });
  }

  Scenario scenario;
  std::vector<std::string> model_names;  ///< for "did you mean" on unknown models
  detail::FaultPlan faults;
  detail::StopSignal stop_signal;
  HttpServer http;
  std::thread listener;
  std::atomic<long long> requests{0};
  std::mutex stop_mutex;  ///< serialises stop()
  std::mutex state_mutex;
  std::condition_variable state_cv;
  bool stopped = false;  ///< guarded by state_mutex; set once stop() has finished
};

SimServer::SimServer(Scenario scenario) : m_impl(std::make_unique<Impl>(std::move(scenario)))
{
  validate_scenario(m_impl->scenario);
  m_impl->install_routes();
}

SimServer::~SimServer()
{
  stop();
}

int SimServer::start(const std::string& host, int port)
{
  Impl& impl = *m_impl;
  const auto threads = static_cast<std::size_t>(impl.scenario.server_threads);
  impl.http.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  impl.http.set_keep_alive_max_count(k_keep_alive_max_requests);
  impl.http.set_keep_alive_timeout(static_cast<time_t>(std::ceil(impl.scenario.keep_alive_s)));
  impl.http.set_payload_max_length(k_max_body_bytes);
  impl.http.set_tcp_nodelay(true);  // headers and chunks are separate writes: no Nagle/delayed-ACK stalls
  // httplib's default sets SO_REUSEPORT, which lets a second server bind the same port silently.
  impl.http.set_socket_options([](socket_t sock) {
    const int yes = 1;
    ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
  });
  int bound = port;
  if (port == 0) {
    bound = impl.http.bind_to_any_port(host);
  } else if (!impl.http.bind_to_port(host, port)) {
    bound = -1;
  }
  if (bound <= 0) {
    throw ConfigError(
        fmt::format("serve-sim: cannot bind {}:{} (in use, or not a local address)", host, port));
  }
  // httplib 0.11 listens with a backlog of 5; hundreds of clients connecting at once need more.
  ::listen(impl.http.listening_socket(), SOMAXCONN);
  impl.listener = std::thread([&impl] { impl.http.listen_after_bind(); });
  const auto deadline = std::chrono::steady_clock::now() + k_start_timeout;
  while (!impl.http.is_running() && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));  // startup only, never in a response
  }
  return bound;
}

void SimServer::wait()
{
  std::unique_lock lock(m_impl->state_mutex);
  m_impl->state_cv.wait(lock, [this] { return m_impl->stopped; });
}

void SimServer::stop()
{
  Impl& impl = *m_impl;
  std::lock_guard stop_lock(impl.stop_mutex);
  impl.stop_signal.stop();  // ends every wait in a response
  impl.http.stop();
  if (impl.listener.joinable() && impl.listener.get_id() != std::this_thread::get_id()) {
    impl.listener.join();  // returns once every worker finished (idle keep-alives: keep_alive_s)
  }
  {
    std::lock_guard lock(impl.state_mutex);
    impl.stopped = true;
  }
  impl.state_cv.notify_all();
}

long long SimServer::requests_served() const
{
  return m_impl->requests.load();
}

long long SimServer::faults_injected() const
{
  return m_impl->faults.injected();
}

}  // namespace rb::sim
