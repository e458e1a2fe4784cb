#include "verifiers/sandbox/process_util.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <vector>

namespace rb::sandbox::detail {

bool write_all(int fd, std::string_view data)
{
  while (!data.empty()) {
    const ssize_t n = ::write(fd, data.data(), data.size());
    if (n < 0) {
      if (errno == EINTR) {
        continue;
      }
      return false;
    }
    data.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

std::string read_up_to(int fd, std::size_t max_bytes)
{
  std::string out;
  char buffer[16384];
  while (out.size() < max_bytes) {
    const ssize_t n = ::read(fd, buffer, std::min(sizeof buffer, max_bytes - out.size()));
    if (n < 0 && errno == EINTR) {
      continue;
    }
    if (n <= 0) {
      break;
    }
    out.append(buffer, static_cast<std::size_t>(n));
  }
  return out;
}

bool write_file(const std::string& path, std::string_view content, mode_t mode)
{
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, mode);
  if (fd < 0) {
    return false;
  }
  const bool ok = write_all(fd, content);
  ::fchmod(fd, mode);  // the umask must not decide who may read it
  return ::close(fd) == 0 && ok;
}

bool pin_fds(const std::vector<int*>& fds)
{
  // First move every wanted descriptor above the target range, then down into place, so no
  // dup2 overwrites a descriptor still waiting to be moved.
  const int high = 100 + static_cast<int>(fds.size());
  int next_high = high;
  for (int* fd : fds) {
    const int moved = ::fcntl(*fd, F_DUPFD, next_high++);
    if (moved < 0) {
      return false;
    }
    *fd = moved;
  }
  int target = 3;
  for (int* fd : fds) {
    if (::dup2(*fd, target) < 0) {
      return false;
    }
    *fd = target++;
  }
  ::close_range(static_cast<unsigned>(target), ~0U, 0);
  return true;
}

std::string errno_text(std::string_view what, int error_number)
{
  return std::string(what) + ": " + std::strerror(error_number);
}

int wait_for(pid_t pid)
{
  int status = 0;
  while (::waitpid(pid, &status, __WALL) < 0) {
    if (errno != EINTR) {
      return -1;
    }
  }
  return status;
}

namespace {
/// Direct children of this (single-threaded) process, from /proc/self/task/<pid>/children.
std::vector<pid_t> list_children()
{
  std::vector<pid_t> children;
  const std::string path = "/proc/self/task/" + std::to_string(::getpid()) + "/children";
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    return children;
  }
  const std::string text = read_up_to(fd, 1 << 20);
  ::close(fd);
  pid_t value = 0;
  bool in_number = false;
  for (const char c : text) {
    if (c >= '0' && c <= '9') {
      value = value * 10 + (c - '0');
      in_number = true;
    } else if (in_number) {
      children.push_back(value);
      value = 0;
      in_number = false;
    }
  }
  if (in_number) {
    children.push_back(value);
  }
  return children;
}
}  // namespace

void kill_and_reap_all(bool namespace_init, pid_t group)
{
  while (true) {
    if (namespace_init) {
      ::kill(-1, SIGKILL);  // init of a PID namespace: every other process in it
    } else {
      if (group > 0) {
        ::kill(-group, SIGKILL);
      }
      for (const pid_t child : list_children()) {
        ::kill(child, SIGKILL);
      }
    }
    // Reap what has died; a child still dying is waited for, then we look again, since its
    // orphans are re-parented to us (init, or the child subreaper) only when it is gone.
    const pid_t pid = ::waitpid(-1, nullptr, __WALL);
    if (pid < 0 && errno == ECHILD) {
      return;
    }
  }
}

}  // namespace rb::sandbox::detail
