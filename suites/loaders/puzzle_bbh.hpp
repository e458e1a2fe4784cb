#pragma once
// BIG-Bench Hard, graded by the "bbh" verifier in each task's answer form:
//   bbh         the 27 tasks (6,511 examples), bbh/<task>.json
//   bbh_extras  ToolMaker's 3 extra tasks (750), bbh_extras_toolmaker/<task>.json
// Parameter task=NAME loads one task. --data may name one task file or the folder. Each
// problem's text is the task input plus one line saying how to write the answer.
#include <span>
#include <string_view>

#include "harness/core/problem.hpp"
#include "suites/params.hpp"

namespace rb::suites {

struct LoadOptions;

struct BbhTask {
  std::string_view name;
  std::string_view form;  ///< the "bbh" verifier's answer form
  int examples;           ///< as published (SOURCES.md)
};

std::span<const BbhTask> bbh_tasks();
std::span<const BbhTask> bbh_extra_tasks();

Suite load_bbh_data(SuiteParams& params, const LoadOptions& options);
Suite load_bbh_extras_data(SuiteParams& params, const LoadOptions& options);

}  // namespace rb::suites
