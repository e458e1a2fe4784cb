#pragma once
// Internal to adapters/: what the cmd: adapters send a local program and read back
// (docs/adapters.md, "Local programs"). One JSON object per request on stdin (one line each
// for a worker); the program answers with a JSON object, or, run once per request, plain text.
#include <cstdint>
#include <expected>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "adapters/http/retry.hpp"
#include "adapters/reasoning_tags.hpp"
#include "harness/core/adapter.hpp"
#include "harness/core/pricing.hpp"

namespace rb::adapters::cmd {

struct CmdOptions {
  std::string command;            ///< the command line as written in the spec
  std::vector<std::string> argv;  ///< split
  bool worker = false;            ///< one persistent JSON-lines process
  SamplingParams defaults;
  std::string extra_params_json;  ///< sent as "params"
  int max_retries = 0;
  std::chrono::milliseconds timeout{0};  ///< per request; 0: none
  http::RetryOptions retry;
  Prices prices;
  std::shared_ptr<const ReasoningTags> tags = std::make_shared<ReasoningTags>();
};

/// {"id"?, "max_tokens"?, "messages", "params"?, "sample_index", "seed"?, "temperature"?,
/// "top_p"?}: keys sorted, one line.
std::string request_json(const Request& request, const CmdOptions& options, std::optional<std::uint64_t> id);

/// What a program said about one request.
struct Reply {
  std::optional<std::uint64_t> id;      ///< worker replies name their request
  std::expected<Sample, Error> result;  ///< the sample, or the error it reported
};

/// Parses a program's answer. `plain_ok`: text that is not a JSON object is the answer itself.
/// Errors the program reports ({"error": "..."}) are `rejected` unless it says "retryable": true.
Reply parse_reply(std::string_view text, bool plain_ok, const Request& request, const CmdOptions& options);

}  // namespace rb::adapters::cmd
