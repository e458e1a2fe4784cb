#include "reports/compare.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "harness/core/error.hpp"
#include "harness/util/strings.hpp"

namespace rb::reports {

namespace {

struct ProblemScore {
  std::int64_t problem_ref = 0;
  std::int64_t graded = 0;
  std::int64_t correct = 0;
  std::int64_t cached = 0;  // samples served from the response cache
};

/// model -> suite -> problem id -> score, and the order suites and models first appear.
struct RunScores {
  std::map<std::string, std::map<std::string, std::map<std::string, ProblemScore>>> by_model;
  std::vector<std::pair<std::string, std::string>> order;  // (model, suite)
};

store::RunRecord find_run(store::Store& store, const std::string& name, const char* flag)
{
  if (auto run = store.find_run(name)) {
    return *run;
  }
  std::vector<std::string> names;
  for (const auto& r : store.list_runs()) {
    names.push_back(r.name);
  }
  throw ConfigError(std::string(flag) + ": no run '" + name + "' in '" + store.path() + "'" +
                    util::did_you_mean(name, names) +
                    (names.empty() ? " (it holds no runs)" : " (runs: " + util::join(names, ", ") + ")"));
}

RunScores read_scores(store::Store& store, const store::RunRecord& run)
{
  RunScores out;
  store.for_each_sample_facts(run.id, [&](const store::SampleFacts& s) {
    auto& suites = out.by_model[std::string(s.model)];
    auto [suite_it, new_suite] = suites.try_emplace(std::string(s.suite));
    if (new_suite) {
      out.order.emplace_back(std::string(s.model), std::string(s.suite));
    }
    if (!s.verdict) {
      return;  // not graded yet: neither right nor wrong
    }
    auto& score = suite_it->second[std::string(s.problem_id)];
    score.problem_ref = s.problem_ref;
    ++score.graded;
    score.correct += *s.verdict == VerdictKind::correct ? 1 : 0;
    score.cached += s.from_cache ? 1 : 0;
  });
  return out;
}

SuiteComparison compare_suite(const std::string& suite, const std::string& base_model,
                              const std::map<std::string, ProblemScore>& base,
                              const std::string& candidate_model,
                              const std::map<std::string, ProblemScore>& candidate,
                              const CompareOptions& options)
{
  SuiteComparison out;
  out.suite = suite;
  out.base_model = base_model;
  out.candidate_model = candidate_model;
  out.simulated = base_model.find("SIMULATED") != std::string::npos ||
                  candidate_model.find("SIMULATED") != std::string::npos;
  std::vector<double> base_scores;
  std::vector<double> candidate_scores;
  std::vector<const std::string*> ids;
  out.single_sample = true;
  for (const auto& [id, b] : base) {
    const auto it = candidate.find(id);
    if (it == candidate.end()) {
      ++out.base_only;
      continue;
    }
    const ProblemScore& c = it->second;
    if (b.problem_ref != c.problem_ref) {
      ++out.content_changed;
      continue;
    }
    base_scores.push_back(static_cast<double>(b.correct) / static_cast<double>(b.graded));
    candidate_scores.push_back(static_cast<double>(c.correct) / static_cast<double>(c.graded));
    ids.push_back(&id);
    out.candidate_cached += c.cached;
    out.single_sample = out.single_sample && b.graded == 1 && c.graded == 1;
  }
  for (const auto& [id, c] : candidate) {
    out.candidate_only += base.contains(id) ? 0 : 1;
  }
  out.shared = static_cast<std::int64_t>(ids.size());
  if (out.shared == 0) {
    out.single_sample = false;
    return out;
  }
  out.paired = stats::paired_bootstrap(base_scores, candidate_scores, options.resamples);
  std::int64_t base_right = 0;
  std::int64_t candidate_right = 0;
  double base_sum = 0;
  double candidate_sum = 0;
  for (std::size_t i = 0; i < ids.size(); ++i) {
    base_sum += base_scores[i];
    candidate_sum += candidate_scores[i];
    const bool was = base_scores[i] >= 0.5;
    const bool is = candidate_scores[i] >= 0.5;
    if (was && !is) {
      out.worse.push_back({*ids[i], base_scores[i], candidate_scores[i]});
      ++base_right;
    } else if (!was && is) {
      out.better.push_back({*ids[i], base_scores[i], candidate_scores[i]});
      ++candidate_right;
    }
  }
  out.base_accuracy = base_sum / static_cast<double>(ids.size());
  out.candidate_accuracy = candidate_sum / static_cast<double>(ids.size());
  if (out.single_sample) {
    out.mcnemar = stats::mcnemar_exact(base_right, candidate_right);
    out.p_value = out.mcnemar.p_value;
  } else {
    out.p_value = out.paired.p_value;
  }
  const auto by_change = [](const FlippedProblem& a, const FlippedProblem& b) {
    const double da = std::abs(a.candidate - a.base);
    const double db = std::abs(b.candidate - b.base);
    return da != db ? da > db : a.problem_id < b.problem_id;
  };
  std::sort(out.worse.begin(), out.worse.end(), by_change);
  std::sort(out.better.begin(), out.better.end(), by_change);
  const double drop = out.base_accuracy - out.candidate_accuracy;
  // "More than --max-drop": a drop equal to it passes, whatever the rounding of the two means
  // (0.65 - 0.60 is 0.05000000000000004 in doubles).
  constexpr double k_rounding = 1e-9;
  out.regression = drop > options.max_drop + k_rounding && out.p_value < options.alpha;
  return out;
}

}  // namespace

bool Comparison::regression() const
{
  return std::any_of(suites.begin(), suites.end(), [](const SuiteComparison& s) { return s.regression; });
}

Comparison compare_runs(store::Store& store, const std::string& base, const std::string& candidate,
                        const CompareOptions& options)
{
  const auto base_run = find_run(store, base, "--base");
  const auto candidate_run = find_run(store, candidate, "--candidate");
  const RunScores b = read_scores(store, base_run);
  const RunScores c = read_scores(store, candidate_run);
  const std::string runs = "runs '" + base + "' and '" + candidate + "'";
  if (b.by_model.empty() || c.by_model.empty()) {
    throw ConfigError("compare: run '" + (b.by_model.empty() ? base : candidate) + "' in '" + store.path() +
                      "' holds no samples");
  }
  Comparison out{base, candidate, options, {}, {}};
  // One model per run: a checkpoint against a checkpoint, whatever their labels. Otherwise the
  // models both runs hold, by label.
  const bool one_each = b.by_model.size() == 1 && c.by_model.size() == 1;
  std::set<std::pair<std::string, std::string>> matched;  // candidate (model, suite) compared
  for (const auto& [model, suite] : b.order) {
    const std::string candidate_model = one_each ? c.by_model.begin()->first : model;
    const auto cm = c.by_model.find(candidate_model);
    if (cm == c.by_model.end() || !cm->second.contains(suite)) {
      out.unmatched.push_back("suite '" + suite + "' (" + model + ") is only in the base run");
      continue;
    }
    matched.emplace(candidate_model, suite);
    out.suites.push_back(compare_suite(suite, model, b.by_model.at(model).at(suite), candidate_model,
                                       cm->second.at(suite), options));
  }
  for (const auto& key : c.order) {
    if (!matched.contains(key)) {
      out.unmatched.push_back("suite '" + key.second + "' (" + key.first + ") is only in the candidate run");
    }
  }
  if (out.suites.empty()) {
    std::vector<std::string> bm;
    std::vector<std::string> cm;
    for (const auto& [m, s] : b.by_model) {
      bm.push_back(m);
    }
    for (const auto& [m, s] : c.by_model) {
      cm.push_back(m);
    }
    throw ConfigError("compare: " + runs + " have no model and suite in common (base models: " +
                      util::join(bm, ", ") + "; candidate models: " + util::join(cm, ", ") + ")");
  }
  std::int64_t shared = 0;
  for (const auto& s : out.suites) {
    shared += s.shared;
  }
  if (shared == 0) {
    throw ConfigError("compare: " + runs +
                      " share no problems (no problem was graded in both with the same content)");
  }
  return out;
}

}  // namespace rb::reports
