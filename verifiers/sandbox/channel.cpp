#include "verifiers/sandbox/channel.hpp"

#include <limits.h>

#include <algorithm>
#include <cstring>

#include "verifiers/sandbox/process_util.hpp"

namespace rb::sandbox::detail {

static_assert(sizeof(Message) <= PIPE_BUF, "a message must be written atomically");

void send_message(int fd, MessageType type, int wait_status, std::int64_t cpu_us, std::int64_t max_rss_kb,
                  std::string_view text)
{
  Message message;
  message.type = type;
  message.wait_status = wait_status;
  message.cpu_us = cpu_us;
  message.max_rss_kb = max_rss_kb;
  const std::size_t n = std::min(text.size(), sizeof message.text - 1);
  std::memcpy(message.text, text.data(), n);
  write_all(fd, std::string_view(reinterpret_cast<const char*>(&message), sizeof message));
}

std::optional<Message> MessageReader::next()
{
  if (m_buffer.size() < sizeof(Message)) {
    return std::nullopt;
  }
  Message message;
  std::memcpy(&message, m_buffer.data(), sizeof message);
  m_buffer.erase(0, sizeof message);
  message.text[sizeof message.text - 1] = '\0';
  return message;
}

}  // namespace rb::sandbox::detail
