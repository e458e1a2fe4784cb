#include "adapters/presets.hpp"

#include <array>

namespace rb::adapters {

namespace {

// One engine per row reads better than one field per line:
// clang-format off
constexpr std::array<Preset, 10> k_presets{{
    {.kind = "openai", .description = "OpenAI Chat Completions; key from OPENAI_API_KEY (or api_key_env)",
     .example = "openai:gpt-4o-mini", .base_url = "https://api.openai.com/v1", .key_env = "OPENAI_API_KEY",
     .key_required = true, .url_in_spec = false, .token_field = TokenLimitField::max_completion_tokens,
     .quirks = "reasoning hidden, counted in usage.completion_tokens_details.reasoning_tokens; o-series take reasoning_effort and refuse max_tokens"},
    {.kind = "anthropic", .description = "Anthropic Messages (thinking blocks with thinking_budget); key from ANTHROPIC_API_KEY",
     .example = "anthropic:claude-sonnet-4-5", .api = Api::messages, .base_url = "https://api.anthropic.com/v1",
     .key_env = "ANTHROPIC_API_KEY", .key_required = true, .url_in_spec = false, .reasoning_fields = "thinking",
     .quirks = "thinking only with thinking_budget; output_tokens include thinking (reasoning tokens split by length); cache reads are cached tokens"},
    {.kind = "deepseek", .description = "DeepSeek API (reasoning_content); key from DEEPSEEK_API_KEY",
     .example = "deepseek:deepseek-reasoner", .base_url = "https://api.deepseek.com/v1", .key_env = "DEEPSEEK_API_KEY",
     .key_required = true, .url_in_spec = false, .reasoning_fields = "reasoning_content",
     .quirks = "usage.prompt_cache_hit_tokens are cached tokens; reasoning_tokens reported; deepseek-reasoner ignores temperature and top_p"},
    {.kind = "vllm", .description = "vLLM's OpenAI-compatible server (reasoning parser fields)",
     .example = "vllm:http://localhost:8000/v1#DeepSeek-R1-Distill-Qwen-7B", .base_url = "http://localhost:8000/v1",
     .reasoning_fields = "reasoning,reasoning_content",
     .quirks = "reasoning in reasoning (or reasoning_content before v0.10) with --reasoning-parser, else <think> tags; no reasoning_tokens (split by length); chat_template_kwargs via [model.params]"},
    {.kind = "sglang", .description = "SGLang's OpenAI-compatible server",
     .example = "sglang:http://localhost:30000/v1#Qwen/QwQ-32B", .base_url = "http://localhost:30000/v1",
     .reasoning_fields = "reasoning_content,reasoning",
     .quirks = "reasoning_content with --reasoning-parser (separate_reasoning); no reasoning_tokens (split by length)"},
    {.kind = "llamacpp", .description = "llama.cpp's llama-server (also its timings object)",
     .example = "llamacpp:http://localhost:8080/v1#r1-distill-q4", .base_url = "http://localhost:8080/v1",
     .reasoning_fields = "reasoning_content,reasoning",
     .quirks = "usage and timings in the chunk with finish_reason; timings.cache_n are cached tokens; reasoning_content with --reasoning-format"},
    {.kind = "ollama", .description = "Ollama's OpenAI-compatible API",
     .example = "ollama:qwq", .base_url = "http://localhost:11434/v1", .reasoning_fields = "reasoning,reasoning_content",
     .quirks = "thinking in reasoning (or <think> tags in older versions); usage in streams only with stream_options; no reasoning_tokens"},
    {.kind = "tgi", .description = "Hugging Face Text Generation Inference (Messages API)",
     .example = "tgi:http://localhost:8080/v1#tgi", .base_url = "http://localhost:8080/v1",
     .quirks = "reasoning stays in <think> tags; usage in the last chunk; model name is ignored (\"tgi\")"},
    {.kind = "openai-compatible", .description = "any other OpenAI-compatible server (URL#MODEL or base_url)",
     .example = "openai-compatible:http://localhost:8000/v1#DeepSeek-R1-Distill-Qwen-7B",
     .quirks = "reasoning_content or reasoning fields, and <think>-style tags"},
    {.kind = "sim", .description = "a SIMULATED model served by `reasonbench serve-sim` (REASONBENCH_SIM_URL, default :8377)",
     .example = "sim:r1-like", .quirks = "SIMULATED; every dialect of serve-sim through api and URL prefixes",
     .simulated = true},
}};
// clang-format on

}  // namespace

std::span<const Preset> presets()
{
  return k_presets;
}

const Preset* find_preset(std::string_view kind)
{
  for (const Preset& preset : k_presets) {
    if (preset.kind == kind) {
      return &preset;
    }
  }
  return nullptr;
}

}  // namespace rb::adapters
