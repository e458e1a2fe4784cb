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

/// References that the dataset's own tests reject, with the reason (docs/code.md).
struct KnownBad {
  const char* id;
  const char* why;
};

bool prepared()
{
  if (test::shared_data_dir().empty()) {
    WARN("SKIPPED: ../shared/data absent");
    return false;
  }
  if (!sandbox::probe_namespaces().available) {
    WARN("SKIPPED: the namespace sandbox is unavailable here: " << sandbox::probe_namespaces().why);
    return false;
  }
  ::setenv("REASONBENCH_DATA", test::shared_data_dir().c_str(), 1);
  return true;
}

std::set<std::string> ids(std::initializer_list<KnownBad> known)
{
  std::set<std::string> out;
  for (const auto& k : known) {
    out.insert(k.id);
  }
  return out;
}

/// References pass, except exactly the known-bad ones.
void check_references(const Suite& suite, const Verifier& verifier, std::size_t expected_count,
                      std::initializer_list<KnownBad> known)
{
  REQUIRE(suite.problems.size() == expected_count);
  const auto graded = test::grade_each(verifier, suite.problems, [](const Problem& p) { return p.reference; });
  const auto failed = test::where(graded, false);
  INFO(suite.name << ": " << failed.size() << " references not graded correct:\n" << test::joined(failed));
  std::set<std::string> failed_ids;
  for (const auto& line : failed) {
    failed_ids.insert(line.substr(0, line.find(": ")));
  }
  CHECK(failed_ids == ids(known));
  WARN(suite.name << ": references correct " << (expected_count - failed.size()) << "/" << expected_count);
}

/// Python mutants: return None and off by one are always wrong; a swapped branch may be an
/// equivalent program, so it must fail on at least 90% of the problems that have one.
void check_python_mutants(const Suite& suite, const Verifier& verifier, bool method, std::initializer_list<KnownBad> known)
{
  const std::set<std::string> skip = ids(known);
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
      CHECK(survivors.empty());
    }
    WARN(suite.name << " mutant " << static_cast<int>(kind) << ": caught " << (total - survivors.size()) << "/" << total);
  }
}

}  // namespace

TEST_CASE("humaneval: 164 canonical solutions pass, mutants fail", "[realdata][code]")
{
  if (!prepared()) {
    return;
  }
  const Suite suite = suites::load_suite("humaneval", {});
  const auto verifier = verifiers::make_verifier(suite.verifier);
  check_references(suite, *verifier, 164, {});
  check_python_mutants(suite, *verifier, false, {});
}

TEST_CASE("mbpp sanitized: 427 references pass, mutants fail", "[realdata][code]")
{
  if (!prepared()) {
    return;
  }
  const Suite suite = suites::load_suite("mbpp", {});
  const auto verifier = verifiers::make_verifier(suite.verifier);
  check_references(suite, *verifier, 427, {});
  check_python_mutants(suite, *verifier, false, {});
}

TEST_CASE("mbpp full: 974 references pass", "[realdata][code]")
{
  if (!prepared()) {
    return;
  }
  const Suite suite = suites::load_suite("mbpp-full", {});
  const auto verifier = verifiers::make_verifier(suite.verifier);
  check_references(suite, *verifier, 974, {});
}

TEST_CASE("mbpp plus: 399 references pass on their own cached outputs, mutants fail", "[realdata][code]")
{
  if (!prepared()) {
    return;
  }
  const Suite suite = suites::load_suite("mbpp-plus", {});
  const auto verifier = verifiers::make_verifier(suite.verifier);
  check_references(suite, *verifier, 399, {});
  check_python_mutants(suite, *verifier, false, {});
}

TEST_CASE("leetcodedataset: 228 references pass, mutants fail", "[realdata][code]")
{
  if (!prepared()) {
    return;
  }
  const Suite suite = suites::load_suite("leetcodedataset", {});
  const auto verifier = verifiers::make_verifier(suite.verifier);
  check_references(suite, *verifier, 228, {});
  check_python_mutants(suite, *verifier, true, {});
}

TEST_CASE("humaneval-x-cpp: 164 references pass, mutants fail", "[realdata][code]")
{
  if (!prepared()) {
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
