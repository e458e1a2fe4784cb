#pragma once
// The phases a sandbox's supervisor runs once its isolation is in place: compile (C++), then
// run, each as a payload process; after each, every process of the sandbox is killed and
// reaped; the outcome goes to the harness over the status channel.
#include <optional>

#include "verifiers/sandbox/payload.hpp"

namespace rb::sandbox::detail {

struct PhasePlan {
  std::optional<PayloadPlan> compile;
  PayloadPlan run;
  int status_fd = -1;
  bool namespace_init = true;  ///< init of a PID namespace (else a child subreaper)
};

/// For a supervisor that is not a PID namespace's init: SIGUSR1 kills the current phase's
/// process group and ends the run (its other processes are killed as run_phases exits).
void install_stop_handler();

/// Runs the phases and exits the process. Never returns.
[[noreturn]] void run_phases(const PhasePlan& plan);

}  // namespace rb::sandbox::detail
