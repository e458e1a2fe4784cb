#pragma once
// Starting one untrusted process (the compiler, or the program) inside the sandbox: standard
// streams, rlimits, credentials, capabilities, no_new_privs, seccomp, an empty environment,
// then execve. Everything is prepared by the harness before fork.
#include <sys/types.h>

#include <cstdint>
#include <string>
#include <vector>

namespace rb::sandbox::detail {

struct PayloadPlan {
  std::vector<std::string> argv;  ///< argv[0] is an absolute path or relative to `cwd`
  std::vector<std::string> env;   ///< the whole environment ("NAME=value")
  std::string cwd;
  std::string stdin_path;         ///< opened read-only before the uid drop; "" = /dev/null
  int stdout_fd = -1;             ///< the supervisor's descriptors that become 1 and 2
  int stderr_fd = -1;
  std::int64_t cpu_seconds = 0;   ///< RLIMIT_CPU soft limit (SIGXCPU); the hard limit is +1 s
  std::int64_t memory_bytes = 0;  ///< RLIMIT_AS
  std::int64_t file_bytes = 0;    ///< RLIMIT_FSIZE
  std::int64_t stack_bytes = 0;   ///< RLIMIT_STACK
  int processes = 0;              ///< RLIMIT_NPROC (not enforced for uid 0 of the host)
  int open_files = 0;             ///< RLIMIT_NOFILE
  bool change_ids = false;        ///< switch to uid/gid below and drop supplementary groups
  uid_t uid = 0;
  gid_t gid = 0;
  const std::string* seccomp_bpf = nullptr;
};

/// Forks and execs the payload. Returns its pid, or -1 with `error` set when fork fails or
/// the child could not reach execve (reported through a close-on-exec pipe).
pid_t spawn_payload(const PayloadPlan& plan, std::string& error);

}  // namespace rb::sandbox::detail
