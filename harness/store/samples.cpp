// Store: writing samples and verdicts, and the response cache.
#include <cmath>
#include <stdexcept>

#include "harness/store/store.hpp"
#include "harness/store/store_impl.hpp"
#include "harness/store/store_json.hpp"

namespace rb::store {

namespace {

std::string describe(std::int64_t run_id, const ItemKey& key)
{
  return "run " + std::to_string(run_id) + ": model '" + key.model + "', suite '" + key.suite +
         "', problem '" + key.problem_id + "', sample " + std::to_string(key.sample_index);
}

// Parameters ?1..?32 of StatementId::insert_sample, in order (statements.cpp).
void bind_sample(Statement& insert, const SampleRecord& record)
{
  const Sample& sample = record.sample;
  insert.bind(1, record.run_id);
  insert.bind(2, record.key.model);
  insert.bind(3, record.key.suite);
  insert.bind(4, record.key.problem_id);
  insert.bind(5, record.problem_ref);
  insert.bind(6, record.key.sample_index);
  insert.bind(7, sample.text);
  insert.bind(8, sample.reasoning);
  insert.bind(9, sample.reasoning_unclosed);
  insert.bind(10, sample.finish_reason);
  insert.bind(11, sample.usage.prompt_tokens);
  insert.bind(12, sample.usage.completion_tokens);
  insert.bind(13, sample.usage.reasoning_tokens);
  insert.bind(14, sample.usage.cached_tokens);
  insert.bind(15, sample.usage.reported);
  insert.bind(16, sample.timings.ttft_ms);
  insert.bind(17, sample.timings.first_answer_ms);
  insert.bind(18, sample.timings.e2e_ms);
  insert.bind(19, sample.timings.chunks);
  insert.bind(20, sample.request_json);
  insert.bind(21, sample.response_json);
  insert.bind(22, sample.model_reported);
  insert.bind(23, sample.retries);
  insert.bind(24, sample.from_cache);
  // cost_usd is NOT NULL and SQLite stores NaN as NULL: an unpriced NaN must not lose the sample.
  insert.bind(25, std::isnan(sample.cost_usd) ? 0.0 : sample.cost_usd);
  insert.bind(26, record.error);
  insert.bind(27, record.started_at);
  insert.bind(28, sample.usage.method.empty() ? std::string_view(sample.usage.reported ? "server" : "estimated")
                                              : std::string_view(sample.usage.method));
  insert.bind_blob(29, sample.timings.chunk_times);
  insert.bind(30, record.window_id);
  insert.bind(31, record.start_s);
  insert.bind(32, record.end_s);
}

}  // namespace

std::int64_t Store::insert_sample(const SampleRecord& record)
{
  Connection& db = m_impl->db;
  if (record.problem_ref <= 0) {
    throw std::logic_error("store: " + describe(record.run_id, record.key) +
                           ": problem_ref not set (call upsert_problems first)");
  }
  // Fast path: a new item. The UNIQUE item key turns a second sample into a constraint error,
  // which aborts this statement only, never the enclosing transaction.
  {
    auto insert = m_impl->statement(StatementId::insert_sample);
    bind_sample(*insert, record);
    const int rc = insert->try_step();
    if (rc == SQLITE_DONE) {
      return db.last_insert_id();
    }
    if (rc != SQLITE_CONSTRAINT_UNIQUE) {
      db.fail("storing " + describe(record.run_id, record.key));
    }
  }
  std::int64_t existing_id = 0;
  {
    auto find = m_impl->statement(StatementId::find_sample);
    find->bind(1, record.run_id);
    find->bind(2, record.key.model);
    find->bind(3, record.key.suite);
    find->bind(4, record.key.problem_id);
    find->bind(5, record.key.sample_index);
    if (!find->step()) {
      db.fail("storing " + describe(record.run_id, record.key) + ": conflicting sample not found");
    }
    if (find->column_view(1).empty()) {
      throw std::logic_error("store: " + describe(record.run_id, record.key) +
                             " already has a successful sample; an item is never generated twice");
    }
    existing_id = find->column_int64(0);
  }
  // Replace the failed attempt; its verdict goes with it (ON DELETE CASCADE).
  Savepoint savepoint(db, "replace_failed_sample");
  {
    auto erase = m_impl->statement(StatementId::delete_sample);
    erase->bind(1, existing_id);
    erase->step();
  }
  {
    auto insert = m_impl->statement(StatementId::insert_sample);
    bind_sample(*insert, record);
    insert->step();
  }
  const std::int64_t id = db.last_insert_id();
  savepoint.release();
  return id;
}

void Store::insert_verdict(const VerdictRecord& record)
{
  auto insert = m_impl->statement(StatementId::insert_verdict);
  insert->bind(1, record.sample_id);
  insert->bind(2, record.verifier);
  insert->bind(3, record.verifier_version);
  insert->bind(4, to_string(record.verdict.kind));
  insert->bind(5, record.verdict.extracted);
  insert->bind(6, record.verdict.detail);
  insert->bind(7, record.verdict.vote);
  insert->bind(8, record.verdict.data);
  insert->step();
}

void Store::cache_put(std::string_view key, const Sample& sample)
{
  const std::string json = sample_to_json(sample);
  auto insert = m_impl->statement(StatementId::cache_put);
  insert->bind(1, key);
  insert->bind(2, json);
  insert->step();
}

std::optional<Sample> Store::cache_get(std::string_view key)
{
  auto query = m_impl->statement(StatementId::cache_get);
  query->bind(1, key);
  if (!query->step()) {
    return std::nullopt;
  }
  try {
    return sample_from_json(query->column_view(0));
  } catch (const std::runtime_error& e) {
    throw std::runtime_error("database '" + path() + "': response cache entry '" + std::string(key) +
                             "': " + e.what());
  }
}

}  // namespace rb::store
