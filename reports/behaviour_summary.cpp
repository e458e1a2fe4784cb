#include "reports/behaviour_summary.hpp"

#include <algorithm>
#include <map>

#include "harness/util/strings.hpp"
#include "reports/row_builder.hpp"

namespace rb::reports {

namespace {

/// Sums of one group, turned into a BehaviourGroup by finish().
struct GroupSums {
  std::int64_t samples = 0;
  std::int64_t visible = 0;
  std::int64_t format_ok = 0;
  std::int64_t truncated = 0;
  std::int64_t mixed = 0;
  std::int64_t loops = 0;
  double consistency = 0;
  double reflections = 0;
  double visible_tokens = 0;
  double repeated = 0;
  double tokens = 0;
  std::int64_t overthinking = 0;
  double overthinking_tokens = 0;

  void add(const Behaviour& b)
  {
    ++samples;
    format_ok += b.format_ok ? 1 : 0;
    truncated += b.truncated ? 1 : 0;
    mixed += b.mixed ? 1 : 0;
    loops += b.loop ? 1 : 0;
    tokens += static_cast<double>(b.reasoning_tokens);
    if (b.reasoning_visible) {
      ++visible;
      consistency += b.consistency;
      reflections += static_cast<double>(b.reflections);
      visible_tokens += static_cast<double>(b.reasoning_tokens);
      repeated += b.repeated_ngram_ratio;
    }
    if (b.tokens_after_first_correct) {
      ++overthinking;
      overthinking_tokens += *b.tokens_after_first_correct;
    }
  }

  BehaviourGroup finish() const
  {
    BehaviourGroup g;
    g.samples = samples;
    g.visible = visible;
    if (samples == 0) {
      return g;
    }
    const auto n = static_cast<double>(samples);
    g.format_ok_rate = static_cast<double>(format_ok) / n;
    g.truncation_rate = static_cast<double>(truncated) / n;
    g.mixing_rate = static_cast<double>(mixed) / n;
    g.loop_rate = static_cast<double>(loops) / n;
    g.mean_reasoning_tokens = tokens / n;
    if (visible > 0) {
      const auto v = static_cast<double>(visible);
      g.consistency = consistency / v;
      g.repeated_ngram_ratio = repeated / v;
      g.reflections_per_1k_tokens = visible_tokens > 0 ? std::optional(1000.0 * reflections / visible_tokens) : std::nullopt;
    }
    g.overthinking_samples = overthinking;
    if (overthinking > 0) {
      g.overthinking_tokens = overthinking_tokens / static_cast<double>(overthinking);
    }
    return g;
  }
};

struct Lengths {
  double sum[3] = {0, 0, 0};  // all, correct, incorrect
  std::int64_t count[3] = {0, 0, 0};
};

struct RowSums {
  GroupSums groups[3];                        // all, correct, incorrect
  std::map<std::int64_t, Lengths> by_problem;  // by problem_ref
};

std::vector<DifficultyLength> by_difficulty(store::Store& store, const RowSums& sums,
                                            std::map<std::int64_t, std::string>& labels)
{
  std::map<std::string, Lengths> buckets;
  for (const auto& [ref, lengths] : sums.by_problem) {
    auto it = labels.find(ref);
    if (it == labels.end()) {
      const auto problem = store.find_problem(ref);
      it = labels.emplace(ref, problem ? difficulty_of(*problem) : std::string()).first;
    }
    if (it->second.empty()) {
      continue;
    }
    Lengths& bucket = buckets[it->second];
    for (int g = 0; g < 3; ++g) {
      bucket.sum[g] += lengths.sum[g];
      bucket.count[g] += lengths.count[g];
    }
  }
  bool numeric = true;
  std::vector<std::string> order;
  for (const auto& [label, bucket] : buckets) {
    order.push_back(label);
    numeric = numeric && util::parse_double(label).has_value();
  }
  // The order of the accuracy-by-difficulty figures (row_figures.cpp).
  std::sort(order.begin(), order.end(), [numeric](const auto& a, const auto& b) { return difficulty_less(a, b, numeric); });
  std::vector<DifficultyLength> out;
  for (const auto& label : order) {
    const Lengths& b = buckets[label];
    const auto mean = [&b](int g) {
      return b.count[g] > 0 ? std::optional(b.sum[g] / static_cast<double>(b.count[g])) : std::nullopt;
    };
    out.push_back({label, b.count[0], mean(0).value_or(0), mean(1), mean(2)});
  }
  return out;
}

}  // namespace

std::vector<std::pair<std::pair<std::string, std::string>, BehaviourSummary>> summarize_behaviour(
    store::Store& store, std::int64_t run_id)
{
  std::vector<std::pair<std::string, std::string>> order;
  std::map<std::pair<std::string, std::string>, RowSums> rows;
  std::pair<std::string, std::string> key;
  store.for_each_behaviour(run_id, [&](const store::BehaviourFacts& f) {
    key.first.assign(f.model);
    key.second.assign(f.suite);
    auto [it, added] = rows.try_emplace(key);
    if (added) {
      order.push_back(key);
    }
    RowSums& sums = it->second;
    const bool correct = f.verdict == VerdictKind::correct;
    const bool incorrect = f.verdict && !correct && *f.verdict != VerdictKind::error;
    Lengths& lengths = sums.by_problem[f.problem_ref];
    const auto tokens = static_cast<double>(f.behaviour.reasoning_tokens);
    sums.groups[0].add(f.behaviour);
    lengths.sum[0] += tokens;
    ++lengths.count[0];
    const int group = correct ? 1 : incorrect ? 2 : 0;
    if (group != 0) {
      sums.groups[group].add(f.behaviour);
      lengths.sum[group] += tokens;
      ++lengths.count[group];
    }
  });
  std::map<std::int64_t, std::string> labels;
  std::vector<std::pair<std::pair<std::string, std::string>, BehaviourSummary>> out;
  for (const auto& k : order) {
    const RowSums& sums = rows.at(k);
    BehaviourSummary s{sums.groups[0].finish(), sums.groups[1].finish(), sums.groups[2].finish(),
                       by_difficulty(store, sums, labels)};
    out.emplace_back(k, std::move(s));
  }
  return out;
}

}  // namespace rb::reports
