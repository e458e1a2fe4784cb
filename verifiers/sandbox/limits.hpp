#pragma once
// Resource limits of one sandboxed run, with their defaults as named constants in one place.
#include <chrono>
#include <cstdint>

namespace rb::sandbox {

using std::chrono::milliseconds;

constexpr std::int64_t k_mib = 1024 * 1024;

constexpr milliseconds k_default_wall{10'000};
constexpr std::int64_t k_default_memory_bytes = 512 * k_mib;
constexpr std::int64_t k_default_stdout_bytes = 16 * k_mib;
constexpr std::int64_t k_default_stderr_bytes = 256 * 1024;
constexpr std::int64_t k_default_file_bytes = 16 * k_mib;
constexpr std::int64_t k_default_disk_bytes = 64 * k_mib;
constexpr std::int64_t k_default_stack_bytes = 64 * k_mib;
/// Python runs get at most the Linux default stack: glibc sizes every new thread's stack by
/// RLIMIT_STACK, so 64 MiB stacks would let only a few threads fit in the address-space limit
/// (a threaded but honest program failed with "can't start new thread"). CPython 3.11 keeps
/// Python-to-Python calls off the C stack, so deep recursion does not need more.
constexpr std::int64_t k_python_stack_bytes = 8 * k_mib;
constexpr int k_default_processes = 32;
constexpr int k_default_open_files = 256;

constexpr milliseconds k_default_compile_cpu{30'000};
constexpr milliseconds k_default_compile_wall{120'000};  ///< generous: a loaded machine must not fail a compile
constexpr std::int64_t k_default_compile_memory_bytes = 1536 * k_mib;
constexpr std::int64_t k_compile_log_bytes = 64 * 1024;

/// Limits of the run phase. Memory is the address-space limit (RLIMIT_AS): allocations past
/// it fail inside the program.
struct Limits {
  milliseconds wall = k_default_wall;   ///< wall clock, enforced by the harness (stops sleep, SIGSTOP)
  milliseconds cpu{0};                  ///< CPU time (RLIMIT_CPU, whole seconds, rounded up); 0: = wall
  std::int64_t memory_bytes = k_default_memory_bytes;
  std::int64_t stdout_bytes = k_default_stdout_bytes;  ///< more is output_limit; the run is stopped
  std::int64_t stderr_bytes = k_default_stderr_bytes;
  std::int64_t file_bytes = k_default_file_bytes;      ///< largest file it may write (RLIMIT_FSIZE)
  std::int64_t disk_bytes = k_default_disk_bytes;      ///< size of its private tmpfs (work dir, /tmp)
  std::int64_t stack_bytes = k_default_stack_bytes;
  int processes = k_default_processes;                 ///< RLIMIT_NPROC for the slot's uid
  int open_files = k_default_open_files;
};

/// Limits of the compile phase (C++): the compiler is untrusted input's first victim
/// (`#include "/dev/zero"`, template bombs), so it is limited too.
struct CompileLimits {
  milliseconds cpu = k_default_compile_cpu;    ///< RLIMIT_CPU of the compiler (whole seconds)
  milliseconds wall = k_default_compile_wall;  ///< wall clock, enforced by the harness
  std::int64_t memory_bytes = k_default_compile_memory_bytes;
};

}  // namespace rb::sandbox
