#include "verifiers/sandbox/payload.hpp"

#include <fcntl.h>
#include <grp.h>
#include <linux/capability.h>
#include <linux/securebits.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "verifiers/sandbox/process_util.hpp"
#include "verifiers/sandbox/seccomp_filter.hpp"

namespace rb::sandbox::detail {

namespace {

struct Pointers {
  std::vector<char*> argv;
  std::vector<char*> envp;
};

Pointers pointers(const PayloadPlan& plan)
{
  Pointers p;
  for (const auto& a : plan.argv) {
    p.argv.push_back(const_cast<char*>(a.c_str()));
  }
  p.argv.push_back(nullptr);
  for (const auto& e : plan.env) {
    p.envp.push_back(const_cast<char*>(e.c_str()));
  }
  p.envp.push_back(nullptr);
  return p;
}

/// Reports the failed step and its errno to the parent, then exits.
[[noreturn]] void fail(int report_fd, const char* step)
{
  const int error_number = errno;
  const std::string text = errno_text(step, error_number);
  write_all(report_fd, text);
  ::_exit(127);
}

bool set_limit(int resource, std::int64_t soft, std::int64_t hard)
{
  const rlimit limit{static_cast<rlim_t>(soft), static_cast<rlim_t>(hard)};
  return ::setrlimit(resource, &limit) == 0;
}

/// Empties every capability set, including the bounding set, so neither this process nor
/// anything it execs holds a capability (even as uid 0 of a user namespace).
bool drop_capabilities()
{
  for (int cap = 0; cap < 64; ++cap) {
    if (::prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) != 0 && errno == EINVAL) {
      break;  // past the last capability this kernel knows
    }
  }
  ::prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0);
  // uid 0 regains capabilities at execve unless SECBIT_NOROOT is set and locked.
  ::prctl(PR_SET_SECUREBITS, SECBIT_NOROOT | SECBIT_NOROOT_LOCKED | SECBIT_NO_SETUID_FIXUP |
                                 SECBIT_NO_SETUID_FIXUP_LOCKED | SECBIT_KEEP_CAPS_LOCKED |
                                 SECBIT_NO_CAP_AMBIENT_RAISE | SECBIT_NO_CAP_AMBIENT_RAISE_LOCKED,
          0, 0, 0);
  __user_cap_header_struct header{_LINUX_CAPABILITY_VERSION_3, 0};
  __user_cap_data_struct data[2] = {};
  return ::syscall(SYS_capset, &header, data) == 0;
}

[[noreturn]] void child(const PayloadPlan& plan, Pointers& p, int report_fd)
{
  ::setsid();
  const int in = plan.stdin_path.empty() ? ::open("/dev/null", O_RDONLY) : ::open(plan.stdin_path.c_str(), O_RDONLY);
  if (in < 0) {
    fail(report_fd, "open stdin");
  }
  if (::dup2(in, 0) < 0 || ::dup2(plan.stdout_fd, 1) < 0 || ::dup2(plan.stderr_fd, 2) < 0) {
    fail(report_fd, "dup2");
  }
  // Keep only 0, 1, 2 and the close-on-exec report pipe.
  if (report_fd != 3 && ::dup2(report_fd, 3) < 0) {
    fail(report_fd, "dup2 report");
  }
  report_fd = 3;
  ::fcntl(report_fd, F_SETFD, FD_CLOEXEC);
  ::close_range(4, ~0U, 0);
  if (::chdir(plan.cwd.c_str()) != 0) {
    fail(report_fd, "chdir");
  }
  const std::int64_t cpu_hard = plan.cpu_seconds + 1;
  if (!set_limit(RLIMIT_CPU, plan.cpu_seconds, cpu_hard) || !set_limit(RLIMIT_AS, plan.memory_bytes, plan.memory_bytes) ||
      !set_limit(RLIMIT_FSIZE, plan.file_bytes, plan.file_bytes) || !set_limit(RLIMIT_CORE, 0, 0) ||
      !set_limit(RLIMIT_STACK, plan.stack_bytes, plan.stack_bytes) ||
      !set_limit(RLIMIT_NOFILE, plan.open_files, plan.open_files) || !set_limit(RLIMIT_MEMLOCK, 0, 0) ||
      !set_limit(RLIMIT_MSGQUEUE, 0, 0) || !set_limit(RLIMIT_NPROC, plan.processes, plan.processes)) {
    fail(report_fd, "setrlimit");
  }
  if (plan.change_ids) {
    if (::setgroups(0, nullptr) != 0 || ::setresgid(plan.gid, plan.gid, plan.gid) != 0 ||
        ::setresuid(plan.uid, plan.uid, plan.uid) != 0) {
      fail(report_fd, "switch to the slot's uid");
    }
  }
  if (!drop_capabilities()) {
    fail(report_fd, "drop capabilities");
  }
  ::prctl(PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0);
  if (plan.seccomp_bpf != nullptr && !install_filter(*plan.seccomp_bpf)) {
    fail(report_fd, "install the seccomp filter");
  }
  ::execve(p.argv[0], p.argv.data(), p.envp.data());
  fail(report_fd, "execve");
}

}  // namespace

pid_t spawn_payload(const PayloadPlan& plan, std::string& error)
{
  Pointers p = pointers(plan);
  int report[2];
  if (::pipe2(report, O_CLOEXEC) != 0) {
    error = errno_text("pipe", errno);
    return -1;
  }
  const pid_t pid = ::fork();
  if (pid < 0) {
    error = errno_text("fork", errno);
    ::close(report[0]);
    ::close(report[1]);
    return -1;
  }
  if (pid == 0) {
    ::close(report[0]);
    child(plan, p, report[1]);
  }
  ::close(report[1]);
  error = read_up_to(report[0], 512);  // empty: execve succeeded (the pipe closed on exec)
  ::close(report[0]);
  if (!error.empty()) {
    wait_for(pid);
    return -1;
  }
  return pid;
}

}  // namespace rb::sandbox::detail
