// `reasonbench sandbox run`: runs one program in the code sandbox and prints what happened as
// one JSON object (DESIGN.md). Exits 0 when the sandbox did its job, whatever the program did.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <fstream>
#include <memory>
#include <sstream>

#include <nlohmann/json.hpp>

#include "harness/cli/command_table.hpp"
#include "harness/core/error.hpp"
#include "verifiers/sandbox/sandbox.hpp"

namespace rb::cli {

namespace {

struct SandboxFlags {
  std::string language;
  std::string file;
  std::string stdin_file;
  long long timeout_ms = sandbox::k_default_wall.count();
  long long memory_mb = sandbox::k_default_memory_bytes / sandbox::k_mib;
  bool weak = false;
};

std::string read_whole(const std::string& path, const std::string& flag)
{
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw ConfigError(flag + ": cannot read '" + path + "'");
  }
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

nlohmann::json optional_int(const std::optional<int>& value)
{
  return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

int sandbox_run_command(const SandboxFlags& flags)
{
  const auto language = sandbox::parse_language(flags.language);
  if (!language) {
    throw ConfigError("--lang: unknown language '" + flags.language + "' (python or cpp)");
  }
  sandbox::RunSpec spec;
  spec.language = *language;
  spec.source = read_whole(flags.file, "FILE");
  if (!flags.stdin_file.empty()) {
    spec.stdin_data = read_whole(flags.stdin_file, "--stdin");
  }
  spec.limits.wall = std::chrono::milliseconds(flags.timeout_ms);
  spec.limits.memory_bytes = flags.memory_mb * sandbox::k_mib;
  sandbox::Sandbox& box = sandbox::shared_sandbox(flags.weak ? sandbox::Isolation::weak : sandbox::Isolation::namespaces);
  const sandbox::RunResult r = box.run(spec);
  const nlohmann::json out{
      {"status", sandbox::to_string(r.status)},
      {"exit_code", optional_int(r.exit_code)},
      {"signal", optional_int(r.signal)},
      {"stdout", r.stdout_text},
      {"stderr", r.stderr_text},
      {"wall_ms", r.wall.count()},
      {"cpu_ms", r.cpu.count()},
      {"max_rss_kb", r.max_rss_kb},
  };
  if (box.isolation() == sandbox::Isolation::weak) {
    std::fprintf(stderr, "reasonbench: sandbox: %s\n", box.describe().c_str());
  }
  if (r.status != sandbox::Status::ok) {
    std::fprintf(stderr, "reasonbench: sandbox: %s: %s\n", std::string(sandbox::to_string(r.status)).c_str(),
                 r.detail.c_str());
  }
  // Program output is arbitrary bytes: invalid UTF-8 is replaced, never a reason to fail.
  std::puts(out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
  return 0;
}

}  // namespace

std::function<int()> setup_sandbox(CLI::App& sub)
{
  auto flags = std::make_shared<SandboxFlags>();
  sub.require_subcommand(1);
  CLI::App* run = sub.add_subcommand("run", "run one program in the sandbox and print the outcome as JSON");
  run->add_option("--lang", flags->language, "python or cpp")->required();
  run->add_option("FILE", flags->file, "the program's source")->required();
  run->add_option("--stdin", flags->stdin_file, "file given to the program as standard input");
  run->add_option("--timeout-ms", flags->timeout_ms, "wall-clock limit of the run (default 10000)")
      ->check(CLI::Range(1LL, 3'600'000LL));
  run->add_option("--memory-mb", flags->memory_mb, "address-space limit (default 512)")->check(CLI::Range(16LL, 65536LL));
  run->add_flag("--weak", flags->weak,
                "use the WEAKER sandbox (no namespaces: rlimits and seccomp only), for machines without user "
                "namespaces; the output says so");
  return [flags] { return sandbox_run_command(*flags); };
}

}  // namespace rb::cli
