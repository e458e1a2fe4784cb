#pragma once
// SHA-256 digests for content hashes (problems) and response-cache keys.
#include <string>
#include <string_view>

namespace rb::util {

/// Lower-case hex SHA-256 of `data` (64 characters). Thread-safe.
std::string sha256_hex(std::string_view data);

}  // namespace rb::util
