#pragma once
// The harness's side of one sandboxed run: reads the program's stdout and stderr (capped while
// reading), the compiler's log and the supervisor's messages, enforces the wall clock, stops
// the supervisor on a limit, and turns what happened into a RunResult.
#include <sys/types.h>

#include <chrono>
#include <functional>

#include "verifiers/sandbox/sandbox.hpp"

namespace rb::sandbox::detail {

struct Pipes {
  int out = -1;     ///< the program's stdout (read end)
  int err = -1;     ///< the program's stderr
  int cc = -1;      ///< the compiler's stdout and stderr
  int status = -1;  ///< supervisor messages (channel.hpp)
};

/// Waits for the supervisor (`pid`, our child) and its run. `stop` must make the supervisor kill
/// every process of the run and exit. Closes the pipes and reaps `pid`.
RunResult supervise(pid_t pid, const Pipes& pipes, const RunSpec& spec, bool compiles,
                    const std::function<void()>& stop);

/// Kills `pid` with SIGKILL and reaps it; for setup failures before the run exists.
void abandon(pid_t pid);

}  // namespace rb::sandbox::detail
