#pragma once
// The run configuration: a TOML file (see docs/config.md) plus command-line overrides.
// Loading checks every key: unknown keys, wrong types, missing values and out-of-range values
// are ConfigErrors naming the file, line and key, with a suggestion for near-miss spellings.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "harness/core/pricing.hpp"
#include "harness/core/sample.hpp"

namespace rb::config {

inline constexpr int k_default_samples = 1;
inline constexpr int k_max_samples = 100000;
inline constexpr int k_default_concurrency = 8;
inline constexpr int k_max_concurrency = 4096;
inline constexpr int k_default_max_retries = 6;
inline constexpr int k_max_max_retries = 100;
inline constexpr double k_max_temperature = 2;
inline constexpr double k_default_request_timeout_s = 1800;  ///< a whole request, all tokens
inline constexpr double k_default_connect_timeout_s = 10;
inline constexpr double k_default_idle_timeout_s = 120;      ///< no byte received for this long
inline constexpr double k_default_retry_budget = 2;          ///< retries per request started, over a run

inline constexpr int k_default_energy_interval_ms = 1000;  ///< as meters::k_default_sample_interval
inline constexpr int k_max_energy_interval_ms = 60000;

/// [energy]: metering the run's energy (harness/meters/, docs/meters.md).
struct EnergyConfig {
  bool enabled = true;        ///< meter the run; sources that are not available are reported
  std::string gpus = "all";   ///< NVML GPUs to meter: "all", "none", or indexes "0,2"
  bool rapl = true;           ///< CPU package and DRAM energy through RAPL, where readable
  std::string dcgm_url;       ///< dcgm-exporter metrics URL of the engine's host; "" none
  int interval_ms = k_default_energy_interval_ms;
  double pue = 1;             ///< power usage effectiveness of the data centre (facility / IT energy)
  std::optional<double> grid_gco2_per_kwh;  ///< grid carbon intensity; unset: no CO2 figure
};

/// [slo]: service-level objectives for goodput (harness/stats/latency.hpp); unset: not checked.
struct SloConfig {
  std::optional<double> ttft_ms;
  std::optional<double> tpot_ms;
  std::optional<double> e2e_ms;
};

struct ModelConfig {
  std::string spec;          ///< "openai:gpt-4o-mini", "openai-compatible:URL#model", "sim:r1-like"
  std::string label;         ///< the name in reports and the store; default: the spec
  std::string base_url;      ///< overrides the spec's base URL
  std::string api_key_env;   ///< environment variable holding the API key (the key is never stored)
  SamplingParams params;     ///< temperature, top_p, max_tokens (seed is set per sample)
  bool stream = true;
  int concurrency = 0;       ///< 0: the run's concurrency
  int max_retries = k_default_max_retries;
  double request_timeout_s = k_default_request_timeout_s;
  double connect_timeout_s = k_default_connect_timeout_s;
  double idle_timeout_s = k_default_idle_timeout_s;
  Prices prices;
  // Keys added for the adapters (issue 6); at their defaults they are left out of to_json and
  // plan_fingerprint, so runs stored before them resume unchanged.
  std::string api;               ///< "chat", "completions", "messages"; empty: the kind's own
  std::string api_key_file;      ///< a file whose first line is the API key (never stored)
  std::string ca_file;           ///< PEM certificates to trust for https (a private CA); empty: the system's
  std::string reasoning_effort;  ///< "minimal", "low", "medium", "high"; empty: not sent
  std::optional<std::int64_t> thinking_budget;  ///< reasoning budget in tokens (Anthropic budget_tokens)
  std::string reasoning_field;   ///< response field with the reasoning; empty: the kind's
  std::optional<double> first_byte_timeout_s;   ///< unset: idle (streams) or request timeout
  double requests_per_min = 0;   ///< token-bucket limit; 0: none
  double tokens_per_min = 0;     ///< token-bucket limit (prompt + budget, corrected by usage); 0: none
  bool adaptive_concurrency = false;  ///< halve requests in flight on 429, grow back slowly
  double retry_budget = k_default_retry_budget;  ///< 0: only max_retries bounds retries
  bool worker = false;           ///< cmd: one persistent JSON-lines process instead of one per request
  // Budget forcing (adapters/budget_forcing.hpp); active when any of the first three is set.
  std::int64_t force_min_thinking = 0;
  int force_max_waits = 0;
  std::int64_t force_max_thinking = 0;
  std::int64_t force_answer_tokens = 1024;
  std::string force_wait_text = "Wait";
  std::string force_prefix;
  std::string force_suffix = "\n\n";
  std::string force_think_open = "<think>\n";
  std::string force_think_close = "</think>";
  std::string params_json;       ///< extra body parameters: a JSON object, keys sorted; "" for none
  std::map<std::string, std::string> headers;  ///< extra headers; values may hold ${VAR} references
  std::vector<std::pair<std::string, std::string>> reasoning_tags;  ///< (open, close); empty: defaults
  // Keys added for the meters (issue 8), left out of to_json while unset.
  std::optional<double> energy_j_per_output_token;  ///< an estimate for an engine no meter sees (remote APIs)
  std::optional<double> usd_per_gpu_hour;  ///< a local engine priced by the GPU time it holds
  int gpu_count = 1;                       ///< GPUs the engine holds, for usd_per_gpu_hour
  std::optional<double> usd_per_kwh;       ///< a local engine priced by its attributed energy (PUE included)
};

struct SuiteConfig {
  std::string name;    ///< registry name with parameters, e.g. "gen:arith?n=50&seed=7"
  std::string data;    ///< dataset file or folder; empty: the suite's default
  std::string prompt;  ///< prompt variant; empty: the suite's default
  int limit = 0;       ///< first N problems; 0: the run's limit
};

struct RunConfig {
  std::string name;    ///< run name; empty: generated from the start time
  std::string db = "results.db";
  int samples = k_default_samples;  ///< samples per (problem, model)
  int limit = 0;       ///< first N problems of each suite; 0: all
  int concurrency = k_default_concurrency;
  std::int64_t seed = 0;  ///< base of the per-sample seeds
  bool cache = false;  ///< reuse samples of identical requests made by earlier runs (opt-in)
  std::string report;  ///< write a report here at the end (.html, .md, .csv, .json); empty: none
  // The scorer (docs/strategies.md): a reward model scoring every sample for best-of-N and
  // weighted majority voting. Not part of the plan: changing it on resume scores again.
  std::string scorer;              ///< "sim:prm" or "URL#NAME"; empty: none
  std::string scorer_api_key_env;  ///< environment variable with the scorer's API key
  int scorer_batch = 16;           ///< samples per scorer request
  bool scorer_include_reasoning = false;  ///< send the reasoning too, in <think> tags
  std::vector<SuiteConfig> suites;
  std::vector<ModelConfig> models;
  EnergyConfig energy;
  SloConfig slo;
  std::string source;  ///< the file it was read from, for messages
  /// Where each set value came from, for messages: "run.samples" -> "cfg.toml:4" or "--samples";
  /// "model[1].temperature" -> "cfg.toml:17". Keys use the TOML path with [index] for arrays
  /// (zero-based). A flag that replaces a whole list is recorded under the list's name
  /// ("model" -> "--model", "suite" -> "--suite") and then wins over the file's entries for it.
  std::map<std::string, std::string> origin;
};

/// Reads and checks a TOML file: types, ranges, required keys, unknown keys. Does not require a
/// suite or model (flags may add them; validate() does). Throws ConfigError, one line naming the
/// file, line and key: "cfg.toml:3: unknown key 'samplse' in [run], did you mean 'samples'?";
/// "cannot read config 'x.toml': No such file or directory".
RunConfig load_file(const std::string& path);
/// The same from text; `source` names it in messages.
RunConfig load_string(std::string_view toml_text, const std::string& source);

/// Checks values that flags can also set (ranges, at least one suite and model, unique labels,
/// suites listed once per prompt variant),
/// and fills defaults (labels). Throws ConfigError naming the key or flag.
void validate(RunConfig& config);

/// The name a suite's samples are stored and reported under: its spec, plus " [PROMPT]" when a
/// prompt variant is chosen, so one suite can be run with two prompts in one run.
std::string suite_key(const SuiteConfig& suite);

/// The resolved configuration as JSON (stored with the run; no secrets, only env var names).
std::string to_json(const RunConfig& config);
/// Inverse of to_json (for resuming a run from the configuration stored with it). Keys this
/// version does not know are ignored; malformed JSON or a wrong type is a ConfigError.
RunConfig from_json(std::string_view json_text);
/// The part of the configuration that decides which work items exist and what they ask
/// (suites, models, sampling, samples, seed), for checking that a resumed run is the same run.
/// Lower-case hex SHA-256 over the keys marked k_plan (schema.hpp); an empty label counts as
/// its spec. Concurrency, retries, timeouts, prices, db, name, report and cache do not count.
std::string plan_fingerprint(const RunConfig& config);

}  // namespace rb::config
