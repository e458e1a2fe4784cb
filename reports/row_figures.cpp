// RowBuilder: the figures over problems (pass@k, maj@k, accuracy by difficulty) and the
// distributions of reasoning length.
#include <algorithm>
#include <cstdlib>
#include <map>

#include "harness/stats/bootstrap_columns.hpp"
#include "harness/stats/passk.hpp"
#include "harness/util/strings.hpp"
#include "reports/row_builder.hpp"

namespace rb::reports {

namespace {

constexpr auto k_correct = static_cast<std::uint8_t>(VerdictKind::correct);

/// 1, 2, 4, ... below `n`, then `n` itself.
std::vector<int> ks_up_to(int n)
{
  std::vector<int> ks;
  for (int k = 1; k < n; k *= 2) {
    ks.push_back(k);
  }
  if (n >= 1) {
    ks.push_back(n);
  }
  return ks;
}

LengthStats length_stats(std::vector<double>& values)
{
  LengthStats out;
  out.count = static_cast<std::int64_t>(values.size());
  if (values.empty()) {
    return out;
  }
  std::sort(values.begin(), values.end());
  double sum = 0;
  for (const double v : values) {
    sum += v;
  }
  out.mean = sum / static_cast<double>(values.size());
  out.p25 = sorted_quantile(values, 0.25);
  out.p50 = sorted_quantile(values, 0.5);
  out.p75 = sorted_quantile(values, 0.75);
  return out;
}

}  // namespace

bool difficulty_less(const std::string& a, const std::string& b, bool numeric)
{
  if (numeric) {
    return *util::parse_double(a) < *util::parse_double(b);
  }
  static const std::map<std::string, int> k_words{{"easy", 0},      {"introductory", 0}, {"medium", 1},
                                                  {"interview", 1}, {"hard", 2},         {"competition", 2}};
  const auto wa = k_words.find(util::to_lower(a));
  const auto wb = k_words.find(util::to_lower(b));
  if (wa != k_words.end() && wb != k_words.end() && wa->second != wb->second) {
    return wa->second < wb->second;
  }
  return a < b;
}

void RowBuilder::finish_scaling(SummaryRow& r)
{
  // Every problem's graded samples in sample order (failed generations are graded: error).
  std::vector<CompactSample> samples = m_samples;
  std::sort(samples.begin(), samples.end(), [](const CompactSample& a, const CompactSample& b) {
    return a.problem != b.problem ? a.problem < b.problem : a.sample_index < b.sample_index;
  });
  std::vector<std::pair<std::size_t, std::size_t>> ranges;  // [begin, end) per problem with samples
  for (std::size_t i = 0; i < samples.size();) {
    std::size_t j = i;
    while (j < samples.size() && samples[j].problem == samples[i].problem) {
      ++j;
    }
    ranges.emplace_back(i, j);
    i = j;
  }
  if (ranges.empty()) {
    return;
  }
  std::size_t fewest = samples.size();
  bool single = true;
  for (const auto& [b, e] : ranges) {
    fewest = std::min(fewest, e - b);
    single = single && e - b == 1;
  }
  r.samples_per_problem = static_cast<int>(fewest);
  const std::vector<int> ks = ks_up_to(r.samples_per_problem);
  const bool votes = !m_votes.empty();
  std::vector<std::string> vote_names(m_votes.size());
  for (const auto& [name, id] : m_votes) {
    vote_names[static_cast<std::size_t>(id)] = name;
  }

  std::vector<std::vector<double>> columns(ks.size() * (votes ? 2 : 1));
  for (auto& column : columns) {
    column.reserve(ranges.size());
  }
  std::vector<stats::Ballot> ballots;
  for (const auto& [b, e] : ranges) {
    const auto n = static_cast<std::int64_t>(e - b);
    std::int64_t c = 0;
    ballots.clear();
    for (std::size_t i = b; i < e; ++i) {
      const bool correct = samples[i].state == k_correct;
      c += correct ? 1 : 0;
      if (votes) {
        ballots.push_back(
            {samples[i].vote < 0 ? std::string() : vote_names[static_cast<std::size_t>(samples[i].vote)],
             correct, 1.0});
      }
    }
    for (std::size_t j = 0; j < ks.size(); ++j) {
      const int k = ks[j];
      columns[j].push_back(k == 1 ? stats::avg_at_n(n, c) : stats::pass_at_k(n, c, k));
      if (!votes) {
        continue;
      }
      // maj@k: the mean over the problem's disjoint blocks of k samples in sample order, so
      // every sample is used and k never exceeds the samples a problem has.
      const std::size_t blocks = static_cast<std::size_t>(n) / static_cast<std::size_t>(k);
      double sum = 0;
      for (std::size_t block = 0; block < blocks; ++block) {
        const std::span<const stats::Ballot> part(ballots.data() + block * static_cast<std::size_t>(k),
                                                  static_cast<std::size_t>(k));
        sum += stats::majority(part, k_report_tie_rule).score;
      }
      columns[ks.size() + j].push_back(sum / static_cast<double>(blocks));
    }
  }
  const auto estimates = stats::estimate_means(columns, single);
  for (std::size_t j = 0; j < columns.size(); ++j) {
    const int k = ks[j % ks.size()];
    KPoint point{k, estimates[j], k * r.mean_output_tokens, k * r.mean_cost_per_sample_usd};
    (j < ks.size() ? r.pass_at_k : r.maj_at_k).push_back(point);
  }
  finish_selection(r, ranges, samples, ks, single);
}

void RowBuilder::finish_lengths(SummaryRow& r)
{
  r.length_is_reasoning = m_any_reasoning;
  std::vector<double> correct;
  std::vector<double> wrong;
  for (const auto& c : m_samples) {
    const double length = m_any_reasoning ? c.reasoning_tokens : c.output_tokens;
    if (c.state == k_correct) {
      correct.push_back(length);
    } else if (c.state == static_cast<std::uint8_t>(VerdictKind::incorrect) ||
               c.state == static_cast<std::uint8_t>(VerdictKind::no_answer) ||
               c.state == static_cast<std::uint8_t>(VerdictKind::truncated)) {
      wrong.push_back(length);
    }
  }
  r.length_correct = length_stats(correct);
  r.length_incorrect = length_stats(wrong);
}

void RowBuilder::finish_difficulty(SummaryRow& r, const std::vector<std::string>& difficulty)
{
  if (difficulty.empty()) {
    return;
  }
  std::vector<stats::ProblemTally> tallies(m_problem_refs.size());
  for (const auto& c : m_samples) {
    ++tallies[c.problem].samples;
    tallies[c.problem].correct += c.state == k_correct ? 1 : 0;
  }
  std::map<std::string, std::vector<double>> rates;
  std::map<std::string, bool> single;
  for (std::size_t i = 0; i < tallies.size() && i < difficulty.size(); ++i) {
    if (difficulty[i].empty() || tallies[i].samples == 0) {
      continue;
    }
    rates[difficulty[i]].push_back(static_cast<double>(tallies[i].correct) /
                                   static_cast<double>(tallies[i].samples));
    auto [it, added] = single.try_emplace(difficulty[i], true);
    it->second = it->second && tallies[i].samples == 1;
  }
  std::vector<std::string> labels;
  bool numeric = true;
  for (const auto& [label, values] : rates) {
    labels.push_back(label);
    numeric = numeric && util::parse_double(label).has_value();
  }
  std::sort(labels.begin(), labels.end(),
            [numeric](const std::string& a, const std::string& b) { return difficulty_less(a, b, numeric); });
  for (const auto& label : labels) {
    r.by_difficulty.push_back({label, stats::estimate_mean(rates[label], single[label])});
  }
}

}  // namespace rb::reports
