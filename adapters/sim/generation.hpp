#pragma once
// Private to adapters/sim: what a simulated model says for one request. A pure function of the
// model, the determinism key, the oracle and the token budget; no I/O, no clock.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "adapters/sim/scenario.hpp"

namespace rb::sim::detail {

enum class Channel { reasoning, answer };
enum class Outcome { correct, wrong, no_answer };

/// One generated token (a word); `text` carries the whitespace before it, except for the first
/// token of each channel, so concatenating a channel's tokens gives its text.
struct Token {
  Channel channel = Channel::reasoning;
  std::string text;
};

struct Completion {
  std::vector<Token> tokens;          ///< what was generated before the budget cut it
  std::int64_t reasoning_tokens = 0;  ///< generated reasoning tokens (hidden ones included)
  std::int64_t answer_tokens = 0;
  bool truncated = false;  ///< the budget cut it: finish_reason "length"
  Outcome outcome = Outcome::correct;
  std::int64_t total_tokens() const { return reasoning_tokens + answer_tokens; }
};

struct GenerationRequest {
  std::uint64_t key = 0;                   ///< determinism key (request_key())
  std::optional<std::string> oracle;       ///< the reference answer, when the harness sent one
  std::optional<std::int64_t> max_tokens;  ///< output budget, reasoning included (>= 1)
};

/// Draws outcome, lengths and words for `request`. Deterministic.
Completion generate(const SimModel& model, const GenerationRequest& request);

/// The visible texts of a completion in `model`'s reasoning style.
struct RenderedText {
  std::string content;
  std::string reasoning_content;  ///< only for ReasoningStyle::field
};
RenderedText render(const SimModel& model, const Completion& completion);

/// One streamed delta: a piece of `content` or of `reasoning_content` of at most chunk_tokens
/// tokens. Concatenating each field's pieces gives render()'s texts.
struct Piece {
  bool reasoning_field = false;  ///< true: goes in delta.reasoning_content
  std::string text;
  std::int64_t tokens_through = 0;  ///< tokens generated up to the end of this piece (hidden included)
};
/// Never empty: a completion with nothing visible yields one empty content piece.
std::vector<Piece> stream_pieces(const SimModel& model, const Completion& completion, int chunk_tokens);

}  // namespace rb::sim::detail
