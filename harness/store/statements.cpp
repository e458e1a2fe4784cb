#include "harness/store/statements.hpp"

#include <array>
#include <utility>

namespace rb::store {

namespace {

#define RB_NOW "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"  // as util::iso8601_now: ms, UTC
#define RB_RUN_COLUMNS \
  "id, name, config_json, harness_version, git_revision, host_json, started_at, ended_at, status"
// Parameters ?7..?27 of insert_sample and columns 7..27 of samples_of_run (reads.cpp).
#define RB_SAMPLE_COLUMNS                                                                           \
  "answer_text, reasoning_text, reasoning_unclosed, finish_reason, prompt_tokens, "                 \
  "completion_tokens, reasoning_tokens, cached_tokens, tokens_reported, ttft_ms, first_answer_ms, " \
  "e2e_ms, chunks, request_json, response_json, model_reported, retries, from_cache, cost_usd, "    \
  "error, started_at"

// The columns of a SampleRow (read by position in reads.cpp), for samples_of_run and sample_by_id.
#define RB_SAMPLE_ROW_SELECT                                                                     \
  "SELECT s.id, s.model, s.suite, s.problem_id, s.sample_index, s.problem_ref, p.problem_json, " \
  "s.answer_text, s.reasoning_text, s.reasoning_unclosed, s.finish_reason, s.prompt_tokens, "    \
  "s.completion_tokens, s.reasoning_tokens, s.cached_tokens, s.tokens_reported, s.ttft_ms, "     \
  "s.first_answer_ms, s.e2e_ms, s.chunks, s.request_json, s.response_json, s.model_reported, "   \
  "s.retries, s.from_cache, s.cost_usd, s.error, s.started_at, v.sample_id, v.verifier, "        \
  "v.verifier_version, v.verdict, v.extracted, v.detail, v.vote, v.data, s.tokens_method, "       \
  "s.chunk_times "                                                                               \
  "FROM samples s LEFT JOIN problems p ON p.id = s.problem_ref "                                 \
  "LEFT JOIN verdicts v ON v.sample_id = s.id "

constexpr std::array<std::pair<StatementId, std::string_view>, k_statement_count> k_statements{{
    {StatementId::begin_immediate, "BEGIN IMMEDIATE"},
    {StatementId::commit, "COMMIT"},
    {StatementId::rollback, "ROLLBACK"},
    {StatementId::find_run, "SELECT " RB_RUN_COLUMNS " FROM runs WHERE name = ?1"},
    {StatementId::list_runs, "SELECT " RB_RUN_COLUMNS " FROM runs ORDER BY id"},
    {StatementId::insert_run,
     "INSERT INTO runs (name, config_json, harness_version, git_revision, host_json, started_at, "
     "ended_at, status) VALUES (?1, ?2, ?3, ?4, ?5, coalesce(nullif(?6, ''), " RB_NOW "), ?7, ?8)"},
    {StatementId::set_run_status,
     "UPDATE runs SET status = ?2, ended_at = CASE WHEN ?3 THEN " RB_NOW " ELSE '' END WHERE id = ?1"},
    {StatementId::insert_problem,
     "INSERT OR IGNORE INTO problems (suite, problem_key, content_hash, problem_json) "
     "VALUES (?1, ?2, ?3, ?4) RETURNING id"},
    {StatementId::find_problem,
     "SELECT id FROM problems WHERE suite = ?1 AND problem_key = ?2 AND content_hash = ?3"},
    {StatementId::insert_sample,
     "INSERT INTO samples (run_id, model, suite, problem_id, problem_ref, sample_index, " RB_SAMPLE_COLUMNS
     ", tokens_method, chunk_times, window_id, start_s, end_s"
     ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, "
     "?20, ?21, ?22, ?23, ?24, ?25, ?26, coalesce(nullif(?27, ''), " RB_NOW "), ?28, ?29, nullif(?30, 0), "
     "?31, ?32)"},
    {StatementId::find_sample,
     "SELECT id, error FROM samples "
     "WHERE run_id = ?1 AND model = ?2 AND suite = ?3 AND problem_id = ?4 AND sample_index = ?5"},
    {StatementId::delete_sample, "DELETE FROM samples WHERE id = ?1"},
    {StatementId::insert_verdict,
     "INSERT OR REPLACE INTO verdicts (sample_id, verifier, verifier_version, verdict, extracted, "
     "detail, vote, data, graded_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, " RB_NOW ")"},
    {StatementId::cache_put,
     "INSERT OR REPLACE INTO response_cache (key, sample_json, created_at) VALUES (?1, ?2, " RB_NOW ")"},
    {StatementId::cache_get, "SELECT sample_json FROM response_cache WHERE key = ?1"},
    {StatementId::item_states,
     "SELECT s.id, s.model, s.suite, s.problem_id, s.sample_index, s.error <> '', "
     "v.sample_id IS NOT NULL, coalesce(v.verdict = 'correct', 0), s.completion_tokens, s.cost_usd, "
     "s.problem_ref FROM samples s LEFT JOIN verdicts v ON v.sample_id = s.id WHERE s.run_id = ?1 ORDER BY s.id"},
    {StatementId::samples_of_run, RB_SAMPLE_ROW_SELECT "WHERE s.run_id = ?1 ORDER BY s.id"},
    // Columns read by position in reads.cpp (read_facts). A scan of the run's id range in id
    // order (?2..?3 from sample_id_range_of_run): through the item index, SQLite would fetch
    // rows in index order and sort them in a temporary B-tree, twice the work on 1M samples.
    {StatementId::sample_facts_of_run,
     "SELECT s.id, s.model, s.suite, s.problem_id, s.sample_index, s.problem_ref, s.error <> '', "
     "s.finish_reason, s.prompt_tokens, s.completion_tokens, s.reasoning_tokens, s.cached_tokens, "
     "s.tokens_reported, s.ttft_ms, s.first_answer_ms, s.e2e_ms, s.chunks, s.cost_usd, s.from_cache, "
     "s.started_at, v.verdict, v.vote, s.tokens_method, s.chunk_times, s.window_id, s.start_s, s.end_s, "
     "s.energy_j, s.energy_method "
     "FROM samples s NOT INDEXED LEFT JOIN verdicts v ON v.sample_id = s.id "
     "WHERE s.id BETWEEN ?2 AND ?3 AND s.run_id = ?1 ORDER BY s.id"},
    {StatementId::sample_id_range_of_run, "SELECT min(id), max(id) FROM samples WHERE run_id = ?1"},
    {StatementId::sample_by_id, RB_SAMPLE_ROW_SELECT "WHERE s.id = ?1"},
    {StatementId::problem_by_id, "SELECT problem_json FROM problems WHERE id = ?1"},
    // Columns read by position in behaviours.cpp.
    {StatementId::insert_behaviour,
     "INSERT OR REPLACE INTO behaviours (sample_id, analyzer_version, format_ok, truncated, mixed, "
     "consistency, reasoning_visible, reflections, reasoning_tokens, repeated_ngram_ratio, loop, "
     "tokens_after_first_correct, behaviour_json) "
     "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)"},
    {StatementId::behaviours_of_run,
     "SELECT s.id, s.model, s.suite, s.problem_ref, v.verdict, b.format_ok, b.truncated, b.mixed, "
     "b.consistency, b.reasoning_visible, b.reflections, b.reasoning_tokens, b.repeated_ngram_ratio, "
     "b.loop, b.tokens_after_first_correct "
     "FROM samples s JOIN behaviours b ON b.sample_id = s.id LEFT JOIN verdicts v ON v.sample_id = s.id "
     "WHERE s.run_id = ?1 ORDER BY s.id"},
    {StatementId::behaviour_json, "SELECT behaviour_json FROM behaviours WHERE sample_id = ?1"},
}};

#undef RB_NOW
#undef RB_RUN_COLUMNS
#undef RB_SAMPLE_COLUMNS
#undef RB_SAMPLE_ROW_SELECT

constexpr bool ids_in_order()
{
  for (std::size_t i = 0; i < k_statements.size(); ++i) {
    if (static_cast<std::size_t>(k_statements[i].first) != i) {
      return false;
    }
  }
  return true;
}
static_assert(ids_in_order(), "k_statements rows must follow the order of StatementId");

}  // namespace

std::string_view statement_sql(StatementId id)
{
  return k_statements[static_cast<std::size_t>(id)].second;
}

}  // namespace rb::store
