#pragma once
// Request (what an Adapter is asked) and Sample (what it returns): the raw data of a run.
// Everything else (verdicts, metrics, reports) is derived from stored Samples.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "harness/core/problem.hpp"

namespace rb {

struct SamplingParams {
  std::optional<double> temperature;
  std::optional<double> top_p;
  std::optional<std::int64_t> max_tokens;  ///< output budget, reasoning included
  std::optional<std::int64_t> seed;        ///< per-sample seed where the API accepts one
  bool operator==(const SamplingParams&) const = default;
};

struct Request {
  std::vector<Message> messages;
  SamplingParams params;
  int sample_index = 0;  ///< 0..samples-1 within (problem, model)
  /// A correct final answer, sent only to simulated engines (serve-sim) so they can answer
  /// correctly with a configured probability. Real adapters never send it.
  std::string oracle;
};

struct Usage {
  std::int64_t prompt_tokens = 0;
  std::int64_t completion_tokens = 0;  ///< reasoning included, as OpenAI counts it
  std::int64_t reasoning_tokens = 0;   ///< hidden or visible reasoning
  std::int64_t cached_tokens = 0;      ///< prompt tokens served from the provider's cache
  bool reported = false;               ///< true: the server reported these; false: estimated
  /// How the counts were obtained, stored and shown with them: "server", "server; reasoning
  /// split by characters", "estimated: ceil(characters / 4)"; empty: "server" or "estimated"
  /// as `reported` says.
  std::string method;
};

struct Timings {
  double ttft_ms = -1;          ///< first streamed token of any kind; -1 when not streamed
  double first_answer_ms = -1;  ///< first answer token after the reasoning; -1 when unknown
  double e2e_ms = 0;            ///< request start to last byte (final attempt only)
  std::int64_t chunks = 0;      ///< streamed chunks received
  /// Arrival of each streamed chunk that carried text (reasoning or answer), final attempt:
  /// varint-coded microseconds (harness/core/chunk_times.hpp); empty when not streamed.
  std::string chunk_times;
};

struct Sample {
  std::string text;           ///< the answer part, reasoning removed
  std::string reasoning;      ///< reasoning from a reasoning field or <think> tags
  bool reasoning_unclosed = false;  ///< a <think> block never closed: the answer is missing
  std::string finish_reason;  ///< "stop", "length", ... as the server said
  Usage usage;
  Timings timings;
  std::string request_json;   ///< the body sent, without secrets
  std::string response_json;  ///< the body received (a stream is reassembled into one object)
  std::string model_reported; ///< the model name the server reported
  int retries = 0;            ///< failed attempts before this one
  bool from_cache = false;    ///< served from the response cache: not paid again
  double cost_usd = 0;        ///< at the model's configured prices; 0 when unpriced
};

}  // namespace rb
