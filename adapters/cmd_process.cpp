#include "adapters/cmd_process.hpp"

#include <fcntl.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/process/args.hpp>
#include <boost/process/child.hpp>
#include <boost/process/exe.hpp>
#include <boost/process/io.hpp>
#include <boost/process/pipe.hpp>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <system_error>

#include "harness/util/strings.hpp"

namespace bp = boost::process;

namespace rb::adapters::cmd {

namespace {

constexpr std::size_t k_read_chunk = 64 * 1024;
constexpr int k_max_poll_ms = 1000;

void ignore_sigpipe_once()
{
  static std::once_flag once;
  std::call_once(once, [] {
    // A program that exits before reading its input would kill us with SIGPIPE on write.
    struct sigaction current {};
    if (sigaction(SIGPIPE, nullptr, &current) == 0 && current.sa_handler == SIG_DFL) {
      std::signal(SIGPIPE, SIG_IGN);
    }
  });
}

/// A pipe whose ends close on exec (the child gets its end through dup2, which clears the flag).
std::expected<bp::pipe, std::string> cloexec_pipe()
{
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) {
    return std::unexpected(std::string("cannot create a pipe: ") + std::strerror(errno));
  }
  return bp::pipe(fds[0], fds[1]);
}

void set_nonblocking(int fd)
{
  if (fd >= 0) {
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
  }
}

}  // namespace

Waker::Waker() : m_fd(::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC)) {}

Waker::~Waker()
{
  if (m_fd >= 0) {
    ::close(m_fd);
  }
}

void Waker::wake()
{
  const std::uint64_t one = 1;
  [[maybe_unused]] const auto written = ::write(m_fd, &one, sizeof one);
}

void Waker::drain()
{
  std::uint64_t value = 0;
  [[maybe_unused]] const auto read = ::read(m_fd, &value, sizeof value);
}

std::vector<std::string> split_command(std::string_view line)
{
  std::vector<std::string> words;
  std::string word;
  bool in_word = false;
  char quote = 0;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quote != 0) {
      if (c == quote) {
        quote = 0;
      } else if (c == '\\' && quote == '"' && i + 1 < line.size()) {
        word += line[++i];
      } else {
        word += c;
      }
    } else if (c == '\'' || c == '"') {
      quote = c;
      in_word = true;
    } else if (c == '\\' && i + 1 < line.size()) {
      word += line[++i];
      in_word = true;
    } else if (c == ' ' || c == '\t' || c == '\n') {
      if (in_word) {
        words.push_back(std::move(word));
        word.clear();
        in_word = false;
      }
    } else {
      word += c;
      in_word = true;
    }
  }
  if (in_word) {
    words.push_back(std::move(word));
  }
  return words;
}

std::string find_program(const std::string& name)
{
  if (name.find('/') != std::string::npos) {
    return ::access(name.c_str(), X_OK) == 0 ? name : "";
  }
  const char* path = std::getenv("PATH");
  for (const std::string& dir : util::split(path != nullptr ? path : "/usr/bin:/bin", ':')) {
    const std::string candidate = (dir.empty() ? "." : dir) + "/" + name;
    if (::access(candidate.c_str(), X_OK) == 0) {
      return candidate;
    }
  }
  return "";
}

struct Process::Impl {
  bp::child child;
  bp::pipe in;
  bp::pipe out;
  bp::pipe err;
  bool killed = false;
  bool reaped = false;
  int status = 0;
};

Process::Process(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}

std::expected<std::unique_ptr<Process>, std::string> Process::start(const std::vector<std::string>& argv)
{
  ignore_sigpipe_once();
  if (argv.empty()) {
    return std::unexpected(std::string("the command is empty"));
  }
  const std::string path = find_program(argv[0]);
  if (path.empty()) {
    return std::unexpected("program '" + argv[0] + "' not found (not executable, or not on $PATH)");
  }
  auto in = cloexec_pipe();
  auto out = cloexec_pipe();
  auto err = cloexec_pipe();
  if (!in || !out || !err) {
    return std::unexpected(!in ? in.error() : !out ? out.error() : err.error());
  }
  auto impl = std::make_unique<Impl>();
  impl->in = std::move(*in);
  impl->out = std::move(*out);
  impl->err = std::move(*err);
  std::error_code ec;
  const std::vector<std::string> args(argv.begin() + 1, argv.end());
  impl->child = bp::child(bp::exe = path, bp::args = args, bp::std_in < impl->in, bp::std_out > impl->out,
                          bp::std_err > impl->err, ec);
  if (ec) {
    return std::unexpected("cannot start '" + argv[0] + "': " + ec.message());
  }
  set_nonblocking(impl->in.native_sink());
  set_nonblocking(impl->out.native_source());
  set_nonblocking(impl->err.native_source());
  return std::unique_ptr<Process>(new Process(std::move(impl)));
}

Process::~Process()
{
  kill();
  bool ok = false;
  wait(ok);
}

Process::Event Process::pump(const Waker& waker, Clock::time_point deadline)
{
  Impl& p = *m_impl;
  while (true) {
    const int in_fd = p.in.native_sink();
    if (in_fd >= 0 && m_to_write.empty() && m_close_input) {
      ::close(in_fd);
      p.in.assign_sink(-1);
    }
    pollfd fds[4] = {{waker.fd(), POLLIN, 0},
                     {p.out.native_source(), POLLIN, 0},
                     {p.err.native_source(), POLLIN, 0},
                     {p.in.native_sink(), static_cast<short>(m_to_write.empty() ? 0 : POLLOUT), 0}};
    if (fds[1].fd < 0 && fds[2].fd < 0) {
      return Event::finished;
    }
    const auto now = Clock::now();
    if (now >= deadline) {
      return Event::deadline;
    }
    const auto left = std::chrono::ceil<std::chrono::milliseconds>(deadline - now).count();
    const int timeout = static_cast<int>(std::min<long long>(left, k_max_poll_ms));
    const int ready = ::poll(fds, 4, timeout);
    if (ready < 0 && errno != EINTR) {
      return Event::finished;
    }
    if (ready <= 0) {
      continue;
    }
    if ((fds[0].revents & POLLIN) != 0) {
      return Event::woken;
    }
    if ((fds[3].revents & (POLLOUT | POLLERR | POLLHUP)) != 0) {
      const ssize_t n = ::write(fds[3].fd, m_to_write.data(), m_to_write.size());
      if (n > 0) {
        m_to_write.erase(0, static_cast<std::size_t>(n));
      } else if (n < 0 && errno != EAGAIN && errno != EINTR) {
        m_to_write.clear();  // the program closed its stdin: it will not read the rest
        m_close_input = true;
      }
    }
    bool got_output = false;
    for (int i = 1; i <= 2; ++i) {
      if ((fds[i].revents & (POLLIN | POLLHUP | POLLERR)) == 0) {
        continue;
      }
      char buffer[k_read_chunk];
      const ssize_t n = ::read(fds[i].fd, buffer, sizeof buffer);
      if (n > 0) {
        std::string& sink = i == 1 ? m_stdout : m_stderr;
        sink.append(buffer, static_cast<std::size_t>(n));
        if (i == 2 && m_stderr.size() > 2 * k_stderr_tail_bytes) {
          m_stderr.erase(0, m_stderr.size() - k_stderr_tail_bytes);
        }
        got_output = got_output || i == 1;
      } else if (n == 0 || (errno != EAGAIN && errno != EINTR)) {
        bp::pipe& pipe = i == 1 ? p.out : p.err;
        ::close(pipe.native_source());
        pipe.assign_source(-1);
      }
    }
    if (got_output) {
      return Event::io;
    }
  }
}

void Process::kill()
{
  if (!m_impl->killed && !m_impl->reaped && m_impl->child.valid()) {
    m_impl->killed = true;
    ::kill(m_impl->child.id(), SIGKILL);
  }
}

std::string Process::wait(bool& ok)
{
  Impl& p = *m_impl;
  if (!p.reaped && p.child.valid()) {
    int status = 0;
    while (::waitpid(p.child.id(), &status, 0) < 0 && errno == EINTR) {
    }
    p.status = status;
    p.reaped = true;
    p.child.detach();  // reaped here: Boost must not wait or terminate it again
  }
  ok = WIFEXITED(p.status) && WEXITSTATUS(p.status) == 0;
  if (WIFSIGNALED(p.status)) {
    return "killed by signal " + std::to_string(WTERMSIG(p.status));
  }
  return "exit status " + std::to_string(WEXITSTATUS(p.status));
}

std::string Process::last_error_line() const
{
  std::string_view text = util::trim(m_stderr);
  const std::size_t newline = text.find_last_of('\n');
  if (newline != std::string_view::npos) {
    text = util::trim(text.substr(newline + 1));
  }
  return util::shorten(text, 200);
}

}  // namespace rb::adapters::cmd
