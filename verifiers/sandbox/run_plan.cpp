#include "verifiers/sandbox/run_plan.hpp"

#include <algorithm>

#include "verifiers/sandbox/seccomp_filter.hpp"
#include "verifiers/sandbox/toolchain.hpp"

namespace rb::sandbox::detail {

namespace {
std::int64_t ceil_seconds(milliseconds ms) { return (ms.count() + 999) / 1000; }
}  // namespace

PhasePlan plan_phases(const RunSpec& spec, const Identity& who, const std::string& work_dir,
                      const std::string& stdin_path, const std::string& pch_dir, bool namespace_init)
{
  PayloadPlan base;
  base.env = sandbox_environment(work_dir);
  base.cwd = work_dir;
  base.change_ids = who.change_ids;
  base.uid = who.uid;
  base.gid = who.gid;
  base.seccomp_bpf = &payload_filter();
  base.file_bytes = spec.limits.file_bytes;
  base.stack_bytes = spec.limits.stack_bytes;
  base.processes = spec.limits.processes;
  base.open_files = spec.limits.open_files;

  PhasePlan plan;
  plan.status_fd = k_fd_status;
  plan.namespace_init = namespace_init;
  if (spec.language == Language::cpp && spec.command.empty()) {
    PayloadPlan compile = base;
    compile.argv = compile_command(pch_dir);
    compile.stdout_fd = k_fd_cc;
    compile.stderr_fd = k_fd_cc;
    compile.cpu_seconds = ceil_seconds(std::min(spec.compile.cpu, spec.compile.wall));
    compile.memory_bytes = spec.compile.memory_bytes;
    compile.file_bytes = std::max<std::int64_t>(spec.limits.file_bytes, 64 * k_mib);
    plan.compile = std::move(compile);
  }
  plan.run = base;
  plan.run.argv = spec.return_binary ? std::vector<std::string>{"/usr/bin/cat", k_binary_cpp} : run_command(spec);
  plan.run.stdin_path = stdin_path;
  plan.run.stdout_fd = k_fd_out;
  plan.run.stderr_fd = k_fd_err;
  plan.run.memory_bytes = spec.limits.memory_bytes;
  if (spec.language == Language::python) {
    plan.run.stack_bytes = std::min(plan.run.stack_bytes, k_python_stack_bytes);
  }
  plan.run.cpu_seconds = ceil_seconds(spec.limits.cpu.count() > 0 ? spec.limits.cpu : spec.limits.wall);
  return plan;
}

std::string check_file_names(const RunSpec& spec)
{
  for (const auto& file : spec.files) {
    if (file.name.empty() || file.name == "." || file.name == ".." || file.name.find('/') != std::string::npos ||
        file.name.find('\0') != std::string::npos || file.name == k_source_python || file.name == k_source_cpp ||
        file.name == k_binary_cpp) {
      return "bad file name '" + file.name + "' (a plain name other than the program's own)";
    }
  }
  return "";
}

}  // namespace rb::sandbox::detail
