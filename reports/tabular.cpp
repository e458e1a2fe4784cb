// The CSV rendering of run summaries (one line per run x model x suite), and the report writer.
#include <filesystem>
#include <fstream>

#include <fmt/format.h>

#include "harness/core/error.hpp"
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

/// value, ci95_low, ci95_high at the largest k, or three empty fields.
std::string largest_k_fields(const std::vector<KPoint>& points)
{
  if (points.empty()) {
    return ",,";
  }
  const auto& e = points.back().estimate;
  return fmt::format("{:.6f},{:.6f},{:.6f}", e.value, e.ci95.low, e.ci95.high);
}

std::string format_of(const std::string& path)
{
  return std::filesystem::path(path).extension().string();
}

}  // namespace

std::string to_csv(const std::vector<RunSummary>& runs)
{
  // Columns are only ever appended (scripts read them by name or position).
  std::string out =
      "run,model,suite,simulated,problems,samples,accuracy,ci95_low,ci95_high,correct,incorrect,no_answer,"
      "truncated,timeout,errors,ungraded,mean_output_tokens,mean_reasoning_tokens,cost_usd,"
      "cost_per_correct_usd,latency_p50_ms,latency_p99_ms,samples_per_problem,pass_at_k_max,"
      "pass_at_k_max_ci95_low,pass_at_k_max_ci95_high,maj_at_k_max,maj_at_k_max_ci95_low,maj_at_k_max_ci95_"
      "high,"
      "mean_answer_tokens,truncation_rate,no_answer_rate,tokens_estimated,energy_joules,energy_per_correct_"
      "joules,"
      "output_tokens_per_s\n";
  for (const auto& summary : runs) {
    for (const auto& r : summary.rows) {
      out += fmt::format(
          "{},{},{},{},{},{},{:.6f},{:.6f},{:.6f},{},{},{},{},{},{},{},{:.2f},{:.2f},{:.6f},{:.6f},{:.1f},{:."
          "1f}",
          csv_field(summary.run.name), csv_field(r.model), csv_field(r.suite), r.simulated ? 1 : 0,
          r.problems, r.samples, r.accuracy.value, r.accuracy.ci95.low, r.accuracy.ci95.high, r.correct,
          r.incorrect, r.no_answer, r.truncated, r.timeout, r.errors, r.ungraded, r.mean_output_tokens,
          r.mean_reasoning_tokens, r.cost_usd, r.cost_per_correct_usd, r.e2e_p50_ms, r.e2e_p99_ms);
      // Energy is empty until a meter stores it (never a made-up figure); so is an unknown rate.
      out += fmt::format(
          ",{},{},{},{:.2f},{:.6f},{:.6f},{},,,{}\n", r.samples_per_problem, largest_k_fields(r.pass_at_k),
          largest_k_fields(r.maj_at_k), r.mean_answer_tokens, r.truncation_rate, r.no_answer_rate,
          r.tokens_estimated,
          r.throughput_tokens_per_s < 0 ? std::string() : fmt::format("{:.1f}", r.throughput_tokens_per_s));
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
