#pragma once
// Concurrent runs take a slot each; a slot names the host uids the run's processes get, so
// two runs never share a uid (RLIMIT_NPROC counts every process of a uid, and one run must
// not be able to signal or starve another).
#include <sys/types.h>

#include <condition_variable>
#include <mutex>
#include <vector>

namespace rb::sandbox::detail {

constexpr int k_max_slots = 128;

class SlotPool {
 public:
  explicit SlotPool(int count);
  /// Blocks until a slot is free. Thread-safe.
  int acquire();
  void release(int slot);

 private:
  std::mutex m_mutex;
  std::condition_variable m_free_cv;
  std::vector<int> m_free;
};

/// RAII: a slot for the lifetime of one run.
class SlotLease {
 public:
  explicit SlotLease(SlotPool& pool) : m_pool(pool), m_slot(pool.acquire()) {}
  ~SlotLease() { m_pool.release(m_slot); }
  SlotLease(const SlotLease&) = delete;
  SlotLease& operator=(const SlotLease&) = delete;
  int slot() const { return m_slot; }

 private:
  SlotPool& m_pool;
  int m_slot;
};

/// Host uids for slots when the harness runs as root: a block of 2 * k_max_slots ids inside
/// this process's uid and gid maps, offset by our pid so concurrent harness processes rarely
/// share one. Nothing when we are not root or no such block exists.
struct UidBlock {
  uid_t base = 0;
  uid_t owner(int slot) const { return base + 2 * static_cast<uid_t>(slot); }    ///< the supervisor
  uid_t program(int slot) const { return base + 2 * static_cast<uid_t>(slot) + 1; }  ///< the program
};
bool find_uid_block(UidBlock& block);

}  // namespace rb::sandbox::detail
