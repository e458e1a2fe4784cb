#pragma once
// The SQLite store: the one place a run's data lives (DESIGN.md "Raw data once"). WAL mode,
// schema versioned by PRAGMA user_version with forward migrations (harness/store/schema.cpp),
// prepared statements, batched transactions. One writer: a Store is used by one thread at a time
// (the run loop's coordinating thread); readers in other processes see committed data only.
// API keys never reach it: callers pass request bodies without headers.
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "harness/core/problem.hpp"
#include "harness/core/sample.hpp"
#include "harness/core/verdict.hpp"

namespace rb::store {

struct RunRecord {
  std::int64_t id = 0;
  std::string name;
  std::string config_json;      ///< the full resolved configuration, no secrets
  std::string harness_version;
  std::string git_revision;
  std::string host_json;        ///< CPU model, cores, memory, GPUs
  std::string started_at;       ///< ISO 8601 UTC
  std::string ended_at;         ///< empty until the run ends
  std::string status;           ///< running | finished | interrupted | failed
};

/// One work item's identity within a run.
struct ItemKey {
  std::string model;       ///< the model's label
  std::string suite;
  std::string problem_id;
  int sample_index = 0;
  auto operator<=>(const ItemKey&) const = default;
};

struct SampleRecord {
  std::int64_t run_id = 0;
  ItemKey key;
  std::int64_t problem_ref = 0;  ///< problems.id of the exact problem content asked
  Sample sample;
  std::string error;             ///< non-empty: the generation failed for good (sample fields empty)
  std::string started_at;        ///< ISO 8601 UTC
};

struct VerdictRecord {
  std::int64_t sample_id = 0;
  std::string verifier;
  std::string verifier_version;
  Verdict verdict;
};

/// What the store already holds for an item of a run (for resume).
struct ItemState {
  ItemKey key;
  std::int64_t sample_id = 0;
  bool failed = false;   ///< the stored sample is a failed generation (error set)
  bool graded = false;   ///< a verdict exists
  bool correct = false;  ///< the verdict is correct
  std::int64_t output_tokens = 0;
  double cost_usd = 0;
};

/// A stored sample with its problem and verdict, for grading again and for reports.
struct SampleRow {
  std::int64_t sample_id = 0;
  ItemKey key;
  Problem problem;
  Sample sample;
  std::string error;
  std::optional<VerdictRecord> verdict;
};

class Store {
 public:
  /// Opens or creates the database at `path` and migrates it to the current schema. Throws
  /// ConfigError naming the file when it cannot be opened, is not a reasonbench database, or was
  /// written by a newer reasonbench. `migrate_to` (tests only) stops migrating at that version.
  explicit Store(const std::string& path, int migrate_to = -1);
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  static int current_schema_version();
  int schema_version() const;
  const std::string& path() const;

  // --- runs
  std::optional<RunRecord> find_run(std::string_view name);
  std::vector<RunRecord> list_runs();
  /// Inserts a run (id ignored) and returns its id. Throws ConfigError if the name exists.
  std::int64_t create_run(const RunRecord& run);
  void set_run_status(std::int64_t run_id, std::string_view status, bool ended);

  // --- problems
  /// Stores each problem once per (suite, id, content hash) and returns their ids, in order.
  std::vector<std::int64_t> upsert_problems(std::string_view suite, std::span<const Problem> problems);

  // --- writing samples and verdicts: call inside a Transaction for speed and atomicity
  class Transaction {
   public:
    explicit Transaction(Store& store);
    ~Transaction();  ///< rolls back unless committed
    void commit();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
   private:
    Store* m_store;
    bool m_done = false;
  };
  /// Inserts a sample and returns its id. A failed sample already stored for the same item is
  /// replaced (with its verdict); a successful one is never replaced (throws std::logic_error).
  std::int64_t insert_sample(const SampleRecord& record);
  /// Inserts or replaces the verdict of a sample.
  void insert_verdict(const VerdictRecord& record);
  /// Remembers a successful sample under a request hash (see Adapter::identity).
  void cache_put(std::string_view key, const Sample& sample);
  std::optional<Sample> cache_get(std::string_view key);

  // --- reading back
  std::vector<ItemState> item_states(std::int64_t run_id);
  /// Calls `fn` for each sample of the run, in id order, with its problem and verdict.
  void for_each_sample(std::int64_t run_id, const std::function<void(const SampleRow&)>& fn);

 private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

}  // namespace rb::store
