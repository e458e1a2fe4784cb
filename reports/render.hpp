#pragma once
// Report formats rendered from run summaries (reports/summary.hpp): HTML (one self-contained
// page with charts and a per-sample browser), Markdown (pull requests, terminals), CSV (one row
// per run x model x suite) and JSON (schema "reasonbench.report/1"). docs/reports.md defines them.
#include <string>
#include <vector>

#include "reports/summary.hpp"

namespace rb::reports {

std::string to_markdown(const std::vector<RunSummary>& runs);
std::string to_csv(const std::vector<RunSummary>& runs);
std::string to_json(const std::vector<RunSummary>& runs);
/// One HTML file that needs nothing else: inline CSS, SVG charts and a small script under a
/// Content-Security-Policy that allows only that script (no network). All model and dataset
/// text is escaped.
std::string to_html(const std::vector<RunSummary>& runs);

/// Throws ConfigError naming `path` unless its extension is a format write_report knows.
void check_report_path(const std::string& path);

/// Writes the format the extension of `path` names (.html, .md, .csv, .json), creating parent
/// folders. Throws ConfigError naming the path for another extension or a write failure.
void write_report(const std::vector<RunSummary>& runs, const std::string& path);

}  // namespace rb::reports
