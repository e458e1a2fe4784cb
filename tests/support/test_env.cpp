#include "tests/support/test_env.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

namespace rb::test {

TempDir::TempDir()
{
  static std::atomic<int> counter{0};
  const auto base = std::filesystem::temp_directory_path();
  for (int attempt = 0; attempt < 100; ++attempt) {
    auto candidate = base / ("rbtest-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    if (std::filesystem::create_directory(candidate)) {
      m_path = candidate;
      return;
    }
  }
  throw std::runtime_error("TempDir: cannot create a folder under " + base.string());
}

TempDir::~TempDir()
{
  std::error_code ec;
  std::filesystem::remove_all(m_path, ec);
}

namespace {
std::string drain(int fd)
{
  std::string out;
  char buffer[65536];
  while (true) {
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n <= 0) {
      break;
    }
    out.append(buffer, static_cast<std::size_t>(n));
  }
  ::close(fd);
  return out;
}
}  // namespace

namespace {
/// The inherited environment with `extra` added or replacing same-named entries.
std::vector<std::string> environment_with(const std::vector<std::string>& extra)
{
  std::vector<std::string> env;
  for (char** e = environ; *e != nullptr; ++e) {
    const std::string entry(*e);
    const std::string name = entry.substr(0, entry.find('='));
    bool replaced = name == "no_proxy" || name == "NO_PROXY";
    for (const auto& x : extra) {
      replaced = replaced || x.substr(0, x.find('=')) == name;
    }
    if (!replaced) {
      env.push_back(entry);
    }
  }
  env.insert(env.end(), extra.begin(), extra.end());
  // Loopback tests must never go through a proxy the machine may have configured.
  env.push_back("no_proxy=127.0.0.1,localhost");
  env.push_back("NO_PROXY=127.0.0.1,localhost");
  return env;
}

[[noreturn]] void exec_with(const std::vector<std::string>& argv, const std::vector<std::string>& env)
{
  std::vector<char*> args;
  for (const auto& a : argv) {
    args.push_back(const_cast<char*>(a.c_str()));
  }
  args.push_back(nullptr);
  std::vector<char*> envp;
  for (const auto& e : env) {
    envp.push_back(const_cast<char*>(e.c_str()));
  }
  envp.push_back(nullptr);
  ::execve(args[0], args.data(), envp.data());
  ::_exit(127);
}
}  // namespace

CommandResult run_command(const std::vector<std::string>& argv, const std::vector<std::string>& env)
{
  const auto full_env = environment_with(env);
  int out_pipe[2];
  int err_pipe[2];
  if (::pipe(out_pipe) != 0 || ::pipe(err_pipe) != 0) {
    throw std::runtime_error("run_command: pipe failed");
  }
  const pid_t pid = ::fork();
  if (pid == 0) {
    const int null_fd = ::open("/dev/null", O_RDONLY);
    ::dup2(null_fd, 0);
    ::dup2(out_pipe[1], 1);
    ::dup2(err_pipe[1], 2);
    ::close(out_pipe[0]);
    ::close(err_pipe[0]);
    exec_with(argv, full_env);
  }
  ::close(out_pipe[1]);
  ::close(err_pipe[1]);
  CommandResult result;
  std::thread err_reader([&] { result.err = drain(err_pipe[0]); });
  result.out = drain(out_pipe[0]);
  err_reader.join();
  int status = 0;
  ::waitpid(pid, &status, 0);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return result;
}

Background::Background(const std::vector<std::string>& argv, const std::string& stdout_path,
                       const std::string& stderr_path, const std::vector<std::string>& env)
{
  const auto full_env = environment_with(env);
  m_pid = ::fork();
  if (m_pid == 0) {
    const int null_fd = ::open("/dev/null", O_RDONLY);
    const int out_fd = ::open(stdout_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    const int err_fd = ::open(stderr_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    ::dup2(null_fd, 0);
    ::dup2(out_fd, 1);
    ::dup2(err_fd, 2);
    exec_with(argv, full_env);
  }
  if (m_pid < 0) {
    throw std::runtime_error("Background: fork failed");
  }
}

Background::~Background()
{
  if (running()) {
    ::kill(m_pid, SIGKILL);
  }
  wait();
}

void Background::signal(int signal_number)
{
  if (!m_reaped) {
    ::kill(m_pid, signal_number);
  }
}

int Background::wait()
{
  if (!m_reaped) {
    int status = 0;
    ::waitpid(m_pid, &status, 0);
    m_reaped = true;
    m_status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  }
  return m_status;
}

bool Background::running()
{
  if (m_reaped) {
    return false;
  }
  int status = 0;
  const pid_t r = ::waitpid(m_pid, &status, WNOHANG);
  if (r == m_pid) {
    m_reaped = true;
    m_status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return false;
  }
  return true;
}

SimServerProcess::SimServerProcess(const std::string& scenario, const std::string& log_dir)
{
  std::vector<std::string> argv{binary(), "serve-sim", "--port", "0"};
  if (!scenario.empty()) {
    argv.push_back("--scenario");
    argv.push_back(scenario);
  }
  const std::string out = log_dir + "/serve-sim.out";
  const std::string err = log_dir + "/serve-sim.err";
  m_process = std::make_unique<Background>(argv, out, err);
  m_port = wait_for_port(*m_process, out, err, "serve-sim: listening on http://127.0.0.1:", "serve-sim");
}

int wait_for_port(Background& process, const std::string& stdout_path, const std::string& stderr_path,
                  const std::string& prefix, const std::string& what)
{
  for (int i = 0; i < 400; ++i) {
    std::ifstream in(stdout_path);
    std::string line;
    if (std::getline(in, line) && line.starts_with(prefix)) {
      return std::stoi(line.substr(prefix.size()));
    }
    if (!process.running()) {
      throw std::runtime_error(what + " exited: " + read_file(stderr_path));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(25));
  }
  throw std::runtime_error(what + " did not print its port");
}

long long count_rows(const std::string& path, const std::string& sql)
{
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    sqlite3_close(db);
    return -1;
  }
  sqlite3_busy_timeout(db, 5000);
  sqlite3_stmt* stmt = nullptr;
  long long result = -1;
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK && sqlite3_step(stmt) == SQLITE_ROW) {
    result = sqlite3_column_int64(stmt, 0);
  }
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  return result;
}

std::vector<std::string> query_rows(const std::string& path, const std::string& sql)
{
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    sqlite3_close(db);
    throw std::runtime_error("query_rows: cannot open " + path);
  }
  sqlite3_busy_timeout(db, 5000);
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK) {
    const std::string message = sqlite3_errmsg(db);
    sqlite3_close(db);
    throw std::runtime_error("query_rows: " + message);
  }
  std::vector<std::string> rows;
  while (sqlite3_step(stmt) == SQLITE_ROW) {
    std::string row;
    for (int c = 0; c < sqlite3_column_count(stmt); ++c) {
      const auto* text = sqlite3_column_text(stmt, c);
      row += (c > 0 ? "|" : "") + (text == nullptr ? std::string("NULL") : std::string(reinterpret_cast<const char*>(text)));
    }
    rows.push_back(row);
  }
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  return rows;
}

std::vector<std::string> lines_of(const std::string& text)
{
  std::vector<std::string> lines;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    lines.push_back(line);
  }
  return lines;
}

std::string binary() { return RB_BINARY; }
std::string source_dir() { return RB_SOURCE_DIR; }

std::string shared_data_dir()
{
  if (const char* env = std::getenv("RB_SHARED_DATA")) {
    return std::filesystem::is_directory(env) ? std::string(env) : std::string();
  }
  const std::string dir = RB_SHARED_DATA_DIR;
  return std::filesystem::is_directory(dir) ? std::filesystem::canonical(dir).string() : std::string();
}

void write_file(const std::string& path, const std::string& content)
{
  std::ofstream out(path, std::ios::binary);
  out << content;
  if (!out) {
    throw std::runtime_error("write_file: cannot write " + path);
  }
}

std::string read_file(const std::string& path)
{
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw std::runtime_error("read_file: cannot read " + path);
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace rb::test
