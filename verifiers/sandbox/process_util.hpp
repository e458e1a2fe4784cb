#pragma once
// Low-level process helpers shared by the sandbox's supervisor processes. Everything here is
// safe to call in a child forked from a multi-threaded harness (glibc's fork resets malloc).
#include <sys/types.h>

#include <string>
#include <string_view>
#include <vector>

namespace rb::sandbox::detail {

/// Writes all of `data`, retrying on EINTR and short writes. False on any other error.
bool write_all(int fd, std::string_view data);
/// Reads until EOF or `max_bytes`; on EINTR retries. Returns what was read.
std::string read_up_to(int fd, std::size_t max_bytes);
/// Writes `content` to a new file `path` (mode `mode`), failing if it exists.
bool write_file(const std::string& path, std::string_view content, mode_t mode);

/// Moves `fds` to 3, 4, 5... in order and closes every other descriptor above 2, so a child
/// forked by another harness thread never keeps our pipes open (and our children never keep
/// theirs). Returns false when a dup fails.
bool pin_fds(const std::vector<int*>& fds);

/// "what: strerror(errno)" for one-line messages.
std::string errno_text(std::string_view what, int error_number);

/// Waits for `pid`, retrying on EINTR; returns its wait status (or -1).
int wait_for(pid_t pid);

/// Kills every process this process can see as a child or descendant, until none is left:
/// in a PID namespace's init, kill(-1) does it; elsewhere (the weak sandbox) the process group
/// `group` and then every child re-parented to us (we are a child subreaper) are killed.
/// Reaps them all. Stops an escaped double fork: nothing outlives a run.
void kill_and_reap_all(bool namespace_init, pid_t group);

}  // namespace rb::sandbox::detail
