#pragma once
// What was built: stored with every run so results say which harness produced them.
#include <string_view>

namespace rb::util {

std::string_view harness_version();  ///< e.g. "0.1.0"
std::string_view git_revision();     ///< short hash, "-dirty" when uncommitted changes, or "unknown"

}  // namespace rb::util
