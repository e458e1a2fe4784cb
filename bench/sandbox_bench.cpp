// Sandbox throughput (issue 4): executions per second and the overhead of one sandboxed run
// over the same program started bare (posix_spawn + wait). Figures go in bench/RESULTS.md.
//   BM_Bare/python        python3 -c pass, no sandbox: the interpreter's own start-up
//   BM_Namespaces/python  the same in the namespace sandbox (namespaces, new root, seccomp...)
//   BM_Weak/python        the same in the weak sandbox
//   .../true              /usr/bin/true: the sandbox's own cost without an interpreter
//   BM_NamespacesCpp      compile (precompiled header) + run of a small C++ program
// Threads: executions per second with several runs at once (2 cores here).
// Counters: exec/s (wall clock, noisy on a shared machine) and cpu_ms/exec, the CPU time of this
// process and of every process it started and reaped (supervisor, init, payload), which a
// loaded machine changes far less.
#include <benchmark/benchmark.h>

#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include <string>
#include <vector>

#include "bench/process_cpu.hpp"
#include "verifiers/sandbox/sandbox.hpp"

extern char** environ;

namespace {

using rb::sandbox::Isolation;
using rb::sandbox::Language;
using rb::sandbox::RunSpec;
using rb::sandbox::Status;

const char* k_python = "/usr/bin/python3";
const char* k_true = "/usr/bin/true";

/// CPU seconds of this process and its reaped descendants so far.
double cpu_seconds()
{
  return rb::bench::cpu_seconds(RUSAGE_SELF) + rb::bench::cpu_seconds(RUSAGE_CHILDREN);
}

void set_counters(benchmark::State& state, double cpu_start)
{
  state.counters["exec/s"] = benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
  if (state.threads() == 1) {
    state.counters["cpu_ms/exec"] = (cpu_seconds() - cpu_start) * 1000 / static_cast<double>(state.iterations());
  }
}

/// argv of the program under test for benchmark argument 0 (python) or 1 (true).
std::vector<std::string> program(int which)
{
  return which == 0 ? std::vector<std::string>{k_python, "-s", "-B", "-c", "pass"} : std::vector<std::string>{k_true};
}

void BM_Bare(benchmark::State& state)
{
  const auto args = program(static_cast<int>(state.range(0)));
  std::vector<char*> argv;
  for (const auto& a : args) {
    argv.push_back(const_cast<char*>(a.c_str()));
  }
  argv.push_back(nullptr);
  const double cpu_start = cpu_seconds();
  for (auto _ : state) {
    pid_t pid = 0;
    if (::posix_spawn(&pid, argv[0], nullptr, nullptr, argv.data(), environ) != 0) {
      state.SkipWithError("posix_spawn failed");
      return;
    }
    int status = 0;
    ::waitpid(pid, &status, 0);
  }
  set_counters(state, cpu_start);
}

void sandboxed(benchmark::State& state, Isolation isolation)
{
  if (isolation == Isolation::namespaces && !rb::sandbox::probe_namespaces().available) {
    state.SkipWithError("namespaces unavailable");
    return;
  }
  rb::sandbox::Sandbox& box = rb::sandbox::shared_sandbox(isolation);
  RunSpec spec;
  spec.command = program(static_cast<int>(state.range(0)));
  const double cpu_start = cpu_seconds();
  for (auto _ : state) {
    const auto result = box.run(spec);
    if (result.status != Status::ok) {
      state.SkipWithError(("run failed: " + result.detail).c_str());
      return;
    }
  }
  set_counters(state, cpu_start);
}

void BM_Namespaces(benchmark::State& state) { sandboxed(state, Isolation::namespaces); }
void BM_Weak(benchmark::State& state) { sandboxed(state, Isolation::weak); }

void BM_NamespacesCpp(benchmark::State& state)
{
  if (!rb::sandbox::probe_namespaces().available) {
    state.SkipWithError("namespaces unavailable");
    return;
  }
  rb::sandbox::Sandbox& box = rb::sandbox::shared_sandbox(Isolation::namespaces);
  RunSpec spec;
  spec.language = Language::cpp;
  spec.source = "#include <bits/stdc++.h>\nint main() { std::vector<int> v{3, 1, 2}; std::sort(v.begin(), v.end()); "
                "std::cout << v[0] << '\\n'; }\n";
  const double cpu_start = cpu_seconds();
  for (auto _ : state) {
    const auto result = box.run(spec);
    if (result.status != Status::ok) {
      state.SkipWithError(("run failed: " + result.detail + " " + result.stderr_text).c_str());
      return;
    }
  }
  set_counters(state, cpu_start);
}

}  // namespace

BENCHMARK(BM_Bare)->ArgName("python_or_true")->Arg(0)->Arg(1)->UseRealTime()->Threads(1)->Threads(2);
BENCHMARK(BM_Namespaces)->ArgName("python_or_true")->Arg(0)->Arg(1)->UseRealTime()->Threads(1)->Threads(2);
BENCHMARK(BM_Weak)->ArgName("python_or_true")->Arg(0)->Arg(1)->UseRealTime()->Threads(1)->Threads(2);
BENCHMARK(BM_NamespacesCpp)->UseRealTime()->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();
