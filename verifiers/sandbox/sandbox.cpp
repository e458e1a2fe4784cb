#include "verifiers/sandbox/sandbox.hpp"

#include <mutex>

#include "harness/core/error.hpp"
#include "verifiers/sandbox/namespace_sandbox.hpp"
#include "verifiers/sandbox/weak_sandbox.hpp"

namespace rb::sandbox {

std::string_view to_string(Status status)
{
  switch (status) {
    case Status::ok: return "ok";
    case Status::runtime_error: return "runtime_error";
    case Status::timeout: return "timeout";
    case Status::memory_limit: return "memory_limit";
    case Status::output_limit: return "output_limit";
    case Status::compile_error: return "compile_error";
    case Status::sandbox_error: return "sandbox_error";
  }
  return "sandbox_error";
}

std::string_view to_string(Language language) { return language == Language::cpp ? "cpp" : "python"; }

std::optional<Language> parse_language(std::string_view name)
{
  if (name == "python") {
    return Language::python;
  }
  if (name == "cpp") {
    return Language::cpp;
  }
  return std::nullopt;
}

std::string_view to_string(Isolation isolation) { return isolation == Isolation::weak ? "weak" : "namespaces"; }

const Probe& probe_namespaces()
{
  static const Probe k_probe = [] {
    Probe probe;
    try {
      NamespaceSandbox sandbox;
      RunSpec spec;
      spec.command = {"/usr/bin/true"};
      spec.limits.wall = milliseconds(10'000);
      const RunResult result = sandbox.run(spec);
      probe.available = result.status == Status::ok;
      probe.why = probe.available ? "" : std::string(to_string(result.status)) + ": " + result.detail;
    } catch (const std::exception& e) {
      probe.why = e.what();
    }
    return probe;
  }();
  return k_probe;
}

std::unique_ptr<Sandbox> make_sandbox(Isolation isolation)
{
  if (isolation == Isolation::weak) {
    return std::make_unique<WeakSandbox>();
  }
  const Probe& probe = probe_namespaces();
  if (!probe.available) {
    throw ConfigError("the code sandbox needs Linux namespaces, which this machine refuses (" + probe.why +
                      "); code suites are refused. To run them anyway with a WEAKER sandbox (rlimits and seccomp "
                      "only; the host's files stay visible), add '?sandbox=weak' to the suite (or pass "
                      "--weak to 'reasonbench sandbox run'); every report will say so");
  }
  return std::make_unique<NamespaceSandbox>();
}

Sandbox& shared_sandbox(Isolation isolation)
{
  static std::mutex mutex;
  static std::unique_ptr<Sandbox> strong;
  static std::unique_ptr<Sandbox> weak;
  std::lock_guard lock(mutex);
  auto& slot = isolation == Isolation::weak ? weak : strong;
  if (!slot) {
    slot = make_sandbox(isolation);
  }
  return *slot;
}

}  // namespace rb::sandbox
