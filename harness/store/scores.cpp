// Store: scores from an external scorer (schema version 5, table `scores`; docs/strategies.md).
#include <cmath>
#include <stdexcept>
#include <string>

#include "harness/store/store_impl.hpp"

namespace rb::store {

namespace {

constexpr std::string_view k_insert_score =
    "INSERT OR REPLACE INTO scores (sample_id, scorer, score, scored_at) "
    "VALUES (?1, ?2, ?3, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))";
constexpr std::string_view k_scores_of_run =
    "SELECT c.sample_id, c.scorer, c.score FROM scores c JOIN samples s ON s.id = c.sample_id "
    "WHERE s.run_id = ?1 ORDER BY c.sample_id, c.scorer";

}  // namespace

void Store::insert_scores(std::string_view scorer, std::span<const std::pair<std::int64_t, double>> scores)
{
  Statement insert(m_impl->db, k_insert_score);
  for (const auto& [sample_id, score] : scores) {
    if (std::isnan(score)) {
      throw std::invalid_argument("store: score of sample " + std::to_string(sample_id) + " by '" +
                                  std::string(scorer) + "' is NaN");
    }
    insert.bind(1, sample_id);
    insert.bind(2, scorer);
    insert.bind(3, score);
    insert.step();
    insert.reset();
  }
}

void Store::for_each_score(std::int64_t run_id,
                           const std::function<void(std::int64_t, std::string_view, double)>& fn)
{
  Statement query(m_impl->db, k_scores_of_run);
  query.bind(1, run_id);
  while (query.step()) {
    fn(query.column_int64(0), query.column_view(1), query.column_double(2));
  }
}

}  // namespace rb::store
