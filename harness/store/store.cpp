// Store: opening (pragmas, checks, migrations), transactions, runs and problems.
// Samples, verdicts and the cache are in samples.cpp; reading samples back in reads.cpp.
#include "harness/store/store.hpp"

#include <chrono>
#include <stdexcept>

#include "harness/core/error.hpp"
#include "harness/store/schema.hpp"
#include "harness/store/store_impl.hpp"
#include "harness/store/store_json.hpp"

namespace rb::store {

namespace {

/// How long a writer waits for another connection's lock before failing with "database is locked".
constexpr std::chrono::milliseconds k_busy_timeout{10'000};
/// Pages of a new database. A sample row is ~3 KB (answer, reasoning, request and response
/// bodies): 16 KiB pages hold five, where 4 KiB pages hold one and waste a quarter; ingest
/// measured about 1.7x faster than with 4 KiB pages (bench/RESULTS.md), with fewer syscalls.
constexpr int k_page_size_bytes = 16 * 1024;
/// Page cache of the writer (negative: KiB, SQLite's convention): holds the index pages and the
/// last table pages that a batch of inserts touches.
constexpr int k_cache_size_kib = 32 * 1024;

/// Sets the connection's pragmas (constants of this file: PRAGMA takes no bound parameters).
/// Returns true when the database is in WAL mode (":memory:" stays "memory", which is fine).
bool configure(Connection& db)
{
  Statement journal(db, "PRAGMA journal_mode = WAL");
  const bool wal = journal.step() && journal.column_view(0) == "wal";
  journal.reset();
  db.exec("PRAGMA synchronous = NORMAL");
  db.exec("PRAGMA foreign_keys = ON");
  db.exec("PRAGMA temp_store = MEMORY");
  db.exec("PRAGMA cache_size = -" + std::to_string(k_cache_size_kib));
  return wal;
}

RunRecord read_run(const Statement& row)
{
  RunRecord run;
  run.id = row.column_int64(0);
  run.name = row.column_text(1);
  run.config_json = row.column_text(2);
  run.harness_version = row.column_text(3);
  run.git_revision = row.column_text(4);
  run.host_json = row.column_text(5);
  run.started_at = row.column_text(6);
  run.ended_at = row.column_text(7);
  run.status = row.column_text(8);
  return run;
}

}  // namespace

Store::Store(const std::string& path, int migrate_to) : m_impl(std::make_unique<Impl>(path))
{
  Connection& db = m_impl->db;
  sqlite3_busy_timeout(db.get(), static_cast<int>(k_busy_timeout.count()));
  try {
    const int found = check_schema(db);  // before anything writes to a file that may not be ours
    // Only a new file takes a page size (never once in WAL mode).
    if (found == 0) {
      db.exec("PRAGMA page_size = " + std::to_string(k_page_size_bytes));
    }
    const bool wal = configure(db);
    m_impl->version = migrate(db, found, migrate_to);
    if (wal) {
      m_impl->checkpointer = std::make_unique<Checkpointer>(path);
      install_wal_hook(db, *m_impl->checkpointer);
    }
  } catch (const ConfigError&) {
    throw;
  } catch (const std::runtime_error& e) {
    throw ConfigError(e.what());
  }
}

Store::~Store() = default;

int Store::current_schema_version()
{
  return latest_schema_version();
}

int Store::schema_version() const
{
  return m_impl->version;
}

const std::string& Store::path() const
{
  return m_impl->db.path();
}

Store::Transaction::Transaction(Store& store) : m_store(&store)
{
  if (store.m_impl->db.in_transaction()) {
    throw std::logic_error("store: a Transaction is already open on '" + store.path() + "'");
  }
  store.m_impl->statement(StatementId::begin_immediate)->step();
}

Store::Transaction::~Transaction()
{
  if (m_done) {
    return;
  }
  try {
    // After an I/O error SQLite may have rolled back already; then there is nothing to do.
    if (m_store->m_impl->db.in_transaction()) {
      m_store->m_impl->statement(StatementId::rollback)->try_step();
    }
  } catch (...) {  // NOLINT(bugprone-empty-catch): a destructor must not throw
  }
}

void Store::Transaction::commit()
{
  if (m_done) {
    throw std::logic_error("store: Transaction committed twice");
  }
  m_store->m_impl->statement(StatementId::commit)->step();
  m_done = true;
}

std::optional<RunRecord> Store::find_run(std::string_view name)
{
  auto query = m_impl->statement(StatementId::find_run);
  query->bind(1, name);
  if (!query->step()) {
    return std::nullopt;
  }
  return read_run(*query);
}

std::vector<RunRecord> Store::list_runs()
{
  auto query = m_impl->statement(StatementId::list_runs);
  std::vector<RunRecord> runs;
  while (query->step()) {
    runs.push_back(read_run(*query));
  }
  return runs;
}

std::int64_t Store::create_run(const RunRecord& run)
{
  auto insert = m_impl->statement(StatementId::insert_run);
  insert->bind(1, run.name);
  insert->bind(2, run.config_json);
  insert->bind(3, run.harness_version);
  insert->bind(4, run.git_revision);
  insert->bind(5, run.host_json);
  insert->bind(6, run.started_at);
  insert->bind(7, run.ended_at);
  insert->bind(8, run.status.empty() ? std::string_view("running") : std::string_view(run.status));
  const int rc = insert->try_step();
  if (rc == SQLITE_DONE) {
    return m_impl->db.last_insert_id();
  }
  if (rc == SQLITE_CONSTRAINT_UNIQUE) {
    throw ConfigError("database '" + path() + "' already has a run named '" + run.name +
                      "': pass --resume to continue it, or another --run name");
  }
  m_impl->db.fail("creating run '" + run.name + "'");
}

void Store::set_run_status(std::int64_t run_id, std::string_view status, bool ended)
{
  auto update = m_impl->statement(StatementId::set_run_status);
  update->bind(1, run_id);
  update->bind(2, status);
  update->bind(3, ended);
  update->step();
  if (m_impl->db.changes() == 0) {
    throw std::logic_error("store: no run with id " + std::to_string(run_id) + " in '" + path() + "'");
  }
}

std::vector<std::int64_t> Store::upsert_problems(std::string_view suite, std::span<const Problem> problems)
{
  std::vector<std::int64_t> ids;
  ids.reserve(problems.size());
  Savepoint savepoint(m_impl->db, "upsert_problems");  // one commit for the lot, and atomic
  for (const Problem& problem : problems) {
    const std::string hash = problem.content_hash();
    const std::string json = problem_to_json(problem);
    {
      auto insert = m_impl->statement(StatementId::insert_problem);
      insert->bind(1, suite);
      insert->bind(2, problem.id);
      insert->bind(3, hash);
      insert->bind(4, json);
      if (insert->step()) {  // RETURNING id: a row only when it was inserted
        ids.push_back(insert->column_int64(0));
        continue;
      }
    }
    auto find = m_impl->statement(StatementId::find_problem);
    find->bind(1, suite);
    find->bind(2, problem.id);
    find->bind(3, hash);
    if (!find->step()) {
      m_impl->db.fail("problem '" + problem.id + "' of suite '" + std::string(suite) + "' vanished");
    }
    ids.push_back(find->column_int64(0));
  }
  savepoint.release();
  return ids;
}

}  // namespace rb::store
