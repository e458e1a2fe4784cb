#pragma once
// The suite registry: one explicit table (STYLE.md 5) of {name, description, example, loader},
// printed by `reasonbench suites`. A suite spec is "NAME" or "NAME?key=value&..." for generators.
#include <functional>
#include <span>
#include <string>
#include <string_view>

#include "harness/core/problem.hpp"
#include "suites/params.hpp"

namespace rb::suites {

struct LoadOptions {
  std::string data;    ///< dataset path; empty: the suite's default
  std::string prompt;  ///< prompt variant; empty: the suite's default
  int limit = 0;       ///< first N problems; 0: all
};

struct SuiteKind {
  std::string_view name;
  std::string_view description;
  std::string_view example;
  /// Builds the suite; reads parameters from `params` (reject_unknown is called after).
  std::function<Suite(SuiteParams& params, const LoadOptions& options)> load;
};

std::span<const SuiteKind> suite_kinds();

/// Loads the suite named by `spec`. Throws ConfigError naming the spec (unknown suite with a
/// suggestion, bad parameters, unreadable or malformed data).
Suite load_suite(std::string_view spec, const LoadOptions& options);

}  // namespace rb::suites
