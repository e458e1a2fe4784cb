#pragma once
// One writing reasonbench process per database: `run` and `grade --db` hold this lock while
// they write, so two resumes of one run can never generate the same items twice.
#include <string>

#include "harness/util/file_lock.hpp"

namespace rb::cli {

/// Locks the database file at `db_path` (it must exist) or throws ConfigError naming it.
util::FileLock lock_database(const std::string& db_path);

}  // namespace rb::cli
