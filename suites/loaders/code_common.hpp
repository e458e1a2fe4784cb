#pragma once
// Shared by the code suites' loaders (code_*.cpp): reading a dataset's records, the prompt
// variants, fenced references, and the parameters every code suite takes.
#include <nlohmann/json_fwd.hpp>

#include <cstddef>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "harness/core/problem.hpp"
#include "suites/params.hpp"
#include "suites/registry.hpp"

namespace rb::suites {

/// A dataset's records (JSON Lines, or one JSON array) and a short hash of its bytes, which
/// names the verifiers' cache of split tests for this dataset.
struct CodeDataset {
  std::string path;
  std::string tag;                      ///< "<suite>-<16 hex of sha256>"
  std::vector<nlohmann::json> records;  ///< in file order
  std::vector<std::size_t> lines;       ///< line (JSON Lines) or 1-based record number (array)
};
CodeDataset read_code_dataset(std::string_view suite, const std::string& path);

/// "cot" (reason, then one fenced block; the default) and "direct" (the code only).
std::span<const PromptTemplate> code_prompts();

/// "```python\n...\n```" (the form serve-sim answers with, so references grade correct).
std::string fence(std::string_view language, std::string_view code);

/// The verifier for a code suite: "code", or "code-weak" with ?sandbox=weak (an explicit
/// choice, named in every report through the suite's name and verdict).
std::string code_verifier(SuiteParams& params);

/// Imports a LeetCode-style Python solution may assume (typing, collections, heapq, ...).
std::string_view leetcode_python_preamble();

/// Builds the Suite: prompt from options, problems, verifier.
Suite make_code_suite(SuiteParams& params, const LoadOptions& options, std::vector<Problem> problems);

}  // namespace rb::suites
