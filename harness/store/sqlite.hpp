#pragma once
// Thin RAII wrappers over the SQLite C API, private to the store: a connection, prepared
// statements with typed binds and reads, and savepoints. Values always travel through
// sqlite3_bind_*, never through SQL text. Errors throw std::runtime_error naming the database file.
#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace rb::store {

/// One connection, opened read-write (created when missing), with extended result codes on.
/// Not thread-safe: one thread at a time.
class Connection {
 public:
  /// Throws ConfigError "cannot open database 'PATH': why" when SQLite cannot open the file.
  explicit Connection(std::string path);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  sqlite3* get() const { return m_db; }
  const std::string& path() const { return m_path; }

  /// Runs SQL without parameters (schema steps, pragmas, savepoints). Throws on error.
  void exec(const std::string& sql);
  /// Runs a one-value query without parameters ("PRAGMA user_version") and returns the value.
  std::int64_t query_int(const std::string& sql);
  /// Throws std::runtime_error "database 'PATH': WHAT: <SQLite's message>".
  [[noreturn]] void fail(std::string_view what) const;
  /// "database 'PATH': WHAT: <SQLite's message>", for callers that throw another type.
  std::string message(std::string_view what) const;

  /// True inside BEGIN ... COMMIT (or a savepoint opened outside a transaction).
  bool in_transaction() const { return sqlite3_get_autocommit(m_db) == 0; }
  std::int64_t last_insert_id() const { return sqlite3_last_insert_rowid(m_db); }
  int changes() const { return sqlite3_changes(m_db); }

 private:
  std::string m_path;
  sqlite3* m_db = nullptr;
};

/// A prepared statement. Text and blob binds are SQLITE_STATIC: the bound bytes must stay alive
/// until the statement is reset (callers bind, step and reset within one scope).
class Statement {
 public:
  Statement(Connection& db, std::string_view sql);
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  /// Parameters are 1-based, as in SQLite.
  void bind(int index, std::int64_t value);
  void bind(int index, int value) { bind(index, static_cast<std::int64_t>(value)); }
  void bind(int index, bool value) { bind(index, static_cast<std::int64_t>(value ? 1 : 0)); }
  /// NaN is stored as NULL (SQLite's own rule) and read back as NaN by column_double.
  void bind(int index, double value);
  /// An empty string is stored as '' (never NULL).
  void bind(int index, std::string_view value);
  void bind(int index, const std::string& value) { bind(index, std::string_view(value)); }
  void bind(int index, const char* value) = delete;  // bind std::string_view explicitly
  /// std::nullopt is stored as NULL.
  void bind(int index, const std::optional<std::string>& value);
  /// Bytes as a BLOB; empty bytes are stored as NULL.
  void bind_blob(int index, std::string_view bytes);

  /// Steps once: true when a row is ready, false when the statement is done. Throws on error.
  bool step();
  /// Steps once and returns SQLite's (extended) result code without throwing.
  int try_step();
  /// Makes the statement ready to run again and drops its bindings. Never throws.
  void reset() noexcept;

  /// Columns are 0-based, as in SQLite. NULL reads as 0, NaN, "" or std::nullopt.
  std::int64_t column_int64(int column) const;
  bool column_bool(int column) const { return column_int64(column) != 0; }
  double column_double(int column) const;
  bool column_is_null(int column) const;
  std::string column_text(int column) const;
  std::string_view column_view(int column) const;  ///< valid until the next step or reset
  std::optional<std::string> column_optional_text(int column) const;

 private:
  Connection* m_db;
  sqlite3_stmt* m_stmt = nullptr;
};

/// Resets a (cached) statement when the scope ends, so that an exception never leaves it
/// mid-step holding a read transaction open.
class StatementScope {
 public:
  explicit StatementScope(Statement& statement) : m_statement(&statement) {}
  ~StatementScope() { m_statement->reset(); }
  StatementScope(const StatementScope&) = delete;
  StatementScope& operator=(const StatementScope&) = delete;
  Statement* operator->() const { return m_statement; }
  Statement& operator*() const { return *m_statement; }

 private:
  Statement* m_statement;
};

/// SAVEPOINT NAME ... RELEASE NAME; rolled back to and released on destruction unless released.
/// Works inside and outside a transaction, so a multi-statement change is atomic either way.
class Savepoint {
 public:
  Savepoint(Connection& db, std::string name);
  ~Savepoint();
  Savepoint(const Savepoint&) = delete;
  Savepoint& operator=(const Savepoint&) = delete;
  void release();

 private:
  Connection* m_db;
  std::string m_name;
  bool m_released = false;
};

}  // namespace rb::store
