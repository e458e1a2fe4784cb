#include "harness/store/schema.hpp"

#include <array>
#include <stdexcept>
#include <string>

#include "harness/core/error.hpp"

namespace rb::store {

namespace {

// Version 1: runs, problems, samples (raw request and response), verdicts.
// The item key's UNIQUE index leads with sample_index, the outer loop of the run loop's plan,
// so a batch of inserts lands in one region of the index instead of dirtying pages all over it
// (docs/store.md). No index on samples.problem_ref for the same reason: problems are never
// deleted, so the foreign key never needs it.
constexpr std::string_view k_step_1 = R"sql(
CREATE TABLE runs (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  config_json TEXT NOT NULL,
  harness_version TEXT NOT NULL,
  git_revision TEXT NOT NULL,
  host_json TEXT NOT NULL,
  started_at TEXT NOT NULL,
  ended_at TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL
);
CREATE TABLE problems (
  id INTEGER PRIMARY KEY,
  suite TEXT NOT NULL,
  problem_key TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  problem_json TEXT NOT NULL,
  UNIQUE (suite, problem_key, content_hash)
);
CREATE TABLE samples (
  id INTEGER PRIMARY KEY,
  run_id INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
  model TEXT NOT NULL,
  suite TEXT NOT NULL,
  problem_id TEXT NOT NULL,
  problem_ref INTEGER NOT NULL REFERENCES problems (id),
  sample_index INTEGER NOT NULL,
  request_json TEXT NOT NULL,
  response_json TEXT NOT NULL,
  answer_text TEXT NOT NULL,
  reasoning_text TEXT NOT NULL,
  reasoning_unclosed INTEGER NOT NULL,
  finish_reason TEXT NOT NULL,
  prompt_tokens INTEGER NOT NULL,
  completion_tokens INTEGER NOT NULL,
  reasoning_tokens INTEGER NOT NULL,
  cached_tokens INTEGER NOT NULL,
  tokens_reported INTEGER NOT NULL,
  ttft_ms REAL,
  first_answer_ms REAL,
  e2e_ms REAL,
  chunks INTEGER NOT NULL,
  model_reported TEXT NOT NULL,
  retries INTEGER NOT NULL,
  error TEXT NOT NULL,
  started_at TEXT NOT NULL,
  UNIQUE (run_id, sample_index, suite, problem_id, model)
);
CREATE TABLE verdicts (
  sample_id INTEGER PRIMARY KEY REFERENCES samples (id) ON DELETE CASCADE,
  verifier TEXT NOT NULL,
  verifier_version TEXT NOT NULL,
  verdict TEXT NOT NULL,
  extracted TEXT,
  detail TEXT NOT NULL,
  graded_at TEXT NOT NULL
);
)sql";

// Version 2: the response cache, and each sample's cost and cache origin.
constexpr std::string_view k_step_2 = R"sql(
CREATE TABLE response_cache (
  key TEXT PRIMARY KEY,
  sample_json TEXT NOT NULL,
  created_at TEXT NOT NULL
);
ALTER TABLE samples ADD COLUMN cost_usd REAL NOT NULL DEFAULT 0;
ALTER TABLE samples ADD COLUMN from_cache INTEGER NOT NULL DEFAULT 0;
)sql";

// Version 3: with each verdict, the answer's canonical form for majority voting
// (Verdict::vote; '' when it does not vote) and verifier-specific facts (Verdict::data, JSON).
constexpr std::string_view k_step_3 = R"sql(
ALTER TABLE verdicts ADD COLUMN vote TEXT NOT NULL DEFAULT '';
ALTER TABLE verdicts ADD COLUMN data TEXT NOT NULL DEFAULT '';
)sql";

// Version 4: each sample's reasoning behaviour (verifiers/behaviour/, docs/behaviour.md): the
// whole analysis as JSON plus the columns reports aggregate on. Replaced when a sample is graded
// again, like its verdict.
constexpr std::string_view k_step_4 = R"sql(
CREATE TABLE behaviours (
  sample_id INTEGER PRIMARY KEY REFERENCES samples (id) ON DELETE CASCADE,
  analyzer_version TEXT NOT NULL,
  format_ok INTEGER NOT NULL,
  truncated INTEGER NOT NULL,
  mixed INTEGER NOT NULL,
  consistency REAL NOT NULL,
  reflections INTEGER NOT NULL,
  reasoning_visible INTEGER NOT NULL,
  reasoning_tokens INTEGER NOT NULL,
  repeated_ngram_ratio REAL NOT NULL,
  loop INTEGER NOT NULL,
  tokens_after_first_correct REAL,
  behaviour_json TEXT NOT NULL
);
)sql";

// Version 5: scores from an external scorer (a reward model, harness/core/scorer.hpp) for best-of-N
// selection and weighted majority voting (docs/strategies.md). One row per (sample, scorer).
constexpr std::string_view k_step_5 = R"sql(
CREATE TABLE scores (
  sample_id INTEGER NOT NULL REFERENCES samples (id) ON DELETE CASCADE,
  scorer TEXT NOT NULL,
  score REAL NOT NULL,
  scored_at TEXT NOT NULL,
  PRIMARY KEY (sample_id, scorer)
);
)sql";

// Version 6: meters (harness/meters/, docs/meters.md). Per sample: how its token counts were
// obtained, the arrival of its streamed text chunks (varint-coded microsecond deltas, see
// harness/stats/chunk_times.hpp), its place in the run window that generated it (seconds since
// the window started), and its attributed energy (NULL: not measured) with the method. One
// run_windows row per invocation of the run loop (a resumed run adds one): wall time, the
// largest concurrency reached, the energy measured over it (NULL: not measured), and the PUE and
// grid intensity configured for it (NULL: none).
constexpr std::string_view k_step_6 = R"sql(
CREATE TABLE run_windows (
  id INTEGER PRIMARY KEY,
  run_id INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
  started_at TEXT NOT NULL,
  ended_at TEXT NOT NULL DEFAULT '',
  wall_s REAL NOT NULL DEFAULT 0,
  max_concurrency INTEGER NOT NULL DEFAULT 0,
  energy_j REAL,
  idle_j REAL,
  energy_method TEXT NOT NULL DEFAULT '',
  devices_json TEXT NOT NULL DEFAULT '[]',
  unavailable TEXT NOT NULL DEFAULT '',
  pue REAL NOT NULL DEFAULT 1,
  grid_gco2_per_kwh REAL
);
ALTER TABLE samples ADD COLUMN tokens_method TEXT NOT NULL DEFAULT '';
ALTER TABLE samples ADD COLUMN chunk_times BLOB;
ALTER TABLE samples ADD COLUMN window_id INTEGER;
ALTER TABLE samples ADD COLUMN start_s REAL;
ALTER TABLE samples ADD COLUMN end_s REAL;
ALTER TABLE samples ADD COLUMN energy_j REAL;
ALTER TABLE samples ADD COLUMN energy_method TEXT NOT NULL DEFAULT '';
)sql";

constexpr std::array<Migration, 6> k_migrations{{
    {1, k_step_1},
    {2, k_step_2},
    {3, k_step_3},
    {4, k_step_4},
    {5, k_step_5},
    {6, k_step_6},
}};

struct Header {
  std::int64_t user_version = 0;
  std::int64_t application_id = 0;
  std::int64_t objects = 0;  ///< rows of sqlite_master
};

// The first read of the file: this is where SQLite notices a file that is not a database.
Header read_header(Connection& db)
{
  static constexpr std::string_view k_sql =
      "SELECT (SELECT user_version FROM pragma_user_version), "
      "(SELECT application_id FROM pragma_application_id), (SELECT count(*) FROM sqlite_master)";
  sqlite3_stmt* raw = nullptr;
  int rc = sqlite3_prepare_v2(db.get(), k_sql.data(), static_cast<int>(k_sql.size()), &raw, nullptr);
  Header header;
  if (rc == SQLITE_OK) {
    rc = sqlite3_step(raw);
    if (rc == SQLITE_ROW) {
      header = {sqlite3_column_int64(raw, 0), sqlite3_column_int64(raw, 1), sqlite3_column_int64(raw, 2)};
      rc = SQLITE_OK;
    }
  }
  const std::string why = sqlite3_errmsg(db.get());
  sqlite3_finalize(raw);
  if ((rc & 0xff) == SQLITE_NOTADB) {
    throw ConfigError("database '" + db.path() + "' is not a SQLite database (" + why + ")");
  }
  if (rc != SQLITE_OK) {
    throw ConfigError("cannot read database '" + db.path() + "': " + why);
  }
  return header;
}

}  // namespace

std::span<const Migration> migrations()
{
  return k_migrations;
}

int latest_schema_version()
{
  return k_migrations.back().version;
}

int check_schema(Connection& db)
{
  const Header header = read_header(db);
  if (header.objects == 0 && header.user_version == 0 && header.application_id == 0) {
    return 0;  // a new (or empty) file
  }
  if (header.application_id != k_application_id) {
    throw ConfigError("database '" + db.path() + "' is not a reasonbench database (application_id " +
                      std::to_string(header.application_id) + ", user_version " +
                      std::to_string(header.user_version) + ", " + std::to_string(header.objects) +
                      " schema objects): pass another --db path");
  }
  const int latest = latest_schema_version();
  if (header.user_version > latest) {
    throw ConfigError("database '" + db.path() + "' has schema version " +
                      std::to_string(header.user_version) + "; this reasonbench reads up to " +
                      std::to_string(latest) + ": upgrade reasonbench");
  }
  return static_cast<int>(header.user_version);
}

int migrate(Connection& db, int from, int target)
{
  const int latest = latest_schema_version();
  if (target < 0 || target > latest) {
    target = latest;
  }
  int version = from;
  for (const Migration& step : k_migrations) {
    if (step.version <= version) {
      continue;
    }
    if (step.version > target) {
      break;
    }
    try {
      db.exec("BEGIN IMMEDIATE");
      // Another process may have applied this step while we waited for the write lock.
      if (db.query_int("PRAGMA user_version") < step.version) {
        db.exec(std::string(step.sql));
        if (step.version == 1) {
          db.exec("PRAGMA application_id = " + std::to_string(k_application_id));
        }
        // A constant of this file, not a value from outside: PRAGMA takes no bound parameters.
        db.exec("PRAGMA user_version = " + std::to_string(step.version));
      }
      db.exec("COMMIT");
    } catch (const std::exception& e) {
      if (db.in_transaction()) {
        sqlite3_exec(db.get(), "ROLLBACK", nullptr, nullptr, nullptr);
      }
      throw ConfigError(std::string(e.what()) + " (while migrating to schema version " +
                        std::to_string(step.version) + ")");
    }
    version = step.version;
  }
  return version;
}

}  // namespace rb::store
