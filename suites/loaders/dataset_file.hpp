#pragma once
// Reading dataset files in their published formats: plain or gzip-compressed (.gz), JSON Lines
// or one JSON document, CSV. Every error is a ConfigError naming the suite, the file and the
// line: "suite 'mbpp': sanitized-mbpp.json:17: field 'test_list' missing".
// JSON values are passed as text-free handles (nlohmann::json in .cpp files only): loaders that
// parse fields include <nlohmann/json.hpp> themselves and use DatasetLine::json().
#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace rb::suites {

/// Where a suite's file is: `explicit_path` when given, else $REASONBENCH_DATA/`default_relative`.
/// Throws ConfigError telling the user how to provide it when neither exists.
std::string dataset_path(std::string_view suite, const std::string& explicit_path,
                         std::string_view default_relative);

/// The whole file, gunzipped when it ends in ".gz". Throws ConfigError naming the file.
std::string read_dataset_text(std::string_view suite, const std::string& path);

/// "suite 'S': FILE:LINE: " prefix for messages (LINE omitted when 0); FILE is the base name.
std::string where(std::string_view suite, const std::string& path, std::size_t line = 0);

/// One parsed JSON Lines record. `json_ptr()` is an opaque pointer to a nlohmann::json object.
struct JsonLine {
  std::size_t line = 0;        ///< 1-based line number in the file
  const void* json_ptr = nullptr;
};

/// Calls `fn` for each non-blank line of a JSON Lines file, parsed; a line that is not a JSON
/// object is a ConfigError naming the file and line.
void for_each_json_line(std::string_view suite, const std::string& path,
                        const std::function<void(const JsonLine&)>& fn);

/// Splits one CSV line (RFC 4180 quoting; no embedded newlines).
std::vector<std::string> split_csv_line(std::string_view line);

}  // namespace rb::suites
