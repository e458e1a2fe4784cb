#include "harness/cli/grade_db.hpp"
#include "harness/cli/writer_lock.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>

#include <nlohmann/json.hpp>

#include "harness/cli/grade_rewards.hpp"
#include "harness/config/config.hpp"
#include "harness/core/error.hpp"
#include "harness/store/store.hpp"
#include "harness/util/task_pool.hpp"
#include "suites/registry.hpp"
#include "verifiers/behaviour/analyzer.hpp"
#include "verifiers/registry.hpp"

namespace rb::cli {

namespace {

constexpr std::size_t k_regrade_batch = 1000;
constexpr int k_changes_shown = 10;

struct Regrade {
  store::SampleRow row;
  const Verifier* verifier = nullptr;
  Verdict verdict;
  Behaviour behaviour;
  std::string reward_line;  ///< with --rewards: the sample's JSON line
};

/// Where `grade --db --rewards` writes its lines, in store order.
struct RewardOutput {
  RewardLine line;
  std::FILE* out = stdout;
};

std::string reward_line(const RewardLine& rewards, const std::string& run, const Regrade& w)
{
  const store::SampleRow& r = w.row;
  nlohmann::json line{{"run", run},
                      {"model", r.key.model},
                      {"suite", r.key.suite},
                      {"problem_id", r.key.problem_id},
                      {"sample", r.key.sample_index},
                      {"verdict", to_string(w.verdict.kind)},
                      {"correct", w.verdict.correct()}};
  rewards.add(line, r.problem, r.sample, *w.verifier, w.verdict);
  return line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

struct NewVerdict {
  store::VerdictRecord record;
  bool changed = false;
};

const verifiers::behaviour::RuleBehaviourAnalyzer k_behaviour;

/// The verifier of each suite: the one named by stored verdicts, else the suite's own.
class VerifierCache {
 public:
  explicit VerifierCache(const config::RunConfig& config) : m_config(config) {}

  const Verifier& get(const store::SampleRow& row)
  {
    auto it = m_by_suite.find(row.key.suite);
    if (it != m_by_suite.end()) {
      return *it->second;
    }
    std::string name = row.verdict ? row.verdict->verifier : "";
    if (name.empty()) {
      for (const auto& suite : m_config.suites) {
        if (config::suite_key(suite) == row.key.suite) {
          name = suites::load_suite(suite.name, {suite.data, suite.prompt, 1}).verifier;
        }
      }
    }
    if (name.empty()) {
      throw ConfigError("run's configuration has no suite '" + row.key.suite + "' to take a verifier from");
    }
    return *m_by_suite.emplace(row.key.suite, verifiers::make_verifier(name)).first->second;
  }

 private:
  const config::RunConfig& m_config;
  std::map<std::string, std::unique_ptr<Verifier>> m_by_suite;
};

/// Grades one chunk of rows in parallel and keeps only their new verdicts (small), so memory
/// stays flat however many samples the run has.
void grade_chunk(store::Store& store, const std::string& run, std::vector<Regrade>& chunk, std::vector<NewVerdict>& out,
                 int& shown, const RewardOutput* rewards)
{
  {
    util::TaskPool pool(0);
    for (auto& w : chunk) {
      pool.submit([&w, &run, rewards] {
        const Sample& s = w.row.sample;
        w.verdict = grade(*w.verifier, w.row.problem, Response{s.text, s.reasoning, s.finish_reason, s.reasoning_unclosed});
        w.behaviour = k_behaviour.analyze(w.row.problem, s, w.verifier);
        if (rewards != nullptr) {
          w.reward_line = reward_line(rewards->line, run, w);
        }
      });
    }
  }
  if (rewards != nullptr) {
    for (const auto& w : chunk) {
      std::fprintf(rewards->out, "%s\n", w.reward_line.c_str());
    }
  }
  for (auto& w : chunk) {
    const bool changed = !w.row.verdict || w.row.verdict->verdict.kind != w.verdict.kind;
    if (changed && shown++ < k_changes_shown) {
      std::fprintf(stderr, "  %s / %s / %s #%d: %s -> %s (%s)\n", w.row.key.model.c_str(), w.row.key.suite.c_str(),
                   w.row.key.problem_id.c_str(), w.row.key.sample_index,
                   w.row.verdict ? std::string(to_string(w.row.verdict->verdict.kind)).c_str() : "ungraded",
                   std::string(to_string(w.verdict.kind)).c_str(), w.verdict.detail.c_str());
    }
    out.push_back({{w.row.sample_id, std::string(w.verifier->name()), std::string(w.verifier->version()),
                    std::move(w.verdict)},
                   changed});
  }
  // The behaviour analyses (docs/behaviour.md) are written per chunk, under the open walk: the
  // walk does not read the behaviours table, and memory stays at one chunk's analyses.
  store::Store::Transaction transaction(store);
  for (auto& w : chunk) {
    store.insert_behaviour({w.row.sample_id, std::string(k_behaviour.version()), w.behaviour});
  }
  transaction.commit();
  chunk.clear();
}

void regrade_run(store::Store& store, const store::RunRecord& run, const RewardOutput* rewards)
{
  const config::RunConfig config = config::from_json(run.config_json);
  VerifierCache verifiers(config);
  std::vector<Regrade> chunk;
  std::vector<NewVerdict> verdicts;
  int shown = 0;
  store.for_each_sample(run.id, [&](const store::SampleRow& row) {
    if (!row.error.empty()) {
      return;  // a failed generation keeps its error verdict
    }
    chunk.push_back({row, &verifiers.get(row), {}});
    if (chunk.size() >= k_regrade_batch) {
      grade_chunk(store, run.name, chunk, verdicts, shown, rewards);
    }
  });
  grade_chunk(store, run.name, chunk, verdicts, shown, rewards);
  // Written after reading: the verdicts table is not modified under the open SELECT.
  std::int64_t changed = 0;
  for (std::size_t start = 0; start < verdicts.size(); start += k_regrade_batch) {
    store::Store::Transaction transaction(store);
    for (std::size_t i = start; i < std::min(verdicts.size(), start + k_regrade_batch); ++i) {
      changed += verdicts[i].changed ? 1 : 0;
      store.insert_verdict(verdicts[i].record);
    }
    transaction.commit();
  }
  std::fprintf(stderr, "reasonbench: run '%s': graded %zu stored sample(s) again; %lld verdict(s) changed\n",
               run.name.c_str(), verdicts.size(), static_cast<long long>(changed));
}

}  // namespace

int grade_database(const GradeFlags& flags)
{
  if (!std::filesystem::exists(flags.db)) {
    throw ConfigError("--db: no database at '" + flags.db + "'");
  }
  store::Store store(flags.db);
  const util::FileLock lock = lock_database(flags.db);
  std::vector<store::RunRecord> runs;
  if (flags.runs.empty()) {
    runs = store.list_runs();
  } else {
    for (const auto& name : flags.runs) {
      auto run = store.find_run(name);
      if (!run) {
        throw ConfigError("--run: no run '" + name + "' in '" + flags.db + "'");
      }
      runs.push_back(*run);
    }
  }
  std::optional<RewardOutput> rewards;
  if (flags.rewards) {
    rewards.emplace(RewardOutput{RewardLine(*flags.rewards), stdout});
    if (!flags.out.empty() && flags.out != "-") {
      rewards->out = std::fopen(flags.out.c_str(), "w");
      if (rewards->out == nullptr) {
        throw ConfigError("--out: cannot write '" + flags.out + "': " + std::strerror(errno));
      }
    }
  }
  for (const auto& run : runs) {
    regrade_run(store, run, rewards ? &*rewards : nullptr);
  }
  if (rewards && rewards->out != stdout && std::fclose(rewards->out) != 0) {
    throw ConfigError("--out: cannot write '" + flags.out + "'");
  }
  return 0;
}

}  // namespace rb::cli
