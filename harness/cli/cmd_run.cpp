// `reasonbench run`: plan, generate, grade and store; print a summary; write a report.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <memory>

#include "harness/cli/command_table.hpp"
#include "harness/cli/run_setup.hpp"
#include "harness/cli/writer_lock.hpp"
#include "harness/cli/wiring.hpp"
#include "harness/runner/host_info.hpp"
#include "harness/runner/interrupt.hpp"
#include "harness/runner/run_loop.hpp"
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

int run_command(const RunFlags& flags)
{
  config::RunConfig config = resolve_config(flags);
  store::Store store(config.db);
  const util::FileLock lock = lock_database(config.db);
  const auto existing = check_resume(config, flags, store);
  config::validate(config);
  if (!config.report.empty()) {
    reports::check_report_path(config.report);  // before paying for anything
  }
  runner::Plan plan = runner::build_plan(config, registry_factories());
  announce(config, plan, existing.has_value());
  const std::int64_t run_id = begin_run(store, config, existing);

  runner::RunLoopOptions options;
  options.concurrency = config.concurrency;
  options.seed = config.seed;
  options.cache = config.cache;
  runner::ConsoleProgress progress(stderr);
  const auto& stop = runner::install_interrupt_handlers();
  runner::RunLoop loop(store, plan, run_id, options, &progress);
  runner::RunResult result;
  try {
    result = loop.run(stop);
  } catch (...) {
    store.set_run_status(run_id, "failed", true);  // resumable: the next run with --resume continues
    throw;
  }

  const bool interrupted = result.end == runner::RunEnd::interrupted;
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
  sub.add_option("--report", flags->report, "write a report here at the end (.md, .csv, .json)");
  sub.add_flag("--resume", flags->resume, "continue an existing run: only missing or failed items run");
  sub.add_flag("--cache", flags->cache, "reuse samples of identical requests from earlier runs in this database "
                                       "instead of asking the model (same endpoint, model, body and sample index)");
  return [flags] { return run_command(*flags); };
}

}  // namespace rb::cli
