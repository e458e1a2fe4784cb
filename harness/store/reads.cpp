// Store: reading samples back, for resume (item_states), for grading and reports
// (for_each_sample, for_each_sample_facts, for_each_sample_by_id, find_problem).
#include <stdexcept>
#include <unordered_map>

#include "harness/store/store.hpp"
#include "harness/store/store_impl.hpp"
#include "harness/store/store_json.hpp"

namespace rb::store {

namespace {

/// Parsed problems kept while streaming, since many samples share one problem. Bounded, so
/// that memory stays flat however many problems a run has (code suites carry large tests).
constexpr std::size_t k_problem_cache_bytes = std::size_t{64} * 1024 * 1024;

/// Usage (5 columns) then timings (4 columns) from column `first` on: the same order in
/// samples_of_run and sample_facts_of_run.
void read_usage_timings(const Statement& row, int first, Usage& usage, Timings& timings)
{
  usage.prompt_tokens = row.column_int64(first);
  usage.completion_tokens = row.column_int64(first + 1);
  usage.reasoning_tokens = row.column_int64(first + 2);
  usage.cached_tokens = row.column_int64(first + 3);
  usage.reported = row.column_bool(first + 4);
  timings.ttft_ms = row.column_double(first + 5);
  timings.first_answer_ms = row.column_double(first + 6);
  timings.e2e_ms = row.column_double(first + 7);
  timings.chunks = row.column_int64(first + 8);
}

// Columns 7..27 of StatementId::samples_of_run, the order of insert_sample's ?7..?27.
Sample read_sample(const Statement& row)
{
  Sample sample;
  sample.text = row.column_text(7);
  sample.reasoning = row.column_text(8);
  sample.reasoning_unclosed = row.column_bool(9);
  sample.finish_reason = row.column_text(10);
  read_usage_timings(row, 11, sample.usage, sample.timings);
  sample.request_json = row.column_text(20);
  sample.response_json = row.column_text(21);
  sample.model_reported = row.column_text(22);
  sample.retries = static_cast<int>(row.column_int64(23));
  sample.from_cache = row.column_bool(24);
  sample.cost_usd = row.column_double(25);
  return sample;
}

// Columns 28..35: the verdict, when one exists.
std::optional<VerdictRecord> read_verdict(const Statement& row)
{
  if (row.column_is_null(28)) {
    return std::nullopt;
  }
  VerdictRecord record;
  record.sample_id = row.column_int64(28);
  record.verifier = row.column_text(29);
  record.verifier_version = row.column_text(30);
  const std::string_view kind = row.column_view(31);
  record.verdict.extracted = row.column_optional_text(32);
  record.verdict.detail = row.column_text(33);
  record.verdict.vote = row.column_text(34);
  record.verdict.data = row.column_text(35);
  if (const auto parsed = parse_verdict_kind(kind)) {
    record.verdict.kind = *parsed;
  } else {  // written by a build with more verdict kinds: keep the information, never guess
    record.verdict.kind = VerdictKind::error;
    record.verdict.detail = "unknown verdict '" + std::string(kind) + "': " + record.verdict.detail;
  }
  return record;
}

class ProblemCache {
 public:
  const Problem& get(std::int64_t ref, std::string_view json, const std::string& fallback_id)
  {
    if (const auto it = m_problems.find(ref); it != m_problems.end()) {
      return it->second;
    }
    if (m_bytes + json.size() > k_problem_cache_bytes) {
      m_problems.clear();
      m_bytes = 0;
    }
    Problem problem;
    if (json.empty()) {
      problem.id = fallback_id;  // cannot happen through the API (problem_ref is a foreign key)
    } else {
      problem = problem_from_json(json);
    }
    m_bytes += json.size();
    return m_problems.emplace(ref, std::move(problem)).first->second;
  }

 private:
  std::unordered_map<std::int64_t, Problem> m_problems;
  std::size_t m_bytes = 0;
};

/// Reads one row of RB_SAMPLE_ROW_SELECT (statements.cpp) into `row`, reusing its problem when
/// the reference did not change.
void read_row(const Statement& query, ProblemCache& problems, SampleRow& row, const std::string& path)
{
  row.sample_id = query.column_int64(0);
  row.key.model = query.column_text(1);
  row.key.suite = query.column_text(2);
  row.key.problem_id = query.column_text(3);
  row.key.sample_index = static_cast<int>(query.column_int64(4));
  const std::int64_t problem_ref = query.column_int64(5);
  if (problem_ref != row.problem_ref || row.problem_ref == 0) {
    try {
      row.problem = problems.get(problem_ref, query.column_view(6), row.key.problem_id);
    } catch (const std::runtime_error& e) {
      throw std::runtime_error("database '" + path + "': problem " + std::to_string(problem_ref) + ": " +
                               e.what());
    }
    row.problem_ref = problem_ref;
  }
  row.sample = read_sample(query);
  row.error = query.column_text(26);
  row.started_at = query.column_text(27);
  row.verdict = read_verdict(query);
  row.sample.usage.method = query.column_text(36);
  row.sample.timings.chunk_times = query.column_text(37);
}

/// Reads one row of StatementId::sample_facts_of_run; the views point into the statement's row.
void read_facts(const Statement& query, SampleFacts& facts)
{
  facts.sample_id = query.column_int64(0);
  facts.model = query.column_view(1);
  facts.suite = query.column_view(2);
  facts.problem_id = query.column_view(3);
  facts.sample_index = static_cast<int>(query.column_int64(4));
  facts.problem_ref = query.column_int64(5);
  facts.failed = query.column_bool(6);
  facts.finish_reason = query.column_view(7);
  read_usage_timings(query, 8, facts.usage, facts.timings);
  facts.cost_usd = query.column_double(17);
  facts.from_cache = query.column_bool(18);
  facts.started_at = query.column_view(19);
  if (query.column_is_null(20)) {
    facts.verdict.reset();
  } else {
    facts.verdict = parse_verdict_kind(query.column_view(20)).value_or(VerdictKind::error);
  }
  facts.vote = query.column_view(21);
  facts.tokens_method = query.column_view(22);
  facts.chunk_times = query.column_view(23);
  facts.window_id = query.column_int64(24);
  facts.start_s = query.column_double(25);
  facts.end_s = query.column_double(26);
  facts.energy_joules = query.column_is_null(27) ? std::nullopt : std::optional<double>(query.column_double(27));
  facts.energy_method = query.column_view(28);
}

}  // namespace

std::vector<ItemState> Store::item_states(std::int64_t run_id)
{
  auto query = m_impl->statement(StatementId::item_states);
  query->bind(1, run_id);
  std::vector<ItemState> states;
  while (query->step()) {
    ItemState state;
    state.sample_id = query->column_int64(0);
    state.key.model = query->column_text(1);
    state.key.suite = query->column_text(2);
    state.key.problem_id = query->column_text(3);
    state.key.sample_index = static_cast<int>(query->column_int64(4));
    state.failed = query->column_bool(5);
    state.graded = query->column_bool(6);
    state.correct = query->column_bool(7);
    state.output_tokens = query->column_int64(8);
    state.cost_usd = query->column_double(9);
    state.problem_ref = query->column_int64(10);
    states.push_back(std::move(state));
  }
  return states;
}

void Store::for_each_sample(std::int64_t run_id, const std::function<void(const SampleRow&)>& fn)
{
  if (m_impl->streaming) {
    throw std::logic_error("store: for_each_sample called from inside for_each_sample");
  }
  m_impl->streaming = true;
  struct Done {
    Impl* impl;
    ~Done() { impl->streaming = false; }
  } done{m_impl.get()};

  auto query = m_impl->statement(StatementId::samples_of_run);
  query->bind(1, run_id);
  ProblemCache problems;
  SampleRow row;  // reused: the problem is copied only when it changes from one row to the next
  while (query->step()) {
    read_row(*query, problems, row, path());
    fn(row);
  }
}

void Store::for_each_sample_facts(std::int64_t run_id, const std::function<void(const SampleFacts&)>& fn)
{
  if (m_impl->streaming) {
    throw std::logic_error("store: for_each_sample_facts called from inside a walk over samples");
  }
  m_impl->streaming = true;
  struct Done {
    Impl* impl;
    ~Done() { impl->streaming = false; }
  } done{m_impl.get()};

  std::int64_t first = 0;
  std::int64_t last = -1;
  {
    auto range = m_impl->statement(StatementId::sample_id_range_of_run);
    range->bind(1, run_id);
    if (range->step() && !range->column_is_null(0)) {
      first = range->column_int64(0);
      last = range->column_int64(1);
    }
  }
  auto query = m_impl->statement(StatementId::sample_facts_of_run);
  query->bind(1, run_id);
  query->bind(2, first);
  query->bind(3, last);
  SampleFacts facts;
  while (query->step()) {
    read_facts(*query, facts);
    fn(facts);
  }
}

void Store::for_each_sample_by_id(std::span<const std::int64_t> sample_ids,
                                  const std::function<void(const SampleRow&)>& fn)
{
  ProblemCache problems;
  SampleRow row;
  for (const std::int64_t id : sample_ids) {
    auto query = m_impl->statement(StatementId::sample_by_id);
    query->bind(1, id);
    if (!query->step()) {
      continue;
    }
    read_row(*query, problems, row, path());
    fn(row);
  }
}

std::optional<Problem> Store::find_problem(std::int64_t problem_ref)
{
  auto query = m_impl->statement(StatementId::problem_by_id);
  query->bind(1, problem_ref);
  if (!query->step()) {
    return std::nullopt;
  }
  try {
    return problem_from_json(query->column_view(0));
  } catch (const std::runtime_error& e) {
    throw std::runtime_error("database '" + path() + "': problem " + std::to_string(problem_ref) + ": " + e.what());
  }
}

}  // namespace rb::store
