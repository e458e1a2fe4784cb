#pragma once
// Sandbox: runs one untrusted program (Python, or C++ compiled inside the sandbox) with limits
// and reports what happened. It exists so code verifiers can be tested against a fake
// (tests/unit/test_code_fake_sandbox.hpp) and so the isolation can be chosen: NamespaceSandbox
// (user/pid/net/mount/ipc/uts namespaces, the default) or WeakSandbox (rlimits and seccomp only,
// an explicit opt-in that every report names). docs/sandbox.md holds the threat model.
#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "verifiers/sandbox/limits.hpp"

namespace rb::sandbox {

/// What happened to the program. A signal is never confused with an exit code it chose.
enum class Status { ok, runtime_error, timeout, memory_limit, output_limit, compile_error, sandbox_error };
std::string_view to_string(Status status);

enum class Language { python, cpp };
std::string_view to_string(Language language);
std::optional<Language> parse_language(std::string_view name);

/// A file placed, read-only, in the program's work dir before it starts.
struct File {
  std::string name;     ///< a plain name: no '/', not "." or ".."
  std::string content;
  bool executable = false;  ///< mode 0755 (a binary compiled by an earlier run), else 0644
};

struct RunSpec {
  Language language = Language::python;
  std::string source;            ///< main.py, or main.cpp compiled to ./prog inside the sandbox
  std::vector<File> files;       ///< extra inputs (data files, a driver's calls)
  std::string stdin_data;        ///< the program's standard input
  Limits limits;                 ///< the run phase
  CompileLimits compile;         ///< the compile phase (C++ only)
  /// Run this command (argv[0] absolute, or ./NAME for an executable File) instead of the
  /// language's own; nothing is compiled. For a binary from `return_binary`, and for probes.
  std::vector<std::string> command;
  /// C++: compile only, and return the binary as stdout_text (run it later, once per test,
  /// with `command` = {"./prog"} and the binary as an executable File).
  bool return_binary = false;
};

struct RunResult {
  Status status = Status::sandbox_error;
  std::optional<int> exit_code;  ///< set when the program exited by itself
  std::optional<int> signal;     ///< set when a signal ended it (ours on timeout, or its own)
  std::string stdout_text;       ///< capped at Limits::stdout_bytes
  std::string stderr_text;       ///< capped at Limits::stderr_bytes; compiler diagnostics on compile_error
  std::chrono::milliseconds wall{0};  ///< the run phase, measured by the harness
  std::chrono::milliseconds cpu{0};   ///< user + system time of the program and its children
  std::int64_t max_rss_kb = 0;
  std::string detail;            ///< one line: why (a limit's value, a sandbox failure)
};

/// How strongly programs are isolated. Stored with every verdict and named in reports.
enum class Isolation { namespaces, weak };
std::string_view to_string(Isolation isolation);

class Sandbox {
 public:
  virtual ~Sandbox() = default;
  /// Runs one program to completion; thread-safe (each concurrent call gets its own slot and
  /// uid). Never throws for what the program does; failures of the sandbox itself are
  /// Status::sandbox_error. When it returns, no process of the run is left.
  virtual RunResult run(const RunSpec& spec) = 0;
  virtual Isolation isolation() const = 0;
  /// One line for reports: "namespaces (user, pid, net, mount, ipc, uts), seccomp, rlimits".
  virtual std::string describe() const = 0;
};

/// Whether this machine lets us build the namespace sandbox; `why` says what failed.
struct Probe {
  bool available = false;
  std::string why;
};
/// Runs a trivial program in a NamespaceSandbox once per process and caches the answer.
const Probe& probe_namespaces();

/// A sandbox of the requested isolation. Throws ConfigError when namespaces are requested but
/// unavailable (the message names the weaker mode and how to ask for it).
std::unique_ptr<Sandbox> make_sandbox(Isolation isolation);

/// One sandbox per isolation for the whole process (verifiers share it; slots are per call).
Sandbox& shared_sandbox(Isolation isolation);

}  // namespace rb::sandbox
