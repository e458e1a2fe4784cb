#pragma once
// The two forms of `reasonbench grade` (cmd_grade.cpp): from a generations file, and again over
// a database's stored samples.
#include <optional>
#include <string>
#include <vector>

namespace rb::cli {

struct GradeFlags {
  std::string suite;
  std::string data;
  std::string in;
  std::string out;
  std::string db;
  std::vector<std::string> runs;
  std::optional<std::string> rewards;  ///< --rewards accuracy,format,language (file form, or --db)
};

/// Grades --in against --suite, writes verdict lines, prints a tally on stderr. Malformed input
/// lines are ConfigErrors naming file and line.
int grade_file(const GradeFlags& flags);

}  // namespace rb::cli
