// The code suites with reference solutions, from ../shared/data, through the real sandbox:
// every reference is graded correct (each exception listed below with its reason), and its
// mutants (return None, off by one, a swapped branch) are graded incorrect.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <cstdlib>
#include <set>

#include "suites/registry.hpp"
#include "tests/realdata/code_realdata_support.hpp"
#include "tests/support/test_env.hpp"
#include "verifiers/registry.hpp"
#include "verifiers/sandbox/sandbox.hpp"

using namespace rb;
using json = nlohmann::json;
using test::Mutant;

namespace {

/// References that may fail here, with the reason (docs/code.md).
struct KnownBad {
  const char* id;
  const char* why;
};

std::set<std::string> ids(std::initializer_list<KnownBad> known)
{
  std::set<std::string> out;
  for (const auto& k : known) {
    out.insert(k.id);
  }
  return out;
}

/// References pass, except (at most) the known ones: each may fail for the reason given.
void check_references(const Suite& suite, const Verifier& verifier, std::size_t expected_count,
                      std::initializer_list<KnownBad> known)
{
  REQUIRE(suite.problems.size() == expected_count);
  const auto graded = test::grade_each(verifier, suite.problems, [](const Problem& p) { return p.reference; });
  const auto failed = test::unless_load(test::where(graded, false));
  INFO(suite.name << ": " << failed.size() << " references not graded correct:\n" << test::joined(failed));
  std::set<std::string> failed_ids;
  for (const auto& line : failed) {
    failed_ids.insert(line.substr(0, line.find(": ")));
  }
  const std::set<std::string> allowed = ids(known);
  for (const auto& id : failed_ids) {
    CHECK(allowed.contains(id));
  }
  WARN(suite.name << ": references correct " << test::where(graded, true).size() << "/" << expected_count);
}

/// Python mutants: return None and off by one are wrong except where the dataset's own test
/// accepts them (`equivalent`, each with the reason); a swapped branch may be an equivalent
/// program, so it must fail on at least 90% of the problems that have one.
void check_python_mutants(const Suite& suite, const Verifier& verifier, bool method, std::initializer_list<KnownBad> known,
                          std::initializer_list<KnownBad> equivalent = {})
{
  const std::set<std::string> skip = ids(known);
  const std::set<std::string> tolerated = ids(equivalent);
  for (const Mutant kind : {Mutant::return_none, Mutant::off_by_one, Mutant::swapped_branch}) {
    const auto graded = test::grade_each(verifier, suite.problems, [&](const Problem& p) -> std::string {
      if (skip.contains(p.id)) {
        return "";
      }
      const json task = json::parse(p.checker_data);
      const std::string code = test::unfence(p.reference);
      const std::string mutant = test::python_mutant(code, task.value("entry", ""), method, kind);
      return mutant.empty() ? "" : test::fenced("python", mutant);
    });
    const auto survivors = test::where(graded, true);
    const std::size_t total = test::graded_count(graded);
    INFO(suite.name << " mutant " << static_cast<int>(kind) << ": " << survivors.size() << "/" << total
                    << " graded correct:\n" << test::joined(survivors));
    if (kind == Mutant::swapped_branch) {
      CHECK(survivors.size() * 10 <= total);
    } else {
      for (const auto& line : survivors) {
        CHECK(tolerated.contains(line.substr(0, line.find(": "))));
      }
    }
    WARN(suite.name << " mutant " << static_cast<int>(kind) << ": caught " << (total - survivors.size()) << "/" << total);
  }
}

}  // namespace

TEST_CASE("humaneval: 164 canonical solutions pass, mutants fail", "[realdata][code]")
{
  if (!test::code_data_prepared()) {
    return;
  }
  const Suite suite = suites::load_suite("humaneval", {});
  const auto verifier = verifiers::make_verifier(suite.verifier);
  check_references(suite, *verifier, 164, {});
  check_python_mutants(suite, *verifier, false, {});
}

TEST_CASE("mbpp sanitized: 427 references pass, mutants fail", "[realdata][code]")
{
  if (!test::code_data_prepared()) {
    return;
  }
  const Suite suite = suites::load_suite("mbpp", {});
  const auto verifier = verifiers::make_verifier(suite.verifier);
  check_references(suite, *verifier, 427, {});
  check_python_mutants(suite, *verifier, false, {},
                       {{"Mbpp/82", "math.isclose(..., rel_tol=0.001) on results above 4000 accepts the result + 1"},
                        {"Mbpp/85", "math.isclose(..., rel_tol=0.001) on results above 1000 accepts the result + 1"}});
}

TEST_CASE("mbpp full: 974 references pass", "[realdata][code]")
{
  if (!test::code_data_prepared()) {
    return;
  }
  const Suite suite = suites::load_suite("mbpp-full", {});
  const auto verifier = verifiers::make_verifier(suite.verifier);
  check_references(suite, *verifier, 974, {});
}

TEST_CASE("mbpp plus: 399 references pass on their own cached outputs, mutants fail", "[realdata][code]")
{
  if (!test::slow_tests_wanted() || !test::code_data_prepared()) {
    return;
  }
  const Suite suite = suites::load_suite("mbpp-plus", {});
  const auto verifier = verifiers::make_verifier(suite.verifier);
  check_references(suite, *verifier, 399, {});
  check_python_mutants(suite, *verifier, false, {},
                       {{"Mbpp/164", "EvalPlus accepts any output of are_equivalent (its reference is wrong)"}});
}

TEST_CASE("leetcodedataset: 228 references pass, mutants fail", "[realdata][code]")
{
  if (!test::slow_tests_wanted() || !test::code_data_prepared()) {
    return;
  }
  const Suite suite = suites::load_suite("leetcodedataset", {});
  const auto verifier = verifiers::make_verifier(suite.verifier);
  const std::initializer_list<KnownBad> slow{
      {"find-the-number-of-subsequences-with-equal-gcd",
       "its reference needs ~29 s of CPU for its 106 tests (Python): on an oversubscribed machine the wall clock "
       "(2 x the 60 s CPU cap + 2 s) runs out first"}};
  check_references(suite, *verifier, 228, slow);
  check_python_mutants(suite, *verifier, true, slow);
}

TEST_CASE("humaneval-x-cpp: 164 references pass, mutants fail", "[realdata][code]")
{
  if (!test::slow_tests_wanted() || !test::code_data_prepared()) {
    return;
  }
  const Suite suite = suites::load_suite("humaneval-x-cpp", {});
  const auto verifier = verifiers::make_verifier(suite.verifier);
  check_references(suite, *verifier, 164, {});
  for (const Mutant kind : {Mutant::return_none, Mutant::swapped_branch}) {
    const auto graded = test::grade_each(*verifier, suite.problems, [&](const Problem& p) -> std::string {
      const json task = json::parse(p.checker_data);
      const std::string body = test::cpp_mutant(task.value("reference_body", ""), kind);
      return body.empty() ? "" : test::fenced("cpp", task.value("signature", "") + "\n" + body);
    });
    const auto survivors = test::where(graded, true);
    const std::size_t total = test::graded_count(graded);
    INFO("mutant " << static_cast<int>(kind) << ": " << survivors.size() << "/" << total << " graded correct:\n"
                   << test::joined(survivors));
    CHECK(survivors.size() * 10 <= total);
    WARN("humaneval-x-cpp mutant " << static_cast<int>(kind) << ": caught " << (total - survivors.size()) << "/" << total);
  }
}
