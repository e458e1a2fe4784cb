// The real binary with the adapters that call no server: cmd: (a program per request, and a
// persistent JSON-lines worker) and replay: (re-grading recorded generations: a replay file
// built from a serve-sim run gives that run's verdicts again).
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "tests/support/sim_fixture.hpp"
#include "tests/support/test_env.hpp"

using namespace rb::test;
using Json = nlohmann::json;

namespace {

std::string fixture(const std::string& name)
{
  return source_dir() + "/tests/fixtures/adapters/" + name;
}

const char* k_verdicts =
    "SELECT s.problem_id, s.sample_index, v.verdict, coalesce(v.extracted, ''), s.answer_text, s.reasoning_text "
    "FROM samples s JOIN verdicts v ON v.sample_id = s.id ORDER BY 1, 2";

}  // namespace

TEST_CASE("adapters: cmd programs answer a run, one process per request or one worker", "[adapters][cmd]")
{
  TempDir dir;
  const std::string db = dir.file("r.db");
  write_file(dir.file("run.toml"), "[run]\nname = \"local\"\ndb = \"" + db +
                                       "\"\nconcurrency = 8\n[[suite]]\nname = \"gen:arith?n=12&seed=3\"\n"
                                       "[[model]]\nlabel = \"once\"\nspec = \"cmd:sh '" + fixture("cmd_once.sh") +
                                       "'\"\n[[model]]\nlabel = \"worker\"\nspec = \"cmd:python3 '" +
                                       fixture("cmd_worker.py") + "'\"\nworker = true\n");
  const auto r = run_command({binary(), "run", dir.file("run.toml")});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(count_rows(db, "SELECT count(*) FROM samples WHERE error = ''") == 24);
  CHECK(count_rows(db, "SELECT count(*) FROM samples WHERE model = 'once' AND answer_text = 'The answer is 42.' "
                       "AND reasoning_text = 'thinking about it' AND tokens_reported = 1") == 12);
  CHECK(count_rows(db, "SELECT count(*) FROM samples WHERE model = 'worker' AND answer_text LIKE 'echo: %' AND "
                       "reasoning_text LIKE 'pid %'") == 12);
  // One worker process answered every request.
  CHECK(count_rows(db, "SELECT count(DISTINCT reasoning_text) FROM samples WHERE model = 'worker'") == 1);
  CHECK(count_rows(db, "SELECT count(*) FROM verdicts WHERE verdict = 'error'") == 0);
}

TEST_CASE("adapters: replay re-grades a recorded run with the same verdicts", "[adapters][replay]")
{
  TempDir dir;
  write_file(dir.file("scenario.toml"), sim_scenario({}));
  SimServerProcess sim(dir.file("scenario.toml"), dir.path().string());
  const std::string recorded = dir.file("recorded.db");
  const auto r = run_command({binary(), "run", "--db", recorded, "--run", "recorded", "--suite",
                              "gen:arith?n=15&seed=5", "--model", "sim:" + sim.url() + "#r1-like", "--samples",
                              "2"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);

  // The replay file: the messages each request sent and the text the model answered.
  std::string lines;
  for (const std::string& row : query_rows(recorded, "SELECT sample_index, request_json, response_json FROM "
                                                     "samples ORDER BY problem_id, sample_index")) {
    const std::size_t bar = row.find('|');
    const std::size_t second = row.find("|{", bar + 1);
    const Json request = Json::parse(row.substr(bar + 1, second - bar - 1));
    const Json response = Json::parse(row.substr(second + 1));
    lines += Json{{"messages", request["messages"]},
                  {"sample", std::stoi(row.substr(0, bar))},
                  {"response", response["choices"][0]["message"]["content"]},
                  {"finish_reason", response["choices"][0]["finish_reason"]},
                  {"usage", response["usage"]}}
                 .dump() +
             "\n";
  }
  write_file(dir.file("replay.jsonl"), lines);
  const std::string replayed = dir.file("replayed.db");
  const auto g = run_command({binary(), "run", "--db", replayed, "--run", "replayed", "--suite",
                              "gen:arith?n=15&seed=5", "--model", "replay:" + dir.file("replay.jsonl"), "--samples",
                              "2"});
  INFO(g.err);
  REQUIRE(g.exit_code == 0);
  CHECK(count_rows(replayed, "SELECT count(*) FROM samples WHERE error = '' AND tokens_reported = 1") == 30);
  CHECK(query_rows(replayed, k_verdicts) == query_rows(recorded, k_verdicts));

  // A third sample was never recorded: an error verdict, not a wrong answer.
  const auto more = run_command({binary(), "run", "--db", dir.file("more.db"), "--run", "more", "--suite",
                                 "gen:arith?n=15&seed=5", "--model", "replay:" + dir.file("replay.jsonl"),
                                 "--samples", "3"});
  INFO(more.err);
  CHECK(more.exit_code == 0);
  CHECK(count_rows(dir.file("more.db"), "SELECT count(*) FROM verdicts WHERE verdict = 'error'") == 15);
}
