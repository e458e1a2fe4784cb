#pragma once
// The SQL of every statement the store runs more than once, by id. Each is prepared once per
// Store (on first use) and cached; values are always bound as ?N parameters. The column lists
// of the SELECTs are read by position in samples.cpp and reads.cpp: change both together.
#include <cstddef>
#include <string_view>

namespace rb::store {

enum class StatementId {
  begin_immediate,
  commit,
  rollback,
  find_run,
  list_runs,
  insert_run,
  set_run_status,
  insert_problem,
  find_problem,
  insert_sample,
  find_sample,
  delete_sample,
  insert_verdict,
  cache_put,
  cache_get,
  item_states,
  samples_of_run,
  sample_facts_of_run,
  sample_id_range_of_run,
  sample_by_id,
  problem_by_id,
  insert_behaviour,
  behaviours_of_run,
  behaviour_json,
  count  ///< not a statement: the number of ids
};

inline constexpr std::size_t k_statement_count = static_cast<std::size_t>(StatementId::count);

/// The SQL text of `id`.
std::string_view statement_sql(StatementId id);

}  // namespace rb::store
