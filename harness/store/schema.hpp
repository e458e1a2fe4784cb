#pragma once
// The store's schema as an ordered list of forward migrations. Version N is reached by applying
// steps 1..N in order; each step runs in its own transaction that also sets PRAGMA user_version,
// so a database is always at exactly one version, even after kill -9. A schema change is a new
// step at the end (never an edit of an old one), a bump of the golden schema fixture
// (tests/fixtures/golden/store_schema.sql) and a migration test (docs/store.md).
#include <cstdint>
#include <span>
#include <string_view>

#include "harness/store/sqlite.hpp"

namespace rb::store {

/// Stored in the SQLite header (PRAGMA application_id) by step 1: marks a reasonbench database.
inline constexpr std::int32_t k_application_id = 0x52424E43;  // "RBNC"

struct Migration {
  int version;           ///< user_version after this step
  std::string_view sql;  ///< one or more statements, without parameters
};

/// Every step, in order; the last one's version is the current schema version.
std::span<const Migration> migrations();
int latest_schema_version();

/// The schema version of `db`: 0 for an empty file, else the version of a reasonbench database
/// this binary can read. Reads only; run it before anything writes to the file. Throws
/// ConfigError naming the file: not a SQLite file, another application's database, or a schema
/// newer than this binary.
int check_schema(Connection& db);

/// Applies the steps after `from` up to `target` (the latest when < 0), each in its own
/// BEGIN IMMEDIATE transaction, and returns the resulting version. Safe against a concurrent
/// opener (each step re-reads the version under the write lock). Throws ConfigError naming the
/// file when a step fails; the database then stays at the last complete step.
int migrate(Connection& db, int from, int target);

}  // namespace rb::store
