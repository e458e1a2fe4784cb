// The namespace sandbox against the programs of tests/fixtures/adversarial/: resource
// exhaustion, escape attempts and compiler attacks, in Python and C++. For each: the verdict
// names what happened, the host is unaffected (no file appears, the harness's environment is
// not visible) and no process of the run survives it.
#include <catch2/catch.hpp>

#include <signal.h>
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>

#include "tests/sandbox/sandbox_test_support.hpp"

using namespace rb;
using sandbox::Language;
using sandbox::RunResult;
using sandbox::RunSpec;
using sandbox::Status;
using std::chrono::milliseconds;

namespace {

sandbox::Sandbox& box()
{
  static const auto k_box = sandbox::make_sandbox(sandbox::Isolation::namespaces);
  return *k_box;
}

RunResult run(Language language, const std::string& source, milliseconds wall = milliseconds(3000))
{
  RunSpec spec;
  spec.language = language;
  spec.source = source;
  spec.limits.wall = wall;
  spec.compile.wall = milliseconds(15'000);
  return box().run(spec);
}

std::string describe(const RunResult& r)
{
  return std::string(sandbox::to_string(r.status)) + " (" + r.detail + ") wall " + std::to_string(r.wall.count()) +
         " ms\nstdout: " + util::shorten(r.stdout_text, 600) + "\nstderr: " + util::shorten(r.stderr_text, 600);
}

/// The sandbox still works after an attack: a trivial program runs and answers.
void still_works()
{
  const RunResult r = run(Language::python, "print(6 * 7)");
  INFO(describe(r));
  CHECK(r.status == Status::ok);
  CHECK(r.stdout_text == "42\n");
}

}  // namespace

TEST_CASE("sandbox runs a program, feeds stdin and reports exit codes and signals as such", "[sandbox]")
{
  RB_REQUIRE_NAMESPACES();
  RunSpec spec;
  spec.language = Language::cpp;
  spec.source = test::adversarial("hello.cpp");
  spec.stdin_data = "world\n";
  RunResult r = box().run(spec);
  INFO(describe(r));
  CHECK(r.status == Status::ok);
  CHECK(r.stdout_text == "hello world\n");

  r = run(Language::python, "import sys\nsys.exit(3)");
  CHECK(r.status == Status::runtime_error);
  CHECK(r.exit_code == 3);
  CHECK_FALSE(r.signal);

  // A program that kills itself with a signal is never reported as an exit code it chose.
  r = run(Language::python, "import os, signal\nos.kill(os.getpid(), signal.SIGTERM)");
  CHECK(r.status == Status::runtime_error);
  CHECK(r.signal == SIGTERM);
  CHECK_FALSE(r.exit_code);
}

TEST_CASE("CPU burners, sleepers and stopped programs end at the wall clock", "[sandbox]")
{
  RB_REQUIRE_NAMESPACES();
  for (const char* name : {"busy_loop.py", "thread_hog.py", "sleep_forever.py", "sigstop_self.py"}) {
    const RunResult r = run(Language::python, test::adversarial(name), milliseconds(1500));
    INFO(name << ": " << describe(r));
    CHECK(r.status == Status::timeout);
    CHECK(r.wall <= milliseconds(4000));
  }
  still_works();
}

TEST_CASE("memory bombs hit the address-space limit, in Python and C++", "[sandbox]")
{
  RB_REQUIRE_NAMESPACES();
  const RunResult py = run(Language::python, test::adversarial("memory_bomb.py"));
  INFO(describe(py));
  CHECK(py.status == Status::memory_limit);
  const RunResult cpp = run(Language::cpp, test::adversarial("memory_bomb.cpp"));
  INFO(describe(cpp));
  CHECK(cpp.status == Status::memory_limit);
  CHECK(cpp.max_rss_kb < 600 * 1024);
  still_works();
}

TEST_CASE("fork bombs are contained and no process of them survives, in Python and C++", "[sandbox]")
{
  RB_REQUIRE_NAMESPACES();
  for (const auto& [name, language] : {std::pair{"fork_bomb.py", Language::python}, std::pair{"fork_bomb.cpp", Language::cpp}}) {
    const std::string marker = test::unique_marker();
    const RunResult r = run(language, test::adversarial(name, marker), milliseconds(2000));
    INFO(name << ": " << describe(r));
    CHECK(r.status != Status::ok);
    CHECK(r.status != Status::sandbox_error);
    CHECK(test::marked_processes(marker) == 0);
  }
  still_works();
}

TEST_CASE("a double-forked daemon does not outlive its run", "[sandbox]")
{
  RB_REQUIRE_NAMESPACES();
  const std::string marker = test::unique_marker();
  const RunResult r = run(Language::python, test::adversarial("daemon_escape.py", marker));
  INFO(describe(r));
  CHECK(r.status == Status::ok);
  CHECK(r.stdout_text == "parent done\n");
  CHECK(test::marked_processes(marker) == 0);
}

TEST_CASE("output floods stop at the cap, disks at the tmpfs size, descriptors at their limit", "[sandbox]")
{
  RB_REQUIRE_NAMESPACES();
  RunResult r = run(Language::python, test::adversarial("output_flood.py"));
  INFO(describe(r));
  CHECK(r.status == Status::output_limit);
  CHECK(static_cast<std::int64_t>(r.stdout_text.size()) == sandbox::k_default_stdout_bytes);

  r = run(Language::python, test::adversarial("disk_fill.py"));
  INFO(describe(r));
  CHECK(r.status == Status::ok);
  CHECK(r.stdout_text.starts_with("stopped after"));
  const int mib = std::atoi(r.stdout_text.substr(14).c_str());
  CHECK(mib <= sandbox::k_default_file_bytes / sandbox::k_mib);
  CHECK_FALSE(std::filesystem::exists("/work/fill"));

  r = run(Language::python, test::adversarial("fd_exhaustion.py"));
  INFO(describe(r));
  CHECK(r.status == Status::ok);
  CHECK(r.stdout_text.starts_with("stopped after"));
  CHECK(std::atoi(r.stdout_text.substr(14).c_str()) < sandbox::k_default_open_files);
}

TEST_CASE("the host's files, the harness's environment and other processes are invisible", "[sandbox]")
{
  RB_REQUIRE_NAMESPACES();
  ::setenv("RB_CANARY_SECRET", "canary-7f3a9c", 1);
  const RunResult r = run(Language::python, test::adversarial("host_files.py"));
  ::unsetenv("RB_CANARY_SECRET");
  INFO(describe(r));
  REQUIRE(r.status == Status::ok);
  CHECK(r.stdout_text.find("canary-7f3a9c") == std::string::npos);
  CHECK(r.stdout_text.find("RB_CANARY_SECRET") == std::string::npos);
  for (const char* path : {"/etc/shadow", "/root", "/home", "/work/main", "/proc/1/environ", "/proc/1/mem", "/sys", "/run",
                           "/var"}) {
    CHECK(r.stdout_text.find(std::string(path) + " READ") == std::string::npos);
    CHECK(r.stdout_text.find(std::string(path) + " LISTED") == std::string::npos);
  }
  // Its PID namespace holds only its own processes.
  const RunResult ps = run(Language::python, "import os\nprint(sorted(int(p) for p in os.listdir('/proc') if p.isdigit()))");
  INFO(describe(ps));
  CHECK(ps.status == Status::ok);
  CHECK(ps.stdout_text.size() < 20);
}

TEST_CASE("writes outside the work dir never reach the host", "[sandbox]")
{
  RB_REQUIRE_NAMESPACES();
  const std::string marker = test::unique_marker();
  const RunResult r = run(Language::python, test::adversarial("write_outside.py", marker));
  INFO(describe(r));
  CHECK(r.status == Status::ok);
  for (const char* dir : {"/tmp", "/var/tmp", "/root", "/usr", "/usr/lib", "/dev/shm"}) {
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
      CHECK(entry.path().filename().string().find(marker) == std::string::npos);
    }
  }
  CHECK(r.stdout_text.find("/usr/" + marker + " WRITTEN") == std::string::npos);
  CHECK(r.stdout_text.find("/usr/lib/" + marker + " WRITTEN") == std::string::npos);
}

TEST_CASE("no network, no privileged calls, no raw or foreign-ABI syscalls", "[sandbox]")
{
  RB_REQUIRE_NAMESPACES();
  RunResult r = run(Language::python, test::adversarial("network.py"));
  INFO(describe(r));
  CHECK(r.status == Status::ok);
  CHECK(r.stdout_text.find("OPEN") == std::string::npos);

  r = run(Language::python, test::adversarial("privileged_calls.py"));
  INFO(describe(r));
  CHECK(r.status == Status::ok);
  CHECK(r.stdout_text.find(" OK ") == std::string::npos);
  CHECK(r.stdout_text.find("WRITTEN") == std::string::npos);
  CHECK(r.stdout_text.find("unshare denied") != std::string::npos);

  r = run(Language::cpp, test::adversarial("raw_syscalls.cpp"));
  INFO(describe(r));
  CHECK(r.stdout_text.find("unshare -1") != std::string::npos);
  CHECK(r.stdout_text.find("ptrace -1") != std::string::npos);
  CHECK(r.stdout_text.find("int80") == std::string::npos);  // the process died at int 0x80
  CHECK(r.status == Status::runtime_error);
  CHECK(r.signal == SIGSYS);
}

TEST_CASE("signals to init and to every visible process leave the sandbox and the host intact", "[sandbox]")
{
  RB_REQUIRE_NAMESPACES();
  test::Background sentinel({"/usr/bin/sleep", "30"}, "/dev/null", "/dev/null");
  const RunResult r = run(Language::python, test::adversarial("kill_supervisor.py"));
  INFO(describe(r));
  CHECK(r.status != Status::sandbox_error);
  CHECK(sentinel.running());
  CHECK(::kill(::getpid(), 0) == 0);
  still_works();
}

TEST_CASE("compiler attacks: endless includes, host files in diagnostics, template bombs", "[sandbox]")
{
  RB_REQUIRE_NAMESPACES();
  RunSpec spec;
  spec.language = Language::cpp;
  spec.compile.wall = milliseconds(8000);
  spec.source = test::adversarial("include_dev_zero.cpp");
  RunResult r = box().run(spec);
  INFO(describe(r));
  CHECK(r.status == Status::compile_error);

  spec.source = test::adversarial("include_host_secret.cpp");
  r = box().run(spec);
  INFO(describe(r));
  CHECK(r.status == Status::compile_error);
  CHECK(r.stderr_text.find("root:") == std::string::npos);  // /etc/shadow's first line on the host

  spec.source = test::adversarial("template_bomb.cpp");
  const auto start = std::chrono::steady_clock::now();
  r = box().run(spec);
  INFO(describe(r));
  CHECK(r.status == Status::compile_error);
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(20));
  still_works();
}
