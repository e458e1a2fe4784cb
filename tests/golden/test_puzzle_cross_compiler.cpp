// Cross-compiler determinism of the seeded generators. Each test compiles the generator sources
// and the golden dump (test_puzzle_generator_dump.hpp) on their own with another toolchain, runs
// the program and compares its output with tests/fixtures/golden/puzzle_generators.txt, the
// fixture the main build is checked against. Variants: clang++ with libc++ (another standard
// library: its sort, containers and distributions differ from libstdc++'s), clang++ with
// libstdc++, and g++ -O0 with UBSan (undefined behaviour is where compilers may diverge). A
// variant whose toolchain is missing prints SKIPPED and names what to install.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "harness/util/strings.hpp"
#include "tests/golden/test_puzzle_golden_diff.hpp"
#include "tests/support/test_env.hpp"

using namespace rb;

namespace {

const char* k_dump_main = R"(#include <iostream>
#include "tests/golden/test_puzzle_generator_dump.hpp"
int main() { std::cout << rb::test::golden_generator_dump(); }
)";

const char* k_probe_main = R"(#include <map>
#include <string>
int main() { std::map<std::string, int> m{{"a", 1}}; return m.size() == 1 ? 0 : 1; }
)";

/// The generator sources that do not need the rest of the harness (gen_suites.cpp reads suite
/// parameters through the registry), sorted.
std::vector<std::string> generator_sources()
{
  std::vector<std::string> out;
  for (const auto& entry : std::filesystem::directory_iterator(test::source_dir() + "/suites/generators")) {
    const auto path = entry.path();
    if (path.extension() == ".cpp" && path.filename() != "gen_suites.cpp") {
      out.push_back(path.string());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string find_program(const std::string& name)
{
  const auto r = test::run_command({"/bin/sh", "-c", "command -v " + name});
  return r.exit_code == 0 ? std::string(util::trim(r.out)) : std::string();
}

/// Builds and runs the dump with `compiler` and `flags`; compares with the fixture.
void check_toolchain(const std::string& compiler_name, const std::vector<std::string>& flags,
                     const std::string& install_hint)
{
  const std::string compiler = find_program(compiler_name);
  if (compiler.empty()) {
    WARN("SKIPPED: " << compiler_name << " not found (" << install_hint << ")");
    return;
  }
  test::TempDir dir;
  test::write_file(dir.file("probe.cpp"), k_probe_main);
  std::vector<std::string> probe{compiler, "-std=c++2b"};
  probe.insert(probe.end(), flags.begin(), flags.end());
  probe.insert(probe.end(), {dir.file("probe.cpp"), "-o", dir.file("probe")});
  const auto probed = test::run_command(probe);
  if (probed.exit_code != 0 || test::run_command({dir.file("probe")}).exit_code != 0) {
    WARN("SKIPPED: " << compiler_name << " " << util::join(flags, " ") << " cannot build a program ("
                     << install_hint << "): " << probed.err.substr(0, 300));
    return;
  }
  test::write_file(dir.file("main.cpp"), k_dump_main);
  std::vector<std::string> argv{compiler, "-std=c++2b", "-w"};
  argv.insert(argv.end(), flags.begin(), flags.end());
  argv.insert(argv.end(), {"-I", test::source_dir(), dir.file("main.cpp")});
  for (const auto& source : generator_sources()) {
    argv.push_back(source);
  }
  argv.insert(argv.end(), {"-o", dir.file("dump")});
  const auto built = test::run_command(argv);
  INFO(util::join(argv, " ") << "\n" << built.err.substr(0, 4000));
  REQUIRE(built.exit_code == 0);
  const auto ran = test::run_command({dir.file("dump")});
  INFO(ran.err.substr(0, 4000));
  REQUIRE(ran.exit_code == 0);
  const std::string expected =
      test::read_file(test::source_dir() + "/tests/fixtures/golden/puzzle_generators.txt");
  INFO(compiler_name << " " << util::join(flags, " ") << ": " << test::first_difference(expected, ran.out));
  CHECK(ran.out == expected);
}

}  // namespace

TEST_CASE("puzzle generators cross-compiler: clang++ with libc++ writes the same problems",
          "[puzzles][golden]")
{
  check_toolchain("clang++", {"-stdlib=libc++", "-O2"}, "Debian: clang, libc++-dev, libc++abi-dev");
}

TEST_CASE("puzzle generators cross-compiler: clang++ with libstdc++ writes the same problems",
          "[puzzles][golden]")
{
  check_toolchain("clang++", {"-O2"}, "Debian: clang");
}

TEST_CASE(
    "puzzle generators cross-compiler: g++ -O0 under UBSan writes the same problems, no undefined behaviour",
    "[puzzles][golden]")
{
  check_toolchain("g++", {"-O0", "-fsanitize=undefined", "-fno-sanitize-recover=all"}, "Debian: g++");
}
