// `reasonbench sandbox run` (DESIGN.md's contract): one JSON object on stdout, exit 0 whatever
// the program did; usage errors are one line on stderr and exit 2.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "tests/sandbox/sandbox_test_support.hpp"

using namespace rb;
using json = nlohmann::json;

namespace {

json run_cli(const std::vector<std::string>& args, int& exit_code)
{
  std::vector<std::string> argv{test::binary(), "sandbox", "run"};
  argv.insert(argv.end(), args.begin(), args.end());
  const test::CommandResult r = test::run_command(argv);
  exit_code = r.exit_code;
  INFO(r.err);
  const auto lines = test::lines_of(r.out);
  REQUIRE(lines.size() == 1);
  return json::parse(lines[0]);
}

}  // namespace

TEST_CASE("sandbox run prints the outcome as one JSON object and exits 0", "[sandbox]")
{
  RB_REQUIRE_NAMESPACES();
  test::TempDir dir;
  test::write_file(dir.file("echo.py"), "import sys\nname = sys.stdin.read().strip()\nprint('hi', name)\nsys.exit(4)\n");
  test::write_file(dir.file("in.txt"), "bob\n");
  int code = -1;
  json out = run_cli({"--lang", "python", dir.file("echo.py"), "--stdin", dir.file("in.txt")}, code);
  CHECK(code == 0);
  CHECK(out["status"] == "runtime_error");
  CHECK(out["exit_code"] == 4);
  CHECK(out["signal"].is_null());
  CHECK(out["stdout"] == "hi bob\n");
  for (const char* key : {"stderr", "wall_ms", "cpu_ms", "max_rss_kb"}) {
    CHECK(out.contains(key));
  }

  test::write_file(dir.file("sleep.py"), "import time\ntime.sleep(60)\n");
  out = run_cli({"--lang", "python", dir.file("sleep.py"), "--timeout-ms", "500"}, code);
  CHECK(code == 0);
  CHECK(out["status"] == "timeout");
  CHECK(out["wall_ms"].get<long long>() < 3000);

  test::write_file(dir.file("broken.cpp"), "int main() { return undefined_name; }\n");
  out = run_cli({"--lang", "cpp", dir.file("broken.cpp")}, code);
  CHECK(code == 0);
  CHECK(out["status"] == "compile_error");
  CHECK(out["stderr"].get<std::string>().find("undefined_name") != std::string::npos);

  out = run_cli({"--lang", "cpp", test::source_dir() + "/tests/fixtures/adversarial/memory_bomb.cpp", "--memory-mb", "128"},
                code);
  CHECK(code == 0);
  CHECK(out["status"] == "memory_limit");
}

TEST_CASE("sandbox run: a bad language or a missing file is one line and exit 2", "[sandbox]")
{
  test::TempDir dir;
  test::write_file(dir.file("p.py"), "print(1)\n");
  test::CommandResult r = test::run_command({test::binary(), "sandbox", "run", "--lang", "ruby", dir.file("p.py")});
  CHECK(r.exit_code == 2);
  CHECK(r.out.empty());
  CHECK(test::lines_of(r.err).size() == 1);
  CHECK(r.err.find("--lang") != std::string::npos);
  r = test::run_command({test::binary(), "sandbox", "run", "--lang", "python", dir.file("missing.py")});
  CHECK(r.exit_code == 2);
  CHECK(test::lines_of(r.err).size() == 1);
  CHECK(r.err.find("missing.py") != std::string::npos);
}
