#pragma once
// A local program started for the cmd: adapters, with pipes to its stdin, stdout and stderr,
// driven by poll(2) from one thread (Boost.Process starts it; the pipes are close-on-exec, so
// programs started at the same time do not keep each other's pipes open). A Waker lets another
// thread interrupt the poll (cancellation, new work). No Boost types in this header.
#include <chrono>
#include <cstdint>
#include <expected>
#include <memory>
#include <string>
#include <vector>

namespace rb::adapters::cmd {

using Clock = std::chrono::steady_clock;

inline constexpr std::size_t k_max_output_bytes = 64u << 20;  ///< stdout beyond this fails the request
inline constexpr std::size_t k_stderr_tail_bytes = 2048;      ///< stderr kept for messages

/// An eventfd another thread can signal to end a poll early. Thread-safe.
class Waker {
 public:
  Waker();
  ~Waker();
  Waker(const Waker&) = delete;
  Waker& operator=(const Waker&) = delete;
  void wake();
  void drain();
  int fd() const { return m_fd; }

 private:
  int m_fd = -1;
};

/// The command line split like a shell would for simple cases: whitespace separates words,
/// single and double quotes group them, a backslash escapes the next character.
std::vector<std::string> split_command(std::string_view line);

/// The program's path: as given when it has a '/', else the first match on $PATH; "" if none.
std::string find_program(const std::string& name);

class Process {
 public:
  /// Starts `argv`. Error: one line naming the program.
  static std::expected<std::unique_ptr<Process>, std::string> start(const std::vector<std::string>& argv);
  ~Process();  ///< kills the process if it still runs, and reaps it
  Process(const Process&) = delete;
  Process& operator=(const Process&) = delete;

  /// Queues bytes for the program's stdin.
  void send(std::string_view bytes) { m_to_write.append(bytes); }
  /// Closes stdin once the queued bytes are written (EOF for one-shot programs).
  void close_input_when_written() { m_close_input = true; }

  enum class Event { io, woken, deadline, finished };
  /// Writes queued input and reads output until something happened: output arrived (io), the
  /// waker fired, `deadline` passed, or stdout and stderr are both closed (finished).
  Event pump(const Waker& waker, Clock::time_point deadline);

  std::string& output() { return m_stdout; }  ///< stdout so far; the caller may consume it
  const std::string& error_tail() const { return m_stderr; }
  bool output_overflow() const { return m_stdout.size() > k_max_output_bytes; }

  /// SIGKILLs the process (idempotent).
  void kill();
  /// Waits for the process to exit and describes how: "exit status 3", "killed by signal 9".
  /// `ok` is set when it exited with status 0.
  std::string wait(bool& ok);
  /// The last non-empty line of stderr, for messages ("" when none).
  std::string last_error_line() const;

 private:
  struct Impl;
  explicit Process(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> m_impl;
  std::string m_to_write;
  bool m_close_input = false;
  std::string m_stdout;
  std::string m_stderr;
};

}  // namespace rb::adapters::cmd
