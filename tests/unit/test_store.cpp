// The store: opening, checks on foreign or newer files, migrations, runs and problems.
// Samples, verdicts and the cache: test_store_samples.cpp; kill -9 safety: test_store_kill.cpp.
#include <sqlite3.h>

#include <catch2/catch.hpp>

#include "harness/core/error.hpp"
#include "harness/store/store.hpp"
#include "tests/support/test_env.hpp"

using namespace rb;
using rb::store::Store;

namespace {

/// Runs SQL on its own connection, as another process or an older build would, and returns
/// the first column of the last row (or "").
std::string raw_sql(const std::string& path, const std::string& sql)
{
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
  std::string last;
  char* error = nullptr;
  const int rc = sqlite3_exec(
      db, sql.c_str(),
      [](void* out, int, char** values, char**) {
        *static_cast<std::string*>(out) = values[0] != nullptr ? values[0] : "";
        return 0;
      },
      &last, &error);
  const std::string message = error != nullptr ? error : "";
  sqlite3_free(error);
  sqlite3_close(db);
  INFO(message);
  REQUIRE(rc == SQLITE_OK);
  return last;
}

store::RunRecord make_run(const std::string& name)
{
  store::RunRecord run;
  run.name = name;
  run.config_json = R"({"suites":["gen:arith"],"samples":4})";
  run.harness_version = "0.1.0";
  run.git_revision = "abc123";
  run.host_json = R"({"cpu":"AMD EPYC","cores":2})";
  run.started_at = "2026-01-02T03:04:05.678Z";
  run.status = "running";
  return run;
}

std::vector<Problem> make_problems()
{
  std::vector<Problem> problems(3);
  for (int i = 0; i < 3; ++i) {
    problems[i].id = "p" + std::to_string(i);
    problems[i].text = "What is " + std::to_string(i) + " + 1?";
    problems[i].answer = std::to_string(i + 1);
  }
  return problems;
}

}  // namespace

TEST_CASE("a new store is created at the current schema version, in WAL mode", "[store]")
{
  test::TempDir dir;
  const auto path = dir.file("new.db");
  {
    Store db(path);
    CHECK(db.schema_version() == Store::current_schema_version());
    CHECK(Store::current_schema_version() == 6);
    CHECK(db.path() == path);
    CHECK(db.list_runs().empty());
  }
  CHECK(raw_sql(path, "PRAGMA journal_mode") == "wal");
  CHECK(raw_sql(path, "PRAGMA user_version") == "6");
  CHECK(raw_sql(path, "PRAGMA page_size") == "16384");
}

TEST_CASE("a store reopens with its data", "[store]")
{
  test::TempDir dir;
  const auto path = dir.file("reopen.db");
  std::int64_t id = 0;
  {
    Store db(path);
    id = db.create_run(make_run("first"));
  }
  Store db(path);
  CHECK(db.schema_version() == 6);
  const auto run = db.find_run("first");
  REQUIRE(run);
  CHECK(run->id == id);
}

TEST_CASE("runs are created, found, listed and given a status", "[store]")
{
  test::TempDir dir;
  Store db(dir.file("runs.db"));
  CHECK_FALSE(db.find_run("nope"));

  const auto a = db.create_run(make_run("a"));
  auto b_record = make_run("b");
  b_record.started_at = "";  // filled in
  b_record.status = "";      // "running"
  const auto b = db.create_run(b_record);
  CHECK(a != b);

  const auto run = db.find_run("a");
  REQUIRE(run);
  const auto expected = make_run("a");
  CHECK(run->id == a);
  CHECK(run->name == "a");
  CHECK(run->config_json == expected.config_json);
  CHECK(run->harness_version == expected.harness_version);
  CHECK(run->git_revision == expected.git_revision);
  CHECK(run->host_json == expected.host_json);
  CHECK(run->started_at == expected.started_at);
  CHECK(run->ended_at.empty());
  CHECK(run->status == "running");

  const auto b_run = db.find_run("b");
  REQUIRE(b_run);
  CHECK(b_run->status == "running");
  CHECK(b_run->started_at.size() == std::string("2026-01-02T03:04:05.678Z").size());
  CHECK(b_run->started_at.back() == 'Z');

  const auto runs = db.list_runs();
  REQUIRE(runs.size() == 2);
  CHECK(runs[0].name == "a");
  CHECK(runs[1].name == "b");

  db.set_run_status(a, "interrupted", true);
  auto ended = db.find_run("a");
  CHECK(ended->status == "interrupted");
  CHECK(ended->ended_at.size() == 24);
  db.set_run_status(a, "running", false);  // resumed
  ended = db.find_run("a");
  CHECK(ended->status == "running");
  CHECK(ended->ended_at.empty());
  CHECK_THROWS_AS(db.set_run_status(9999, "finished", true), std::logic_error);
}

TEST_CASE("a duplicate run name is a ConfigError naming the run", "[store]")
{
  test::TempDir dir;
  Store db(dir.file("dup.db"));
  db.create_run(make_run("same"));
  CHECK_THROWS_WITH(db.create_run(make_run("same")),
                    Catch::Contains("already has a run named 'same'") && Catch::Contains("dup.db"));
  try {
    db.create_run(make_run("same"));
    FAIL("no exception");
  } catch (const ConfigError&) {
    SUCCEED();
  }
  CHECK(db.list_runs().size() == 1);
}

TEST_CASE("problems are stored once per content and keep their ids", "[store]")
{
  test::TempDir dir;
  Store db(dir.file("problems.db"));
  auto problems = make_problems();
  const auto ids = db.upsert_problems("gen:arith", problems);
  REQUIRE(ids.size() == 3);
  CHECK(ids[0] != ids[1]);
  CHECK(ids[1] != ids[2]);

  CHECK(db.upsert_problems("gen:arith", problems) == ids);  // the same content: the same ids

  std::vector<Problem> reversed(problems.rbegin(), problems.rend());
  CHECK(db.upsert_problems("gen:arith", reversed) == std::vector<std::int64_t>{ids[2], ids[1], ids[0]});

  problems[1].answer = "changed";  // the dataset changed under the run: a new row
  const auto changed = db.upsert_problems("gen:arith", problems);
  CHECK(changed[0] == ids[0]);
  CHECK(changed[1] != ids[1]);
  CHECK(changed[2] == ids[2]);

  const auto other_suite = db.upsert_problems("other", std::span(problems).first(1));
  CHECK(other_suite[0] != ids[0]);

  const std::vector<Problem> twice{problems[0], problems[0]};
  const auto dup = db.upsert_problems("gen:arith", twice);
  CHECK(dup[0] == ids[0]);
  CHECK(dup[1] == ids[0]);
  CHECK(db.upsert_problems("gen:arith", {}).empty());
}

TEST_CASE("a database from a newer reasonbench is refused with the versions", "[store]")
{
  test::TempDir dir;
  const auto path = dir.file("x.db");
  {
    Store db(path);
  }
  raw_sql(path, "PRAGMA user_version = 7");
  try {
    Store db(path);
    FAIL("no exception");
  } catch (const ConfigError& e) {
    CHECK(std::string(e.what()) ==
          "database '" + path +
              "' has schema version 7; this reasonbench reads up to 6: upgrade reasonbench");
  }
}

TEST_CASE("another application's SQLite database is refused and left untouched", "[store]")
{
  test::TempDir dir;
  const auto path = dir.file("other.db");
  raw_sql(path, "CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('keep me')");
  CHECK_THROWS_AS(Store(path), ConfigError);
  CHECK_THROWS_WITH(Store(path), Catch::StartsWith("database '" + path + "' is not a reasonbench database"));
  CHECK(raw_sql(path, "PRAGMA journal_mode") == "delete");  // nothing was written
  CHECK(raw_sql(path, "SELECT body FROM notes") == "keep me");

  const auto tagged = dir.file("tagged.db");  // a user_version, but not ours
  raw_sql(tagged, "PRAGMA user_version = 1; CREATE TABLE runs (id INTEGER)");
  CHECK_THROWS_WITH(Store(tagged), Catch::Contains("is not a reasonbench database"));
}

TEST_CASE("a file that is not SQLite is a ConfigError naming the path", "[store]")
{
  test::TempDir dir;
  const auto path = dir.file("results.jsonl");
  const std::string content = std::string(4096, 'x') + "{\"not\": \"a database\"}\n";
  test::write_file(path, content);
  CHECK_THROWS_AS(Store(path), ConfigError);
  CHECK_THROWS_WITH(Store(path),
                    Catch::Contains("'" + path + "'") && Catch::Contains("not a SQLite database"));
  CHECK(test::read_file(path) == content);  // untouched
}

TEST_CASE("a path that cannot be opened is a ConfigError naming it", "[store]")
{
  test::TempDir dir;
  const auto path = dir.file("missing-folder/results.db");
  CHECK_THROWS_AS(Store(path), ConfigError);
  CHECK_THROWS_WITH(Store(path), Catch::Contains("'" + path + "'"));
  CHECK_THROWS_WITH(Store(dir.path().string()), Catch::Contains(dir.path().string()));
}

TEST_CASE("migrating from version 1 to the current version keeps every row", "[store][migration]")
{
  test::TempDir dir;
  const auto path = dir.file("v1.db");
  std::int64_t run_id = 0;
  std::vector<std::int64_t> problem_ids;
  {
    Store db(path, 1);
    CHECK(db.schema_version() == 1);
    run_id = db.create_run(make_run("old"));
    problem_ids = db.upsert_problems("gen:arith", make_problems());
  }
  CHECK(raw_sql(path, "PRAGMA user_version") == "1");
  CHECK(raw_sql(path, "SELECT count(*) FROM sqlite_master WHERE name = 'response_cache'") == "0");
  // A sample and its verdict as a version-1 build wrote them.
  raw_sql(path,
          "INSERT INTO samples (run_id, model, suite, problem_id, problem_ref, sample_index, request_json, "
          "response_json, answer_text, reasoning_text, reasoning_unclosed, finish_reason, prompt_tokens, "
          "completion_tokens, reasoning_tokens, cached_tokens, tokens_reported, ttft_ms, first_answer_ms, "
          "e2e_ms, chunks, model_reported, retries, error, started_at) VALUES (" +
              std::to_string(run_id) + ", 'sim-r1', 'gen:arith', 'p1', " + std::to_string(problem_ids[1]) +
              ", 0, '{}', '{\"id\":1}', '2', 'one plus one', 0, 'stop', 10, 20, 15, 0, 1, 12.5, 40.25, 80.0, "
              "7, 'sim-r1', 1, '', '2026-01-02T03:04:06.000Z');"
              "INSERT INTO verdicts VALUES (last_insert_rowid(), 'numeric', '1', 'correct', '2', 'equal', "
              "'2026-01-02T03:04:07.000Z');");

  Store db(path);
  CHECK(db.schema_version() == 6);
  CHECK(raw_sql(path, "PRAGMA user_version") == "6");
  const auto run = db.find_run("old");
  REQUIRE(run);
  CHECK(run->id == run_id);
  CHECK(db.upsert_problems("gen:arith", make_problems()) == problem_ids);

  int rows = 0;
  db.for_each_sample(run_id, [&](const store::SampleRow& row) {
    ++rows;
    CHECK(row.key.problem_id == "p1");
    CHECK(row.problem.text == "What is 1 + 1?");
    CHECK(row.sample.text == "2");
    CHECK(row.sample.usage.completion_tokens == 20);
    CHECK(row.sample.timings.first_answer_ms == 40.25);
    CHECK(row.sample.retries == 1);
    CHECK(row.sample.cost_usd == 0);     // the new column's default
    CHECK_FALSE(row.sample.from_cache);  // likewise
    REQUIRE(row.verdict);
    CHECK(row.verdict->verdict.kind == VerdictKind::correct);
    CHECK(row.verdict->verdict.extracted == std::optional<std::string>("2"));
    CHECK(row.verdict->verdict.data.empty());  // version 3's column default
  });
  CHECK(rows == 1);
  const auto states = db.item_states(run_id);
  REQUIRE(states.size() == 1);
  CHECK(states[0].correct);

  Sample cached;  // the new table works
  cached.text = "4";
  db.cache_put("k", cached);
  REQUIRE(db.cache_get("k"));
  CHECK(db.cache_get("k")->text == "4");
}

TEST_CASE("migrate_to stops early and a later open finishes the migration", "[store][migration]")
{
  test::TempDir dir;
  const auto path = dir.file("steps.db");
  {
    Store db(path, 1);
    CHECK(db.schema_version() == 1);
  }
  {
    Store db(path, 1);  // already there: nothing to do
    CHECK(db.schema_version() == 1);
  }
  Store db(path);
  CHECK(db.schema_version() == 6);
  CHECK(raw_sql(path,
                "SELECT count(*) FROM pragma_table_info('samples') WHERE name IN ('cost_usd', "
                "'from_cache')") == "2");
}
