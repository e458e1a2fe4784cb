#include "adapters/sim/dialect.hpp"

#include <array>

namespace rb::sim::detail {

namespace {

// clang-format off
constexpr std::array<Flavor, 7> k_flavors{{
    {.name = "openai", .reasoning_field = "reasoning_content"},
    {.name = "deepseek", .reasoning_field = "reasoning_content", .deepseek_cache = true,
     .fingerprint = "fp_serve-sim_deepseek"},
    {.name = "vllm", .reasoning_field = "reasoning", .usage_details = false, .fingerprint = ""},
    {.name = "sglang", .reasoning_field = "reasoning_content", .usage_details = false, .fingerprint = ""},
    {.name = "llamacpp", .reasoning_field = "reasoning_content", .usage_details = false, .timings = true,
     .usage_in_finish_chunk = true, .usage_always = true, .fingerprint = "b0-serve-sim"},
    {.name = "ollama", .reasoning_field = "reasoning", .usage_details = false, .fingerprint = "fp_ollama"},
    {.name = "tgi", .reasoning_field = "", .usage_details = false, .usage_in_finish_chunk = true,
     .fingerprint = "3.0.0-serve-sim"},
}};
// clang-format on

}  // namespace

std::span<const Flavor> flavors()
{
  return k_flavors;
}

const Flavor* find_flavor(std::string_view name)
{
  for (const Flavor& flavor : k_flavors) {
    if (flavor.name == name) {
      return &flavor;
    }
  }
  return nullptr;
}

const Flavor& openai_flavor()
{
  return k_flavors[0];
}

}  // namespace rb::sim::detail
