#include "harness/store/checkpointer.hpp"

namespace rb::store {

namespace {

int wal_hook(void* context, sqlite3* db, const char* schema, int pages)
{
  if (pages >= k_checkpoint_force_pages) {
    // Runs after the commit, with the write lock released. SQLITE_BUSY (another process is
    // checkpointing) only means that the next commit tries again.
    static_cast<Checkpointer*>(context)->run_exclusive(
        [&] { sqlite3_wal_checkpoint_v2(db, schema, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr); });
  } else if (pages >= k_checkpoint_wake_pages) {
    static_cast<Checkpointer*>(context)->wake();
  }
  return SQLITE_OK;
}

}  // namespace

Checkpointer::Checkpointer(const std::string& path) : m_db(path)
{
  m_db.exec("PRAGMA synchronous = NORMAL");  // as the writer: sync the log, then the database
  m_thread = std::thread([this] { run(); });
}

Checkpointer::~Checkpointer()
{
  {
    std::lock_guard lock(m_mutex);
    m_stop = true;
  }
  m_wake.notify_one();
  m_thread.join();
}

void Checkpointer::wake()
{
  {
    std::lock_guard lock(m_mutex);
    m_pending = true;
  }
  m_wake.notify_one();
}

long Checkpointer::checkpoints() const
{
  std::lock_guard lock(m_mutex);
  return m_checkpoints;
}

void Checkpointer::run_exclusive(const std::function<void()>& checkpoint)
{
  {
    std::unique_lock lock(m_mutex);
    m_idle.wait(lock, [this] { return !m_running; });
    m_running = true;
    m_pending = false;  // the writer's checkpoint does the work that was asked for
  }
  struct Release {
    Checkpointer* self;
    ~Release()
    {
      std::lock_guard lock(self->m_mutex);
      self->m_running = false;
      ++self->m_checkpoints;
    }
  } release{this};
  checkpoint();
}

void Checkpointer::run()
{
  std::unique_lock lock(m_mutex);
  while (true) {
    m_wake.wait(lock, [this] { return (m_pending && !m_running) || m_stop; });
    if (m_stop) {
      return;
    }
    m_pending = false;
    m_running = true;
    lock.unlock();
    // Passive: never blocks the writer or readers; copies what is committed and syncs. Errors
    // (busy, I/O) only delay the copy; the writer's own checkpoint and close catch up.
    sqlite3_wal_checkpoint_v2(m_db.get(), nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
    lock.lock();
    m_running = false;
    ++m_checkpoints;
    m_idle.notify_all();
  }
}

void install_wal_hook(Connection& db, Checkpointer& checkpointer)
{
  sqlite3_wal_hook(db.get(), wal_hook, &checkpointer);
}

}  // namespace rb::store
