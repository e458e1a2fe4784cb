// The CSV rendering of run summaries (one line per run x model x suite), and the report writer.
#include <filesystem>
#include <fstream>

#include <fmt/format.h>

#include "harness/core/error.hpp"
#include "reports/columns.hpp"
#include "reports/render.hpp"

namespace rb::reports {

namespace {

std::string csv_field(const std::string& text)
{
  if (text.find_first_of(",\"\n\r") == std::string::npos) {
    return text;
  }
  std::string out = "\"";
  for (const char c : text) {
    out += c == '"' ? std::string("\"\"") : std::string(1, c);
  }
  return out + "\"";
}

std::string format_of(const std::string& path)
{
  return std::filesystem::path(path).extension().string();
}

}  // namespace

std::string to_csv(const std::vector<RunSummary>& runs)
{
  // The columns and their order come from reports/columns.cpp (only ever appended).
  const auto columns = csv_columns();
  std::string out;
  for (const Column* c : columns) {
    out += (out.empty() ? "" : ",") + std::string(c->key);
  }
  out += "\n";
  for (const auto& summary : runs) {
    for (const auto& r : summary.rows) {
      const RowRef ref{summary, r, r.model};
      for (std::size_t i = 0; i < columns.size(); ++i) {
        out += (i == 0 ? "" : ",") + csv_field(csv_text(columns[i]->value(ref), columns[i]->csv_decimals));
      }
      out += "\n";
    }
  }
  return out;
}

void check_report_path(const std::string& path)
{
  const std::string extension = format_of(path);
  if (extension != ".md" && extension != ".csv" && extension != ".json" && extension != ".html") {
    throw ConfigError("report '" + path + "': unknown format '" + extension +
                      "' (use .html, .md, .csv or .json)");
  }
}

void write_report(const std::vector<RunSummary>& runs, const std::string& path)
{
  check_report_path(path);
  const std::string extension = format_of(path);
  const std::string content = extension == ".md"     ? to_markdown(runs)
                              : extension == ".csv"  ? to_csv(runs)
                              : extension == ".json" ? to_json(runs)
                                                     : to_html(runs);
  const auto parent = std::filesystem::path(path).parent_path();
  std::error_code ec;
  if (!parent.empty()) {
    std::filesystem::create_directories(parent, ec);
  }
  const std::string temporary = path + ".tmp";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out << content;
    if (!out.flush()) {
      throw ConfigError("cannot write report '" + path + "'");
    }
  }
  std::filesystem::rename(temporary, path, ec);
  if (ec) {
    throw ConfigError("cannot write report '" + path + "': " + ec.message());
  }
}

}  // namespace rb::reports
