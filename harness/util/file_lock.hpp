#pragma once
// An advisory, exclusive, non-blocking lock on a file (flock), held until the object is
// destroyed or the process ends, however it ends: the kernel releases it after a kill -9, so a
// crash never leaves a stale lock. flock locks do not interact with SQLite's own fcntl locks.
#include <optional>
#include <string>

namespace rb::util {

class FileLock {
 public:
  /// Locks `path` (which must exist). Nothing when another open file description holds it.
  /// Throws std::runtime_error when the file cannot be opened.
  static std::optional<FileLock> try_lock(const std::string& path);

  FileLock(FileLock&& other) noexcept;
  FileLock& operator=(FileLock&& other) noexcept;
  FileLock(const FileLock&) = delete;
  FileLock& operator=(const FileLock&) = delete;
  ~FileLock();

 private:
  explicit FileLock(int fd) : m_fd(fd) {}
  int m_fd = -1;
};

}  // namespace rb::util
