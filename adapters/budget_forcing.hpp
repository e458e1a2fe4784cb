#pragma once
// Budget forcing (s1: Muennighoff et al. 2025; docs/strategies.md, "Budget forcing"): controls
// how long an open model thinks by editing its raw prompt between requests. The model's prompt
// ends inside an opened thinking block; when the model ends its thinking early (before
// `min_thinking` tokens, or in any case while `max_waits` allows), the end of thinking is dropped
// and `wait_text` ("Wait") appended, and the model continues; when the thinking budget is spent,
// the end of thinking is written for it and the model is asked for the answer alone.
// It wraps an adapter that sends raw prompts (api = "completions"), one request per round; the
// Sample it returns joins the rounds: the reasoning with its "Wait"s, the answer, summed usage
// (every round re-sends the prompt, and is paid), and each round's body.
#include <cstdint>
#include <memory>
#include <string>

#include "harness/core/adapter.hpp"

namespace rb::adapters {

struct BudgetForcingOptions {
  std::int64_t min_thinking = 0;     ///< tokens: while thinking is shorter, its end is suppressed
  int max_waits = 0;                 ///< at most this many suppressions ("Wait"s)
  std::int64_t max_thinking = 0;     ///< tokens of thinking before its end is forced; 0: max_tokens
  std::int64_t answer_tokens = 1024; ///< max tokens of the answer after the thinking
  std::string wait_text = "Wait";
  std::string think_open = "<think>\n";
  std::string think_close = "</think>";
  std::string prefix;                ///< before the prompt: the chat template's opening
  std::string suffix = "\n\n";       ///< after the prompt, before think_open: the template's assistant turn
  bool active() const { return min_thinking > 0 || max_waits > 0 || max_thinking > 0; }
};

/// Wraps `inner`, which must send a request's single user message as the raw prompt.
std::unique_ptr<Adapter> make_budget_forcing_adapter(std::unique_ptr<Adapter> inner, BudgetForcingOptions options);

}  // namespace rb::adapters
