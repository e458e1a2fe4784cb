#pragma once
// SIGINT/SIGTERM handling for long runs: the first signal asks the run loop to stop cleanly
// (cancel in-flight requests, flush, exit 130); a second one exits at once (the database stays
// consistent: every write is a transaction).
#include <atomic>

namespace rb::runner {

/// Installs the handlers (idempotent) and returns the flag they set.
const std::atomic<bool>& install_interrupt_handlers();
/// The signal that set the flag (SIGINT or SIGTERM), or 0.
int interrupt_signal();

}  // namespace rb::runner
