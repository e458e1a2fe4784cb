#include "verifiers/sandbox/weak_sandbox.hpp"

#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <filesystem>

#include "verifiers/sandbox/capture.hpp"
#include "verifiers/sandbox/process_util.hpp"
#include "verifiers/sandbox/run_plan.hpp"
#include "verifiers/sandbox/seccomp_filter.hpp"
#include "verifiers/sandbox/toolchain.hpp"

namespace rb::sandbox {

namespace {

using namespace detail;

RunResult failure(std::string detail)
{
  RunResult r;
  r.status = Status::sandbox_error;
  r.detail = std::move(detail);
  return r;
}

[[noreturn]] void supervisor_main(pid_t harness, int status, int out, int err, int cc, const PhasePlan& phases)
{
  if (!pin_fds({&status, &out, &err, &cc})) {
    ::_exit(1);
  }
  const int null_fd = ::open("/dev/null", O_RDWR);
  for (int std_fd = 0; std_fd <= 2; ++std_fd) {
    ::dup2(null_fd, std_fd);
  }
  ::close(null_fd);
  ::prctl(PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0);
  if (::getppid() != harness) {
    ::_exit(1);
  }
  // Orphans of the program become our children, so none escapes the final kill.
  ::prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0);
  install_stop_handler();
  run_phases(phases);
}

}  // namespace

WeakSandbox::WeakSandbox()
{
  m_rootful = find_uid_block(m_uids);
  payload_filter();
}

std::string WeakSandbox::describe() const
{
  return std::string("WEAK (no namespaces: the host's files are visible): seccomp, rlimits, private work dir, ") +
         (m_rootful ? "a host uid per slot" : "the harness's uid");
}

RunResult WeakSandbox::run(const RunSpec& spec)
{
  namespace fs = std::filesystem;
  if (const std::string bad = check_file_names(spec); !bad.empty()) {
    return failure(bad);
  }
  const bool compiles = spec.language == Language::cpp && spec.command.empty();
  SlotLease lease(m_slots);
  char pattern[] = "/tmp/rb-sandbox-XXXXXX";
  if (::mkdtemp(pattern) == nullptr) {
    return failure(errno_text("mkdtemp", errno));
  }
  const std::string root = pattern;
  struct Cleanup {
    std::string dir;
    ~Cleanup()
    {
      std::error_code ec;
      fs::remove_all(dir, ec);
    }
  } cleanup{root};
  const std::string work = root + "/work";
  const std::string stdin_path = root + "/stdin";
  const Identity who{m_rootful, m_rootful ? m_uids.program(lease.slot()) : 0,
                     m_rootful ? m_uids.program(lease.slot()) : 0};
  // Other slots' programs (other uids) may not read this run's files: the work dir is its
  // uid's alone, and stdin is opened before the uid drop.
  bool ok = ::mkdir(work.c_str(), m_rootful ? 0700 : 0755) == 0 && ::chmod(root.c_str(), 0711) == 0 &&
            write_file(work + "/" + (spec.language == Language::cpp ? k_source_cpp : k_source_python), spec.source, 0644) &&
            write_file(stdin_path, spec.stdin_data, m_rootful ? 0600 : 0644);
  for (const auto& file : spec.files) {
    ok = ok && write_file(work + "/" + file.name, file.content, file.executable ? 0755 : 0644);
  }
  if (ok && m_rootful) {
    ok = ::chown(work.c_str(), who.uid, who.gid) == 0;
  }
  if (!ok) {
    return failure(errno_text("prepare the work dir", errno));
  }
  // The program's uid cannot read the harness's cache when it is a slot uid: no PCH then.
  const std::string pch = compiles && !m_rootful ? precompiled_header_dir() : "";
  const PhasePlan phases = plan_phases(spec, who, work, stdin_path, pch, false);
  int out[2], err[2], cc[2], status[2];
  for (int* p : {out, err, cc, status}) {
    if (::pipe2(p, O_CLOEXEC) != 0) {
      return failure(errno_text("pipe", errno));
    }
  }
  const pid_t harness = ::getpid();
  const pid_t pid = ::fork();
  if (pid == 0) {
    supervisor_main(harness, status[1], out[1], err[1], cc[1], phases);
  }
  for (const int fd : {out[1], err[1], cc[1], status[1]}) {
    ::close(fd);
  }
  if (pid < 0) {
    for (const int fd : {out[0], err[0], cc[0], status[0]}) {
      ::close(fd);
    }
    return failure(errno_text("fork", errno));
  }
  const Pipes pipes{out[0], err[0], cc[0], status[0]};
  return supervise(pid, pipes, spec, compiles, [pid] { ::kill(pid, SIGUSR1); });
}

}  // namespace rb::sandbox
