#pragma once
// The arrival times of a streamed response's text chunks, kept compactly: each time is a whole
// number of microseconds after the attempt started, stored as the unsigned LEB128 varint of its
// difference from the previous one (typically 2-3 bytes a chunk). Timings::chunk_times holds the
// bytes; the store keeps them as a BLOB; harness/stats/latency.hpp turns them into TTFT and ITL.
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace rb {

/// Appends chunk arrivals one by one. Times must not decrease (a smaller one counts as equal).
class ChunkTimesWriter {
 public:
  void add(std::uint64_t micros);
  std::int64_t count() const { return m_count; }
  const std::string& bytes() const { return m_bytes; }
  std::string take() { return std::move(m_bytes); }
  void clear();

 private:
  std::string m_bytes;
  std::uint64_t m_last = 0;
  std::int64_t m_count = 0;
};

/// The bytes for `micros` (ascending).
std::string encode_chunk_times(const std::vector<std::uint64_t>& micros);

/// The arrival times in microseconds; a truncated last varint is dropped.
std::vector<std::uint64_t> decode_chunk_times(std::string_view bytes);

}  // namespace rb
