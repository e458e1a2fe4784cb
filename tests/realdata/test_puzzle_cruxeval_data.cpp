// CRUXEval from ../shared/data through the real sandbox: 800 problems in each mode; the gold
// output and the gold input score 100%; a mutated output prediction scores 0%, and an input
// with an extra argument too (f takes a fixed number of arguments in every problem).
#include <catch2/catch.hpp>

#include <atomic>
#include <cstdlib>
#include <mutex>
#include <thread>

#include "tests/support/test_env.hpp"
#include "tests/unit/test_puzzle_support.hpp"
#include "verifiers/sandbox/sandbox.hpp"

using namespace rb;

namespace {

struct Tally {
  std::atomic<int> gold_correct{0};
  std::atomic<int> mutant_correct{0};
  std::mutex mutex;
  std::vector<std::string> failures;
};

void grade_all(const Suite& suite, const Verifier& verifier, bool input_mode, Tally& tally)
{
  std::atomic<std::size_t> next{0};
  const auto work = [&] {
    for (std::size_t i = next++; i < suite.problems.size(); i = next++) {
      const Problem& p = suite.problems[i];
      const Verdict gold = test::grade_text(verifier, p, p.reference);
      const std::string body = p.reference.substr(8, p.reference.size() - 17);
      const std::string mutant =
          input_mode ? (body == "f()" ? "'rb-extra'" : body + ", 'rb-extra'") : "('rb-mutant', " + body + ")";
      const Verdict bad = test::grade_text(verifier, p, "<answer>" + mutant + "</answer>");
      tally.gold_correct += gold.correct() ? 1 : 0;
      tally.mutant_correct += bad.correct() ? 1 : 0;
      if (!gold.correct() || bad.correct()) {
        std::lock_guard lock(tally.mutex);
        tally.failures.push_back(p.id + ": gold " + gold.detail + " | mutant " + bad.detail);
      }
    }
  };
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back(work);
  }
  for (auto& t : threads) {
    t.join();
  }
}

}  // namespace

TEST_CASE("cruxeval data: 800 problems, gold predictions correct in the sandbox, mutants not",
          "[realdata][puzzles]")
{
  const std::string dir = test::shared_data_dir();
  if (dir.empty()) {
    WARN("SKIPPED: ../shared/data absent");
    return;
  }
  if (!sandbox::probe_namespaces().available) {
    WARN("SKIPPED: the namespace sandbox is unavailable here: " << sandbox::probe_namespaces().why);
    return;
  }
  ::setenv("REASONBENCH_DATA", dir.c_str(), 1);
  for (const std::string mode : {"output", "input"}) {
    const Suite suite = suites::load_suite("cruxeval?mode=" + mode, {});
    REQUIRE(suite.problems.size() == 800);
    CHECK(suite.problems.front().id == "sample_0");
    const auto verifier = verifiers::make_verifier(suite.verifier);
    Tally tally;
    grade_all(suite, *verifier, mode == "input", tally);
    INFO(mode << " failures:\n"
              << [&] {
                   std::string all;
                   for (const auto& f : tally.failures) {
                     all += f + "\n";
                   }
                   return all;
                 }());
    CHECK(tally.gold_correct == 800);
    CHECK(tally.mutant_correct == 0);
  }
}
