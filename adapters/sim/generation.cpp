#include "adapters/sim/generation.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>

#include "adapters/sim/sim_behaviour.hpp"
#include "adapters/sim/sim_text.hpp"
#include "harness/util/rng.hpp"

namespace rb::sim::detail {

namespace {

constexpr std::uint64_t k_text_salt = 0x7465787400000001ULL;    // "text"
constexpr std::uint64_t k_answer_salt = 0x616e737700000002ULL;  // "answ"
constexpr double k_answer_sd_fraction = 0.25;
constexpr double k_max_part_tokens = 1 << 22;  ///< a bound on one part's length, whatever the scenario says
constexpr std::string_view k_think_open = "<think>\n";
constexpr std::string_view k_think_close = "\n</think>\n\n";

std::int64_t draw_length(util::SplitMix64& rng, double mean, double sd)
{
  const double value = std::clamp(mean + sd * rng.normal(), 1.0, k_max_part_tokens);
  return static_cast<std::int64_t>(std::llround(value));
}

void append_channel(std::vector<Token>& tokens, Channel channel, std::vector<std::string> words)
{
  bool first = true;
  for (std::string& word : words) {
    const bool has_space = !word.empty() && std::isspace(static_cast<unsigned char>(word.front())) != 0;
    if (!first && !has_space) {
      word.insert(word.begin(), ' ');
    }
    tokens.push_back(Token{channel, std::move(word)});
    first = false;
  }
}

}  // namespace

Completion generate(const SimModel& model, const GenerationRequest& request)
{
  util::SplitMix64 rng(request.key);
  const double u = rng.uniform();
  const std::int64_t reasoning_count =
      draw_length(rng, model.reasoning_tokens_mean, model.reasoning_tokens_sd);
  const std::int64_t answer_target =
      draw_length(rng, model.answer_tokens_mean, model.answer_tokens_mean * k_answer_sd_fraction);

  Completion completion;
  if (u < model.accuracy) {
    completion.outcome = Outcome::correct;
  } else if (u < model.accuracy + model.no_answer_rate) {
    completion.outcome = Outcome::no_answer;
  } else {
    completion.outcome = Outcome::wrong;
  }

  util::SplitMix64 text_rng(util::mix_seed(request.key, k_text_salt));
  util::SplitMix64 answer_rng(util::mix_seed(request.key, k_answer_salt));
  std::vector<std::string> answer;
  const bool has_oracle = request.oracle.has_value() && !request.oracle->empty();
  const std::string reference = has_oracle ? *request.oracle : std::string(k_no_oracle_answer);
  std::string final_answer;  // what the answer part says (empty: no answer)
  switch (completion.outcome) {
    case Outcome::no_answer:
      answer = no_answer_words(answer_target, answer_rng);
      break;
    case Outcome::wrong:
      final_answer = has_oracle ? wrong_answer(reference, answer_rng) : reference;
      answer = answer_words(final_answer, answer_target, answer_rng);
      break;
    case Outcome::correct:
      final_answer = reference;
      answer = answer_words(reference, answer_target, answer_rng);
      break;
  }

  std::vector<std::string> reasoning = reasoning_words(reasoning_count, text_rng, model.reflection_one_in);
  BehaviourDraw behaviour = draw_behaviours(model, request.key);
  if (behaviour.mixes_language) {
    mix_language(reasoning, behaviour.rng);
  }
  if (behaviour.answers_early && !final_answer.empty()) {
    state_answer_early(reasoning, unboxed(final_answer), behaviour.rng);
  }
  if (behaviour.loops) {  // stuck until the budget: no answer, finish_reason "length"
    reasoning = loop_until(reasoning, request.max_tokens.value_or(reasoning_count), behaviour.rng);
    answer.clear();
    completion.truncated = true;
  }
  append_channel(completion.tokens, Channel::reasoning, std::move(reasoning));
  append_channel(completion.tokens, Channel::answer, std::move(answer));
  if (request.max_tokens && *request.max_tokens < static_cast<std::int64_t>(completion.tokens.size())) {
    completion.tokens.resize(static_cast<std::size_t>(std::max<std::int64_t>(0, *request.max_tokens)));
    completion.truncated = true;
  }
  for (const Token& token : completion.tokens) {
    (token.channel == Channel::reasoning ? completion.reasoning_tokens : completion.answer_tokens) += 1;
  }
  return completion;
}

RenderedText render(const SimModel& model, const Completion& completion)
{
  RenderedText out;
  for (const Piece& piece : stream_pieces(model, completion, 1 << 30)) {
    (piece.reasoning_field ? out.reasoning_content : out.content) += piece.text;
  }
  return out;
}

std::vector<Piece> stream_pieces(const SimModel& model, const Completion& completion, int chunk_tokens)
{
  const auto per_piece = static_cast<std::size_t>(std::max(1, chunk_tokens));
  const bool tags = model.reasoning == ReasoningStyle::think_tags;
  std::vector<Piece> pieces;
  std::size_t i = 0;
  std::int64_t generated = 0;
  while (i < completion.tokens.size()) {
    const Channel channel = completion.tokens[i].channel;
    Piece piece;
    piece.reasoning_field = channel == Channel::reasoning && model.reasoning == ReasoningStyle::field;
    if (tags && i == 0 && channel == Channel::reasoning) {
      piece.text = k_think_open;
    }
    if (tags && channel == Channel::answer && i > 0 &&
        completion.tokens[i - 1].channel == Channel::reasoning) {
      piece.text = k_think_close;
    }
    std::size_t taken = 0;
    while (i < completion.tokens.size() && taken < per_piece && completion.tokens[i].channel == channel) {
      piece.text += completion.tokens[i].text;
      ++i;
      ++taken;
    }
    generated += static_cast<std::int64_t>(taken);
    piece.tokens_through = generated;
    if (channel == Channel::reasoning && model.reasoning == ReasoningStyle::hidden) {
      continue;  // hidden reasoning takes time but is never sent
    }
    pieces.push_back(std::move(piece));
  }
  if (pieces.empty()) {
    pieces.push_back(Piece{false, "", generated});
  }
  return pieces;
}

}  // namespace rb::sim::detail
