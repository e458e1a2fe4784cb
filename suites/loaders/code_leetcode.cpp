// leetcode-contest (DeepSeek-Coder's 180 contest problems, July 2023 - January 2024; no
// reference solutions are published) and leetcodedataset (LeetCodeDataset v0.3.1 test split,
// 228 problems, with references). Both grade `class Solution` methods, one fresh instance per
// test; linked lists and trees cross the sandbox as values (ListNode / TreeNode).
#include <nlohmann/json.hpp>

#include "harness/util/strings.hpp"
#include "suites/loaders/code_common.hpp"
#include "suites/loaders/code_loaders.hpp"
#include "suites/loaders/dataset_file.hpp"
#include "suites/loaders/dataset_json.hpp"

namespace rb::suites {

namespace {

bool identifier_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_'; }

/// The last `def NAME(self` of a starter code: the method under test.
std::string method_name(const Record& r, const char* field, std::string_view code)
{
  std::string name;
  for (std::size_t at = code.find("def "); at != std::string_view::npos; at = code.find("def ", at + 1)) {
    std::size_t n = at + 4;
    while (n < code.size() && identifier_char(code[n])) {
      ++n;
    }
    if (code.substr(n, 5) == "(self") {
      name = std::string(code.substr(at + 4, n - at - 4));
    }
  }
  if (name.empty()) {
    r.fail(field, "no method of class Solution found");
  }
  return name;
}

/// The code part of a DeepSeek contest prompt: what follows the closing docstring quotes.
std::string code_part(std::string_view prompt)
{
  const std::size_t quotes = prompt.rfind("\"\"\"");
  return std::string(quotes == std::string_view::npos ? prompt : prompt.substr(quotes + 3));
}

/// Top-level `class ListNode` / `class TreeNode` definitions of the prompt's code part.
std::string node_classes(std::string_view code)
{
  std::string out;
  const auto lines = util::split(code, '\n');
  bool inside = false;
  for (const auto& line : lines) {
    if (line.starts_with("class ")) {
      inside = line.starts_with("class ListNode") || line.starts_with("class TreeNode");
    } else if (!line.empty() && line[0] != ' ' && line[0] != '\t' && !line.starts_with("#")) {
      inside = false;
    }
    if (inside) {
      out += line + "\n";
    }
  }
  return out;
}

}  // namespace

Suite load_leetcode_contest(SuiteParams& params, const LoadOptions& options)
{
  const std::string path = dataset_path(params.spec(), options.data, "leetcode_contest_deepseek/20240121-Jul.jsonl.gz");
  const CodeDataset data = read_code_dataset("leetcode-contest", path);
  std::vector<Problem> problems;
  for (std::size_t i = 0; i < data.records.size(); ++i) {
    const Record r(params.spec(), path, data.lines[i], data.records[i]);
    const std::string code = code_part(r.text("prompt"));
    const std::string method = method_name(r, "prompt", code);
    const std::string prefix = std::string(leetcode_python_preamble()) + node_classes(code);
    // No reference: the pre-pass runs the test file against a stub that returns None, which is
    // enough to record every call's arguments and evaluate every expected value.
    const std::string stub = "class Solution:\n    def __getattr__(self, name):\n        return lambda *a, **k: None\n";
    Problem p;
    p.id = r.text("task_id");
    p.text = r.text("prompt_sft") + "\n\nComplete this code:\n" + fence("python", util::trim(code));
    nlohmann::json task{{"kind", "python_call"},
                        {"lang", "python"},
                        {"dataset", data.tag},
                        {"entry", method},
                        {"extract_entry", "Solution"},
                        {"target", {{"kind", "method"}, {"class", "Solution"}}},
                        {"prefix", prefix},
                        {"program", prefix + stub},
                        {"test", r.text("test")},
                        {"callables", {{"my_solution", nullptr}}},
                        {"no_reference", true}};
    p.checker_data = task.dump();
    std::string difficulty;
    if (r.has("meta") && r.field("meta").is_object()) {
      difficulty = r.field("meta").value("difficulty", "");
    }
    p.metadata = {{"source", "deepseek-ai/DeepSeek-Coder LeetCode contests"}, {"difficulty", difficulty}};
    problems.push_back(std::move(p));
  }
  return make_code_suite(params, options, std::move(problems));
}

Suite load_leetcodedataset(SuiteParams& params, const LoadOptions& options)
{
  const std::string path = dataset_path(params.spec(), options.data, "leetcodedataset/LeetCodeDataset-v0.3.1-test.jsonl.gz");
  const CodeDataset data = read_code_dataset("leetcodedataset", path);
  std::vector<Problem> problems;
  for (std::size_t i = 0; i < data.records.size(); ++i) {
    const Record r(params.spec(), path, data.lines[i], data.records[i]);
    const std::string starter = r.text("starter_code");
    const std::string method = method_name(r, "starter_code", starter);
    const std::string preamble = r.text("prompt");  // imports and the ListNode/TreeNode helpers
    Problem p;
    p.id = r.text("task_id");
    p.text = r.text("problem_description") + "\n\nComplete this code:\n" + fence("python", starter);
    p.reference = fence("python", r.text("completion"));
    nlohmann::json task{{"kind", "python_call"},
                        {"lang", "python"},
                        {"dataset", data.tag},
                        {"entry", method},
                        {"extract_entry", "Solution"},
                        {"target", {{"kind", "method"}, {"class", "Solution"}}},
                        {"prefix", preamble},
                        {"program", preamble + "\n" + r.text("completion")},
                        {"test", r.text("test")},
                        {"check", "check"},
                        {"callables", {{"candidate", method}}}};
    p.checker_data = task.dump();
    p.metadata = {{"source", "newfacade/LeetCodeDataset v0.3.1"}, {"difficulty", r.text_or("difficulty", "")}};
    problems.push_back(std::move(p));
  }
  return make_code_suite(params, options, std::move(problems));
}

}  // namespace rb::suites
