// Store: the reasoning-behaviour analysis of each sample (schema version 4, table `behaviours`;
// docs/behaviour.md).
#include <cmath>
#include <stdexcept>

#include "harness/store/store_impl.hpp"

namespace rb::store {

void Store::insert_behaviour(const BehaviourRecord& record)
{
  const Behaviour& b = record.behaviour;
  const double overthinking = b.tokens_after_first_correct.value_or(0.0);
  if (std::isnan(b.consistency) || std::isnan(b.repeated_ngram_ratio) || std::isnan(overthinking)) {
    throw std::logic_error("store: behaviour of sample " + std::to_string(record.sample_id) + " has a NaN figure");
  }
  auto insert = m_impl->statement(StatementId::insert_behaviour);
  insert->bind(1, record.sample_id);
  insert->bind(2, record.analyzer_version);
  insert->bind(3, b.format_ok);
  insert->bind(4, b.truncated);
  insert->bind(5, b.mixed);
  insert->bind(6, b.consistency);
  insert->bind(7, b.reasoning_visible);
  insert->bind(8, b.reflections);
  insert->bind(9, b.reasoning_tokens);
  insert->bind(10, b.repeated_ngram_ratio);
  insert->bind(11, b.loop);
  // NaN binds as NULL: "no correct intermediate answer".
  insert->bind(12, b.tokens_after_first_correct ? *b.tokens_after_first_correct : std::nan(""));
  insert->bind(13, b.json);
  insert->step();
}

void Store::for_each_behaviour(std::int64_t run_id, const std::function<void(const BehaviourFacts&)>& fn)
{
  if (m_impl->streaming) {
    throw std::logic_error("store: for_each_behaviour called from inside a walk over samples");
  }
  m_impl->streaming = true;
  struct Done {
    Impl* impl;
    ~Done() { impl->streaming = false; }
  } done{m_impl.get()};

  auto query = m_impl->statement(StatementId::behaviours_of_run);
  query->bind(1, run_id);
  BehaviourFacts f;
  while (query->step()) {
    f.sample_id = query->column_int64(0);
    f.model = query->column_view(1);
    f.suite = query->column_view(2);
    f.problem_ref = query->column_int64(3);
    f.verdict = query->column_is_null(4) ? std::nullopt
                                         : std::optional(parse_verdict_kind(query->column_view(4)).value_or(VerdictKind::error));
    Behaviour& b = f.behaviour;
    b.format_ok = query->column_bool(5);
    b.truncated = query->column_bool(6);
    b.mixed = query->column_bool(7);
    b.consistency = query->column_double(8);
    b.reasoning_visible = query->column_bool(9);
    b.reflections = query->column_int64(10);
    b.reasoning_tokens = query->column_int64(11);
    b.repeated_ngram_ratio = query->column_double(12);
    b.loop = query->column_bool(13);
    b.tokens_after_first_correct =
        query->column_is_null(14) ? std::nullopt : std::optional<double>(query->column_double(14));
    fn(f);
  }
}

std::optional<std::string> Store::behaviour_json(std::int64_t sample_id)
{
  auto query = m_impl->statement(StatementId::behaviour_json);
  query->bind(1, sample_id);
  if (!query->step()) {
    return std::nullopt;
  }
  return query->column_text(0);
}

}  // namespace rb::store
