// Pins the store schema: a fresh database's sqlite_master must match
// tests/fixtures/golden/store_schema.sql. A deliberate schema change is a new migration step in
// harness/store/schema.cpp (with a version bump and a migration test) plus a one-file update of
// the fixture: the test prints the new text, or writes it when RB_UPDATE_GOLDEN=1.
#include <sqlite3.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <iostream>

#include "harness/store/store.hpp"
#include "tests/support/test_env.hpp"

using namespace rb;

namespace {

const std::string k_fixture = "tests/fixtures/golden/store_schema.sql";

std::string dump_schema(const std::string& path)
{
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
  sqlite3_stmt* stmt = nullptr;
  REQUIRE(sqlite3_prepare_v2(db, "SELECT type, name, sql FROM sqlite_master ORDER BY name", -1, &stmt,
                             nullptr) == SQLITE_OK);
  const auto text = [stmt](int column) {
    const auto* value = reinterpret_cast<const char*>(sqlite3_column_text(stmt, column));
    return value != nullptr ? std::string(value) : std::string();
  };
  std::string dump = "-- reasonbench store schema, version " +
                     std::to_string(store::Store::current_schema_version()) +
                     "\n-- SELECT type, name, sql FROM sqlite_master ORDER BY name\n";
  while (sqlite3_step(stmt) == SQLITE_ROW) {
    dump += "\n-- " + text(0) + " " + text(1) + "\n";
    const std::string sql = text(2);
    dump += sql.empty() ? "-- (created by SQLite for a UNIQUE or PRIMARY KEY constraint)\n" : sql + ";\n";
  }
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  return dump;
}

}  // namespace

TEST_CASE("a fresh store has exactly the golden schema", "[golden][store]")
{
  test::TempDir dir;
  const auto path = dir.file("schema.db");
  {
    store::Store db(path);
  }
  const std::string actual = dump_schema(path);
  const std::string fixture_path = test::source_dir() + "/" + k_fixture;
  const char* update = std::getenv("RB_UPDATE_GOLDEN");
  if (update != nullptr && std::string(update) == "1") {
    test::write_file(fixture_path, actual);
    WARN("updated " << fixture_path);
    return;
  }
  std::string expected;
  try {
    expected = test::read_file(fixture_path);
  } catch (const std::exception&) {
  }
  if (actual != expected) {
    const bool same_version = expected.rfind(actual.substr(0, actual.find('\n')), 0) == 0;
    std::cout << "---- new " << k_fixture << " ----\n" << actual << "---- end ----\n";
    FAIL("the store schema differs from "
         << k_fixture << " (new text printed above). "
         << (same_version ? "The schema version did not change: a schema change needs a new migration "
                            "step in harness/store/schema.cpp that bumps the version, and a migration test. "
                          : "")
         << "Then replace the fixture with the new text, or rerun with RB_UPDATE_GOLDEN=1.");
  }
}
