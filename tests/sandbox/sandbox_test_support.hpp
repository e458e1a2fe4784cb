#pragma once
// Helpers of the sandbox tests (tests/sandbox/): the fixtures of tests/fixtures/adversarial/,
// a per-run marker, and looking for marked processes or files on the host afterwards.
#include <dirent.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <string>
#include <thread>

#include "harness/util/strings.hpp"
#include "tests/support/test_env.hpp"
#include "verifiers/sandbox/sandbox.hpp"

namespace rb::test {

/// A name no other run of this test shares (15 characters at most: a process name's limit).
inline std::string unique_marker()
{
  static std::atomic<int> counter{0};
  return "rbm" + std::to_string(::getpid() % 100000) + "x" + std::to_string(counter++);
}

/// The text of tests/fixtures/adversarial/NAME with every @MARKER@ replaced by `marker`.
inline std::string adversarial(const std::string& name, const std::string& marker = "")
{
  const std::string text = read_file(source_dir() + "/tests/fixtures/adversarial/" + name);
  return util::replace_all(text, "@MARKER@", marker);
}

/// Host processes whose name (comm) is `marker`, after waiting up to `settle` for stragglers.
inline int marked_processes(const std::string& marker, std::chrono::milliseconds settle = std::chrono::milliseconds(300))
{
  const auto deadline = std::chrono::steady_clock::now() + settle;
  while (true) {
    int found = 0;
    for (const auto& entry : std::filesystem::directory_iterator("/proc")) {
      const std::string pid = entry.path().filename().string();
      if (pid.empty() || pid.find_first_not_of("0123456789") != std::string::npos) {
        continue;
      }
      std::error_code ec;
      if (!std::filesystem::exists(entry.path() / "comm", ec)) {
        continue;
      }
      std::string comm;
      try {
        comm = std::string(util::trim(read_file((entry.path() / "comm").string())));
      } catch (...) {
        continue;  // it ended while we looked
      }
      found += comm == marker ? 1 : 0;
    }
    if (found == 0 || std::chrono::steady_clock::now() >= deadline) {
      return found;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
}

/// True when the namespace sandbox can run here; otherwise prints why the test is skipped.
#define RB_REQUIRE_NAMESPACES()                                                                          \
  do {                                                                                                   \
    if (!::rb::sandbox::probe_namespaces().available) {                                                  \
      WARN("SKIPPED: the namespace sandbox is unavailable here: " << ::rb::sandbox::probe_namespaces().why); \
      return;                                                                                            \
    }                                                                                                    \
  } while (false)

}  // namespace rb::test
