// Fault tolerance: with 10% of requests failing in each fault class (429 with Retry-After, 500,
// 503, connection reset mid-stream, malformed chunk, stalled stream), a 1,000-sample run
// completes with every sample stored once and the same verdicts as a fault-free run.
#include <catch2/catch.hpp>

#include "tests/support/sim_fixture.hpp"
#include "tests/support/test_env.hpp"

using namespace rb::test;

namespace {

const char* k_verdicts =
    "SELECT s.model, s.problem_id, s.sample_index, v.verdict, coalesce(v.extracted, ''), s.answer_text, "
    "s.completion_tokens FROM samples s JOIN verdicts v ON v.sample_id = s.id ORDER BY 1, 2, 3";

std::string config(const std::string& db, const std::string& url, bool stream)
{
  std::string text = "[run]\nname = \"faults\"\ndb = \"" + db + "\"\nsamples = 2\nconcurrency = 64\n"
                     "[[suite]]\nname = \"gen:arith?n=250&seed=9\"\n";
  for (const char* model : {"r1-like", "distill"}) {
    text += std::string("[[model]]\nspec = \"sim:") + url + "#" + model + "\"\nlabel = \"" + model +
            " (SIMULATED)\"\nstream = " + (stream ? "true" : "false") +
            "\nmax_retries = 8\nidle_timeout_s = 1\nrequest_timeout_s = 60\n";
  }
  return text;
}

void check_faults_change_nothing(bool stream)
{
  TempDir dir;
  write_file(dir.file("clean.toml"), sim_scenario({}));
  write_file(dir.file("faulty.toml"), sim_scenario({.fault_rate = 0.1, .stall_ms = 3000}));
  TempDir clean_logs;
  TempDir faulty_logs;
  SimServerProcess clean(dir.file("clean.toml"), clean_logs.path().string());
  SimServerProcess faulty(dir.file("faulty.toml"), faulty_logs.path().string());

  write_file(dir.file("clean-run.toml"), config(dir.file("clean.db"), clean.url(), stream));
  write_file(dir.file("faulty-run.toml"), config(dir.file("faulty.db"), faulty.url(), stream));
  const auto a = run_command({binary(), "run", dir.file("clean-run.toml")});
  INFO(a.err);
  REQUIRE(a.exit_code == 0);
  const auto b = run_command({binary(), "run", dir.file("faulty-run.toml")});
  INFO(b.err);
  REQUIRE(b.exit_code == 0);

  const std::string db = dir.file("faulty.db");
  CHECK(count_rows(db, "SELECT count(*) FROM samples") == 1000);
  CHECK(count_rows(db, "SELECT count(*) FROM samples WHERE error != ''") == 0);
  CHECK(count_rows(db, "SELECT count(*) FROM verdicts WHERE verdict = 'error'") == 0);
  // Faults were really injected and retried.
  const long long retried = count_rows(db, "SELECT count(*) FROM samples WHERE retries > 0");
  INFO("samples that needed retries: " << retried);
  CHECK(retried > 300);
  CHECK(query_rows(db, k_verdicts) == query_rows(dir.file("clean.db"), k_verdicts));
}

}  // namespace

TEST_CASE("faults: 10% per fault class, streaming, same verdicts as fault-free", "[faults]")
{
  check_faults_change_nothing(true);
}

TEST_CASE("faults: 10% per fault class, non-streaming, same verdicts as fault-free", "[faults]")
{
  check_faults_change_nothing(false);
}
