#include "harness/store/sqlite.hpp"

#include <cmath>
#include <limits>
#include <stdexcept>

#include "harness/core/error.hpp"

namespace rb::store {

namespace {
// sqlite3_bind_text64 with a null pointer binds NULL; empty strings must stay ''.
constexpr char k_empty[] = "";
}  // namespace

Connection::Connection(std::string path) : m_path(std::move(path))
{
  const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
  const int rc = sqlite3_open_v2(m_path.c_str(), &m_db, flags, nullptr);
  if (rc != SQLITE_OK) {
    std::string why = m_db != nullptr ? sqlite3_errmsg(m_db) : sqlite3_errstr(rc);
    sqlite3_close_v2(m_db);
    m_db = nullptr;
    throw ConfigError("cannot open database '" + m_path + "': " + why);
  }
  sqlite3_extended_result_codes(m_db, 1);
}

Connection::~Connection()
{
  // close_v2 defers the close until every statement is finalized; statements die before us.
  sqlite3_close_v2(m_db);
}

void Connection::exec(const std::string& sql)
{
  char* error = nullptr;
  const int rc = sqlite3_exec(m_db, sql.c_str(), nullptr, nullptr, &error);
  if (rc != SQLITE_OK) {
    std::string why = error != nullptr ? error : sqlite3_errstr(rc);
    sqlite3_free(error);
    throw std::runtime_error("database '" + m_path + "': " + why);
  }
}

std::int64_t Connection::query_int(const std::string& sql)
{
  Statement statement(*this, sql);
  if (!statement.step()) {
    return 0;
  }
  return statement.column_int64(0);
}

std::string Connection::message(std::string_view what) const
{
  return "database '" + m_path + "': " + std::string(what) + ": " + sqlite3_errmsg(m_db);
}

void Connection::fail(std::string_view what) const
{
  throw std::runtime_error(message(what));
}

Statement::Statement(Connection& db, std::string_view sql) : m_db(&db)
{
  const int rc = sqlite3_prepare_v3(db.get(), sql.data(), static_cast<int>(sql.size()),
                                    SQLITE_PREPARE_PERSISTENT, &m_stmt, nullptr);
  if (rc != SQLITE_OK) {
    db.fail("preparing '" + std::string(sql.substr(0, 60)) + "'");
  }
}

Statement::~Statement()
{
  sqlite3_finalize(m_stmt);
}

void Statement::bind(int index, std::int64_t value)
{
  if (sqlite3_bind_int64(m_stmt, index, value) != SQLITE_OK) {
    m_db->fail("binding parameter " + std::to_string(index));
  }
}

void Statement::bind(int index, double value)
{
  if (sqlite3_bind_double(m_stmt, index, value) != SQLITE_OK) {
    m_db->fail("binding parameter " + std::to_string(index));
  }
}

void Statement::bind(int index, std::string_view value)
{
  const char* data = value.data() != nullptr ? value.data() : k_empty;
  if (sqlite3_bind_text64(m_stmt, index, data, value.size(), SQLITE_STATIC, SQLITE_UTF8) != SQLITE_OK) {
    m_db->fail("binding parameter " + std::to_string(index));
  }
}

void Statement::bind_blob(int index, std::string_view bytes)
{
  const int rc = bytes.empty() ? sqlite3_bind_null(m_stmt, index)
                               : sqlite3_bind_blob64(m_stmt, index, bytes.data(), bytes.size(), SQLITE_STATIC);
  if (rc != SQLITE_OK) {
    m_db->fail("binding parameter " + std::to_string(index));
  }
}

void Statement::bind(int index, const std::optional<std::string>& value)
{
  if (!value) {
    if (sqlite3_bind_null(m_stmt, index) != SQLITE_OK) {
      m_db->fail("binding parameter " + std::to_string(index));
    }
    return;
  }
  bind(index, std::string_view(*value));
}

bool Statement::step()
{
  const int rc = sqlite3_step(m_stmt);
  if (rc == SQLITE_ROW) {
    return true;
  }
  if (rc == SQLITE_DONE) {
    return false;
  }
  std::string what = "running '" + std::string(sqlite3_sql(m_stmt)).substr(0, 60) + "'";
  m_db->fail(what);
}

int Statement::try_step()
{
  return sqlite3_step(m_stmt);
}

void Statement::reset() noexcept
{
  sqlite3_reset(m_stmt);
  sqlite3_clear_bindings(m_stmt);
}

std::int64_t Statement::column_int64(int column) const
{
  return sqlite3_column_int64(m_stmt, column);
}

double Statement::column_double(int column) const
{
  if (column_is_null(column)) {
    return std::numeric_limits<double>::quiet_NaN();
  }
  return sqlite3_column_double(m_stmt, column);
}

bool Statement::column_is_null(int column) const
{
  return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

std::string_view Statement::column_view(int column) const
{
  // Text first, then its size: the documented order that avoids a conversion in between.
  const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(m_stmt, column));
  const int size = sqlite3_column_bytes(m_stmt, column);
  if (text == nullptr) {
    return {};
  }
  return {text, static_cast<std::size_t>(size)};
}

std::string Statement::column_text(int column) const
{
  return std::string(column_view(column));
}

std::optional<std::string> Statement::column_optional_text(int column) const
{
  if (column_is_null(column)) {
    return std::nullopt;
  }
  return column_text(column);
}

Savepoint::Savepoint(Connection& db, std::string name) : m_db(&db), m_name(std::move(name))
{
  m_db->exec("SAVEPOINT " + m_name);
}

Savepoint::~Savepoint()
{
  if (m_released) {
    return;
  }
  // Best effort: after an I/O error SQLite may already have rolled the transaction back.
  sqlite3_exec(m_db->get(), ("ROLLBACK TO " + m_name + "; RELEASE " + m_name).c_str(), nullptr, nullptr,
               nullptr);
}

void Savepoint::release()
{
  m_db->exec("RELEASE " + m_name);
  m_released = true;
}

}  // namespace rb::store
