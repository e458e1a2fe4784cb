#include "verifiers/sandbox/namespace_sandbox.hpp"

#include <fcntl.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>

#include "verifiers/sandbox/capture.hpp"
#include "verifiers/sandbox/channel.hpp"
#include "verifiers/sandbox/process_util.hpp"
#include "verifiers/sandbox/run_plan.hpp"
#include "verifiers/sandbox/seccomp_filter.hpp"
#include "verifiers/sandbox/toolchain.hpp"

namespace rb::sandbox {

namespace {

using namespace detail;

constexpr int k_namespaces =
    CLONE_NEWUSER | CLONE_NEWPID | CLONE_NEWNET | CLONE_NEWNS | CLONE_NEWIPC | CLONE_NEWUTS | CLONE_NEWCGROUP;
constexpr uid_t k_program_uid = 1000;  ///< the program's uid and gid as seen inside
constexpr const char* k_stdin_path = "/stdin";
constexpr const char* k_work = "/work";
constexpr milliseconds k_unshare_timeout{15'000};

volatile sig_atomic_t g_init_pid = 0;

void stop_init(int)
{
  if (g_init_pid > 0) {
    ::kill(g_init_pid, SIGKILL);  // init's death takes the whole PID namespace with it
  }
}

struct Fds {
  int status, out, err, cc, go, pch;
};

/// The PID namespace's init: becomes root of the user namespace, builds the filesystem, runs.
[[noreturn]] void init_main(const FsPlan& fs, const PhasePlan& phases, int life_fd)
{
  ::prctl(PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0);
  pollfd life{life_fd, POLLIN, 0};
  if (::poll(&life, 1, 0) > 0) {
    ::_exit(1);  // the supervisor died before PDEATHSIG was armed
  }
  ::close(life_fd);
  ::prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);  // the program may not read or write our memory
  std::string error;
  if (::setresgid(0, 0, 0) != 0 || ::setresuid(0, 0, 0) != 0) {
    send_message(phases.status_fd, MessageType::setup_failed, 0, 0, 0, errno_text("become root of the namespace", errno));
    ::_exit(1);
  }
  if (!build_root(fs, error)) {
    send_message(phases.status_fd, MessageType::setup_failed, 0, 0, 0, error);
    ::_exit(1);
  }
  run_phases(phases);
}

/// The supervisor: unshares, waits for the uid map, forks init, waits for it.
[[noreturn]] void supervisor_main(pid_t harness, Fds fds, const FsPlan& fs, const PhasePlan& phases)
{
  std::vector<int*> keep{&fds.status, &fds.out, &fds.err, &fds.cc, &fds.go};
  if (fds.pch >= 0) {
    keep.push_back(&fds.pch);
  }
  if (!pin_fds(keep)) {
    ::_exit(1);
  }
  const int null_fd = ::open("/dev/null", O_RDWR);
  for (int std_fd = 0; std_fd <= 2; ++std_fd) {
    ::dup2(null_fd, std_fd);  // never the harness's terminal or logs
  }
  ::close(null_fd);
  ::prctl(PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0);
  if (::getppid() != harness) {
    ::_exit(1);
  }
  ::prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0);
  struct sigaction action{};
  action.sa_handler = stop_init;
  ::sigaction(SIGUSR1, &action, nullptr);
  if (::unshare(k_namespaces) != 0) {
    send_message(fds.status, MessageType::setup_failed, 0, 0, 0, errno_text("unshare namespaces", errno));
    ::_exit(1);
  }
  send_message(fds.status, MessageType::unshared);
  char go = 0;
  if (::read(fds.go, &go, 1) != 1 || go != '1') {
    ::_exit(1);  // the harness could not write our uid map and reported it itself
  }
  ::close(fds.go);
  int life[2];
  if (::pipe2(life, O_CLOEXEC) != 0) {
    send_message(fds.status, MessageType::setup_failed, 0, 0, 0, errno_text("pipe", errno));
    ::_exit(1);
  }
  FsPlan plan = fs;
  plan.extra_dir_fd = fds.pch;
  const pid_t init = ::fork();
  if (init == 0) {
    ::close(life[1]);
    init_main(plan, phases, life[0]);
  }
  ::close(life[0]);
  if (init < 0) {
    send_message(fds.status, MessageType::setup_failed, 0, 0, 0, errno_text("fork init", errno));
    ::_exit(1);
  }
  g_init_pid = init;
  // Keep only the life pipe (init checks it is open); the harness sees EOF when init is gone.
  ::dup2(life[1], 3);
  ::close_range(4, ~0U, 0);
  while (true) {
    const pid_t done = ::waitpid(-1, nullptr, __WALL);
    if (done == init || (done < 0 && errno == ECHILD)) {
      break;
    }
  }
  ::_exit(0);
}

bool write_proc(pid_t pid, const char* name, const std::string& text, std::string& error)
{
  const std::string path = "/proc/" + std::to_string(pid) + "/" + name;
  const int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
  if (fd < 0 || !write_all(fd, text)) {
    error = errno_text("write " + path, errno);
    if (fd >= 0) {
      ::close(fd);
    }
    return false;
  }
  ::close(fd);
  return true;
}

/// Reads one message from the status channel within `timeout`.
std::optional<Message> read_message(int fd, milliseconds timeout)
{
  pollfd p{fd, POLLIN, 0};
  if (::poll(&p, 1, static_cast<int>(timeout.count())) <= 0) {
    return std::nullopt;
  }
  Message message;
  const ssize_t n = ::read(fd, &message, sizeof message);
  if (n != static_cast<ssize_t>(sizeof message)) {
    return std::nullopt;
  }
  message.text[sizeof message.text - 1] = '\0';
  return message;
}

RunResult failure(std::string detail)
{
  RunResult r;
  r.status = Status::sandbox_error;
  r.detail = std::move(detail);
  return r;
}

}  // namespace

NamespaceSandbox::NamespaceSandbox()
{
  m_rootful = find_uid_block(m_uids);
  const uid_t inside = m_rootful ? k_program_uid : 0;
  m_fs = host_fs_plan(inside, inside);
  payload_filter();  // build it now: a libseccomp failure surfaces at construction
}

NamespaceSandbox::~NamespaceSandbox()
{
  if (m_pch_fd >= 0) {
    ::close(m_pch_fd);
  }
}

std::string NamespaceSandbox::describe() const
{
  return std::string("namespaces (user, pid, net, mount, ipc, uts, cgroup), read-only system view, private tmpfs, ") +
         (m_rootful ? "a host uid per slot" : "one unprivileged uid") + ", seccomp, rlimits";
}

int NamespaceSandbox::pch_fd()
{
  std::call_once(m_pch_once, [this] {
    const std::string& dir = precompiled_header_dir();
    if (!dir.empty()) {
      m_pch_fd = ::open(dir.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC);
    }
  });
  return m_pch_fd;
}

RunResult NamespaceSandbox::run(const RunSpec& spec)
{
  if (const std::string bad = check_file_names(spec); !bad.empty()) {
    return failure(bad);
  }
  const bool compiles = spec.language == Language::cpp && spec.command.empty();
  const int pch_dir = compiles ? pch_fd() : -1;
  const int pch = pch_dir >= 0 ? clone_read_only_tree(pch_dir) : -1;
  struct CloseOnExit {
    int fd;
    ~CloseOnExit()
    {
      if (fd >= 0) {
        ::close(fd);
      }
    }
  } close_pch{pch};
  SlotLease lease(m_slots);
  const int slot = lease.slot();

  FsPlan fs = m_fs;
  fs.disk_bytes = spec.limits.disk_bytes;
  const std::string work = k_work;
  fs.files.emplace_back(work + "/" + (spec.language == Language::cpp ? k_source_cpp : k_source_python), spec.source);
  for (const auto& file : spec.files) {
    fs.files.emplace_back(work + "/" + file.name, file.content);
    if (file.executable) {
      fs.executables.push_back(work + "/" + file.name);
    }
  }
  fs.files.emplace_back(k_stdin_path, spec.stdin_data);
  if (pch >= 0) {
    fs.extra_dir = k_pch_mount;
  }
  Identity who{m_rootful, k_program_uid, k_program_uid};
  const PhasePlan phases = plan_phases(spec, who, work, k_stdin_path, pch >= 0 ? k_pch_mount : "", true);

  int out[2], err[2], cc[2], status[2], go[2];
  for (int* p : {out, err, cc, status, go}) {
    if (::pipe2(p, O_CLOEXEC) != 0) {
      return failure(errno_text("pipe", errno));  // (descriptors of earlier pipes leak only on EMFILE)
    }
  }
  const pid_t harness = ::getpid();
  const pid_t pid = ::fork();
  if (pid == 0) {
    supervisor_main(harness, Fds{status[1], out[1], err[1], cc[1], go[0], pch}, fs, phases);
  }
  for (const int fd : {out[1], err[1], cc[1], status[1], go[0]}) {
    ::close(fd);
  }
  auto close_all = [&] {
    for (const int fd : {out[0], err[0], cc[0], status[0], go[1]}) {
      ::close(fd);
    }
  };
  if (pid < 0) {
    close_all();
    return failure(errno_text("fork", errno));
  }
  const auto first = read_message(status[0], k_unshare_timeout);
  if (!first || first->type != MessageType::unshared) {
    close_all();
    abandon(pid);
    return failure(first ? first->text : "the sandbox supervisor did not start");
  }
  std::string error;
  bool mapped = true;
  if (m_rootful) {
    const std::string owner = std::to_string(m_uids.owner(slot));
    const std::string program = std::to_string(m_uids.program(slot));
    const std::string map = "0 " + owner + " 1\n" + std::to_string(k_program_uid) + " " + program + " 1\n";
    mapped = write_proc(pid, "uid_map", map, error) && write_proc(pid, "gid_map", map, error);
  } else {
    mapped = write_proc(pid, "uid_map", "0 " + std::to_string(::geteuid()) + " 1\n", error) &&
             write_proc(pid, "setgroups", "deny", error) &&
             write_proc(pid, "gid_map", "0 " + std::to_string(::getegid()) + " 1\n", error);
  }
  if (!mapped || !write_all(go[1], "1")) {
    close_all();
    abandon(pid);
    return failure(error.empty() ? errno_text("start the supervisor", errno) : error);
  }
  ::close(go[1]);
  const Pipes pipes{out[0], err[0], cc[0], status[0]};
  return supervise(pid, pipes, spec, compiles, [pid] { ::kill(pid, SIGUSR1); });
}

}  // namespace rb::sandbox
