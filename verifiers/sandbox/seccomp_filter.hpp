#pragma once
// The seccomp filter every sandboxed program runs under, compiled once with libseccomp in the
// harness and installed with a bare prctl() in the child (no allocation after fork).
#include <string>

namespace rb::sandbox::detail {

/// The filter as raw BPF instructions (struct sock_filter[]). Throws std::runtime_error when
/// libseccomp cannot build it. Thread-safe; built on first use.
const std::string& payload_filter();

/// Sets no_new_privs and installs `bpf` on the calling thread; false (errno set) on failure.
bool install_filter(const std::string& bpf);

}  // namespace rb::sandbox::detail
