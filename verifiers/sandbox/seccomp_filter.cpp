#include "verifiers/sandbox/seccomp_filter.hpp"

#include <linux/filter.h>
#include <linux/seccomp.h>
#include <sched.h>
#include <seccomp.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <stdexcept>

#include "verifiers/sandbox/process_util.hpp"

namespace rb::sandbox::detail {

namespace {

/// Denied outright (EPERM). One line each says what the syscall would let a program do.
constexpr const char* k_denied[] = {
    // escape through the mount table or new namespaces
    "mount", "umount2", "pivot_root", "chroot", "unshare", "setns", "move_mount", "open_tree", "fsopen",
    "fsconfig", "fsmount", "fspick", "mount_setattr",
    // reading or steering other processes (the harness's, a sibling test's)
    "ptrace", "process_vm_readv", "process_vm_writev", "kcmp", "pidfd_getfd", "perf_event_open",
    // large kernel attack surfaces no test needs
    "bpf", "keyctl", "add_key", "request_key", "userfaultfd", "io_uring_setup", "io_uring_enter",
    "io_uring_register", "open_by_handle_at", "name_to_handle_at", "fanotify_init",
    // host administration
    "kexec_load", "kexec_file_load", "init_module", "finit_module", "delete_module", "reboot", "swapon",
    "swapoff", "syslog", "acct", "settimeofday", "clock_settime", "clock_adjtime", "adjtimex", "sethostname",
    "setdomainname", "quotactl", "quotactl_fd", "lookup_dcookie", "ioperm", "iopl", "modify_ldt", "uselib",
    "ustat", "sysfs", "_sysctl", "vhangup",
};

constexpr unsigned long k_namespace_flags[] = {CLONE_NEWUSER, CLONE_NEWNS,  CLONE_NEWPID,   CLONE_NEWNET,
                                               CLONE_NEWIPC,  CLONE_NEWUTS, CLONE_NEWCGROUP};

void check(int rc, const char* what)
{
  if (rc != 0) {
    throw std::runtime_error(std::string("seccomp filter: ") + what + " failed (" + std::to_string(rc) + ")");
  }
}

std::string build()
{
  scmp_filter_ctx ctx = seccomp_init(SCMP_ACT_ALLOW);
  if (ctx == nullptr) {
    throw std::runtime_error("seccomp filter: seccomp_init failed");
  }
  try {
    // Other architectures' syscall tables (int 0x80, x32) bypass name-based rules: kill.
    check(seccomp_attr_set(ctx, SCMP_FLTATR_ACT_BADARCH, SCMP_ACT_KILL_PROCESS), "bad-arch action");
    const auto deny = SCMP_ACT_ERRNO(EPERM);
    for (const char* name : k_denied) {
      const int nr = seccomp_syscall_resolve_name(name);
      if (nr != __NR_SCMP_ERROR) {
        check(seccomp_rule_add(ctx, deny, nr, 0), name);
      }
    }
    // Networks: only AF_UNIX sockets (multiprocessing needs them); the net namespace is empty too.
    check(seccomp_rule_add(ctx, deny, SCMP_SYS(socket), 1, SCMP_A0(SCMP_CMP_NE, AF_UNIX)), "socket");
    // New namespaces through clone(); clone3 hides its flags in memory, so it looks absent and
    // glibc falls back to clone.
    for (const unsigned long flag : k_namespace_flags) {
      check(seccomp_rule_add(ctx, deny, SCMP_SYS(clone), 1, SCMP_A0(SCMP_CMP_MASKED_EQ, flag, flag)), "clone");
    }
    check(seccomp_rule_add(ctx, SCMP_ACT_ERRNO(ENOSYS), SCMP_SYS(clone3), 0), "clone3");
    // Typing into the harness's terminal.
    for (const unsigned long request : {static_cast<unsigned long>(TIOCSTI), static_cast<unsigned long>(TIOCLINUX)}) {
      check(seccomp_rule_add(ctx, deny, SCMP_SYS(ioctl), 1, SCMP_A1(SCMP_CMP_MASKED_EQ, 0xffffffffUL, request)),
            "ioctl");
    }
    const int fd = ::memfd_create("seccomp-bpf", MFD_CLOEXEC);
    if (fd < 0) {
      throw std::runtime_error(errno_text("seccomp filter: memfd_create", errno));
    }
    const int rc = seccomp_export_bpf(ctx, fd);
    ::lseek(fd, 0, SEEK_SET);
    std::string bpf = read_up_to(fd, 1 << 20);
    ::close(fd);
    check(rc, "export");
    if (bpf.empty() || bpf.size() % sizeof(sock_filter) != 0) {
      throw std::runtime_error("seccomp filter: exported program has a bad size");
    }
    seccomp_release(ctx);
    return bpf;
  } catch (...) {
    seccomp_release(ctx);
    throw;
  }
}

}  // namespace

const std::string& payload_filter()
{
  static const std::string k_bpf = build();
  return k_bpf;
}

bool install_filter(const std::string& bpf)
{
  if (::prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0) {
    return false;
  }
  sock_fprog program{};
  program.len = static_cast<unsigned short>(bpf.size() / sizeof(sock_filter));
  program.filter = reinterpret_cast<sock_filter*>(const_cast<char*>(bpf.data()));
  return ::prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &program, 0, 0) == 0;
}

}  // namespace rb::sandbox::detail
