#pragma once
// A serve-sim scenario: the simulated models and the faults to inject. Read from TOML
// (docs/serve-sim.md); default_scenario() is the built-in one the quickstart uses.
#include <cstdint>
#include <string>
#include <vector>

#include "harness/core/pricing.hpp"

namespace rb::sim {

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
  int chunk_tokens = 4;         ///< tokens per streamed chunk
  std::string source;           ///< file it came from, for messages
};

/// The three quickstart models: r1-like, distill-7b-like, o1-like.
Scenario default_scenario();
/// Reads a scenario file. Throws ConfigError naming file, line and key.
Scenario load_scenario(const std::string& path);
/// The model named `name` in `scenario`, or nullptr.
const SimModel* find_model(const Scenario& scenario, const std::string& name);

}  // namespace rb::sim
