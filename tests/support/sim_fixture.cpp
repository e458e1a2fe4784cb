#include "tests/support/sim_fixture.hpp"

#include <fmt/format.h>

namespace rb::test {

std::string sim_scenario(const SimScenarioOptions& o)
{
  std::string text = fmt::format(R"(seed = 11
chunk_tokens = 8
{}
[faults]
rate_429 = {}
rate_500 = {}
rate_503 = {}
rate_reset = {}
rate_malformed = {}
rate_stall = {}
retry_after_s = 0.2
stall_ms = {}
max_faults_per_request = 2

[[model]]
name = "r1-like"
accuracy = 0.7
no_answer_rate = 0.05
reasoning = "think_tags"
reasoning_tokens_mean = 120
reasoning_tokens_sd = 40
answer_tokens_mean = 20
ttft_ms = {}
tokens_per_s = 0

[[model]]
name = "distill"
accuracy = 0.5
reasoning = "field"
reasoning_tokens_mean = 60
reasoning_tokens_sd = 20
answer_tokens_mean = 10
ttft_ms = {}
tokens_per_s = 0
)",
                                 o.require_api_key.empty() ? "" : "require_api_key = \"" + o.require_api_key + "\"",
                                 o.fault_rate, o.fault_rate, o.fault_rate, o.fault_rate, o.fault_rate, o.fault_rate,
                                 o.stall_ms, o.ttft_ms, o.ttft_ms);
  return text;
}

}  // namespace rb::test
