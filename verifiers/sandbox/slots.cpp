#include "verifiers/sandbox/slots.hpp"

#include <unistd.h>

#include <fstream>

namespace rb::sandbox::detail {

SlotPool::SlotPool(int count)
{
  for (int i = count - 1; i >= 0; --i) {
    m_free.push_back(i);
  }
}

int SlotPool::acquire()
{
  std::unique_lock lock(m_mutex);
  m_free_cv.wait(lock, [this] { return !m_free.empty(); });
  const int slot = m_free.back();
  m_free.pop_back();
  return slot;
}

void SlotPool::release(int slot)
{
  {
    std::lock_guard lock(m_mutex);
    m_free.push_back(slot);
  }
  m_free_cv.notify_one();
}

namespace {
/// Whether [first, first + count) lies inside one extent of a /proc/self/{uid,gid}_map.
bool mapped(const char* path, unsigned long first, unsigned long count)
{
  std::ifstream in(path);
  unsigned long inside = 0;
  unsigned long outside = 0;
  unsigned long length = 0;
  while (in >> inside >> outside >> length) {
    if (first >= inside && first + count <= inside + length) {
      return true;
    }
  }
  return false;
}
}  // namespace

bool find_uid_block(UidBlock& block)
{
  if (::geteuid() != 0) {
    return false;
  }
  constexpr unsigned long k_first = 200'000;
  constexpr unsigned long k_spread = 2'000;
  const unsigned long width = 2 * k_max_slots;
  block.base = static_cast<uid_t>(k_first + (static_cast<unsigned long>(::getpid()) % k_spread) * width);
  return mapped("/proc/self/uid_map", block.base, width) && mapped("/proc/self/gid_map", block.base, width);
}

}  // namespace rb::sandbox::detail
