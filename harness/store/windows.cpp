// Store: run windows (one per invocation of the run loop) and the energy attributed to samples
// (schema version 6, docs/meters.md). Rare statements: prepared per call, not cached.
#include <cmath>

#include "harness/store/store.hpp"
#include "harness/store/store_impl.hpp"

namespace rb::store {

namespace {

constexpr std::string_view k_window_columns =
    "run_id, started_at, ended_at, wall_s, max_concurrency, energy_j, idle_j, energy_method, devices_json, "
    "unavailable, pue, grid_gco2_per_kwh";

void bind_optional(Statement& statement, int index, const std::optional<double>& value)
{
  statement.bind(index, value.value_or(std::numeric_limits<double>::quiet_NaN()));  // NaN is NULL
}

std::optional<double> optional_column(const Statement& query, int column)
{
  return query.column_is_null(column) ? std::nullopt : std::optional<double>(query.column_double(column));
}

/// Parameters ?1..?12 in k_window_columns order.
void bind_window(Statement& statement, const WindowRecord& w)
{
  statement.bind(1, w.run_id);
  statement.bind(2, w.started_at);
  statement.bind(3, w.ended_at);
  statement.bind(4, std::isfinite(w.wall_s) ? w.wall_s : 0.0);
  statement.bind(5, w.max_concurrency);
  bind_optional(statement, 6, w.energy_joules);
  bind_optional(statement, 7, w.idle_joules);
  statement.bind(8, w.energy_method);
  statement.bind(9, w.devices_json);
  statement.bind(10, w.unavailable);
  statement.bind(11, w.pue);
  bind_optional(statement, 12, w.grid_gco2_per_kwh);
}

constexpr std::string_view k_now = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')";

}  // namespace

std::int64_t Store::insert_window(const WindowRecord& window)
{
  Statement insert(m_impl->db, "INSERT INTO run_windows (" + std::string(k_window_columns) +
                                   ") VALUES (?1, coalesce(nullif(?2, ''), " + std::string(k_now) +
                                   "), ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)");
  bind_window(insert, window);
  insert.step();
  return m_impl->db.last_insert_id();
}

void Store::update_window(const WindowRecord& window)
{
  Statement update(m_impl->db,
                   "UPDATE run_windows SET run_id = ?1, started_at = ?2, ended_at = coalesce(nullif(?3, ''), " +
                       std::string(k_now) +
                       "), wall_s = ?4, max_concurrency = ?5, energy_j = ?6, idle_j = ?7, energy_method = ?8, "
                       "devices_json = ?9, unavailable = ?10, pue = ?11, grid_gco2_per_kwh = ?12 WHERE id = ?13");
  bind_window(update, window);
  update.bind(13, window.id);
  update.step();
}

std::vector<WindowRecord> Store::windows_of_run(std::int64_t run_id)
{
  Statement query(m_impl->db, "SELECT id, " + std::string(k_window_columns) +
                                  " FROM run_windows WHERE run_id = ?1 ORDER BY id");
  query.bind(1, run_id);
  std::vector<WindowRecord> out;
  while (query.step()) {
    WindowRecord w;
    w.id = query.column_int64(0);
    w.run_id = query.column_int64(1);
    w.started_at = query.column_text(2);
    w.ended_at = query.column_text(3);
    w.wall_s = query.column_double(4);
    w.max_concurrency = query.column_int64(5);
    w.energy_joules = optional_column(query, 6);
    w.idle_joules = optional_column(query, 7);
    w.energy_method = query.column_text(8);
    w.devices_json = query.column_text(9);
    w.unavailable = query.column_text(10);
    w.pue = query.column_double(11);
    w.grid_gco2_per_kwh = optional_column(query, 12);
    out.push_back(std::move(w));
  }
  return out;
}

void Store::set_sample_energy(std::span<const SampleEnergy> energies)
{
  Connection& db = m_impl->db;
  const bool own = !db.in_transaction();
  if (own) {
    db.exec("BEGIN IMMEDIATE");
  }
  try {
    Statement update(db,
                     "UPDATE samples SET energy_j = ?2, energy_method = ?3, cost_usd = cost_usd + ?4 WHERE id = ?1");
    for (const SampleEnergy& e : energies) {
      update.bind(1, e.sample_id);
      bind_optional(update, 2, e.joules);
      update.bind(3, e.method);
      update.bind(4, std::isfinite(e.extra_cost_usd) ? e.extra_cost_usd : 0.0);
      update.step();
      update.reset();
    }
    if (own) {
      db.exec("COMMIT");
    }
  } catch (...) {
    if (own && db.in_transaction()) {
      sqlite3_exec(db.get(), "ROLLBACK", nullptr, nullptr, nullptr);
    }
    throw;
  }
}

}  // namespace rb::store
