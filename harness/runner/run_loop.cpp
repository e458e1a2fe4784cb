#include "harness/runner/run_loop.hpp"

#include <deque>
#include <map>
#include <memory>
#include <unordered_map>
#include <variant>

#include "harness/core/error.hpp"
#include "harness/core/pricing.hpp"
#include "harness/runner/behaviour_stage.hpp"
#include "harness/runner/energy_window.hpp"
#include "harness/runner/event_queue.hpp"
#include "harness/util/sha256.hpp"
#include "harness/util/task_pool.hpp"
#include "harness/util/time.hpp"

namespace rb::runner {

namespace {

constexpr std::chrono::milliseconds k_event_wait{50};  // how quickly a stop request is noticed

struct Generated {
  std::size_t item = 0;
  std::expected<Sample, Error> result;
};
struct Graded {
  std::size_t item = 0;
  Verdict verdict;
  std::optional<Behaviour> behaviour;
};
using Event = std::variant<Generated, Graded>;

struct PendingSample {
  std::size_t item = 0;
  store::SampleRecord record;
  std::string cache_key;  ///< non-empty: remember the sample in the response cache
};
struct PendingVerdict {
  std::size_t item = 0;
  Verdict verdict;
  std::optional<Behaviour> behaviour;
};
struct InFlight {
  std::string started_at;
  std::string cache_key;
};

}  // namespace

struct RunLoop::Impl {
  store::Store& store;
  Plan& plan;
  std::int64_t run_id;
  RunLoopOptions options;
  ProgressSink* progress;

  std::shared_ptr<EventQueue<Event>> events = std::make_shared<EventQueue<Event>>();
  util::TaskPool grading;
  std::vector<std::deque<std::size_t>> pending;  // per model, plan order
  std::vector<int> in_flight_per_model;
  std::vector<int> model_cap;
  std::size_t next_model = 0;
  std::int64_t in_flight = 0;
  std::int64_t grading_in_flight = 0;
  bool stopping = false;  // cancellations are expected (else they are stored as failures)
  std::unordered_map<std::size_t, InFlight> flights;
  std::vector<std::int64_t> sample_ids;  // per item, once stored
  std::vector<PendingSample> pending_samples;
  std::vector<PendingVerdict> pending_verdicts;
  ProgressSnapshot snapshot;
  std::unique_ptr<EnergyWindow> window;  // times and meters this invocation (energy_window.hpp)
  std::chrono::steady_clock::time_point started = std::chrono::steady_clock::now();
  std::chrono::steady_clock::time_point last_flush = started;

  Impl(store::Store& s, Plan& p, std::int64_t id, RunLoopOptions o, ProgressSink* sink)
      : store(s), plan(p), run_id(id), options(o), progress(sink), grading(o.grading_threads)
  {
  }

  // --- setup and resume
  void prepare();
  void regrade(const std::map<std::int64_t, std::size_t>& ungraded);

  // --- scheduling
  void start_more();
  void start(std::size_t item);
  bool idle() const;

  // --- completions
  void handle(Event& event);
  void on_generated(std::size_t item, std::expected<Sample, Error> result, const std::string& started_at,
                    const std::string& cache_key);
  void submit_grading(std::size_t item, const Sample& sample);
  void on_graded(std::size_t item, Verdict verdict, std::optional<Behaviour> behaviour);

  // --- output
  void flush();
  void maybe_flush();
  void report();
  RunResult interrupt();
};

void RunLoop::Impl::prepare()
{
  for (auto& suite : plan.suites) {
    suite.problem_refs = store.upsert_problems(suite.suite.name, suite.suite.problems);
  }
  const std::size_t models = plan.models.size();
  pending.assign(models, {});
  in_flight_per_model.assign(models, 0);
  model_cap.resize(models);
  for (std::size_t m = 0; m < models; ++m) {
    const int own = plan.models[m].config.concurrency;
    model_cap[m] = own > 0 ? std::min(own, options.concurrency) : options.concurrency;
  }
  sample_ids.assign(plan.items.size(), 0);

  std::map<store::ItemKey, store::ItemState> stored;
  for (auto& state : store.item_states(run_id)) {
    stored.emplace(state.key, state);
  }
  std::map<std::int64_t, std::size_t> ungraded;
  snapshot.total = static_cast<std::int64_t>(plan.items.size());
  for (std::size_t i = 0; i < plan.items.size(); ++i) {
    const auto it = stored.find(plan.key(plan.items[i]));
    if (it == stored.end() || it->second.failed) {
      pending[plan.items[i].model].push_back(i);  // new, or a failed generation to retry
      continue;
    }
    const auto& state = it->second;
    const WorkItem& w = plan.items[i];
    if (state.problem_ref != plan.suites[w.suite].problem_refs[w.problem]) {
      throw ConfigError("suite '" + plan.suites[w.suite].suite.name + "': problem '" + plan.problem(w).id +
                        "' is not the one this run already answered (the dataset changed since the run "
                        "started); start a new --run name");
    }
    sample_ids[i] = state.sample_id;
    snapshot.output_tokens += state.output_tokens;
    if (!state.graded) {
      ungraded.emplace(state.sample_id, i);
      continue;
    }
    ++snapshot.done;
    ++snapshot.graded;
    snapshot.correct += state.correct ? 1 : 0;
  }
  snapshot.done_at_start = snapshot.done;
  regrade(ungraded);
}

void RunLoop::Impl::regrade(const std::map<std::int64_t, std::size_t>& ungraded)
{
  if (ungraded.empty()) {
    return;
  }
  store.for_each_sample(run_id, [&](const store::SampleRow& row) {
    const auto it = ungraded.find(row.sample_id);
    if (it != ungraded.end() && row.error.empty()) {
      submit_grading(it->second, row.sample);
    }
  });
}

bool RunLoop::Impl::idle() const
{
  if (in_flight > 0 || grading_in_flight > 0) {
    return false;
  }
  for (const auto& queue : pending) {
    if (!queue.empty()) {
      return false;
    }
  }
  return true;
}

void RunLoop::Impl::start_more()
{
  const std::size_t models = pending.size();
  // Generation that outpaces grading (a fast endpoint, a slow verifier) must not queue every
  // sample of the run for the grading pool: memory stays flat however long the run.
  const auto max_grading =
      static_cast<std::int64_t>(options.concurrency) + static_cast<std::int64_t>(options.batch_size);
  // Cache hits complete at once without occupying a slot: stop at a batch so they get flushed.
  while (in_flight < options.concurrency && pending_samples.size() < options.batch_size &&
         grading_in_flight < max_grading) {
    bool started_one = false;
    for (std::size_t step = 0; step < models && in_flight < options.concurrency; ++step) {
      const std::size_t m = (next_model + step) % models;
      if (pending[m].empty() || in_flight_per_model[m] >= model_cap[m]) {
        continue;
      }
      const std::size_t item = pending[m].front();
      pending[m].pop_front();
      next_model = (m + 1) % models;
      start(item);
      started_one = true;
    }
    if (!started_one) {
      return;
    }
  }
}

void RunLoop::Impl::start(std::size_t item)
{
  const WorkItem& w = plan.items[item];
  const PlannedSuite& suite = plan.suites[w.suite];
  PlannedModel& model = plan.models[w.model];
  const Problem& problem = suite.suite.problems[w.problem];

  Request request;
  request.messages = suite.suite.prompt.render(problem);
  request.params = model.config.params;
  request.params.seed = sample_seed(options.seed, w.sample);
  request.sample_index = w.sample;
  if (model.simulated) {
    request.oracle = problem.reference;
  }
  const std::string started_at = util::iso8601_now();
  std::string cache_key;
  if (options.cache) {
    cache_key = util::sha256_hex(model.adapter->identity() + "\n" + std::to_string(w.sample) + "\n" +
                                 model.adapter->request_body(request));
    if (auto hit = store.cache_get(cache_key)) {
      hit->from_cache = true;
      hit->retries = 0;
      on_generated(item, std::move(*hit), started_at, "");
      return;
    }
  }
  ++in_flight;
  ++in_flight_per_model[w.model];
  flights[item] = {started_at, cache_key};
  window->started(item);
  auto queue = events;  // the callback may outlive this loop if an adapter misbehaves
  model.adapter->start(request, [queue, item](std::expected<Sample, Error> result) {
    queue->push(Generated{item, std::move(result)});
  });
}

void RunLoop::Impl::handle(Event& event)
{
  if (auto* generated = std::get_if<Generated>(&event)) {
    auto node = flights.extract(generated->item);
    if (node.empty()) {
      return;  // a second callback for one request breaks the Adapter contract: ignore it
    }
    const WorkItem& w = plan.items[generated->item];
    --in_flight;
    --in_flight_per_model[w.model];
    on_generated(generated->item, std::move(generated->result), node.mapped().started_at, node.mapped().cache_key);
    return;
  }
  auto& graded = std::get<Graded>(event);
  on_graded(graded.item, std::move(graded.verdict), std::move(graded.behaviour));
}

void RunLoop::Impl::on_generated(std::size_t item, std::expected<Sample, Error> result,
                                 const std::string& started_at, const std::string& cache_key)
{
  if (!result && result.error().kind == ErrorKind::cancelled && stopping) {
    return;  // interrupted: nothing to store; a resumed run asks again
  }
  const WorkItem& w = plan.items[item];
  PendingSample pending_sample;
  pending_sample.item = item;
  store::SampleRecord& record = pending_sample.record;
  record.run_id = run_id;
  record.key = plan.key(w);
  record.problem_ref = plan.suites[w.suite].problem_refs[w.problem];
  record.started_at = started_at;
  window->finished(item, record);
  if (!result) {
    record.error = std::string(to_string(result.error().kind)) + ": " + result.error().message;
    pending_verdicts.push_back({item, {VerdictKind::error, std::nullopt, "generation failed: " + record.error}});
    pending_samples.push_back(std::move(pending_sample));
    ++snapshot.errors;
    ++snapshot.done;
    return;
  }
  Sample& sample = *result;
  sample.cost_usd = cost_usd(sample.usage, plan.models[w.model].config.prices);
  snapshot.output_tokens += sample.usage.completion_tokens;
  if (!sample.from_cache) {
    snapshot.cost_usd += sample.cost_usd;
  }
  submit_grading(item, sample);
  record.sample = std::move(sample);
  pending_sample.cache_key = cache_key;
  pending_samples.push_back(std::move(pending_sample));
}

void RunLoop::Impl::submit_grading(std::size_t item, const Sample& sample)
{
  const WorkItem& w = plan.items[item];
  const Verifier* verifier = plan.suites[w.suite].verifier.get();
  const Problem* problem = &plan.problem(w);
  ++grading_in_flight;
  grading.submit([queue = events, item, verifier, problem, sample, plan = &plan, work = w] {
    Verdict verdict =
        grade(*verifier, *problem, Response{sample.text, sample.reasoning, sample.finish_reason, sample.reasoning_unclosed});
    queue->push(Graded{item, std::move(verdict), analyze_behaviour(*plan, work, sample)});
  });
}

void RunLoop::Impl::on_graded(std::size_t item, Verdict verdict, std::optional<Behaviour> behaviour)
{
  --grading_in_flight;
  ++snapshot.done;
  if (verdict.kind == VerdictKind::error) {
    ++snapshot.errors;
  } else {
    ++snapshot.graded;
    snapshot.correct += verdict.correct() ? 1 : 0;
  }
  pending_verdicts.push_back({item, std::move(verdict), std::move(behaviour)});
}

void RunLoop::Impl::flush()
{
  last_flush = std::chrono::steady_clock::now();
  if (pending_samples.empty() && pending_verdicts.empty()) {
    return;
  }
  store::Store::Transaction transaction(store);
  for (auto& p : pending_samples) {
    sample_ids[p.item] = store.insert_sample(p.record);
    window->stored(sample_ids[p.item], plan.items[p.item].model, p.record);
    if (!p.cache_key.empty()) {
      store.cache_put(p.cache_key, p.record.sample);
    }
  }
  for (auto& p : pending_verdicts) {
    const WorkItem& w = plan.items[p.item];
    const Verifier& verifier = *plan.suites[w.suite].verifier;
    store.insert_verdict({sample_ids[p.item], std::string(verifier.name()), std::string(verifier.version()),
                          std::move(p.verdict)});
    store_behaviour(store, plan, sample_ids[p.item], p.behaviour);
  }
  transaction.commit();
  pending_samples.clear();
  pending_verdicts.clear();
}

void RunLoop::Impl::maybe_flush()
{
  const std::size_t waiting = pending_samples.size() + pending_verdicts.size();
  if (waiting >= options.batch_size ||
      (waiting > 0 && std::chrono::steady_clock::now() - last_flush >= options.flush_interval)) {
    flush();
  }
}

void RunLoop::Impl::report()
{
  snapshot.in_flight = in_flight;
  snapshot.elapsed = std::chrono::steady_clock::now() - started;
  snapshot.retries = 0;
  for (const auto& model : plan.models) {
    snapshot.retries += model.adapter->stats().retries;
  }
  if (progress != nullptr) {
    progress->update(snapshot);
  }
}

RunResult RunLoop::Impl::interrupt()
{
  stopping = true;
  for (auto& model : plan.models) {
    model.adapter->cancel_all();
  }
  const auto deadline = std::chrono::steady_clock::now() + options.cancel_grace;
  while ((in_flight > 0 || grading_in_flight > 0) && std::chrono::steady_clock::now() < deadline) {
    for (auto& event : events->pop_all(k_event_wait)) {
      handle(event);
    }
  }
  flush();
  window->close();
  report();
  if (progress != nullptr) {
    progress->finish(snapshot);
  }
  return {RunEnd::interrupted, snapshot};
}

RunLoop::RunLoop(store::Store& store, Plan& plan, std::int64_t run_id, RunLoopOptions options,
                 ProgressSink* progress)
    : m_impl(std::make_unique<Impl>(store, plan, run_id, options, progress))
{
}

RunLoop::~RunLoop() = default;

RunResult RunLoop::run(const std::atomic<bool>& stop)
{
  Impl& s = *m_impl;
  s.prepare();
  s.window = open_energy_window(s.store, s.plan, s.run_id, s.options.energy);
  try {
    while (true) {
      if (stop.load()) {
        return s.interrupt();
      }
      s.start_more();
      if (s.idle()) {
        break;
      }
      for (auto& event : s.events->pop_all(k_event_wait)) {
        s.handle(event);
      }
      s.maybe_flush();
      s.report();
    }
    s.flush();
  } catch (...) {
    // A store failure (disk full, I/O error): stop paying for requests whose results cannot be
    // kept. Late callbacks only touch the shared event queue.
    s.stopping = true;
    for (auto& model : s.plan.models) {
      model.adapter->cancel_all();
    }
    throw;
  }
  s.grading.join();
  s.window->close();
  s.report();
  if (s.progress != nullptr) {
    s.progress->finish(s.snapshot);
  }
  return {RunEnd::finished, s.snapshot};
}

}  // namespace rb::runner
