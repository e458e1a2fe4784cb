#pragma once
// The status channel from a sandbox's supervisor processes to the harness: fixed-size messages,
// each written with one write() smaller than PIPE_BUF, so they never interleave.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace rb::sandbox::detail {

enum class MessageType : std::uint32_t {
  unshared = 1,    ///< the supervisor made its namespaces; the harness may write its uid map
  run_started,     ///< setup (and compilation) done; the run phase's clock starts now
  compile_failed,  ///< the compiler exited non-zero or was killed; `wait_status` says how
  finished,        ///< the program ended: `wait_status`, `cpu_us`, `max_rss_kb`
  setup_failed,    ///< the sandbox could not be built; `text` says which step failed
};

struct Message {
  MessageType type = MessageType::setup_failed;
  std::int32_t wait_status = 0;
  std::int64_t cpu_us = 0;
  std::int64_t max_rss_kb = 0;
  char text[200] = {};
};

/// Sends one message (`text` is truncated to fit). Async-signal-safe apart from the copy.
void send_message(int fd, MessageType type, int wait_status = 0, std::int64_t cpu_us = 0,
                  std::int64_t max_rss_kb = 0, std::string_view text = {});

/// Accumulates bytes read from the channel and yields whole messages.
class MessageReader {
 public:
  void append(const char* data, std::size_t size) { m_buffer.append(data, size); }
  std::optional<Message> next();

 private:
  std::string m_buffer;
};

}  // namespace rb::sandbox::detail
