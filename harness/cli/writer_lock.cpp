#include "harness/cli/writer_lock.hpp"

#include "harness/core/error.hpp"

namespace rb::cli {

util::FileLock lock_database(const std::string& db_path)
{
  auto lock = util::FileLock::try_lock(db_path);
  if (!lock) {
    throw ConfigError("database '" + db_path +
                      "' is being written by another reasonbench process (run or grade --db); wait for it "
                      "to finish, or pass another --db");
  }
  return std::move(*lock);
}

}  // namespace rb::cli
