// humaneval-cpp (MultiPL-E's C++ translation, 161 problems, no references) and
// humaneval-x-cpp (CodeGeeX's HumanEval-X C++, 164, with references). The verifier splits
// each assert of the test's main() into a call and an expected expression.
#include <nlohmann/json.hpp>

#include "harness/util/strings.hpp"
#include "suites/loaders/code_common.hpp"
#include "suites/loaders/code_cpp_overrides.hpp"
#include "suites/loaders/code_loaders.hpp"
#include "suites/loaders/dataset_file.hpp"
#include "suites/loaders/dataset_json.hpp"

namespace rb::suites {

namespace {

bool identifier_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_'; }

/// Splits text holding a function's signature line ("long f(std::string s) {", at column 0)
/// into what comes before it and the line itself; anything after it is dropped (one
/// HumanEval-X declaration, CPP/38, carries the start of its body).
void split_signature(const std::string& text, std::string& header, std::string& signature)
{
  const auto lines = util::split(text, '\n');
  std::size_t at = lines.size();
  for (std::size_t i = lines.size(); i-- > 0;) {
    const std::string_view line = util::trim(lines[i]);
    if (!lines[i].empty() && lines[i][0] != ' ' && lines[i][0] != '\t' && line.ends_with("{") &&
        line.find('(') != std::string_view::npos) {
      at = i;
      break;
    }
  }
  header.clear();
  signature.clear();
  for (std::size_t i = 0; i < lines.size() && i < at; ++i) {
    header += lines[i] + "\n";
  }
  if (at < lines.size()) {
    signature = std::string(util::trim(lines[at]));
  }
}

/// The function's name in a signature line: the identifier before the first '('.
std::string function_name(const Record& r, const char* field, const std::string& signature)
{
  const std::size_t paren = signature.find('(');
  std::size_t end = paren;
  while (end > 0 && signature[end - 1] == ' ') {
    --end;
  }
  std::size_t begin = end;
  while (begin > 0 && identifier_char(signature[begin - 1])) {
    --begin;
  }
  if (paren == std::string::npos || begin == end) {
    r.fail(field, "no function signature on its last line");
  }
  return signature.substr(begin, end - begin);
}

}  // namespace

Suite load_humaneval_cpp(SuiteParams& params, const LoadOptions& options)
{
  const std::string path = dataset_path(params.spec(), options.data, "humaneval_cpp_multipl_e/humaneval-cpp.jsonl");
  const CodeDataset data = read_code_dataset("humaneval-cpp", path);
  std::vector<Problem> problems;
  for (std::size_t i = 0; i < data.records.size(); ++i) {
    const Record r(params.spec(), path, data.lines[i], data.records[i]);
    const std::string prompt = r.text("prompt");
    // Excluded (docs/code.md): MultiPL-E's Union_* return types compare through their own
    // operator==, which only code in the candidate's process could evaluate; one of them
    // (HumanEval_137) does not even compile (std::nullopt used as a type).
    if (prompt.find("Union_") != std::string::npos) {
      continue;
    }
    std::string header;
    std::string signature;
    split_signature(prompt, header, signature);
    const std::string entry = function_name(r, "prompt", signature);
    std::string test = r.text("test");
    // MultiPL-E's test starts by closing the function ("}\n"): the harness builds programs itself.
    if (const std::string_view t = util::trim(test); t.starts_with("}")) {
      test = std::string(t.substr(1));
    }
    Problem p;
    p.id = r.text("task_id");
    p.text = "Complete the following C++ function. Write the whole function.\n\n" + fence("cpp", prompt);
    nlohmann::json task{{"kind", "cpp_call"}, {"lang", "cpp"},  {"dataset", data.tag}, {"entry", entry},
                        {"call_name", "candidate"}, {"header", header}, {"signature", signature},
                        {"reference_body", ""},   {"test", test}};
    p.checker_data = task.dump();
    p.metadata = {{"source", "nuprl/MultiPL-E via deepseek-ai/DeepSeek-Coder"}, {"entry_point", entry}};
    problems.push_back(std::move(p));
  }
  return make_code_suite(params, options, std::move(problems));
}

Suite load_humaneval_x_cpp(SuiteParams& params, const LoadOptions& options)
{
  const std::string path = dataset_path(params.spec(), options.data, "humaneval_x_cpp/humaneval_cpp.jsonl.gz");
  const CodeDataset data = read_code_dataset("humaneval-x-cpp", path);
  std::vector<Problem> problems;
  for (std::size_t i = 0; i < data.records.size(); ++i) {
    const Record r(params.spec(), path, data.lines[i], data.records[i]);
    std::string header;
    std::string signature;
    split_signature(r.text("declaration"), header, signature);
    const std::string entry = function_name(r, "declaration", signature);
    const std::string id = r.text("task_id");
    const std::string solution = r.text("canonical_solution");
    nlohmann::json task{{"kind", "cpp_call"},        {"lang", "cpp"},      {"dataset", data.tag},
                        {"entry", entry},            {"header", header},   {"signature", signature},
                        {"reference_body", solution}, {"test", r.text("test")}};
    apply_humaneval_x_override(id, r.text("test"), task);
    Problem p;
    p.id = id;
    p.text = "Complete the following C++ function. Write the whole function.\n\n" + fence("cpp", r.text("prompt"));
    p.reference = fence("cpp", signature + "\n" + solution);
    p.checker_data = task.dump();
    p.metadata = {{"source", "THUDM/CodeGeeX HumanEval-X"}, {"entry_point", entry}};
    problems.push_back(std::move(p));
  }
  return make_code_suite(params, options, std::move(problems));
}

}  // namespace rb::suites
