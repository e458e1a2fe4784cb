#pragma once
// Resolving what `reasonbench run` should do: the configuration file, command-line overrides,
// and the resume rules (a run name that exists needs --resume and the same plan).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "harness/config/config.hpp"
#include "harness/store/store.hpp"

namespace rb::cli {

struct RunFlags {
  std::string config_path;
  std::vector<std::string> suites;
  std::vector<std::string> models;
  std::optional<int> samples;
  std::optional<int> limit;
  std::optional<int> concurrency;
  std::optional<std::int64_t> seed;
  std::string db;
  std::string run_name;
  std::string report;
  std::string scorer;                       ///< --scorer: sim:NAME or URL#NAME
  std::string prompt;                       ///< --prompt: the prompt variant of every suite
  bool resume = false;
  bool cache = false;
  bool dry_run = false;                     ///< estimate tokens and dollars, then stop
  std::optional<std::int64_t> assume_output_tokens;  ///< per sample, for --dry-run
  std::int64_t pilot = 0;                   ///< with --dry-run: run this many items per model first
};

/// The configuration from the file (if any) with the flags applied, origins recorded, models'
/// defaults filled and simulated models labelled SIMULATED. Not yet validated against a store.
config::RunConfig resolve_config(const RunFlags& flags);

/// Applies the resume rules against `store` and returns the existing run, if resuming.
/// Fills config.name when empty (a fresh name from the clock). When resuming with neither a
/// config file nor --suite/--model, the stored configuration is used. Throws ConfigError.
std::optional<store::RunRecord> check_resume(config::RunConfig& config, const RunFlags& flags,
                                             store::Store& store);

}  // namespace rb::cli
