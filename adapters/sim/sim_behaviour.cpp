#include "adapters/sim/sim_behaviour.hpp"

#include <algorithm>
#include <array>

#include "harness/util/strings.hpp"

namespace rb::sim::detail {

namespace {

constexpr std::uint64_t k_behaviour_salt = 0x6265686100000003ULL;  // "beha"
// Filler without reflection markers (等等, 或者, 不对...), so mixing does not count as reflecting.
constexpr std::array<std::string_view, 16> k_chinese = {"我们", "计算", "这个", "结果", "所以", "因为", "然后", "方程",
                                                        "两边", "化简", "得到", "代入", "每项", "之和", "首先", "条件"};
constexpr double k_mix_share = 0.15;
constexpr std::size_t k_min_mixed_words = 8;
constexpr std::size_t k_min_loop_phrase = 6;
constexpr std::size_t k_max_loop_phrase = 10;

}  // namespace

BehaviourDraw draw_behaviours(const SimModel& model, std::uint64_t key)
{
  BehaviourDraw d;
  d.rng = util::SplitMix64(util::mix_seed(key, k_behaviour_salt));
  d.mixes_language = d.rng.uniform() < model.language_mixing_rate;
  d.loops = d.rng.uniform() < model.loop_rate;
  d.answers_early = d.rng.uniform() < model.intermediate_answer_rate;
  return d;
}

void mix_language(std::vector<std::string>& words, util::SplitMix64& rng)
{
  const std::size_t length =
      std::min(words.size(), std::max(k_min_mixed_words, static_cast<std::size_t>(k_mix_share * words.size())));
  const std::size_t start = static_cast<std::size_t>(rng.uniform() * static_cast<double>(words.size() - length));
  for (std::size_t i = start; i < start + length; ++i) {
    words[i] = std::string(k_chinese[rng.below(k_chinese.size())]);
  }
}

void state_answer_early(std::vector<std::string>& words, std::string_view answer, util::SplitMix64& rng)
{
  std::vector<std::string> phrase = util::split("so the answer is", ' ');
  for (const auto& part : util::split(std::string(util::trim(answer)), ' ')) {
    if (!part.empty()) {
      phrase.push_back(part);
    }
  }
  phrase.back() += ".";
  if (words.size() < phrase.size() * 4) {
    return;
  }
  const double where = 0.2 + 0.4 * rng.uniform();
  const auto start = std::min(words.size() - phrase.size(), static_cast<std::size_t>(where * static_cast<double>(words.size())));
  std::copy(phrase.begin(), phrase.end(), words.begin() + static_cast<std::ptrdiff_t>(start));
}

std::vector<std::string> loop_until(const std::vector<std::string>& words, std::int64_t total, util::SplitMix64& rng)
{
  const double where = 0.3 + 0.3 * rng.uniform();
  const auto prefix = std::min(words.size(), static_cast<std::size_t>(where * static_cast<double>(words.size())));
  std::vector<std::string> out(words.begin(), words.begin() + static_cast<std::ptrdiff_t>(prefix));
  const std::size_t span = k_min_loop_phrase + rng.below(k_max_loop_phrase - k_min_loop_phrase + 1);
  std::vector<std::string> phrase;
  for (std::size_t i = 0; i < span; ++i) {  // drawn from the reasoning's own words
    phrase.push_back(words.empty() ? std::string("again") : words[rng.below(words.size())]);
  }
  for (std::size_t i = 0; static_cast<std::int64_t>(out.size()) < total; ++i) {
    out.push_back(phrase[i % span]);
  }
  out.resize(static_cast<std::size_t>(std::max<std::int64_t>(total, 0)));
  return out;
}

std::string unboxed(std::string_view answer)
{
  const std::size_t box = answer.rfind("\\boxed{");
  if (box == std::string_view::npos) {
    return std::string(util::trim(answer));
  }
  int depth = 0;
  for (std::size_t i = box + 6; i < answer.size(); ++i) {
    depth += answer[i] == '{' ? 1 : (answer[i] == '}' ? -1 : 0);
    if (depth == 0) {
      return std::string(util::trim(answer.substr(box + 7, i - box - 7)));
    }
  }
  return std::string(util::trim(answer.substr(box + 7)));
}

}  // namespace rb::sim::detail
