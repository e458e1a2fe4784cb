#include "verifiers/code/prepass.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <future>
#include <mutex>
#include <sstream>
#include <unordered_map>

#include "harness/util/sha256.hpp"
#include "harness/util/strings.hpp"
#include "verifiers/code/python_scripts.hpp"
#include "verifiers/sandbox/process_util.hpp"
#include "verifiers/sandbox/toolchain.hpp"

namespace rb::verifiers::code {

namespace {

/// Bumped whenever a split could change: the Python splitter or codec, or the C++ test parser
/// and expected-value programs.
constexpr const char* k_python_split_version = "python-split-4";
constexpr const char* k_cpp_split_version = "cpp-split-1";

json split_python(const json& task, sandbox::Sandbox& box)
{
  sandbox::RunSpec spec;
  spec.language = sandbox::Language::python;
  spec.source = python_splitter_program();
  json problem = task;
  problem["id"] = task.value("id", "problem");
  spec.files.push_back({"problems.json", json::array({problem}).dump()});
  // Trusted code, but it still runs sandboxed; references on EvalPlus inputs can be slow.
  spec.limits.cpu = std::chrono::milliseconds(300'000);
  spec.limits.wall = std::chrono::milliseconds(600'000);
  spec.limits.memory_bytes = 2048 * sandbox::k_mib;
  spec.limits.stdout_bytes = 512 * sandbox::k_mib;
  spec.limits.disk_bytes = 256 * sandbox::k_mib;
  const sandbox::RunResult run = box.run(spec);
  if (run.status != sandbox::Status::ok) {
    return {{"unsupported", "the pre-pass failed (" + std::string(sandbox::to_string(run.status)) + ": " + run.detail +
                                ") " + util::shorten(run.stderr_text, 300)},
            {"transient", run.status == sandbox::Status::sandbox_error}};
  }
  const std::string first_line = run.stdout_text.substr(0, run.stdout_text.find('\n'));
  json result = json::parse(first_line, nullptr, false);
  if (!result.is_object()) {
    return {{"unsupported", "the pre-pass printed no result"}};
  }
  return result;
}

std::string cache_dir(const json& task)
{
  std::string dataset = task.value("dataset", "misc");
  for (char& c : dataset) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_') {
      c = '_';
    }
  }
  return sandbox::detail::cache_root() + "/code-tests/" + dataset;
}

Split read_cached(const std::string& path)
{
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return nullptr;
  }
  std::ostringstream text;
  text << in.rdbuf();
  json parsed = json::parse(text.str(), nullptr, false);
  return parsed.is_object() ? std::make_shared<const json>(std::move(parsed)) : nullptr;
}

/// The cache holds expected values: only the harness's uid may read it (the weak sandbox runs
/// programs under slot uids that see the host's files).
void write_cached(const std::string& path, const json& split)
{
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::path dir = fs::path(path).parent_path();
  fs::create_directories(dir, ec);
  for (const fs::path& d : {dir.parent_path(), dir}) {
    fs::permissions(d, fs::perms::owner_all, fs::perm_options::replace, ec);
  }
  const std::string temp = path + ".tmp." + std::to_string(::getpid()) + "." + std::to_string(::gettid());
  const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) {
    return;  // an unwritable cache only costs time
  }
  const std::string text = split.dump();
  const bool written = sandbox::detail::write_all(fd, text);
  if (::close(fd) != 0 || !written) {
    fs::remove(temp, ec);
    return;
  }
  fs::rename(temp, path, ec);  // atomic: other processes see the old file or the whole new one
}

Split compute(const json& task, sandbox::Sandbox& box, const std::string& path)
{
  if (Split cached = read_cached(path)) {
    return cached;
  }
  json split = task.value("kind", "") == "cpp_call" ? detail::split_cpp(task, box) : split_python(task, box);
  split["measured_on"] = cpu_model();
  // Only successful splits go to disk: a failure may come from this machine (a missing header,
  // a loaded machine's timeout), and is computed again by the next process.
  if (!split.contains("unsupported")) {
    write_cached(path, split);
  }
  return std::make_shared<const json>(std::move(split));
}

}  // namespace

const std::string& cpu_model()
{
  static const std::string k_model = [] {
    std::ifstream in("/proc/cpuinfo");
    std::string line;
    while (std::getline(in, line)) {
      if (line.starts_with("model name")) {
        return std::string(util::trim(line.substr(line.find(':') + 1)));
      }
    }
    return std::string("unknown");
  }();
  return k_model;
}

Split split_tests(const json& task, sandbox::Sandbox& box)
{
  const char* version = task.value("kind", "") == "cpp_call" ? k_cpp_split_version : k_python_split_version;
  const std::string key = util::sha256_hex(std::string(version) + "\n" + task.dump());
  const std::string path = cache_dir(task) + "/" + key.substr(0, 32) + ".json";
  static std::mutex mutex;
  static std::unordered_map<std::string, std::shared_future<Split>> memo;
  std::promise<Split> promise;
  std::shared_future<Split> future;
  bool owner = false;
  {
    std::lock_guard lock(mutex);
    auto it = memo.find(key);
    if (it == memo.end()) {
      future = promise.get_future().share();
      memo.emplace(key, future);
      owner = true;
    } else {
      future = it->second;
    }
  }
  if (owner) {
    Split split;
    try {
      split = compute(task, box, path);
    } catch (const std::exception& e) {
      split = std::make_shared<const json>(json{{"unsupported", std::string("pre-pass error: ") + e.what()}});
    }
    if (split->value("transient", false)) {
      std::lock_guard lock(mutex);
      memo.erase(key);  // a sandbox failure is retried by the next grading
    }
    promise.set_value(split);
  }
  return future.get();
}

}  // namespace rb::verifiers::code
