#pragma once
// Copies the write-ahead log into the database file on a thread of its own, with its own
// connection, so that the writer (the run loop) does not wait for the disk on commit. In WAL
// mode a checkpoint syncs the log and the database file; done inline (SQLite's automatic
// checkpoint) those syncs halved ingest speed (bench/RESULTS.md). The writer's connection
// has automatic checkpoints off and a WAL hook instead (install_wal_hook).
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

#include "harness/store/sqlite.hpp"

namespace rb::store {

/// WAL size (pages) at which a commit wakes the checkpoint thread (16 MiB of 16 KiB pages).
inline constexpr int k_checkpoint_wake_pages = 1000;
/// WAL size (pages) at which the writer checkpoints itself after a commit, waiting for the
/// thread first: back-pressure when the disk is slower than the writer, and a log that is
/// reset even when the thread never catches up between two commits (128 MiB).
inline constexpr int k_checkpoint_force_pages = 8000;

class Checkpointer {
 public:
  /// Opens a second connection to `path` (a WAL-mode reasonbench database) and starts the thread.
  explicit Checkpointer(const std::string& path);
  /// Stops and joins the thread (waiting for a checkpoint in progress). Never throws.
  ~Checkpointer();
  Checkpointer(const Checkpointer&) = delete;
  Checkpointer& operator=(const Checkpointer&) = delete;

  /// Asks for a passive checkpoint soon. Thread-safe, never blocks on I/O.
  void wake();
  /// Waits for a checkpoint in progress on the thread to end, then runs `checkpoint` (the
  /// writer's own) while the thread stays idle. Thread-safe.
  void run_exclusive(const std::function<void()>& checkpoint);
  /// Checkpoints run so far (for tests).
  long checkpoints() const;

 private:
  void run();

  Connection m_db;
  mutable std::mutex m_mutex;
  std::condition_variable m_wake;
  std::condition_variable m_idle;
  bool m_pending = false;
  bool m_running = false;  ///< a checkpoint is in progress (the thread's or the writer's)
  bool m_stop = false;
  long m_checkpoints = 0;
  std::thread m_thread;
};

/// Replaces SQLite's automatic checkpoint on the writer `db` with: wake `checkpointer` past
/// k_checkpoint_wake_pages, checkpoint inline (passive) past k_checkpoint_force_pages.
/// `checkpointer` must outlive the hook (remove it with sqlite3_wal_hook(db, nullptr, nullptr)).
void install_wal_hook(Connection& db, Checkpointer& checkpointer);

}  // namespace rb::store
