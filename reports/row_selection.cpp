// RowBuilder: best-of-k selection and reward-weighted majority voting (docs/strategies.md), over
// the same disjoint blocks of k samples as maj@k, so every sample is used once per k and k never
// exceeds the samples a problem has.
#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <span>

#include "harness/stats/bootstrap_columns.hpp"
#include "harness/stats/majority.hpp"
#include "harness/stats/passk.hpp"
#include "reports/row_builder.hpp"

namespace rb::reports {

namespace {

constexpr auto k_correct = static_cast<std::uint8_t>(VerdictKind::correct);
constexpr auto k_incorrect = static_cast<std::uint8_t>(VerdictKind::incorrect);

/// The selectors in report order; "reward" only when the row has scores.
enum class Pick { reward, confidence, shortest, longest, oracle };
constexpr std::array<std::pair<Pick, const char*>, 5> k_picks{{{Pick::reward, "reward"},
                                                              {Pick::confidence, "confidence"},
                                                              {Pick::shortest, "shortest"},
                                                              {Pick::longest, "longest"},
                                                              {Pick::oracle, "oracle"}}};

bool has_answer(const CompactSample& c)
{
  return c.vote >= 0 || c.state == k_correct || c.state == k_incorrect;
}

/// 1 when the sample `pick` chooses among `block` is correct, else 0.
double select(std::span<const CompactSample> block, Pick pick, std::vector<stats::Candidate>& candidates)
{
  candidates.clear();
  if (pick == Pick::confidence) {
    // Self-consistency: each sample's score is the share of the block giving its answer; the
    // earliest of the most agreed-on answers' shortest samples wins. No verifier verdict is used.
    std::map<std::int32_t, int> counts;
    for (const auto& c : block) {
      if (c.vote >= 0) {
        ++counts[c.vote];
      }
    }
    const CompactSample* best = nullptr;
    int best_count = 0;
    for (const auto& c : block) {
      const int count = c.vote >= 0 ? counts[c.vote] : 0;
      if (count > best_count || (count == best_count && count > 0 && c.output_tokens < best->output_tokens)) {
        best = &c;
        best_count = count;
      }
    }
    return best != nullptr && best->state == k_correct ? 1.0 : 0.0;
  }
  for (const auto& c : block) {
    candidates.push_back({static_cast<double>(c.score), static_cast<std::int64_t>(c.output_tokens), has_answer(c),
                          c.state == k_correct});
  }
  const stats::Selector selector = pick == Pick::reward     ? stats::Selector::reward
                                   : pick == Pick::shortest ? stats::Selector::shortest
                                   : pick == Pick::longest  ? stats::Selector::longest
                                                            : stats::Selector::oracle;
  return stats::best_of_n(candidates, selector);
}

}  // namespace

void RowBuilder::finish_selection(SummaryRow& r, const std::vector<std::pair<std::size_t, std::size_t>>& ranges,
                                  const std::vector<CompactSample>& samples, const std::vector<int>& ks, bool single)
{
  r.scored = m_scored;
  const bool scores = m_scored > 0;
  std::vector<Pick> picks;
  for (const auto& [pick, name] : k_picks) {
    if ((pick != Pick::reward || scores) && (pick != Pick::confidence || !m_votes.empty())) {
      picks.push_back(pick);
    }
  }
  const bool weighted = scores && !m_votes.empty();
  std::vector<std::string> vote_names(m_votes.size());
  for (const auto& [name, id] : m_votes) {
    vote_names[static_cast<std::size_t>(id)] = name;
  }
  // columns[p * ks + j]: selector p at ks[j]; then the weighted maj@k columns, then pass^k.
  const std::size_t hat = (picks.size() + (weighted ? 1 : 0)) * ks.size();
  std::vector<std::vector<double>> columns(hat + ks.size());
  std::vector<stats::Candidate> candidates;
  std::vector<stats::Ballot> ballots;
  for (const auto& [b, e] : ranges) {
    const std::span<const CompactSample> problem(samples.data() + b, e - b);
    const auto correct = std::count_if(problem.begin(), problem.end(),
                                       [](const CompactSample& c) { return c.state == k_correct; });
    for (std::size_t j = 0; j < ks.size(); ++j) {
      const auto k = static_cast<std::size_t>(ks[j]);
      columns[hat + j].push_back(stats::pass_hat_k(static_cast<std::int64_t>(problem.size()), correct, ks[j]));
      const std::size_t blocks = problem.size() / k;
      for (std::size_t p = 0; p < picks.size(); ++p) {
        double sum = 0;
        for (std::size_t block = 0; block < blocks; ++block) {
          sum += select(problem.subspan(block * k, k), picks[p], candidates);
        }
        columns[p * ks.size() + j].push_back(sum / static_cast<double>(blocks));
      }
      if (!weighted) {
        continue;
      }
      double sum = 0;
      for (std::size_t block = 0; block < blocks; ++block) {
        ballots.clear();
        for (const auto& c : problem.subspan(block * k, k)) {
          const double weight = std::isfinite(c.score) ? std::max(0.0, static_cast<double>(c.score)) : 0.0;
          ballots.push_back({c.vote < 0 ? std::string() : vote_names[static_cast<std::size_t>(c.vote)],
                             c.state == k_correct, weight});
        }
        sum += stats::majority(ballots, k_report_tie_rule, true).score;
      }
      columns[picks.size() * ks.size() + j].push_back(sum / static_cast<double>(blocks));
    }
  }
  const auto estimates = stats::estimate_means(columns, single);
  for (std::size_t p = 0; p < picks.size(); ++p) {
    SelectorCurve curve{k_picks[static_cast<std::size_t>(picks[p])].second, {}};
    for (std::size_t j = 0; j < ks.size(); ++j) {
      curve.points.push_back({ks[j], estimates[p * ks.size() + j], ks[j] * r.mean_output_tokens,
                              ks[j] * r.mean_cost_per_sample_usd});
    }
    r.best_of_k.push_back(std::move(curve));
  }
  for (std::size_t j = 0; j < ks.size(); ++j) {
    r.pass_hat_k.push_back({ks[j], estimates[hat + j], ks[j] * r.mean_output_tokens, ks[j] * r.mean_cost_per_sample_usd});
  }
  if (weighted) {
    for (std::size_t j = 0; j < ks.size(); ++j) {
      r.weighted_maj_at_k.push_back({ks[j], estimates[picks.size() * ks.size() + j], ks[j] * r.mean_output_tokens,
                                     ks[j] * r.mean_cost_per_sample_usd});
    }
  }
}

}  // namespace rb::reports
