#pragma once
// The SQLite store: the one place a run's data lives (DESIGN.md "Raw data once"). WAL mode,
// schema versioned by PRAGMA user_version with forward migrations (harness/store/schema.cpp),
// prepared statements, batched transactions. One writer: a Store is used by one thread at a time
// (the run loop's coordinating thread); readers in other processes see committed data only.
// API keys never reach it: callers pass request bodies without headers (the store keeps what
// it is given and cannot tell a key from text). Errors: ConfigError when opening; a SQLite
// failure afterwards (disk full, I/O error, lock timeout) is a std::runtime_error naming the file;
// misuse (an item generated twice, nested transactions) is a std::logic_error.
#include <cstdint>
#include <functional>
#include <limits>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "harness/core/behaviour.hpp"
#include "harness/core/problem.hpp"
#include "harness/core/sample.hpp"
#include "harness/core/verdict.hpp"

namespace rb::store {

struct RunRecord {
  std::int64_t id = 0;
  std::string name;
  std::string config_json;  ///< the full resolved configuration, no secrets
  std::string harness_version;
  std::string git_revision;
  std::string host_json;   ///< CPU model, cores, memory, GPUs
  std::string started_at;  ///< ISO 8601 UTC; create_run fills in "now" when empty
  std::string ended_at;    ///< empty until the run ends
  std::string status;      ///< running | finished | interrupted | failed
};

/// One work item's identity within a run.
struct ItemKey {
  std::string model;  ///< the model's label
  std::string suite;
  std::string problem_id;
  int sample_index = 0;
  auto operator<=>(const ItemKey&) const = default;
};

struct SampleRecord {
  std::int64_t run_id = 0;
  ItemKey key;
  std::int64_t problem_ref = 0;  ///< problems.id of the exact problem content asked (required)
  Sample sample;                 ///< request_json/response_json are bodies only: never headers or keys
  std::string error;             ///< non-empty: the generation failed for good (sample fields empty)
  std::string started_at;        ///< ISO 8601 UTC; "now" when empty
  std::int64_t window_id = 0;    ///< run_windows.id of the run loop that generated it; 0: none
  double start_s = std::numeric_limits<double>::quiet_NaN();  ///< seconds after the window started
  double end_s = std::numeric_limits<double>::quiet_NaN();    ///< completion, same clock; NaN: unknown
};

/// One invocation of the run loop over a run (a resumed run adds one): its wall time, the
/// largest number of requests in flight, and the energy metered over it (harness/meters/).
struct WindowRecord {
  std::int64_t id = 0;
  std::int64_t run_id = 0;
  std::string started_at;  ///< ISO 8601 UTC; "now" when empty
  std::string ended_at;    ///< empty while the window is open (or after a crash)
  double wall_s = 0;
  std::int64_t max_concurrency = 0;
  std::optional<double> energy_joules;  ///< nothing: not measured
  std::optional<double> idle_joules;    ///< measured energy attributed to no sample
  std::string energy_method;            ///< "nvml-energy+rapl"; "" when nothing was measured
  std::string devices_json = "[]";      ///< [{"device": "gpu0 NVIDIA H200", "joules": 1234.5}, ...]
  std::string unavailable;              ///< why meters were not available, "; "-joined
  double pue = 1;
  std::optional<double> grid_gco2_per_kwh;
};

/// Energy and extra cost attributed to one stored sample when its window closes.
struct SampleEnergy {
  std::int64_t sample_id = 0;
  std::optional<double> joules;  ///< nothing: not measured
  std::string method;            ///< "measured: nvml-energy, token share" or "estimated: 0.3 J/output token"
  double extra_cost_usd = 0;     ///< GPU-hour or energy cost added to the sample's cost_usd
};

struct VerdictRecord {
  std::int64_t sample_id = 0;
  std::string verifier;
  std::string verifier_version;
  Verdict verdict;
};

/// The reasoning-behaviour analysis of one sample (table `behaviours`, docs/behaviour.md).
struct BehaviourRecord {
  std::int64_t sample_id = 0;
  std::string analyzer_version;
  Behaviour behaviour;
};

/// One analysed sample for summaries: its figures without the JSON, with its verdict. The
/// string views point into the row being read: valid during the callback only.
struct BehaviourFacts {
  std::int64_t sample_id = 0;
  std::string_view model;
  std::string_view suite;
  std::int64_t problem_ref = 0;
  std::optional<VerdictKind> verdict;  ///< nothing: not graded (an unknown kind reads as error)
  Behaviour behaviour;                 ///< `json` left empty
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
  std::int64_t problem_ref = 0;  ///< problems.id of the content the stored sample answered
};

/// A stored sample with its problem and verdict, for grading again and for reports.
struct SampleRow {
  std::int64_t sample_id = 0;
  ItemKey key;
  Problem problem;
  Sample sample;
  std::string error;
  std::optional<VerdictRecord> verdict;
  std::int64_t problem_ref = 0;  ///< problems.id of `problem`
  std::string started_at;        ///< ISO 8601 UTC, as stored
};

/// The figures of one stored sample without its texts, for summaries over many samples
/// (reports). The string views point into the row being read: valid during the callback only.
struct SampleFacts {
  std::int64_t sample_id = 0;
  std::string_view model;
  std::string_view suite;
  std::string_view problem_id;
  int sample_index = 0;
  std::int64_t problem_ref = 0;
  bool failed = false;  ///< a failed generation (error set): no text, tokens or timings
  std::string_view finish_reason;
  Usage usage;
  Timings timings;
  double cost_usd = 0;
  bool from_cache = false;
  std::string_view started_at;         ///< ISO 8601 UTC, as stored
  std::optional<VerdictKind> verdict;  ///< nothing: not graded yet (an unknown kind reads as error)
  std::string_view vote;               ///< Verdict::vote ("" when none or not graded)
  std::string_view tokens_method;      ///< Usage::method as stored ("server", "estimated: ...")
  std::string_view chunk_times;        ///< Timings::chunk_times bytes (empty: not streamed)
  std::int64_t window_id = 0;          ///< 0: not generated in a metered window (cached, old store)
  double start_s = 0;                  ///< NaN when unknown
  double end_s = 0;                    ///< NaN when unknown
  std::optional<double> energy_joules; ///< nothing: not measured
  std::string_view energy_method;
};

class Store {
 public:
  /// Opens or creates the database at `path` and migrates it to the current schema. Throws
  /// ConfigError naming the file when it cannot be opened, is not a reasonbench database, or was
  /// written by a newer reasonbench. `migrate_to` (tests only) stops migrating at that version;
  /// below the current one only runs and problems may be used. Starts a checkpoint thread.
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
  /// Inserts a run (id ignored; empty status: "running") and returns its id. Throws
  /// ConfigError if the name exists. config_json and host_json must hold no secrets.
  std::int64_t create_run(const RunRecord& run);
  /// Sets the status; `ended` stamps ended_at with the current time, else clears it (resume).
  /// Throws std::logic_error for an unknown run id.
  void set_run_status(std::int64_t run_id, std::string_view status, bool ended);

  // --- problems
  /// Stores each problem once per (suite, id, content hash) and returns their ids, in order.
  /// problem_json keeps every field, so grading again needs no dataset. Atomic.
  std::vector<std::int64_t> upsert_problems(std::string_view suite, std::span<const Problem> problems);

  // --- writing samples and verdicts: call inside a Transaction for speed and atomicity
  /// BEGIN IMMEDIATE on construction (waits up to the busy timeout for another writer), COMMIT
  /// on commit(), ROLLBACK on destruction otherwise. Not nestable: a second one throws
  /// std::logic_error. Everything written inside is all there after commit, or none of it.
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
  /// Inserts a sample and returns its id, inside or outside a Transaction. A failed sample
  /// already stored for the same item is replaced (with its verdict); a successful one is never
  /// replaced (throws std::logic_error, as does problem_ref 0). A NaN cost_usd is stored as 0.
  std::int64_t insert_sample(const SampleRecord& record);
  /// Inserts or replaces the verdict of a sample (graded_at: now).
  void insert_verdict(const VerdictRecord& record);
  /// Remembers a successful sample under a request hash (see Adapter::identity), replacing any
  /// entry with that key. Every field of the Sample comes back exactly from cache_get.
  void cache_put(std::string_view key, const Sample& sample);
  std::optional<Sample> cache_get(std::string_view key);

  // --- scores from an external scorer (a reward model: harness/core/scorer.hpp)
  /// Inserts or replaces the score `scorer` gave each (sample id, score), scored_at now. Call
  /// inside a Transaction to make a batch atomic. A NaN score throws std::invalid_argument.
  void insert_scores(std::string_view scorer, std::span<const std::pair<std::int64_t, double>> scores);
  /// Calls fn(sample_id, scorer, score) for every score of the run's samples, in sample id order.
  /// The scorer view is valid during the call only. `fn` must not write.
  void for_each_score(std::int64_t run_id,
                      const std::function<void(std::int64_t, std::string_view, double)>& fn);

  // --- reasoning behaviour (schema version 4, table `behaviours`; harness/store/behaviours.cpp)
  /// Inserts or replaces the behaviour analysis of a sample (with its verdict, inside the same
  /// Transaction). Throws std::logic_error for a NaN figure.
  void insert_behaviour(const BehaviourRecord& record);
  /// Calls `fn` for each analysed sample of the run, in id order. Same rules as for_each_sample:
  /// streamed, no nesting, `fn` must not write.
  void for_each_behaviour(std::int64_t run_id, const std::function<void(const BehaviourFacts&)>& fn);
  /// The stored analysis JSON of a sample, or nothing when it was not analysed.
  std::optional<std::string> behaviour_json(std::int64_t sample_id);

  // --- reading back
  std::vector<ItemState> item_states(std::int64_t run_id);
  /// Calls `fn` for each sample of the run, in id order, with its problem and verdict; rows
  /// are streamed, so memory stays flat. `fn` may write (insert_verdict to grade again) but not
  /// call for_each_sample (std::logic_error); an exception from `fn` stops the walk and propagates.
  void for_each_sample(std::int64_t run_id, const std::function<void(const SampleRow&)>& fn);
  /// Calls `fn` for each sample of the run, in id order, with its figures but none of its texts,
  /// problem or verdict detail: a fraction of for_each_sample's work per row (reports over a
  /// million samples). Same rules as for_each_sample: streamed, no nesting.
  void for_each_sample_facts(std::int64_t run_id, const std::function<void(const SampleFacts&)>& fn);
  /// Calls `fn` for each stored sample among `sample_ids`, in the order given, as for_each_sample
  /// would pass it; ids not in the store are skipped. `fn` must not write.
  void for_each_sample_by_id(std::span<const std::int64_t> sample_ids,
                             const std::function<void(const SampleRow&)>& fn);
  /// The stored problem with id `problem_ref` (problems.id), or nothing.
  std::optional<Problem> find_problem(std::int64_t problem_ref);

  // --- run windows and energy (windows.cpp)
  /// Inserts a window (id ignored) and returns its id.
  std::int64_t insert_window(const WindowRecord& window);
  /// Updates every field of window `window.id` (ended_at: now when empty).
  void update_window(const WindowRecord& window);
  /// The run's windows in id order.
  std::vector<WindowRecord> windows_of_run(std::int64_t run_id);
  /// Sets each sample's energy and method and adds its extra cost, in one transaction (inside
  /// the caller's Transaction when one is open).
  void set_sample_energy(std::span<const SampleEnergy> energies);

 private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

}  // namespace rb::store
