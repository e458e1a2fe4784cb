// BIG-Bench Hard (27 tasks) and ToolMaker's 3 extra tasks from ../shared/data: per-task counts
// as SOURCES.md gives them; gold answers score 100%, answers changed within their form 0%.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <map>
#include <nlohmann/json.hpp>

#include "harness/util/strings.hpp"
#include "suites/loaders/puzzle_bbh.hpp"
#include "tests/support/test_env.hpp"
#include "tests/unit/test_puzzle_support.hpp"

using namespace rb;

namespace {

/// A different answer of the same form.
std::string changed(const Problem& p)
{
  const auto cd = nlohmann::json::parse(p.checker_data);
  const std::string form = cd["form"];
  const std::string& gold = p.answer;
  if (form == "choice") {
    if (gold.size() == 3 && gold[0] == '(') {
      return gold[1] == 'A' ? "(B)" : "(A)";
    }
    return "(A)";
  }
  if (form == "true_false") {
    return gold == "True" ? "False" : "True";
  }
  if (form == "yes_no") {
    return util::to_lower(gold) == "yes" ? "No" : "Yes";
  }
  if (form == "valid_invalid") {
    return gold == "valid" ? "invalid" : "valid";
  }
  if (form == "integer") {
    return std::to_string(std::stoll(gold) + 1);
  }
  if (form == "dyck") {
    return gold + " ]";  // one closing bracket too many
  }
  if (form == "words") {
    const auto words = util::split(gold, ' ');
    return words.size() > 1 ? util::join(std::vector<std::string>(words.rbegin(), words.rend()), " ")
                            : gold + " zzz";
  }
  if (form == "shape") {
    return "(" + gold.substr(1, gold.size() - 2) + ",7)";
  }
  return gold.find(':') == std::string::npos ? "08:00 - 09:00" : "No time slot works.";
}

void check_suite(const Suite& suite, std::span<const suites::BbhTask> tasks)
{
  std::map<std::string, int> per_task;
  for (const auto& p : suite.problems) {
    ++per_task[util::split(p.id, '/')[1]];
  }
  for (const auto& task : tasks) {
    INFO(task.name);
    CHECK(per_task[std::string(task.name)] == task.examples);
  }
  const auto verifier = verifiers::make_verifier(suite.verifier);
  std::size_t correct = 0;
  std::size_t changed_correct = 0;
  for (const auto& p : suite.problems) {
    INFO(p.id << ": gold '" << p.answer << "'");
    const Verdict gold = test::grade_text(*verifier, p, p.reference);
    const Verdict phrase =
        test::grade_text(*verifier, p, "Let's think step by step.\nSo the answer is " + p.answer + ".");
    CHECK(gold.correct());
    CHECK(phrase.correct());
    correct += gold.correct() && phrase.correct() ? 1 : 0;
    const std::string other = changed(p);
    const Verdict bad = test::grade_text(*verifier, p, "<answer>" + other + "</answer>");
    INFO("changed: " << other << " -> " << bad.detail);
    CHECK(bad.kind == VerdictKind::incorrect);
    changed_correct += bad.correct() ? 1 : 0;
  }
  CHECK(correct == suite.problems.size());
  CHECK(changed_correct == 0);
}

}  // namespace

TEST_CASE("bbh data: 27 tasks, 6,511 examples, gold answers correct", "[realdata][puzzles]")
{
  const std::string dir = test::shared_data_dir();
  if (dir.empty()) {
    WARN("SKIPPED: ../shared/data absent");
    return;
  }
  ::setenv("REASONBENCH_DATA", dir.c_str(), 1);
  const Suite suite = suites::load_suite("bbh", {});
  CHECK(suite.problems.size() == 6511);
  CHECK(suites::bbh_tasks().size() == 27);
  check_suite(suite, suites::bbh_tasks());
  CHECK(suites::load_suite("bbh?task=snarks", {}).problems.size() == 178);
  suites::LoadOptions one_file;
  one_file.data = dir + "/bbh/penguins_in_a_table.json";
  CHECK(suites::load_suite("bbh", one_file).problems.size() == 146);
  CHECK_THROWS_WITH(suites::load_suite("bbh?task=snark", {}),
                    Catch::Contains("unknown task 'snark', did you mean 'snarks'?"));
}

TEST_CASE("bbh extras data: 3 tasks of 250, gold answers correct", "[realdata][puzzles]")
{
  const std::string dir = test::shared_data_dir();
  if (dir.empty()) {
    WARN("SKIPPED: ../shared/data absent");
    return;
  }
  ::setenv("REASONBENCH_DATA", dir.c_str(), 1);
  const Suite suite = suites::load_suite("bbh_extras", {});
  CHECK(suite.problems.size() == 750);
  check_suite(suite, suites::bbh_extra_tasks());
}
