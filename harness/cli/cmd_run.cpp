// `reasonbench run`: plan, generate, grade and store; print a summary; write a report.
#include <CLI/CLI.hpp>

#include <chrono>
#include <cstdio>
#include <memory>

#include "adapters/reward/scorer_spec.hpp"
#include "harness/cli/command_table.hpp"
#include "harness/cli/run_setup.hpp"
#include "harness/cli/writer_lock.hpp"
#include "harness/cli/wiring.hpp"
#include "harness/runner/dry_run.hpp"
#include "harness/runner/host_info.hpp"
#include "harness/runner/interrupt.hpp"
#include "harness/runner/run_loop.hpp"
#include "harness/runner/score_stage.hpp"
#include "harness/util/build_info.hpp"
#include "harness/util/time.hpp"
#include "reports/render.hpp"

namespace rb::cli {

namespace {

constexpr int k_exit_interrupted = 130;

std::int64_t begin_run(store::Store& store, const config::RunConfig& config,
                       const std::optional<store::RunRecord>& existing)
{
  if (existing) {
    store.set_run_status(existing->id, "running", false);
    return existing->id;
  }
  store::RunRecord run;
  run.name = config.name;
  run.config_json = config::to_json(config);
  run.harness_version = std::string(util::harness_version());
  run.git_revision = std::string(util::git_revision());
  run.host_json = runner::host_info_json();
  run.started_at = util::iso8601_now();
  run.status = "running";
  return store.create_run(run);
}

void announce(const config::RunConfig& config, const runner::Plan& plan, bool resuming)
{
  std::fprintf(stderr, "reasonbench: %s run '%s' in '%s': %zu suite(s) x %zu model(s) x %d sample(s) = %zu items\n",
               resuming ? "resuming" : "starting", config.name.c_str(), config.db.c_str(), plan.suites.size(),
               plan.models.size(), config.samples, plan.items.size());
  for (const auto& model : plan.models) {
    if (model.simulated) {
      std::fprintf(stderr, "reasonbench: model '%s' is SIMULATED (serve-sim): not a real model's answers\n",
                   model.config.label.c_str());
    }
  }
}

std::vector<runner::OutputTokenBasis> assumed_bases(const runner::Plan& plan, const RunFlags& flags)
{
  const auto tokens = flags.assume_output_tokens.value_or(runner::k_default_assumed_output_tokens);
  return std::vector<runner::OutputTokenBasis>(
      plan.models.size(), {static_cast<double>(tokens), "assumed " + std::to_string(tokens) + "/sample" +
                                                            (flags.assume_output_tokens ? "" : " (default)")});
}

/// --dry-run without a pilot: nothing is asked, nothing is stored.
int dry_run_command(config::RunConfig config, const RunFlags& flags)
{
  if (config.name.empty()) {
    config.name = "dry-run";
  }
  config::validate(config);
  auto factories = registry_factories();
  factories.make_adapter = [](const config::ModelConfig&) { return std::unique_ptr<Adapter>(); };  // nothing is asked
  const runner::Plan plan = runner::build_plan(config, factories);
  std::fputs(runner::dry_run_table(runner::estimate_run(plan, assumed_bases(plan, flags))).c_str(), stdout);
  std::fflush(stdout);
  std::fprintf(stderr, "reasonbench: dry run: no request was made; --pilot N measures output tokens on N real "
               "samples per model first\n");
  return 0;
}

/// --dry-run --pilot N: the pilot items run for real (stored in the run), the rest is estimated
/// from their measured output tokens.
int report_pilot(store::Store& store, std::int64_t run_id, const runner::Plan& plan, const RunFlags& flags,
                 const config::RunConfig& config)
{
  std::vector<double> tokens(plan.models.size(), 0.0);
  std::vector<std::int64_t> counted(plan.models.size(), 0);
  double spent = 0;
  store.for_each_sample(run_id, [&](const store::SampleRow& row) {
    for (std::size_t m = 0; m < plan.models.size(); ++m) {
      if (plan.models[m].config.label == row.key.model && row.error.empty()) {
        tokens[m] += static_cast<double>(row.sample.usage.completion_tokens);
        ++counted[m];
        spent += row.sample.from_cache ? 0.0 : row.sample.cost_usd;
      }
    }
  });
  auto bases = assumed_bases(plan, flags);
  for (std::size_t m = 0; m < bases.size(); ++m) {
    if (counted[m] > 0) {
      bases[m] = {tokens[m] / static_cast<double>(counted[m]),
                  "measured on " + std::to_string(counted[m]) + " pilot sample(s)"};
    }
  }
  std::fputs(runner::dry_run_table(runner::estimate_run(plan, bases)).c_str(), stdout);
  std::fflush(stdout);
  std::fprintf(stderr, "reasonbench: pilot spent $%.4f; continue the whole run with: reasonbench run --db %s --run %s --resume\n",
               spent, config.db.c_str(), config.name.c_str());
  return 0;
}

/// "cfg.toml:4" or "--scorer" for the key `key` ("run.scorer"), for messages.
std::string origin_of(const config::RunConfig& config, const std::string& key)
{
  const auto it = config.origin.find(key);
  return it != config.origin.end() ? it->second : "[run] " + key.substr(key.find('.') + 1);
}

/// The scoring stage: every successful sample of the run scored by the reward model. False when
/// interrupted (the rest is scored on --resume).
bool score_samples(store::Store& store, std::int64_t run_id, Scorer& scorer, const config::RunConfig& config,
                   const std::atomic<bool>& stop)
{
  runner::ScoreStageOptions options;
  options.batch = config.scorer_batch;
  options.include_reasoning = config.scorer_include_reasoning;
  std::fprintf(stderr, "reasonbench: scoring samples with %s\n", scorer.name().c_str());
  auto last = std::chrono::steady_clock::now();
  const auto result = runner::score_run(store, run_id, scorer, options, stop, [&](std::int64_t done, std::int64_t total) {
    const auto now = std::chrono::steady_clock::now();
    if (done == total || now - last > std::chrono::seconds(2)) {
      last = now;
      std::fprintf(stderr, "reasonbench: scored %lld/%lld\n", static_cast<long long>(done),
                   static_cast<long long>(total));
    }
  });
  if (result.failed > 0) {
    std::fprintf(stderr, "reasonbench: warning: %lld sample(s) left unscored: %s (resume the run to score them)\n",
                 static_cast<long long>(result.failed), result.first_error.c_str());
  }
  return !result.interrupted;
}

/// Truncation is never silent: each model and suite whose answers were cut off is named on stderr,
/// with the token budget it had (a small max_tokens silently lowering scores is a known pitfall).
void warn_truncated(const std::vector<reports::RunSummary>& summaries, const config::RunConfig& config)
{
  for (const reports::RunSummary& summary : summaries) {
    for (const reports::SummaryRow& row : summary.rows) {
      if (row.truncated == 0) {
        continue;
      }
      std::string budget = "no max_tokens set: the server's own limit";
      for (const config::ModelConfig& model : config.models) {
        if (model.label == row.model && model.params.max_tokens) {
          budget = "max_tokens = " + std::to_string(*model.params.max_tokens);
        }
      }
      std::fprintf(stderr,
                   "reasonbench: warning: model '%s' on suite '%s': %lld of %lld answer(s) cut off (token limit "
                   "reached or reasoning never closed; %s); they count as truncated, not incorrect: raise "
                   "max_tokens to let them finish\n",
                   row.model.c_str(), row.suite.c_str(), static_cast<long long>(row.truncated),
                   static_cast<long long>(row.samples), budget.c_str());
    }
  }
}

int run_command(const RunFlags& flags)
{
  config::RunConfig config = resolve_config(flags);
  if (flags.dry_run && flags.pilot <= 0) {
    return dry_run_command(std::move(config), flags);
  }
  store::Store store(config.db);
  const util::FileLock lock = lock_database(config.db);
  const auto existing = check_resume(config, flags, store);
  config::validate(config);
  if (!config.report.empty()) {
    reports::check_report_path(config.report);  // before paying for anything
  }
  std::unique_ptr<Scorer> scorer;
  if (!config.scorer.empty() && !flags.dry_run) {
    scorer = adapters::make_scorer(config.scorer, config.scorer_api_key_env, origin_of(config, "run.scorer"));
  }
  runner::Plan plan = runner::build_plan(config, registry_factories());
  announce(config, plan, existing.has_value());
  const std::int64_t run_id = begin_run(store, config, existing);

  runner::RunLoopOptions options;
  options.concurrency = config.concurrency;
  options.seed = config.seed;
  options.cache = config.cache;
  options.energy = config.energy;
  runner::ConsoleProgress progress(stderr);
  const auto& stop = runner::install_interrupt_handlers();
  std::vector<runner::WorkItem> all_items;
  if (flags.dry_run) {
    all_items = plan.items;
    plan.items = runner::pilot_items(plan, flags.pilot);
  }
  runner::RunLoop loop(store, plan, run_id, options, &progress);
  runner::RunResult result;
  try {
    result = loop.run(stop);
  } catch (...) {
    store.set_run_status(run_id, "failed", true);  // resumable: the next run with --resume continues
    throw;
  }

  bool interrupted = result.end == runner::RunEnd::interrupted;
  if (flags.dry_run && !interrupted) {
    plan.items = std::move(all_items);
    store.set_run_status(run_id, "pilot", true);
    return report_pilot(store, run_id, plan, flags, config);
  }
  if (scorer && !interrupted) {
    interrupted = !score_samples(store, run_id, *scorer, config, stop);
  }
  store.set_run_status(run_id, interrupted ? "interrupted" : "finished", true);
  const std::vector<std::string> names{config.name};
  const auto summaries = reports::summarize(store, names);
  std::fputs(reports::to_markdown(summaries).c_str(), stdout);
  std::fflush(stdout);
  if (!config.report.empty()) {
    reports::write_report(summaries, config.report);
    std::fprintf(stderr, "reasonbench: report written to '%s'\n", config.report.c_str());
  }
  if (interrupted) {
    std::fprintf(stderr, "reasonbench: run '%s' interrupted; continue it with: reasonbench run --db %s --run %s --resume\n",
                 config.name.c_str(), config.db.c_str(), config.name.c_str());
    return k_exit_interrupted;
  }
  if (result.totals.errors > 0) {
    std::fprintf(stderr, "reasonbench: warning: %lld item(s) ended in errors (see the verdict details; "
                 "resuming the run retries failed generations)\n", static_cast<long long>(result.totals.errors));
  }
  warn_truncated(summaries, config);
  return 0;
}

}  // namespace

std::function<int()> setup_run(CLI::App& sub)
{
  auto flags = std::make_shared<RunFlags>();
  sub.add_option("config", flags->config_path, "TOML configuration file (docs/config.md)");
  sub.add_option("--suite", flags->suites, "suite to run (repeatable; replaces the config's suites)");
  sub.add_option("--model", flags->models, "model spec (repeatable; replaces the config's models), "
                                           "e.g. openai:gpt-4o-mini, sim:r1-like");
  sub.add_option("--samples", flags->samples, "samples per problem and model");
  sub.add_option("--limit", flags->limit, "first N problems of each suite (0: all)");
  sub.add_option("--concurrency", flags->concurrency, "requests in flight, all models together");
  sub.add_option("--seed", flags->seed, "run seed (per-sample seeds derive from it)");
  sub.add_option("--db", flags->db, "SQLite database (default: results.db)");
  sub.add_option("--run", flags->run_name, "run name (default: run-DATE-TIME)");
  sub.add_option("--prompt", flags->prompt, "prompt variant for every suite, e.g. direct (`reasonbench suites` "
                 "lists each suite's variants)");
  sub.add_option("--scorer", flags->scorer, "reward model scoring every sample for best-of-N: sim:NAME "
                 "(serve-sim) or URL#NAME (docs/strategies.md)");
  sub.add_option("--report", flags->report, "write a report here at the end (.html, .md, .csv, .json)");
  sub.add_flag("--resume", flags->resume, "continue an existing run: only missing or failed items run");
  sub.add_flag("--dry-run", flags->dry_run, "estimate tokens and dollars per model and stop (no request "
                                           "unless --pilot)");
  sub.add_option("--assume-output-tokens", flags->assume_output_tokens,
                 "with --dry-run: output tokens per sample to assume (default 2000)");
  sub.add_option("--pilot", flags->pilot, "with --dry-run: first run N items per model for real (kept in the "
                                          "run) and estimate from their measured output tokens")
      ->check(CLI::Range(0, 1000000));
  sub.add_flag("--cache", flags->cache, "reuse samples of identical requests from earlier runs in this database "
                                       "instead of asking the model (same endpoint, model, body and sample index)");
  return [flags] { return run_command(*flags); };
}

}  // namespace rb::cli
