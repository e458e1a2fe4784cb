// CSV and JSON renderings of run summaries, and the report writer.
#include <filesystem>
#include <fstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

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

nlohmann::json row_json(const SummaryRow& r)
{
  return {{"model", r.model},
          {"suite", r.suite},
          {"simulated", r.simulated},
          {"problems", r.problems},
          {"samples", r.samples},
          {"accuracy", r.accuracy.value},
          {"accuracy_std_error", r.accuracy.std_error},
          {"accuracy_ci95", {r.accuracy.ci95.low, r.accuracy.ci95.high}},
          {"correct", r.correct},
          {"incorrect", r.incorrect},
          {"no_answer", r.no_answer},
          {"truncated", r.truncated},
          {"timeout", r.timeout},
          {"errors", r.errors},
          {"ungraded", r.ungraded},
          {"from_cache", r.from_cache},
          {"tokens_estimated", r.tokens_estimated},
          {"mean_output_tokens", r.mean_output_tokens},
          {"mean_reasoning_tokens", r.mean_reasoning_tokens},
          {"cost_usd", r.cost_usd},
          {"cost_per_correct_usd", r.cost_per_correct_usd},
          {"latency_p50_ms", r.e2e_p50_ms},
          {"latency_p99_ms", r.e2e_p99_ms},
          {"ttft_p50_ms", r.ttft_p50_ms < 0 ? nlohmann::json(nullptr) : nlohmann::json(r.ttft_p50_ms)}};
}

}  // namespace

std::string to_csv(const std::vector<RunSummary>& runs)
{
  std::string out =
      "run,model,suite,simulated,problems,samples,accuracy,ci95_low,ci95_high,correct,incorrect,no_answer,"
      "truncated,timeout,errors,ungraded,mean_output_tokens,mean_reasoning_tokens,cost_usd,"
      "cost_per_correct_usd,latency_p50_ms,latency_p99_ms\n";
  for (const auto& summary : runs) {
    for (const auto& r : summary.rows) {
      out += fmt::format("{},{},{},{},{},{},{:.6f},{:.6f},{:.6f},{},{},{},{},{},{},{},{:.2f},{:.2f},{:.6f},{:.6f},{:.1f},{:.1f}\n",
                         csv_field(summary.run.name), csv_field(r.model), csv_field(r.suite), r.simulated ? 1 : 0,
                         r.problems, r.samples, r.accuracy.value, r.accuracy.ci95.low, r.accuracy.ci95.high,
                         r.correct, r.incorrect, r.no_answer, r.truncated, r.timeout, r.errors, r.ungraded,
                         r.mean_output_tokens, r.mean_reasoning_tokens, r.cost_usd, r.cost_per_correct_usd,
                         r.e2e_p50_ms, r.e2e_p99_ms);
    }
  }
  return out;
}

std::string to_json(const std::vector<RunSummary>& runs)
{
  nlohmann::json doc;
  doc["schema"] = "reasonbench.report/1";
  doc["runs"] = nlohmann::json::array();
  for (const auto& summary : runs) {
    nlohmann::json run{{"name", summary.run.name},
                       {"status", summary.run.status},
                       {"started_at", summary.run.started_at},
                       {"ended_at", summary.run.ended_at},
                       {"harness_version", summary.run.harness_version},
                       {"git_revision", summary.run.git_revision},
                       {"rows", nlohmann::json::array()}};
    for (const auto& r : summary.rows) {
      run["rows"].push_back(row_json(r));
    }
    doc["runs"].push_back(std::move(run));
  }
  return doc.dump(2) + "\n";
}

void check_report_path(const std::string& path)
{
  const std::string extension = std::filesystem::path(path).extension().string();
  if (extension != ".md" && extension != ".csv" && extension != ".json") {
    throw ConfigError("report '" + path + "': unknown format '" + extension + "' (use .md, .csv or .json)");
  }
}

void write_report(const std::vector<RunSummary>& runs, const std::string& path)
{
  check_report_path(path);
  const std::string extension = std::filesystem::path(path).extension().string();
  const std::string content =
      extension == ".md" ? to_markdown(runs) : (extension == ".csv" ? to_csv(runs) : to_json(runs));
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
