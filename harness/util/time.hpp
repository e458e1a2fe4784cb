#pragma once
// Wall-clock timestamps for records (ISO 8601, UTC, millisecond precision).
#include <string>

namespace rb::util {

/// e.g. "2026-11-29T02:14:59.123Z"
std::string iso8601_now();

}  // namespace rb::util
