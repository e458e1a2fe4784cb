#include "suites/loaders/dataset_file.hpp"

#include <zlib.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "harness/core/error.hpp"
#include "harness/util/strings.hpp"
#include "suites/loaders/dataset_json.hpp"

namespace rb::suites {

namespace {
constexpr std::size_t k_max_dataset_bytes = std::size_t{1} << 30;  // 1 GiB: refuse a runaway gzip
constexpr const char* k_data_env = "REASONBENCH_DATA";

std::string gunzip(std::string_view suite, const std::string& path)
{
  gzFile file = gzopen(path.c_str(), "rb");
  if (file == nullptr) {
    throw ConfigError("suite '" + std::string(suite) + "': cannot read '" + path + "': " + std::strerror(errno));
  }
  std::string out;
  char buffer[1 << 16];
  while (true) {
    const int n = gzread(file, buffer, sizeof buffer);
    if (n < 0) {
      int code = 0;
      const std::string message = gzerror(file, &code);
      gzclose(file);
      throw ConfigError("suite '" + std::string(suite) + "': '" + path + "' is not valid gzip: " + message);
    }
    if (n == 0) {
      int code = Z_OK;
      const std::string message = gzerror(file, &code);
      if (code != Z_OK && code != Z_STREAM_END) {  // a truncated stream ends with Z_BUF_ERROR
        gzclose(file);
        throw ConfigError("suite '" + std::string(suite) + "': '" + path + "' is not valid gzip: " + message);
      }
      break;
    }
    out.append(buffer, static_cast<std::size_t>(n));
    if (out.size() > k_max_dataset_bytes) {
      gzclose(file);
      throw ConfigError("suite '" + std::string(suite) + "': '" + path + "' is larger than 1 GiB uncompressed");
    }
  }
  gzclose(file);
  return out;
}
}  // namespace

std::string dataset_path(std::string_view suite, const std::string& explicit_path, std::string_view default_relative)
{
  if (!explicit_path.empty()) {
    return explicit_path;
  }
  if (const char* root = std::getenv(k_data_env); root != nullptr && *root != '\0') {
    return (std::filesystem::path(root) / default_relative).string();
  }
  throw ConfigError("suite '" + std::string(suite) + "': no data file: set " + k_data_env +
                    " to the folder holding " + std::string(default_relative) +
                    ", or give the file ([[suite]] data = \"...\", or grade --data FILE)");
}

std::string read_dataset_text(std::string_view suite, const std::string& path)
{
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    throw ConfigError("suite '" + std::string(suite) + "': cannot read '" + path + "': no such file");
  }
  if (path.ends_with(".gz")) {
    return gunzip(suite, path);
  }
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  if (!in && !in.eof()) {
    throw ConfigError("suite '" + std::string(suite) + "': cannot read '" + path + "': " + std::strerror(errno));
  }
  return ss.str();
}

std::string where(std::string_view suite, const std::string& path, std::size_t line)
{
  const std::string name = std::filesystem::path(path).filename().string();
  return "suite '" + std::string(suite) + "': " + name + (line > 0 ? ":" + std::to_string(line) : "") + ": ";
}

void for_each_json_line(std::string_view suite, const std::string& path,
                        const std::function<void(const JsonLine&)>& fn)
{
  const std::string text = read_dataset_text(suite, path);
  std::size_t line_number = 0;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) {
      end = text.size();
    }
    ++line_number;
    const std::string_view line = util::trim(std::string_view(text).substr(start, end - start));
    start = end + 1;
    if (line.empty()) {
      if (end == text.size()) {
        break;
      }
      continue;
    }
    nlohmann::json json;
    try {
      json = nlohmann::json::parse(line);
    } catch (const nlohmann::json::parse_error& e) {
      throw ConfigError(where(suite, path, line_number) + "not valid JSON (" + util::shorten(e.what(), 120) + ")");
    }
    if (!json.is_object()) {
      throw ConfigError(where(suite, path, line_number) + "expected a JSON object, got " + json.type_name());
    }
    fn(JsonLine{line_number, &json});
    if (end == text.size()) {
      break;
    }
  }
}

std::vector<std::string> split_csv_line(std::string_view line)
{
  std::vector<std::string> fields(1);
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
        fields.back() += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        fields.back() += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      fields.emplace_back();
    } else if (c != '\r') {
      fields.back() += c;
    }
  }
  return fields;
}

// --- Record

std::string Record::text(const char* name) const
{
  const auto& value = field(name);
  if (value.is_string()) {
    return value.get<std::string>();
  }
  if (value.is_number() || value.is_boolean()) {
    return value.dump();
  }
  fail(name, std::string("expected a string, got ") + value.type_name());
}

std::string Record::text_or(const char* name, const std::string& fallback) const
{
  return has(name) ? text(name) : fallback;
}

std::int64_t Record::integer(const char* name) const
{
  const auto& value = field(name);
  if (value.is_number_integer()) {
    return value.get<std::int64_t>();
  }
  if (value.is_string()) {
    if (const auto parsed = util::parse_int(util::trim(value.get<std::string>()))) {
      return *parsed;
    }
  }
  fail(name, "expected an integer, got " + util::shorten(value.dump(), 40));
}

const nlohmann::json& Record::field(const char* name) const
{
  if (!m_json.contains(name)) {
    fail(name, "missing");
  }
  return m_json[name];
}

void Record::fail(const char* name, const std::string& problem) const
{
  throw ConfigError(where(m_suite, m_path, m_line) + "field '" + name + "' " + problem);
}

}  // namespace rb::suites
