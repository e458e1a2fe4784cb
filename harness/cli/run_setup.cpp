#include "harness/cli/run_setup.hpp"

#include <ctime>

#include "adapters/registry.hpp"
#include "harness/meters/price_book.hpp"
#include "harness/core/error.hpp"
#include "harness/util/strings.hpp"

namespace rb::cli {

namespace {

/// The model name a spec sends to its API: after '#' ("openai-compatible:URL#name"), else after
/// the kind ("openai:o3-mini").
std::string model_name_of(const std::string& spec)
{
  const std::size_t hash = spec.rfind('#');
  if (hash != std::string::npos) {
    return spec.substr(hash + 1);
  }
  const std::size_t colon = spec.find(':');
  return colon == std::string::npos ? spec : spec.substr(colon + 1);
}

/// Prices come from the config, else serve-sim's scenario (simulated models), else the price
/// book of well-known models; each records where it came from.
void fill_prices(config::ModelConfig& model)
{
  const bool configured = model.prices.known();
  adapters::apply_spec_defaults(model);
  if (configured) {
    model.prices.source = "config";
  } else if (model.prices.known()) {
    model.prices.source = "serve-sim scenario (SIMULATED prices)";
  } else if (model.spec.starts_with("openai:") || model.spec.starts_with("deepseek:") ||
             model.spec.starts_with("anthropic:")) {
    // Only a provider's own API bills at its list prices: a local server may serve a model
    // under the same name for free.
    if (auto book = meters::book_prices(model_name_of(model.spec))) {
      model.prices = *book;
    }
  }
}

void label_models(config::RunConfig& config)
{
  for (auto& model : config.models) {
    fill_prices(model);
    if (model.label.empty()) {
      model.label = model.spec;
    }
    if (adapters::is_simulated(model) && model.label.find("SIMULATED") == std::string::npos) {
      model.label += " (SIMULATED)";
    }
  }
}

std::string fresh_run_name(store::Store& store)
{
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  ::gmtime_r(&now, &tm);
  char stamp[32];
  std::strftime(stamp, sizeof stamp, "run-%Y%m%d-%H%M%S", &tm);
  std::string name = stamp;
  for (int i = 2; store.find_run(name); ++i) {
    name = std::string(stamp) + "-" + std::to_string(i);
  }
  return name;
}

void apply_flags(config::RunConfig& config, const RunFlags& flags)
{
  if (!flags.suites.empty()) {
    config.suites.clear();
    for (const auto& name : flags.suites) {
      config.suites.push_back({name, "", "", 0});
    }
    config.origin["suite"] = "--suite";
  }
  if (!flags.prompt.empty()) {
    for (auto& suite : config.suites) {
      suite.prompt = flags.prompt;  // validated against each suite's variants when the plan is built
    }
  }
  if (!flags.models.empty()) {
    config.models.clear();
    for (const auto& spec : flags.models) {
      config::ModelConfig model;
      model.spec = spec;
      config.models.push_back(model);
    }
    config.origin["model"] = "--model";
  }
  const auto set_int = [&config](auto& field, const auto& value, const char* key, const char* flag) {
    if (value) {
      field = *value;
      config.origin[key] = flag;
    }
  };
  set_int(config.samples, flags.samples, "run.samples", "--samples");
  set_int(config.limit, flags.limit, "run.limit", "--limit");
  set_int(config.concurrency, flags.concurrency, "run.concurrency", "--concurrency");
  set_int(config.seed, flags.seed, "run.seed", "--seed");
  if (!flags.db.empty()) {
    config.db = flags.db;
    config.origin["run.db"] = "--db";
  }
  if (!flags.run_name.empty()) {
    config.name = flags.run_name;
    config.origin["run.name"] = "--run";
  }
  if (!flags.scorer.empty()) {
    config.scorer = flags.scorer;
    config.origin["run.scorer"] = "--scorer";
  }
  if (!flags.report.empty()) {
    config.report = flags.report;
    config.origin["run.report"] = "--report";
  }
  if (flags.cache) {
    config.cache = true;
    config.origin["run.cache"] = "--cache";
  }
}

}  // namespace

config::RunConfig resolve_config(const RunFlags& flags)
{
  config::RunConfig config = flags.config_path.empty() ? config::RunConfig{} : config::load_file(flags.config_path);
  apply_flags(config, flags);
  label_models(config);
  return config;
}

std::optional<store::RunRecord> check_resume(config::RunConfig& config, const RunFlags& flags, store::Store& store)
{
  if (config.name.empty()) {
    if (flags.resume) {
      throw ConfigError("--resume: name the run to continue with --run NAME (or [run] name in the config)");
    }
    config.name = fresh_run_name(store);
    return std::nullopt;
  }
  auto existing = store.find_run(config.name);
  if (!existing) {
    if (flags.resume) {
      std::vector<std::string> names;
      for (const auto& run : store.list_runs()) {
        names.push_back(run.name);
      }
      throw ConfigError("--resume: no run '" + config.name + "' in '" + store.path() + "'" +
                        util::did_you_mean(config.name, names) + "; drop --resume to start it");
    }
    return std::nullopt;
  }
  if (!flags.resume) {
    throw ConfigError("run '" + config.name + "' already exists in '" + store.path() +
                      "': pass --resume to continue it, or choose another --run name");
  }
  const bool from_store = flags.config_path.empty() && flags.suites.empty() && flags.models.empty();
  config::RunConfig stored = config::from_json(existing->config_json);
  if (from_store) {
    // Resume exactly what was started; only how it runs may change.
    stored.name = config.name;
    stored.db = config.db;
    if (config.origin.contains("run.concurrency")) {
      stored.concurrency = config.concurrency;
    }
    if (config.origin.contains("run.report")) {
      stored.report = config.report;
    }
    if (config.origin.contains("run.scorer")) {
      stored.scorer = config.scorer;
    }
    stored.cache = config.cache;
    stored.origin = config.origin;
    for (const char* key : {"run.samples", "run.limit", "run.seed"}) {
      if (config.origin.contains(key)) {
        throw ConfigError(config.origin.at(key) + ": cannot change the plan of run '" + config.name +
                          "' when resuming; start a new --run name");
      }
    }
    config = stored;
  } else if (config::plan_fingerprint(stored) != config::plan_fingerprint(config)) {
    throw ConfigError("--resume: run '" + config.name +
                      "' was started with a different plan (suites, models, sampling, samples, limit or seed "
                      "differ); resume it without a config file, or start a new --run name");
  }
  return existing;
}

}  // namespace rb::cli
