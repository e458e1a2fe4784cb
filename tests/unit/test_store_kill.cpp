// Kill safety: a writer SIGKILLed at random points (mid-batch, mid-migration, mid-checkpoint)
// leaves a database that passes integrity_check and holds whole batches only. Also: the
// background checkpoint thread copies the log into the database while the writer writes.
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <map>
#include <set>
#include <thread>

#include "harness/store/store.hpp"
#include "harness/util/rng.hpp"
#include "tests/support/test_env.hpp"

using namespace rb;
using rb::store::Store;

namespace {

constexpr int k_batch_size = 400;

/// The child: writes batches of samples (each with its verdict) forever, one transaction per
/// batch, and writes one byte to `ready_fd` after the first commit. Never returns.
[[noreturn]] void write_forever(const std::string& path, int round, int ready_fd)
{
  try {
    Store db(path);
    const auto run = db.find_run("kill");
    const std::vector<Problem> problems{Problem{"p", "text", "1", "", "", {}}};
    const auto problem_ref = db.upsert_problems("s", problems).at(0);
    store::SampleRecord record;
    record.run_id = run ? run->id : 0;
    record.problem_ref = problem_ref;
    record.sample.text = std::string(400, 'a');
    record.sample.reasoning = std::string(1600, 'r');
    record.sample.request_json = std::string(500, 'q');
    for (int batch = 0;; ++batch) {
      Store::Transaction tx(db);
      for (int i = 0; i < k_batch_size; ++i) {
        record.key = {"m", "s", "r" + std::to_string(round) + "b" + std::to_string(batch), i};
        const auto id = db.insert_sample(record);
        db.insert_verdict({id, "v", "1", Verdict{VerdictKind::correct, "1", "ok"}});
      }
      tx.commit();
      if (batch == 0 && ready_fd >= 0) {
        const char byte = 1;
        (void)!::write(ready_fd, &byte, 1);
      }
    }
  } catch (...) {
    ::_exit(3);
  }
}

/// Forks a writer, waits for its first commit (when `wait_ready`), lets it run `delay` more,
/// then SIGKILLs it. Returns true when the child died by the signal (not by an error).
bool kill_writer(const std::string& path, int round, bool wait_ready, std::chrono::microseconds delay)
{
  int fds[2];
  REQUIRE(::pipe(fds) == 0);
  const pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    ::close(fds[0]);
    write_forever(path, round, fds[1]);
  }
  ::close(fds[1]);
  if (wait_ready) {
    char byte = 0;
    REQUIRE(::read(fds[0], &byte, 1) == 1);
  }
  std::this_thread::sleep_for(delay);
  ::kill(pid, SIGKILL);
  int status = 0;
  ::waitpid(pid, &status, 0);
  ::close(fds[0]);
  return WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL;
}

std::string integrity(const std::string& path)
{
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
  sqlite3_stmt* stmt = nullptr;
  REQUIRE(sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &stmt, nullptr) == SQLITE_OK);
  std::string result;
  while (sqlite3_step(stmt) == SQLITE_ROW) {
    result += reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
  }
  sqlite3_finalize(stmt);
  REQUIRE(sqlite3_prepare_v2(db, "PRAGMA foreign_key_check", -1, &stmt, nullptr) == SQLITE_OK);
  if (sqlite3_step(stmt) == SQLITE_ROW) {
    result += " foreign_key_check failed";
  }
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  return result;
}

}  // namespace

TEST_CASE("a writer killed mid-batch leaves whole batches only", "[store][kill]")
{
  test::TempDir dir;
  const auto path = dir.file("kill.db");
  {
    Store db(path);
    store::RunRecord run;
    run.name = "kill";
    db.create_run(run);
  }
  util::SplitMix64 rng(2026);
  constexpr int k_rounds = 8;
  for (int round = 0; round < k_rounds; ++round) {
    const auto delay = std::chrono::microseconds(rng.range(0, 40'000));
    CHECK(kill_writer(path, round, true, delay));
  }

  REQUIRE(integrity(path) == "ok");
  Store db(path);  // recovers the WAL
  const auto run = db.find_run("kill");
  REQUIRE(run);
  std::map<std::string, std::set<int>> batches;
  int graded = 0;
  for (const auto& state : db.item_states(run->id)) {
    batches[state.key.problem_id].insert(state.key.sample_index);
    graded += state.graded ? 1 : 0;
  }
  std::set<int> rounds_seen;
  for (const auto& [name, indexes] : batches) {
    INFO("batch " << name);
    CHECK(indexes.size() == static_cast<std::size_t>(k_batch_size));
    rounds_seen.insert(std::stoi(name.substr(1)));
  }
  CHECK(rounds_seen.size() == static_cast<std::size_t>(k_rounds));  // each committed at least once
  CHECK(graded == static_cast<int>(batches.size()) * k_batch_size);
  REQUIRE(integrity(path) == "ok");
}

TEST_CASE("a writer killed while creating the database leaves a usable one", "[store][kill]")
{
  test::TempDir dir;
  util::SplitMix64 rng(7);
  for (int round = 0; round < 16; ++round) {
    const auto path = dir.file("fresh" + std::to_string(round) + ".db");
    // Opening a new file takes ~3 ms here: kills land before, inside and after the migrations
    // (the child fails fast, having no run, once it is past them).
    kill_writer(path, round, false, std::chrono::microseconds(rng.range(0, 4'000)));
    INFO("round " << round);
    const std::string check = integrity(path);
    CHECK(check == "ok");
    Store db(path);
    CHECK(db.schema_version() == Store::current_schema_version());
    store::RunRecord run;
    run.name = "after";
    CHECK(db.create_run(run) > 0);
  }
}

TEST_CASE("the log is copied into the database file while the writer keeps writing", "[store][wal]")
{
  test::TempDir dir;
  const auto path = dir.file("wal.db");
  Store db(path);
  store::RunRecord run;
  run.name = "wal";
  const auto run_id = db.create_run(run);
  const std::vector<Problem> problems{Problem{"p", "text", "1", "", "", {}}};
  store::SampleRecord record;
  record.run_id = run_id;
  record.problem_ref = db.upsert_problems("s", problems).at(0);
  record.sample.reasoning = std::string(3000, 'r');
  // ~24 MB: past the point (1,000 pages of 16 KiB) where a commit wakes the checkpoint thread.
  for (int batch = 0; batch < 8; ++batch) {
    Store::Transaction tx(db);
    for (int i = 0; i < 1000; ++i) {
      record.key = {"m", "s", "p", batch * 1000 + i};
      db.insert_sample(record);
    }
    tx.commit();
  }
  // Automatic checkpoints are off on the writer: only the thread grows the database file.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (std::filesystem::file_size(path) < 8'000'000 && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  CHECK(std::filesystem::file_size(path) >= 8'000'000);
  CHECK(integrity(path) == "ok");
}
