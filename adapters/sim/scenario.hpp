#pragma once
// A serve-sim scenario: the simulated models and the faults to inject. Read from TOML
// (docs/serve-sim.md); default_scenario() is the built-in one the quickstart uses.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "harness/core/pricing.hpp"

namespace rb::sim {

inline constexpr int k_default_chunk_tokens = 4;
inline constexpr int k_default_server_threads = 256;  ///< enough for hundreds of concurrent streams
inline constexpr int k_max_server_threads = 4096;
inline constexpr double k_default_keep_alive_s = 2;  ///< idle keep-alive connections close after this

enum class ReasoningStyle {
  think_tags,  ///< reasoning inside <think>...</think> in the content (R1 served raw, QwQ)
  field,       ///< reasoning in a separate `reasoning_content` field (DeepSeek API, vLLM parsers)
  hidden,      ///< not returned; counted in usage.completion_tokens_details.reasoning_tokens (o1)
};

struct SimModel {
  std::string name;
  std::string description;
  double accuracy = 0.8;               ///< probability of a correct final answer
  double no_answer_rate = 0.0;         ///< probability of ending without any final answer
  double reasoning_tokens_mean = 800;  ///< log-normal-ish length, mean and spread
  double reasoning_tokens_sd = 200;
  double answer_tokens_mean = 40;
  ReasoningStyle reasoning = ReasoningStyle::think_tags;
  // Reasoning behaviours (docs/serve-sim.md, "Behaviours"; measured by verifiers/behaviour/).
  int reflection_one_in = 40;            ///< one reflection phrase per this many reasoning words; 0: none
  double language_mixing_rate = 0;       ///< share of samples whose reasoning switches to Chinese for a while
  double loop_rate = 0;                  ///< share of samples stuck repeating a phrase until the token budget
  double intermediate_answer_rate = 0;   ///< share of samples stating their answer early, then reasoning on
  double ttft_ms = 0;                  ///< time to the first token
  double tokens_per_s = 0;             ///< 0: instant
  Prices prices;                       ///< suggested prices for the harness side (USD per Mtok)
};

struct Faults {
  double rate_429 = 0;        ///< 429 Too Many Requests with Retry-After
  double rate_500 = 0;
  double rate_503 = 0;
  double rate_reset = 0;      ///< connection closed mid-stream (or mid-body)
  double rate_malformed = 0;  ///< a chunk (or body) that is not valid JSON
  double rate_stall = 0;      ///< the stream stops sending for stall_ms
  double retry_after_s = 1;
  double stall_ms = 30000;
  int max_faults_per_request = 2;  ///< after this many faults for one request, it is answered
};

struct Scenario {
  std::uint64_t seed = 0;
  std::vector<SimModel> models;
  Faults faults;
  std::string require_api_key;  ///< non-empty: requests must send "Authorization: Bearer <key>"
  int chunk_tokens = k_default_chunk_tokens;  ///< tokens per streamed chunk
  int server_threads = k_default_server_threads;  ///< worker threads = concurrent connections served
  double keep_alive_s = k_default_keep_alive_s;   ///< also bounds how long stop() waits for idle clients
  std::string source;           ///< file it came from, for messages
};

/// "think_tags", "field", "hidden".
std::string_view to_string(ReasoningStyle style);
/// The style named `name`, or nothing.
std::optional<ReasoningStyle> parse_reasoning_style(std::string_view name);

/// The three quickstart models: r1-like, distill-7b-like, o1-like.
Scenario default_scenario();
/// Reads a scenario file. Throws ConfigError naming file, line and key.
/// A file without [[model]] tables serves the default_scenario() models.
Scenario load_scenario(const std::string& path);
/// The same from text; `source` names it in messages.
Scenario load_scenario_string(std::string_view toml_text, const std::string& source);
/// Checks ranges and unique model names of a scenario built in code (load_scenario checks too).
/// Throws ConfigError "SOURCE: key 'model[1].accuracy' must be in [0, 1], got 1.5".
void validate_scenario(const Scenario& scenario);
/// The model named `name` in `scenario`, or nullptr.
const SimModel* find_model(const Scenario& scenario, const std::string& name);

}  // namespace rb::sim
