#pragma once
// Helpers shared by tests: temporary folders, running the real binary, reading files.
#include <filesystem>
#include <string>
#include <vector>

namespace rb::test {

/// A fresh folder under the system temp dir, removed with everything in it on destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return m_path; }
  std::string file(const std::string& name) const { return (m_path / name).string(); }

 private:
  std::filesystem::path m_path;
};

struct CommandResult {
  int exit_code = -1;  ///< the exit status, or 128+signal when killed
  std::string out;     ///< stdout
  std::string err;     ///< stderr
};

/// Runs `argv` (argv[0] is a path) with stdin from /dev/null, capturing stdout and stderr.
CommandResult run_command(const std::vector<std::string>& argv);
/// The path of the reasonbench binary under test.
std::string binary();
/// The source tree root (for fixtures).
std::string source_dir();
/// ../shared/data, or "" when absent (tests labelled realdata then skip).
std::string shared_data_dir();

void write_file(const std::string& path, const std::string& content);
std::string read_file(const std::string& path);

}  // namespace rb::test
