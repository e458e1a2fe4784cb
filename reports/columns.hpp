#pragma once
// The summary columns: the one place a per-row figure is declared. Each entry names the figure
// for CSV and JSON (key), for the Markdown and HTML tables (label, definition), and says how to
// read it from a row. CSV, the JSON rows' scalar fields, the Markdown accuracy and cost tables and
// the HTML summary table all render from this table (docs/reports.md lists the figures).
//
// Adding a figure: a field in SummaryRow (summary.hpp), filled by RowBuilder; one entry in
// k_columns (columns.cpp) at the place it should appear in the tables, with the next free `csv`
// position (CSV columns are only ever appended); a line in docs/reports.md. Nothing else.
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "reports/summary.hpp"

namespace rb::reports {

/// A figure for CSV and JSON: nothing (JSON null, an empty CSV field: not measured or not
/// defined), a flag, a count, a number or a text.
using Value = std::variant<std::monostate, bool, std::int64_t, double, std::string>;

/// How a table cell is marked for people (docs/reports.md, "marks").
enum class Mark {
  none,
  estimated,     ///< the text, marked "est." (e.g. token counts the server did not report)
  simulated,     ///< the text, marked SIMULATED (served by serve-sim)
  not_measured,  ///< "not measured": no meter or source recorded it; the text is ignored
  not_priced,    ///< "not priced": the model has no prices; the text is ignored
};

struct Cell {
  std::string text;
  Mark mark = Mark::none;
};

/// One row as a table shows it: `series` is the model, or "run · model" when an HTML report
/// holds several runs.
struct RowRef {
  const RunSummary& run;
  const SummaryRow& row;
  std::string_view series;
};

/// Where a column appears besides CSV (which `Column::csv` decides).
enum Where : unsigned {
  k_in_json = 1U << 0,         ///< a scalar field of each JSON row
  k_in_md_accuracy = 1U << 1,  ///< the Markdown accuracy table
  k_in_md_cost = 1U << 2,      ///< the Markdown cost table
  k_in_html = 1U << 3,         ///< the HTML summary table
};

struct Column {
  std::string_view key;                      ///< CSV header and JSON field; "" for a table-only column
  std::string_view label;                    ///< table header; "" for a CSV/JSON-only column
  std::string_view definition;               ///< the HTML header's tooltip
  int csv = -1;                              ///< position among CSV columns (append only); -1: none
  int csv_decimals = 6;                      ///< digits after the point of a double in CSV
  unsigned where = 0;                        ///< Where bits
  bool left = false;                         ///< left-aligned in tables (texts, intervals)
  Value (*value)(const RowRef&) = nullptr;   ///< CSV/JSON value; required with a key
  Cell (*display)(const RowRef&) = nullptr;  ///< table cell; required with a label
};

/// Every column, in table order.
std::span<const Column> columns();

/// The CSV columns ordered by position (checked: positions 0, 1, 2, ... without a gap).
std::vector<const Column*> csv_columns();

/// The columns of one table (a Where bit), in table order.
std::vector<const Column*> table_columns(Where table);

/// A cell as plain text: "not measured", "not priced", or the text with " (est.)" when estimated.
std::string plain_text(const Cell& cell);

/// A value as a CSV field (not yet quoted): "" for nothing, 1/0 for a flag, a double with
/// `decimals` digits after the point.
std::string csv_text(const Value& value, int decimals);

}  // namespace rb::reports
