#include "tests/support/golden.hpp"

#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "tests/support/test_env.hpp"

namespace rb::test {

bool matches_golden(const std::string& name, const std::string& actual)
{
  const std::string path = source_dir() + "/tests/fixtures/golden/" + name;
  const char* update = std::getenv("RB_UPDATE_GOLDEN");
  if (update != nullptr && std::string(update) == "1") {
    write_file(path, actual);
    std::cerr << "updated " << path << "\n";
    return true;
  }
  const std::string expected = std::filesystem::exists(path) ? read_file(path) : std::string();
  if (expected == actual) {
    return true;
  }
  std::cerr << "golden mismatch for " << path << " (RB_UPDATE_GOLDEN=1 rewrites it); new text:\n"
            << actual << "\n";
  return false;
}

}  // namespace rb::test
