#include "verifiers/sandbox/init_process.hpp"

#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>

#include "verifiers/sandbox/channel.hpp"
#include "verifiers/sandbox/process_util.hpp"

namespace rb::sandbox::detail {

namespace {

volatile sig_atomic_t g_payload_pid = 0;
volatile sig_atomic_t g_stopped = 0;

void stop_payload(int)
{
  g_stopped = 1;
  if (g_payload_pid > 0) {
    ::kill(-g_payload_pid, SIGKILL);
    ::kill(g_payload_pid, SIGKILL);
  }
}

struct Outcome {
  int wait_status = 0;
  rusage usage{};
};

/// Waits for `pid`, reaping any other process that dies meanwhile (orphans are ours), so
/// zombies never count against the slot's process limit.
Outcome wait_payload(pid_t pid)
{
  Outcome outcome;
  while (true) {
    int status = 0;
    rusage usage{};
    const pid_t done = ::wait4(-1, &status, __WALL, &usage);
    if (done == pid) {
      outcome.wait_status = status;
      outcome.usage = usage;
      return outcome;
    }
    if (done < 0 && errno != EINTR) {
      outcome.wait_status = -1;
      return outcome;
    }
  }
}

std::int64_t cpu_us(const rusage& usage)
{
  return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1'000'000LL + usage.ru_utime.tv_usec + usage.ru_stime.tv_usec;
}

}  // namespace

void install_stop_handler()
{
  struct sigaction action{};
  action.sa_handler = stop_payload;
  ::sigaction(SIGUSR1, &action, nullptr);
}

void run_phases(const PhasePlan& plan)
{
  std::string error;
  if (plan.compile) {
    const pid_t pid = spawn_payload(*plan.compile, error);
    if (pid < 0) {
      send_message(plan.status_fd, MessageType::setup_failed, 0, 0, 0, "compiler: " + error);
      ::_exit(0);
    }
    g_payload_pid = pid;
    const Outcome outcome = wait_payload(pid);
    g_payload_pid = 0;
    kill_and_reap_all(plan.namespace_init, pid);
    const int ws = outcome.wait_status;
    if (!WIFEXITED(ws) || WEXITSTATUS(ws) != 0) {
      send_message(plan.status_fd, MessageType::compile_failed, ws, cpu_us(outcome.usage), outcome.usage.ru_maxrss);
      ::_exit(0);
    }
  }
  if (g_stopped) {
    ::_exit(0);
  }
  send_message(plan.status_fd, MessageType::run_started);
  const pid_t pid = spawn_payload(plan.run, error);
  if (pid < 0) {
    send_message(plan.status_fd, MessageType::setup_failed, 0, 0, 0, "program: " + error);
    ::_exit(0);
  }
  g_payload_pid = pid;
  if (g_stopped) {
    stop_payload(0);  // a stop that came while we were starting it
  }
  const Outcome outcome = wait_payload(pid);
  g_payload_pid = 0;
  // Whatever the program left behind (daemons, double forks, stopped children) dies now.
  kill_and_reap_all(plan.namespace_init, pid);
  send_message(plan.status_fd, MessageType::finished, outcome.wait_status, cpu_us(outcome.usage),
               outcome.usage.ru_maxrss);
  ::_exit(0);
}

}  // namespace rb::sandbox::detail
