#include "verifiers/sandbox/capture.hpp"

#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <optional>
#include <string>

#include "verifiers/sandbox/channel.hpp"
#include "verifiers/sandbox/limits.hpp"
#include "verifiers/sandbox/process_util.hpp"

namespace rb::sandbox::detail {

namespace {

using Clock = std::chrono::steady_clock;
constexpr milliseconds k_setup_timeout{15'000};  ///< namespaces and mounts take milliseconds
constexpr milliseconds k_stop_grace{5'000};      ///< after a stop, before SIGKILL of the supervisor

enum class Phase { setup, compile, run, done };
enum class Stopped { no, output, compile_time, run_time, setup_time };

struct State {
  Phase phase = Phase::setup;
  Stopped stopped = Stopped::no;
  std::optional<Message> outcome;   ///< finished, compile_failed or setup_failed
  Clock::time_point run_start{};
  Clock::time_point run_end{};
  std::string out, err, cc;
  bool out_over = false;
  bool err_over = false;
};

/// Appends what `fd` has (up to `cap` kept); returns false at EOF.
bool drain(int fd, std::string& into, std::int64_t cap, bool& over)
{
  char buffer[65536];
  const ssize_t n = ::read(fd, buffer, sizeof buffer);
  if (n < 0) {
    return errno == EINTR || errno == EAGAIN;
  }
  if (n == 0) {
    return false;
  }
  const auto room = static_cast<std::size_t>(std::max<std::int64_t>(0, cap - static_cast<std::int64_t>(into.size())));
  into.append(buffer, std::min(room, static_cast<std::size_t>(n)));
  if (static_cast<std::size_t>(n) > room) {
    over = true;
  }
  return true;
}

std::string seconds_text(milliseconds ms) { return std::to_string(ms.count()) + " ms"; }

RunResult classify(const State& s, const RunSpec& spec)
{
  RunResult r;
  r.stdout_text = s.out;
  r.stderr_text = s.err;
  if (s.run_start != Clock::time_point{}) {
    const auto end = s.run_end == Clock::time_point{} ? Clock::now() : s.run_end;
    r.wall = std::chrono::duration_cast<milliseconds>(end - s.run_start);
  }
  if (s.outcome && s.outcome->type != MessageType::setup_failed) {
    r.cpu = milliseconds(s.outcome->cpu_us / 1000);
    r.max_rss_kb = s.outcome->max_rss_kb;
  }
  const milliseconds cpu_limit = spec.limits.cpu.count() > 0 ? spec.limits.cpu : spec.limits.wall;
  switch (s.stopped) {
    case Stopped::output:
      r.status = Status::output_limit;
      r.signal = SIGKILL;
      r.detail = s.out_over ? "stdout exceeded " + std::to_string(spec.limits.stdout_bytes) + " bytes"
                            : "stderr exceeded " + std::to_string(spec.limits.stderr_bytes) + " bytes";
      return r;
    case Stopped::run_time:
      r.status = Status::timeout;
      r.signal = SIGKILL;
      r.detail = "wall-clock limit of " + seconds_text(spec.limits.wall) + " exceeded";
      return r;
    case Stopped::compile_time:
      r.status = Status::compile_error;
      r.stderr_text = s.cc;
      r.detail = "compilation exceeded the wall-clock limit of " + seconds_text(spec.compile.wall);
      return r;
    case Stopped::setup_time:
      r.status = Status::sandbox_error;
      r.detail = "the sandbox did not start within " + seconds_text(k_setup_timeout);
      return r;
    case Stopped::no: break;
  }
  if (!s.outcome) {
    r.status = Status::sandbox_error;
    r.detail = "the sandbox supervisor ended without a report";
    return r;
  }
  const Message& m = *s.outcome;
  if (m.type == MessageType::setup_failed) {
    r.status = Status::sandbox_error;
    r.detail = m.text;
    return r;
  }
  const int ws = m.wait_status;
  if (m.type == MessageType::compile_failed) {
    r.status = Status::compile_error;
    r.stderr_text = s.cc;
    r.detail = WIFSIGNALED(ws) ? "the compiler was killed by signal " + std::to_string(WTERMSIG(ws))
                               : "the compiler exited with " + std::to_string(WEXITSTATUS(ws));
    return r;
  }
  if (WIFEXITED(ws)) {
    r.exit_code = WEXITSTATUS(ws);
  } else if (WIFSIGNALED(ws)) {
    r.signal = WTERMSIG(ws);
  }
  const bool cpu_spent = r.cpu >= cpu_limit;
  if (r.signal && (*r.signal == SIGXCPU || (*r.signal == SIGKILL && cpu_spent))) {
    r.status = Status::timeout;
    r.detail = "CPU time limit of " + seconds_text(cpu_limit) + " exceeded";
  } else if (r.signal && *r.signal == SIGXFSZ) {
    r.status = Status::output_limit;
    r.detail = "file size limit of " + std::to_string(spec.limits.file_bytes) + " bytes exceeded";
  } else if (r.exit_code == 0) {
    r.status = Status::ok;
  } else if (s.err.find("MemoryError") != std::string::npos || s.err.find("std::bad_alloc") != std::string::npos) {
    // A heuristic: allocation failures past RLIMIT_AS surface as these; a program printing them
    // itself gains nothing (neither status means passed).
    r.status = Status::memory_limit;
    r.detail = "memory limit of " + std::to_string(spec.limits.memory_bytes / k_mib) + " MiB reached";
  } else {
    r.status = Status::runtime_error;
    r.detail = r.signal ? "killed by signal " + std::to_string(*r.signal) : "exit code " + std::to_string(*r.exit_code);
  }
  return r;
}

}  // namespace

void abandon(pid_t pid)
{
  ::kill(pid, SIGKILL);
  wait_for(pid);
}

RunResult supervise(pid_t pid, const Pipes& pipes, const RunSpec& spec, bool compiles, const std::function<void()>& stop)
{
  State s;
  auto deadline = Clock::now() + k_setup_timeout;
  Clock::time_point kill_deadline{};
  bool killed = false;
  pollfd fds[4] = {{pipes.out, POLLIN, 0}, {pipes.err, POLLIN, 0}, {pipes.cc, POLLIN, 0}, {pipes.status, POLLIN, 0}};
  int open_count = 4;
  MessageReader reader;
  auto request_stop = [&](Stopped why) {
    if (s.stopped == Stopped::no) {
      s.stopped = why;
      s.run_end = Clock::now();
      stop();
      kill_deadline = Clock::now() + k_stop_grace;
    }
  };
  while (open_count > 0) {
    const auto now = Clock::now();
    if (s.stopped == Stopped::no && s.phase != Phase::done && now >= deadline) {
      request_stop(s.phase == Phase::run ? Stopped::run_time
                                         : (s.phase == Phase::compile ? Stopped::compile_time : Stopped::setup_time));
    }
    if (kill_deadline != Clock::time_point{} && now >= kill_deadline) {
      if (killed) {
        break;  // nothing more will come; the pipes are closed below
      }
      ::kill(pid, SIGKILL);  // the supervisor did not end in time; its death kills the rest
      killed = true;
      kill_deadline = now + k_stop_grace;
    }
    auto wake = s.phase == Phase::done ? now + k_stop_grace : deadline;
    if (kill_deadline != Clock::time_point{}) {
      wake = std::min(wake, kill_deadline);
    }
    const auto wait_ms = std::chrono::duration_cast<milliseconds>(wake - now).count();
    const int ready = ::poll(fds, 4, static_cast<int>(std::clamp<long long>(wait_ms + 1, 1, 60'000)));
    if (ready < 0 && errno != EINTR) {
      break;
    }
    for (int i = 0; i < 4; ++i) {
      if (fds[i].fd < 0 || (fds[i].revents & (POLLIN | POLLHUP | POLLERR)) == 0) {
        continue;
      }
      bool open = true;
      if (i == 0) {
        open = drain(fds[i].fd, s.out, spec.limits.stdout_bytes, s.out_over);
      } else if (i == 1) {
        open = drain(fds[i].fd, s.err, spec.limits.stderr_bytes, s.err_over);
      } else if (i == 2) {
        bool ignored = false;  // compiler chatter past the cap is dropped, not fatal
        open = drain(fds[i].fd, s.cc, k_compile_log_bytes, ignored);
      } else {
        std::string bytes;
        bool ignored = false;
        open = drain(fds[i].fd, bytes, 1 << 16, ignored);
        reader.append(bytes.data(), bytes.size());
        while (auto m = reader.next()) {
          if (m->type == MessageType::run_started && s.phase != Phase::done) {
            s.phase = Phase::run;
            s.run_start = Clock::now();
            deadline = s.run_start + spec.limits.wall;
          } else if (m->type != MessageType::unshared && !s.outcome) {
            s.outcome = *m;
            s.phase = Phase::done;
            if (kill_deadline == Clock::time_point{}) {
              kill_deadline = Clock::now() + k_stop_grace;  // it exits right after reporting
            }
            if (s.run_end == Clock::time_point{}) {
              s.run_end = Clock::now();
            }
          }
        }
      }
      if (!open) {
        fds[i].fd = -1;
        --open_count;
      }
    }
    if ((s.out_over || s.err_over) && s.stopped == Stopped::no) {
      request_stop(Stopped::output);
    }
    if (s.phase == Phase::setup && compiles && s.stopped == Stopped::no) {
      s.phase = Phase::compile;  // the compile deadline starts with the supervisor
      deadline = Clock::now() + spec.compile.wall;
    }
  }
  for (const int fd : {pipes.out, pipes.err, pipes.cc, pipes.status}) {
    ::close(fd);
  }
  wait_for(pid);
  return classify(s, spec);
}

}  // namespace rb::sandbox::detail
