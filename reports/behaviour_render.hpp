#pragma once
// The reasoning-behaviour part of every report format (docs/behaviour.md, "In reports"): one
// table of figures per (model, suite) for all analysed samples, the correct ones and the wrong
// ones, and a table of reasoning length by difficulty. Private to reports/.
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "reports/behaviour_summary.hpp"
#include "reports/columns.hpp"
#include "reports/summary.hpp"

namespace rb::reports {

/// One column of the behaviour table: its header, its definition (HTML tooltip) and its text.
struct BehaviourColumn {
  const char* label;
  const char* definition;
  std::string (*text)(const BehaviourGroup& group);
};

/// The figure columns, in table order (after model, suite and the group's name).
std::span<const BehaviourColumn> behaviour_columns();

/// The groups of a row a table shows: ("all", "correct", "wrong"), each with its figures;
/// "correct" and "wrong" only when they have samples.
std::vector<std::pair<const char*, const BehaviourGroup*>> behaviour_groups(const BehaviourSummary& summary);

/// The behaviour figures as CSV-only summary columns (behaviour_columns.cpp), appended to
/// columns() after the meters'.
std::span<const Column> behaviour_csv_columns();

/// Sets each row's `behaviour` from the store's analyses of run `run_id`.
void attach_behaviour(store::Store& store, std::int64_t run_id, std::vector<SummaryRow>& rows);

/// The Markdown section ("### Reasoning behaviour" and its tables); "" when nothing was analysed.
std::string behaviour_markdown(const RunSummary& summary);

/// A row's behaviour as JSON: {"all": {...}, "correct": {...}, "incorrect": {...},
/// "by_difficulty": [...]}; null when nothing was analysed.
nlohmann::json behaviour_json(const BehaviourSummary& summary);

}  // namespace rb::reports
