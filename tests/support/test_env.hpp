#pragma once
// Helpers shared by tests: temporary folders, running the real binary, reading files.
#include <filesystem>
#include <memory>
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
/// `env` entries ("NAME=value") are added to (or replace in) the inherited environment.
CommandResult run_command(const std::vector<std::string>& argv, const std::vector<std::string>& env = {});

/// A child process running in the background, its stdout and stderr going to files.
class Background {
 public:
  Background(const std::vector<std::string>& argv, const std::string& stdout_path, const std::string& stderr_path,
             const std::vector<std::string>& env = {});
  ~Background();  ///< SIGKILLs the child if it still runs
  Background(const Background&) = delete;
  Background& operator=(const Background&) = delete;
  int pid() const { return m_pid; }
  void signal(int signal_number);
  /// Waits for exit; returns the exit status, or 128+signal.
  int wait();
  bool running();

 private:
  int m_pid = -1;
  bool m_reaped = false;
  int m_status = -1;
};

/// Waits until `process` writes a first line starting with `prefix` to `stdout_path` and returns
/// the port number that follows it; throws (quoting `stderr_path`) if `process` exits first or
/// after 10 s. `what` names the program in those messages.
int wait_for_port(Background& process, const std::string& stdout_path, const std::string& stderr_path,
                  const std::string& prefix, const std::string& what);

/// Starts `reasonbench serve-sim --port 0` (with `scenario` unless empty) and reads its port.
class SimServerProcess {
 public:
  explicit SimServerProcess(const std::string& scenario, const std::string& log_dir);
  int port() const { return m_port; }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(m_port) + "/v1"; }

 private:
  std::unique_ptr<Background> m_process;
  int m_port = 0;
};

/// Number of rows `sql` (a SELECT count(*) ...) returns on the database at `path`, read through
/// a separate connection; -1 when the database cannot be read yet.
long long count_rows(const std::string& path, const std::string& sql);
/// Every row `sql` returns, columns joined by '|' (NULL as "NULL"); throws when unreadable.
std::vector<std::string> query_rows(const std::string& path, const std::string& sql);

/// Lines of `text` (without the newline characters).
std::vector<std::string> lines_of(const std::string& text);
/// The path of the reasonbench binary under test.
std::string binary();
/// The source tree root (for fixtures).
std::string source_dir();
/// ../shared/data, or "" when absent (tests labelled realdata then skip).
std::string shared_data_dir();

void write_file(const std::string& path, const std::string& content);
std::string read_file(const std::string& path);

}  // namespace rb::test
