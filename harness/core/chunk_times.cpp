#include "harness/core/chunk_times.hpp"

#include <algorithm>

namespace rb {

namespace {
constexpr std::uint8_t k_low_bits = 0x7f;
constexpr std::uint8_t k_more = 0x80;
constexpr int k_bits_per_byte = 7;
constexpr int k_max_shift = 63;
}  // namespace

void ChunkTimesWriter::add(std::uint64_t micros)
{
  std::uint64_t delta = micros > m_last ? micros - m_last : 0;
  m_last = std::max(m_last, micros);
  ++m_count;
  while (delta > k_low_bits) {
    m_bytes.push_back(static_cast<char>((delta & k_low_bits) | k_more));
    delta >>= k_bits_per_byte;
  }
  m_bytes.push_back(static_cast<char>(delta));
}

void ChunkTimesWriter::clear()
{
  m_bytes.clear();
  m_last = 0;
  m_count = 0;
}

std::string encode_chunk_times(const std::vector<std::uint64_t>& micros)
{
  ChunkTimesWriter writer;
  for (const std::uint64_t t : micros) {
    writer.add(t);
  }
  return writer.take();
}

std::vector<std::uint64_t> decode_chunk_times(std::string_view bytes)
{
  std::vector<std::uint64_t> out;
  std::uint64_t now = 0;
  std::uint64_t delta = 0;
  int shift = 0;
  for (const char c : bytes) {
    const auto byte = static_cast<std::uint8_t>(c);
    if (shift <= k_max_shift) {
      delta |= static_cast<std::uint64_t>(byte & k_low_bits) << shift;
    }
    if ((byte & k_more) != 0) {
      shift += k_bits_per_byte;
      continue;
    }
    now += delta;
    out.push_back(now);
    delta = 0;
    shift = 0;
  }
  return out;
}

}  // namespace rb
