#pragma once
// Typed access to the fields of a dataset record, for loaders (.cpp files only: includes
// nlohmann/json). Errors name the suite, file, line and field.
#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <string_view>

#include "suites/loaders/dataset_file.hpp"

namespace rb::suites {

class Record {
 public:
  Record(std::string_view suite, const std::string& path, const JsonLine& line)
      : m_suite(suite), m_path(path), m_line(line.line), m_json(*static_cast<const nlohmann::json*>(line.json_ptr))
  {
  }
  Record(std::string_view suite, const std::string& path, std::size_t line, const nlohmann::json& json)
      : m_suite(suite), m_path(path), m_line(line), m_json(json)
  {
  }

  const nlohmann::json& json() const { return m_json; }
  bool has(const char* field) const { return m_json.contains(field) && !m_json[field].is_null(); }
  /// A string field; integers and floats are written as JSON writes them ("27.0" stays "27.0").
  std::string text(const char* field) const;
  /// A string field or "" when absent.
  std::string text_or(const char* field, const std::string& fallback) const;
  std::int64_t integer(const char* field) const;
  const nlohmann::json& field(const char* name) const;
  /// "suite 'S': FILE:LINE: field 'F': " + problem, as a ConfigError.
  [[noreturn]] void fail(const char* field, const std::string& problem) const;

 private:
  std::string_view m_suite;
  const std::string& m_path;
  std::size_t m_line;
  const nlohmann::json& m_json;
};

}  // namespace rb::suites
