#include "harness/config/schema.hpp"

#include <charconv>
#include <climits>
#include <cmath>
#include <nlohmann/json.hpp>
#include <vector>

#include "harness/util/strings.hpp"

namespace rb::config {
namespace {

// How a field type maps to a Kind and a Value. An empty optional is an unset key.
template <typename T>
struct Conv;

template <>
struct Conv<std::string> {
  static constexpr Kind kind = Kind::string;
  static std::optional<Value> get(const std::string& v) { return Value{v}; }
  static std::string from(const Value& v) { return std::get<std::string>(v); }
};

template <>
struct Conv<bool> {
  static constexpr Kind kind = Kind::boolean;
  static std::optional<Value> get(bool v) { return Value{v}; }
  static bool from(const Value& v) { return std::get<bool>(v); }
};

template <>
struct Conv<int> {  // ranges keep every int key inside INT_MIN..INT_MAX
  static constexpr Kind kind = Kind::integer;
  static std::optional<Value> get(int v) { return Value{std::int64_t{v}}; }
  static int from(const Value& v) { return static_cast<int>(std::get<std::int64_t>(v)); }
};

template <>
struct Conv<std::int64_t> {
  static constexpr Kind kind = Kind::integer;
  static std::optional<Value> get(std::int64_t v) { return Value{v}; }
  static std::int64_t from(const Value& v) { return std::get<std::int64_t>(v); }
};

template <>
struct Conv<double> {
  static constexpr Kind kind = Kind::number;
  static std::optional<Value> get(double v) { return Value{v}; }
  static double from(const Value& v) { return std::get<double>(v); }
};

template <typename T>
struct Conv<std::optional<T>> {
  static constexpr Kind kind = Conv<T>::kind;
  static std::optional<Value> get(const std::optional<T>& v) { return v ? Conv<T>::get(*v) : std::nullopt; }
  static std::optional<T> from(const Value& v) { return Conv<T>::from(v); }
};

template <typename Target, typename Member>
Field<Target> member(Member Target::*field)
{
  return {Conv<Member>::kind, [field](const Target& t) { return Conv<Member>::get(t.*field); },
          [field](Target& t, const Value& v) { t.*field = Conv<Member>::from(v); }};
}

template <typename Target, typename Outer, typename Member>
Field<Target> member(Outer Target::*outer, Member Outer::*field)
{
  return {Conv<Member>::kind, [outer, field](const Target& t) { return Conv<Member>::get(t.*outer.*field); },
          [outer, field](Target& t, const Value& v) { t.*outer.*field = Conv<Member>::from(v); }};
}

/// A price where a negative value means "unset" (Prices::cached_input_per_mtok).
Field<Prices> negative_is_unset(double Prices::*field)
{
  return {Kind::number,
          [field](const Prices& p) { return p.*field < 0 ? std::nullopt : std::optional<Value>{p.*field}; },
          [field](Prices& p, const Value& v) { p.*field = std::get<double>(v); }};
}

// One key per row reads better than one attribute per line:
// clang-format off
constexpr double k_int_max = INT_MAX;
constexpr Range k_non_negative_int{.min = 0, .max = k_int_max};
constexpr Range k_positive_seconds{.min = 0, .min_exclusive = true};
constexpr Range k_price{.min = 0};
constexpr Range k_non_negative{.min = 0};

const std::vector<Key<RunConfig>>& run_table()
{
  static const std::vector<Key<RunConfig>> keys = {
      {.name = "name", .field = member(&RunConfig::name),
       .doc = "run name; running the same name again resumes it; empty: generated from the start time"},
      {.name = "db", .field = member(&RunConfig::db), .flags = k_non_empty,
       .doc = "SQLite database the run is stored in"},
      {.name = "samples", .field = member(&RunConfig::samples), .range = {.min = 1, .max = k_max_samples},
       .flags = k_plan, .doc = "samples per (problem, model)"},
      {.name = "limit", .field = member(&RunConfig::limit), .range = k_non_negative_int, .flags = k_plan,
       .doc = "first N problems of each suite; 0: all"},
      {.name = "concurrency", .field = member(&RunConfig::concurrency),
       .range = {.min = 1, .max = k_max_concurrency}, .doc = "requests in flight at once, all models together"},
      {.name = "seed", .field = member(&RunConfig::seed), .flags = k_plan,
       .doc = "base of the per-sample seeds (and of generated suites' sampling)"},
      {.name = "cache", .field = member(&RunConfig::cache),
       .doc = "reuse samples of identical requests from earlier runs in this database (off: always ask)"},
      {.name = "report", .field = member(&RunConfig::report),
       .doc = "write a report here at the end (.html, .md, .csv, .json); empty: none"},
      {.name = "scorer", .field = member(&RunConfig::scorer), .flags = k_omit_default,
       .doc = "reward model scoring every sample for best-of-N: sim:NAME (serve-sim) or URL#NAME; empty: none"},
      {.name = "scorer_api_key_env", .field = member(&RunConfig::scorer_api_key_env),
       .flags = k_env_name | k_omit_default, .doc = "environment variable holding the scorer's API key"},
      {.name = "scorer_batch", .field = member(&RunConfig::scorer_batch), .range = {.min = 1, .max = 4096},
       .flags = k_omit_default, .doc = "samples per request to the scorer"},
      {.name = "scorer_include_reasoning", .field = member(&RunConfig::scorer_include_reasoning),
       .flags = k_omit_default, .doc = "send the reasoning to the scorer too, in <think> tags"},
  };
  return keys;
}

const std::vector<Key<SuiteConfig>>& suite_table()
{
  static const std::vector<Key<SuiteConfig>> keys = {
      {.name = "name", .field = member(&SuiteConfig::name), .flags = k_required | k_non_empty | k_plan,
       .doc = "registry name with parameters, e.g. \"gen:arith?n=40&seed=7\" (`reasonbench suites`)"},
      {.name = "data", .field = member(&SuiteConfig::data), .flags = k_plan,
       .doc = "dataset file or folder; empty: the suite's default"},
      {.name = "prompt", .field = member(&SuiteConfig::prompt), .flags = k_plan,
       .doc = "prompt variant, e.g. \"cot\"; empty: the suite's default"},
      {.name = "limit", .field = member(&SuiteConfig::limit), .range = k_non_negative_int, .flags = k_plan,
       .doc = "first N problems of this suite; 0: the run's limit"},
  };
  return keys;
}

const std::vector<Key<ModelConfig>>& model_table()
{
  using M = ModelConfig;
  static const std::vector<Key<ModelConfig>> keys = {
      {.name = "spec", .field = member(&M::spec), .flags = k_required | k_non_empty | k_plan,
       .doc = "\"sim:r1-like\", \"openai:o3-mini\", \"vllm:URL#model\", \"anthropic:...\", \"cmd:...\" (`reasonbench models`)"},
      {.name = "label", .field = member(&M::label), .flags = k_plan,
       .doc = "name in reports and the store; unique; empty: the spec"},
      {.name = "base_url", .field = member(&M::base_url), .flags = k_plan,
       .doc = "overrides the spec's base URL"},
      {.name = "api_key_env", .field = member(&M::api_key_env), .flags = k_env_name,
       .doc = "NAME of the environment variable holding the API key; a key written in the file is refused"},
      {.name = "temperature", .field = member(&M::params, &SamplingParams::temperature),
       .range = {.min = 0, .max = k_max_temperature}, .flags = k_plan,
       .doc = "sampling temperature; unset: the server's default"},
      {.name = "top_p", .field = member(&M::params, &SamplingParams::top_p),
       .range = {.min = 0, .max = 1, .min_exclusive = true}, .flags = k_plan,
       .doc = "nucleus sampling; unset: the server's default"},
      {.name = "max_tokens", .field = member(&M::params, &SamplingParams::max_tokens), .range = {.min = 1},
       .flags = k_plan, .doc = "output budget per sample, reasoning included; unset: the server's default"},
      {.name = "stream", .field = member(&M::stream), .flags = k_plan,
       .doc = "stream the response (gives time to first token)"},
      {.name = "concurrency", .field = member(&M::concurrency), .range = {.min = 0, .max = k_max_concurrency},
       .doc = "requests in flight for this model; 0: the run's concurrency"},
      {.name = "max_retries", .field = member(&M::max_retries), .range = {.min = 0, .max = k_max_max_retries},
       .doc = "retries of a failed request (429, 5xx, transport errors) with backoff"},
      {.name = "request_timeout_s", .field = member(&M::request_timeout_s), .range = k_positive_seconds,
       .doc = "seconds for a whole request, all tokens"},
      {.name = "connect_timeout_s", .field = member(&M::connect_timeout_s), .range = k_positive_seconds,
       .doc = "seconds to connect"},
      {.name = "idle_timeout_s", .field = member(&M::idle_timeout_s), .range = k_positive_seconds,
       .doc = "seconds without a byte received before the request is abandoned"},
      {.name = "first_byte_timeout_s", .field = member(&M::first_byte_timeout_s), .range = k_positive_seconds,
       .doc = "seconds from sending a request to the first byte; unset: idle_timeout_s when streaming, else request_timeout_s"},
      {.name = "api", .field = member(&M::api), .flags = k_plan | k_omit_default,
       .doc = "wire API: chat (Chat Completions), completions (legacy, raw prompt), messages (Anthropic); empty: the kind's own",
       .choices = "chat|completions|messages"},
      {.name = "api_key_file", .field = member(&M::api_key_file), .flags = k_omit_default,
       .doc = "file whose first line is the API key (instead of api_key_env); the key is never stored or shown"},
      {.name = "ca_file", .field = member(&M::ca_file), .flags = k_omit_default,
       .doc = "PEM file of the certificates to trust for an https base URL (a private CA or a self-signed server); "
              "empty: the system's"},
      {.name = "reasoning_effort", .field = member(&M::reasoning_effort), .flags = k_plan | k_omit_default,
       .doc = "reasoning_effort sent to APIs that take one (OpenAI o-series, Ollama, vLLM); empty: not sent",
       .choices = "minimal|low|medium|high"},
      {.name = "thinking_budget", .field = member(&M::thinking_budget), .range = {.min = 1, .max = k_int_max},
       .flags = k_plan, .doc = "reasoning budget in tokens: Anthropic thinking.budget_tokens (thinking is off without it)"},
      {.name = "reasoning_field", .field = member(&M::reasoning_field), .flags = k_omit_default,
       .doc = "response field holding the reasoning (reasoning_content, reasoning...); empty: the kind's own"},
      {.name = "requests_per_min", .field = member(&M::requests_per_min), .range = k_non_negative, .flags = k_omit_default,
       .doc = "token-bucket limit on requests (attempts) started per minute; 0: none"},
      {.name = "tokens_per_min", .field = member(&M::tokens_per_min), .range = k_non_negative, .flags = k_omit_default,
       .doc = "token-bucket limit on prompt + budgeted tokens per minute, corrected by reported usage; 0: none"},
      {.name = "adaptive_concurrency", .field = member(&M::adaptive_concurrency), .flags = k_omit_default,
       .doc = "on 429, halve this model's requests in flight; grow back by one per round trip"},
      {.name = "retry_budget", .field = member(&M::retry_budget), .range = k_non_negative, .flags = k_omit_default,
       .doc = "retries allowed per request started, over the run (plus 100 to start with); 0: only max_retries bounds them"},
      {.name = "worker", .field = member(&M::worker), .flags = k_omit_default,
       .doc = "cmd: models: one persistent process fed JSON lines (else one process per request)"},
      // Budget forcing (s1; adapters/budget_forcing.hpp, docs/strategies.md): api = "completions" only.
      {.name = "force_min_thinking", .field = member(&M::force_min_thinking), .range = {.min = 0, .max = k_int_max},
       .flags = k_plan | k_omit_default,
       .doc = "budget forcing: while the thinking is shorter (tokens), its end is replaced by force_wait_text"},
      {.name = "force_max_waits", .field = member(&M::force_max_waits), .range = {.min = 0, .max = 1000},
       .flags = k_plan | k_omit_default,
       .doc = "budget forcing: at most this many waits (with force_min_thinking 0: always this many)"},
      {.name = "force_max_thinking", .field = member(&M::force_max_thinking), .range = {.min = 0, .max = k_int_max},
       .flags = k_plan | k_omit_default,
       .doc = "budget forcing: thinking tokens after which the end of thinking is written for the model; 0: max_tokens"},
      {.name = "force_answer_tokens", .field = member(&M::force_answer_tokens), .range = {.min = 1, .max = k_int_max},
       .flags = k_plan | k_omit_default, .doc = "budget forcing: max tokens of the answer after the thinking"},
      {.name = "force_wait_text", .field = member(&M::force_wait_text), .flags = k_plan | k_omit_default,
       .doc = "budget forcing: the text appended instead of the end of thinking"},
      {.name = "force_prefix", .field = member(&M::force_prefix), .flags = k_plan | k_omit_default,
       .doc = "budget forcing: raw text before the prompt (the chat template's user turn)"},
      {.name = "force_suffix", .field = member(&M::force_suffix), .flags = k_plan | k_omit_default,
       .doc = "budget forcing: raw text after the prompt, before force_think_open (the assistant turn)"},
      {.name = "force_think_open", .field = member(&M::force_think_open), .flags = k_plan | k_omit_default,
       .doc = "budget forcing: the text that opens the thinking, ending the prompt"},
      {.name = "force_think_close", .field = member(&M::force_think_close), .flags = k_plan | k_omit_default,
       .doc = "budget forcing: the text that ends the thinking"},
      {.name = "energy_j_per_output_token", .field = member(&M::energy_j_per_output_token), .range = k_non_negative,
       .doc = "estimated joules per output token for an engine no meter sees (remote APIs); labelled estimated everywhere"},
      {.name = "usd_per_gpu_hour", .field = member(&M::usd_per_gpu_hour), .range = k_price,
       .doc = "local engine: USD per GPU-hour; each run window's wall time x gpu_count, shared by output tokens"},
      {.name = "gpu_count", .field = member(&M::gpu_count), .range = {.min = 1, .max = k_int_max}, .flags = k_omit_default,
       .doc = "GPUs the engine holds, for usd_per_gpu_hour"},
      {.name = "usd_per_kwh", .field = member(&M::usd_per_kwh), .range = k_price,
       .doc = "local engine: USD per kWh of the energy attributed to its samples (PUE included)"},
  };
  return keys;
}

const std::vector<Key<EnergyConfig>>& energy_table()
{
  using E = EnergyConfig;
  static const std::vector<Key<EnergyConfig>> keys = {
      {.name = "enabled", .field = member(&E::enabled), .flags = k_omit_default,
       .doc = "meter the run's energy (unavailable meters are reported, never hidden)"},
      {.name = "gpus", .field = member(&E::gpus), .flags = k_omit_default,
       .doc = "GPUs NVML meters: \"all\", \"none\" or indexes \"0,2\""},
      {.name = "rapl", .field = member(&E::rapl), .flags = k_omit_default,
       .doc = "CPU package and DRAM energy through /sys/class/powercap (RAPL) where readable"},
      {.name = "dcgm_url", .field = member(&E::dcgm_url), .flags = k_omit_default,
       .doc = "dcgm-exporter metrics URL of the engine's host (http://host:9400/metrics); empty: none"},
      {.name = "interval_ms", .field = member(&E::interval_ms), .range = {.min = 10, .max = k_max_energy_interval_ms},
       .flags = k_omit_default, .doc = "milliseconds between meter readings"},
      {.name = "pue", .field = member(&E::pue), .range = {.min = 1}, .flags = k_omit_default,
       .doc = "power usage effectiveness: kWh and CO2 are device energy x PUE"},
      {.name = "grid_gco2_per_kwh", .field = member(&E::grid_gco2_per_kwh), .range = k_non_negative,
       .doc = "grid carbon intensity in gCO2e/kWh; unset: no CO2 figure"},
  };
  return keys;
}

const std::vector<Key<SloConfig>>& slo_table()
{
  static const std::vector<Key<SloConfig>> keys = {
      {.name = "ttft_ms", .field = member(&SloConfig::ttft_ms), .range = k_positive_seconds,
       .doc = "goodput: time to first token at most this many ms (streamed requests only)"},
      {.name = "tpot_ms", .field = member(&SloConfig::tpot_ms), .range = k_positive_seconds,
       .doc = "goodput: time per output token after the first at most this many ms"},
      {.name = "e2e_ms", .field = member(&SloConfig::e2e_ms), .range = k_positive_seconds,
       .doc = "goodput: end-to-end latency at most this many ms"},
  };
  return keys;
}

const std::vector<Key<Prices>>& price_table()
{
  static const std::vector<Key<Prices>> keys = {
      {.name = "input_per_mtok", .field = member(&Prices::input_per_mtok), .range = k_price,
       .doc = "USD per million uncached prompt tokens"},
      {.name = "cached_input_per_mtok", .field = negative_is_unset(&Prices::cached_input_per_mtok),
       .range = k_price, .doc = "USD per million cached prompt tokens; unset: the input price"},
      {.name = "output_per_mtok", .field = member(&Prices::output_per_mtok), .range = k_price,
       .doc = "USD per million completion tokens, reasoning included"},
  };
  return keys;
}

/// The shortest text that reads back as `number`: "2", "0.95", "100000", "1e+20".
std::string shortest(double number)
{
  constexpr double k_whole_limit = 1e15;  // whole numbers below this are written in full
  if (std::isfinite(number) && std::trunc(number) == number && std::fabs(number) < k_whole_limit) {
    return std::to_string(static_cast<long long>(number));
  }
  char buffer[64];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, number);
  return std::string(buffer, result.ptr);
}

// clang-format on

bool is_env_name(std::string_view name)
{
  if (name.empty() || (name[0] >= '0' && name[0] <= '9')) {
    return false;
  }
  for (const char c : name) {
    const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    if (!ok) {
      return false;
    }
  }
  return true;
}

}  // namespace

std::span<const Key<RunConfig>> run_keys()
{
  return run_table();
}
std::span<const Key<SuiteConfig>> suite_keys()
{
  return suite_table();
}
std::span<const Key<ModelConfig>> model_keys()
{
  return model_table();
}
std::span<const Key<Prices>> price_keys()
{
  return price_table();
}
std::span<const Key<EnergyConfig>> energy_keys()
{
  return energy_table();
}
std::span<const Key<SloConfig>> slo_keys()
{
  return slo_table();
}

std::optional<std::string> check_value(const Range& range, unsigned flags, const Value& value)
{
  if (const auto* text = std::get_if<std::string>(&value)) {
    if ((flags & k_non_empty) != 0 && text->empty()) {
      return "must not be empty";
    }
    if ((flags & k_env_name) != 0 && !text->empty() && !is_env_name(*text)) {
      // Defends against a key pasted where its variable's name belongs: the value is not shown.
      return "must be the NAME of an environment variable (letters, digits, '_'), not the key itself "
             "(value not shown)";
    }
    return std::nullopt;
  }
  double number = 0;
  if (const auto* integer = std::get_if<std::int64_t>(&value)) {
    number = static_cast<double>(*integer);
  } else if (const auto* real = std::get_if<double>(&value)) {
    if (!std::isfinite(*real)) {
      return "must be a finite number (got " + format_value(value) + ")";
    }
    number = *real;
  } else {
    return std::nullopt;  // booleans have no range
  }
  if (range.min_exclusive ? number <= range.min : number < range.min) {
    return std::string(range.min_exclusive ? "must be greater than " : "must be at least ") +
           shortest(range.min) + " (got " + format_value(value) + ")";
  }
  if (number > range.max) {
    return "must be at most " + shortest(range.max) + " (got " + format_value(value) + ")";
  }
  return std::nullopt;
}

std::optional<std::string> check_choice(std::string_view choices, const Value& value)
{
  const auto* text = std::get_if<std::string>(&value);
  if (choices.empty() || text == nullptr || text->empty()) {
    return std::nullopt;
  }
  const std::vector<std::string> names = util::split(choices, '|');
  for (const auto& name : names) {
    if (name == *text) {
      return std::nullopt;
    }
  }
  return "must be one of " + util::join(names, ", ") + " (got " + format_value(value) + ")" +
         util::did_you_mean(*text, names);
}

std::string_view kind_name(Kind kind)
{
  switch (kind) {
    case Kind::string:
      return "a string";
    case Kind::integer:
      return "an integer";
    case Kind::number:
      return "a number";
    case Kind::boolean:
      return "a boolean";
  }
  return "a value";
}

std::string format_value(const Value& value)
{
  constexpr std::size_t k_max_quoted_chars = 60;
  if (const auto* text = std::get_if<std::string>(&value)) {
    // JSON quoting keeps the message on one line whatever the string holds.
    return nlohmann::json(util::shorten(*text, k_max_quoted_chars))
        .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  }
  if (const auto* integer = std::get_if<std::int64_t>(&value)) {
    return std::to_string(*integer);
  }
  if (const auto* real = std::get_if<double>(&value)) {
    std::string out = shortest(*real);
    if (std::isfinite(*real) && out.find_first_not_of("-0123456789") == std::string::npos) {
      out += ".0";  // a float written "4.0" reads back as one
    }
    return out;
  }
  return std::get<bool>(value) ? "true" : "false";
}

bool looks_like_secret_key(std::string_view name)
{
  std::string folded;
  for (const char c : name) {
    if (c != '_' && c != '-') {
      folded += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    }
  }
  static constexpr std::string_view k_exact[] = {"key",         "token",    "secret",        "password",
                                                 "passwd",      "bearer",   "authorization", "auth",
                                                 "accesstoken", "authtoken"};
  static constexpr std::string_view k_suffixes[] = {"apikey", "secret", "secretkey", "password", "accesskey"};
  for (const auto exact : k_exact) {
    if (folded == exact) {
      return true;
    }
  }
  for (const auto suffix : k_suffixes) {
    if (folded.ends_with(suffix)) {
      return true;
    }
  }
  return false;
}

std::string secret_key_message(std::string_view key_display)
{
  return std::string(key_display) +
         ": API keys are never read from config files (they would reach logs, reports and the store); "
         "export the key in an environment variable and name it with api_key_env = \"OPENAI_API_KEY\"";
}

}  // namespace rb::config
