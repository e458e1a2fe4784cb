#include "adapters/budget_forcing.hpp"

#include <algorithm>
#include <chrono>
#include <mutex>

#include <nlohmann/json.hpp>

#include "adapters/openai/completions_wire.hpp"

namespace rb::adapters {

namespace {

using Clock = std::chrono::steady_clock;
using Json = nlohmann::ordered_json;

Json options_json(const BudgetForcingOptions& o)
{
  return Json{{"min_thinking", o.min_thinking}, {"max_waits", o.max_waits},   {"max_thinking", o.max_thinking},
              {"answer_tokens", o.answer_tokens}, {"wait_text", o.wait_text}, {"think_open", o.think_open},
              {"think_close", o.think_close},   {"prefix", o.prefix},        {"suffix", o.suffix}};
}

/// A stored body as JSON when it is JSON, else as a string.
Json embed(const std::string& body)
{
  Json parsed = Json::parse(body, nullptr, false);
  return parsed.is_discarded() ? Json(body) : parsed;
}

/// One generation under budget forcing: the rounds so far and what they add up to.
struct Forcing {
  Request base;
  std::string prompt;  ///< prefix + prompt + suffix + think_open
  std::string thinking;
  std::int64_t thinking_tokens = 0;
  int waits = 0;
  bool forced_end = false;
  Sample total;
  Json rounds_sent = Json::array();
  Json rounds_received = Json::array();
  Clock::time_point started = Clock::now();
  SampleCallback done;
};

class BudgetForcingAdapter final : public Adapter {
 public:
  BudgetForcingAdapter(std::unique_ptr<Adapter> inner, BudgetForcingOptions options)
      : m_inner(std::move(inner)),
        m_options(std::move(options)),
        m_identity(m_inner->identity() + " budget-forcing " + options_json(m_options).dump())
  {
  }

  std::string identity() const override { return m_identity; }

  std::string request_body(const Request& request) const override
  {
    Json body{{"budget_forcing", options_json(m_options)},
              {"first_round", embed(m_inner->request_body(round_request(request, prompt_of(request), 0)))}};
    return body.dump();
  }

  void start(const Request& request, SampleCallback done) override
  {
    auto f = std::make_shared<Forcing>();
    f->base = request;
    f->prompt = prompt_of(request);
    f->done = std::move(done);
    f->total.usage.reported = true;
    next_round(f, thinking_budget(request));
  }

  void cancel_all() override { m_inner->cancel_all(); }
  AdapterStats stats() const override { return m_inner->stats(); }

 private:
  std::string prompt_of(const Request& request) const
  {
    return m_options.prefix + openai::raw_prompt(request.messages) + m_options.suffix + m_options.think_open;
  }

  /// The thinking budget in tokens; 0: none.
  std::int64_t thinking_budget(const Request& request) const
  {
    if (m_options.max_thinking > 0) {
      return m_options.max_thinking;
    }
    return request.params.max_tokens.value_or(0);
  }

  static Request round_request(const Request& base, std::string text, std::int64_t max_tokens)
  {
    Request r = base;
    r.messages = {Message{"user", std::move(text)}};
    if (max_tokens > 0) {
      r.params.max_tokens = max_tokens;
    }
    return r;
  }

  /// Asks for more thinking (up to the budget left), or for the answer once the thinking is over.
  void next_round(const std::shared_ptr<Forcing>& f, std::int64_t budget)
  {
    const std::int64_t left = budget > 0 ? std::max<std::int64_t>(1, budget - f->thinking_tokens) : 0;
    Request r = round_request(f->base, f->prompt + f->thinking, left);
    f->rounds_sent.push_back(embed(m_inner->request_body(r)));
    const auto round_start = Clock::now();
    m_inner->start(r, [this, f, budget, round_start](std::expected<Sample, Error> result) {
      on_thinking(f, budget, round_start, std::move(result));
    });
  }

  void answer_round(const std::shared_ptr<Forcing>& f)
  {
    Request r = round_request(f->base, f->prompt + f->thinking + m_options.think_close + "\n\n", m_options.answer_tokens);
    f->rounds_sent.push_back(embed(m_inner->request_body(r)));
    const auto round_start = Clock::now();
    m_inner->start(r, [this, f, round_start](std::expected<Sample, Error> result) {
      if (!result) {
        f->done(std::unexpected(std::move(result.error())));
        return;
      }
      add_round(*f, *result, round_start);
      finish(*f, result->text, result->finish_reason);
    });
  }

  void add_round(Forcing& f, const Sample& s, Clock::time_point round_start) const
  {
    Usage& u = f.total.usage;
    u.prompt_tokens += s.usage.prompt_tokens;
    u.completion_tokens += s.usage.completion_tokens;
    u.cached_tokens += s.usage.cached_tokens;
    u.reported = u.reported && s.usage.reported;
    f.total.retries += s.retries;
    f.total.timings.chunks += s.timings.chunks;
    const double offset = std::chrono::duration<double, std::milli>(round_start - f.started).count();
    if (f.total.timings.ttft_ms < 0 && s.timings.ttft_ms >= 0) {
      f.total.timings.ttft_ms = offset + s.timings.ttft_ms;
    }
    if (f.total.model_reported.empty()) {
      f.total.model_reported = s.model_reported;
    }
    f.rounds_received.push_back(embed(s.response_json));
  }

  void on_thinking(const std::shared_ptr<Forcing>& f, std::int64_t budget, Clock::time_point round_start,
                   std::expected<Sample, Error> result)
  {
    if (!result) {
      f->done(std::unexpected(std::move(result.error())));
      return;
    }
    const Sample& s = *result;
    add_round(*f, s, round_start);
    // The prompt opened the thinking block, so a closing tag in the output ends it: the
    // inner adapter's split puts what came before it in `reasoning`.
    const bool closed = !s.reasoning.empty() && !s.reasoning_unclosed;
    const std::string round_thinking = closed ? s.reasoning : s.reasoning + s.text;
    std::int64_t tokens = s.usage.completion_tokens;
    if (closed) {
      const double share = static_cast<double>(s.reasoning.size()) /
                           static_cast<double>(std::max<std::size_t>(1, s.reasoning.size() + s.text.size()));
      tokens = s.usage.reasoning_tokens > 0 ? s.usage.reasoning_tokens
                                            : static_cast<std::int64_t>(static_cast<double>(tokens) * share + 0.5);
    }
    f->thinking += round_thinking;
    f->thinking_tokens += tokens;
    const bool spent = budget > 0 && f->thinking_tokens >= budget;
    if (!closed && (spent || s.finish_reason == "length")) {
      f->forced_end = true;  // the budget ran out mid-thought: end it for the model
      answer_round(f);
      return;
    }
    const bool early = m_options.min_thinking == 0 || f->thinking_tokens < m_options.min_thinking;
    if (f->waits < m_options.max_waits && early && !spent) {
      ++f->waits;
      while (!f->thinking.empty() && (f->thinking.back() == ' ' || f->thinking.back() == '\n')) {
        f->thinking.pop_back();
      }
      f->thinking += "\n" + m_options.wait_text;
      next_round(f, budget);
      return;
    }
    if (!closed || s.finish_reason == "length" || s.text.empty()) {
      answer_round(f);  // the thinking is over but the answer is missing or cut: ask for it
      return;
    }
    finish(*f, s.text, s.finish_reason);
  }

  void finish(Forcing& f, const std::string& answer, const std::string& finish_reason) const
  {
    Sample out = std::move(f.total);
    out.text = answer;
    out.reasoning = f.thinking;
    out.reasoning_unclosed = false;
    out.finish_reason = finish_reason;
    out.usage.reasoning_tokens = f.thinking_tokens;
    out.timings.e2e_ms = std::chrono::duration<double, std::milli>(Clock::now() - f.started).count();
    out.request_json = Json{{"budget_forcing", options_json(m_options)}, {"rounds", f.rounds_sent}}.dump();
    out.response_json = Json{{"budget_forcing",
                              {{"waits", f.waits}, {"forced_end", f.forced_end}, {"thinking_tokens", f.thinking_tokens}}},
                             {"rounds", f.rounds_received}}
                            .dump(-1, ' ', false, Json::error_handler_t::replace);
    f.done(std::move(out));
  }

  std::unique_ptr<Adapter> m_inner;
  BudgetForcingOptions m_options;
  std::string m_identity;  ///< computed once: it is part of every request's cache key
};

}  // namespace

std::unique_ptr<Adapter> make_budget_forcing_adapter(std::unique_ptr<Adapter> inner, BudgetForcingOptions options)
{
  return std::make_unique<BudgetForcingAdapter>(std::move(inner), std::move(options));
}

}  // namespace rb::adapters
