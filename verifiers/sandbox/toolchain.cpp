#include "verifiers/sandbox/toolchain.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

extern char** environ;

namespace rb::sandbox::detail {

namespace {
constexpr const char* k_cpp_standard = "-std=gnu++17";
constexpr const char* k_cpp_optimisation = "-O2";
}  // namespace

std::vector<std::string> sandbox_environment(const std::string& home)
{
  return {"PATH=/usr/local/bin:/usr/bin:/bin", "HOME=" + home, "TMPDIR=/tmp", "LANG=C.UTF-8",
          "PYTHONHASHSEED=0", "PYTHONDONTWRITEBYTECODE=1", "PYTHONIOENCODING=utf-8", "MALLOC_ARENA_MAX=2",
          "OMP_NUM_THREADS=1"};
}

std::vector<std::string> run_command(const RunSpec& spec)
{
  if (!spec.command.empty()) {
    return spec.command;
  }
  if (spec.language == Language::cpp) {
    return {std::string("./") + k_binary_cpp};
  }
  // -s: no user site folder; -B: no .pyc files.
  return {k_python, "-s", "-B", k_source_python};
}

std::vector<std::string> compile_command(const std::string& pch_dir)
{
  std::vector<std::string> argv{k_gxx, k_cpp_standard, k_cpp_optimisation, "-pipe", "-w", "-fmax-errors=20"};
  if (!pch_dir.empty()) {
    argv.insert(argv.end(), {"-I", pch_dir});
  }
  // -lcrypto: HumanEval-X's string_to_md5 (CPP/162) uses OpenSSL's MD5, as its harness links.
  argv.insert(argv.end(), {"-o", k_binary_cpp, k_source_cpp, "-lcrypto"});
  return argv;
}

std::string cache_root()
{
  if (const char* dir = std::getenv("REASONBENCH_CACHE"); dir != nullptr && *dir != '\0') {
    return dir;
  }
  if (const char* dir = std::getenv("XDG_CACHE_HOME"); dir != nullptr && *dir != '\0') {
    return std::string(dir) + "/reasonbench";
  }
  if (const char* home = std::getenv("HOME"); home != nullptr && *home != '\0') {
    return std::string(home) + "/.cache/reasonbench";
  }
  return "/tmp/reasonbench-cache-" + std::to_string(::getuid());
}

namespace {
std::string build_pch()
{
  namespace fs = std::filesystem;
  const char* header = "/usr/include/x86_64-linux-gnu/c++/12/bits/stdc++.h";
  std::error_code ec;
  if (!fs::exists(header, ec)) {
    return "";
  }
  const fs::path dir = fs::path(cache_root()) / "pch" / "gnu++17-O2";
  const fs::path gch = dir / "bits" / "stdc++.h.gch";
  fs::create_directories(gch.parent_path(), ec);
  // <bits/stdc++.h> has no include guard: a second #include of it (a candidate's, after the
  // driver's) finds the .gch unusable and then needs a header in the same folder. This one
  // forwards to the system's.
  const fs::path forward = dir / "bits" / "stdc++.h";
  if (!fs::exists(forward, ec)) {
    const std::string temp = forward.string() + ".tmp." + std::to_string(::getpid());
    {
      std::ofstream out(temp);
      out << "#include_next <bits/stdc++.h>\n";
    }
    fs::rename(temp, forward, ec);
  }
  if (fs::exists(gch, ec)) {
    return fs::exists(forward, ec) ? dir.string() : std::string();
  }
  const std::string temp = gch.string() + ".tmp." + std::to_string(::getpid());
  // Trusted input (a system header), so g++ runs directly; the result is renamed into place
  // atomically, as other harness processes may build it at the same time.
  std::vector<std::string> args{k_gxx, k_cpp_standard, k_cpp_optimisation, "-x", "c++-header", header, "-o", temp};
  std::vector<char*> argv;
  for (auto& a : args) {
    argv.push_back(a.data());
  }
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  pid_t pid = 0;
  const int rc = ::posix_spawn(&pid, k_gxx, &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) {
    return "";
  }
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0) {
  }
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    fs::remove(temp, ec);
    return "";
  }
  fs::rename(temp, gch, ec);
  if (ec) {
    return "";
  }
  return fs::exists(forward, ec) ? dir.string() : std::string();
}
}  // namespace

const std::string& precompiled_header_dir()
{
  static const std::string k_dir = build_pch();
  return k_dir;
}

}  // namespace rb::sandbox::detail
