// The real binary as a CI gate: `reasonbench compare` exits 1 on a clear regression, 0 on noise
// and on an improvement, 2 with one line on usage and data errors; `reasonbench report` writes
// the HTML report of the same database.
#include <catch2/catch.hpp>

#include <filesystem>

#include "harness/store/store.hpp"
#include "tests/support/test_env.hpp"
#include "tests/unit/test_report_fixture.hpp"

using namespace rb;
using test::binary;
using test::run_command;

namespace {

std::vector<int> first_right(int n, int right)
{
  std::vector<int> out(static_cast<std::size_t>(n), 0);
  for (int i = 0; i < right; ++i) {
    out[static_cast<std::size_t>(i)] = 1;
  }
  return out;
}

/// base: 100 problems, 70 right. regressed: 20 of them wrong. noisy: 3 down, 2 up. better: +15.
std::string make_db(const test::TempDir& dir)
{
  const std::string path = dir.file("gate.db");
  store::Store db(path);
  const auto base = first_right(100, 70);
  test::add_counts_run(db, "base", "ckpt-100", "math", 1, base);
  test::add_counts_run(db, "regressed", "ckpt-200", "math", 1, first_right(100, 50));
  auto noisy = base;
  noisy[67] = noisy[68] = noisy[69] = 0;
  noisy[70] = noisy[71] = 1;
  test::add_counts_run(db, "noisy", "ckpt-201", "math", 1, noisy);
  test::add_counts_run(db, "better", "ckpt-202", "math", 1, first_right(100, 85));
  test::FixtureSample elsewhere;
  elsewhere.model = "x";
  elsewhere.suite = "math";
  elsewhere.problem = "not-in-base";
  elsewhere.verdict = "correct";
  test::add_run(db, "elsewhere", {elsewhere});
  return path;
}

}  // namespace

TEST_CASE("compare gate: exit codes of the real binary", "[compare][gate]")
{
  test::TempDir dir;
  const std::string db = make_db(dir);
  const auto compare = [&](const std::string& candidate, std::vector<std::string> extra = {}) {
    std::vector<std::string> argv{binary(), "compare", "--db",        db,
                                  "--base", "base",    "--candidate", candidate};
    argv.insert(argv.end(), extra.begin(), extra.end());
    return run_command(argv);
  };

  const auto regressed = compare("regressed", {"--max-drop", "0.05"});
  CHECK(regressed.exit_code == 1);
  CHECK_THAT(regressed.out,
             Catch::Contains("### reasonbench compare: `base` → `regressed`") &&
                 Catch::Contains("**regression**") && Catch::Contains("McNemar exact") &&
                 Catch::Contains("| math | ckpt-100 → ckpt-200 | 100 | 70.0% | 50.0% | -20.0 |"));

  const auto noisy = compare("noisy");
  CHECK(noisy.exit_code == 0);
  CHECK_THAT(noisy.out, Catch::Contains("no significant regression") && Catch::Contains("3 / 2"));

  const auto better = compare("better");
  CHECK(better.exit_code == 0);
  CHECK_THAT(better.out, Catch::Contains("improved"));

  // A drop larger than noise but within --max-drop passes.
  CHECK(compare("regressed", {"--max-drop", "0.25"}).exit_code == 0);
  CHECK(compare("regressed", {"--alpha", "0.000001"}).exit_code == 0);
}

TEST_CASE("compare gate: usage and data errors exit 2 with one line", "[compare][gate]")
{
  test::TempDir dir;
  const std::string db = make_db(dir);
  const auto error = [&](std::vector<std::string> args) {
    args.insert(args.begin(), {binary(), "compare"});
    const auto r = run_command(args);
    CHECK(r.exit_code == 2);
    CHECK(test::lines_of(r.err).size() == 1);
    CHECK(r.out.empty());  // a CI log shows the reason, never a half-written block
    return r.err;
  };
  CHECK_THAT(error({"--db", db, "--base", "base", "--candidate", "nope"}),
             Catch::Contains("--candidate: no run 'nope'") && Catch::Contains("runs: base, regressed"));
  CHECK_THAT(error({"--db", db, "--base", "base", "--candidate", "elsewhere"}),
             Catch::Contains("share no problems"));
  CHECK_THAT(error({"--db", db, "--base", "base", "--candidate", "noisy", "--max-drop", "2"}),
             Catch::Contains("--max-drop 2"));
  CHECK_THAT(error({"--db", db, "--base", "base", "--candidate", "noisy", "--alpha", "0"}),
             Catch::Contains("--alpha"));
  CHECK_THAT(error({"--db", dir.file("none.db"), "--base", "a", "--candidate", "b"}),
             Catch::Contains("none.db"));
  CHECK_THAT(error({"--db", db, "--base", "base"}), Catch::Contains("--candidate"));
}

TEST_CASE("report writes the HTML page from the same database", "[compare][gate]")
{
  test::TempDir dir;
  const std::string db = make_db(dir);
  const std::string out = dir.file("out/report.html");
  const auto r =
      run_command({binary(), "report", "--db", db, "--run", "base", "--run", "regressed", "--out", out});
  CHECK(r.exit_code == 0);
  REQUIRE(std::filesystem::exists(out));
  const std::string html = test::read_file(out);
  CHECK_THAT(html, Catch::StartsWith("<!DOCTYPE html>") && Catch::Contains("base · ckpt-100") &&
                       Catch::Contains("id=\"summary-table\""));
  CHECK(std::filesystem::file_size(out) < 20u * 1024 * 1024);

  const std::string small = dir.file("small.html");
  CHECK(run_command({binary(), "report", "--db", db, "--browser-samples", "3", "--out", small}).exit_code == 0);
  CHECK_THAT(test::read_file(small), Catch::Contains("Showing 3 of 401 stored samples"));
  const auto too_many = run_command({binary(), "report", "--db", db, "--browser-samples", "200000", "--out", small});
  CHECK(too_many.exit_code == 2);
  CHECK_THAT(too_many.err, Catch::Contains("--browser-samples 200000"));
}
