// codecontests (DeepMind CodeContests test split, 165) and codeforces (DeepCoder's 408), both
// from agentica-project/rllm: whole programs reading stdin, graded by comparing stdout token
// by token outside the sandbox. Limits come from each statement; neither set has references.
#include <nlohmann/json.hpp>

#include <cstdlib>

#include "harness/core/error.hpp"
#include "harness/util/strings.hpp"
#include "suites/loaders/code_common.hpp"
#include "suites/loaders/code_loaders.hpp"
#include "suites/loaders/dataset_file.hpp"
#include "suites/loaders/dataset_json.hpp"

namespace rb::suites {

namespace {

constexpr double k_default_time_limit_ms = 2000;
constexpr double k_default_memory_mb = 256;

/// The number after `label` in `text` ("Time Limit: 1000 ms" -> 1000), or `fallback`.
double number_after(std::string_view text, std::string_view label, double fallback)
{
  const std::size_t at = text.rfind(label);
  if (at == std::string_view::npos) {
    return fallback;
  }
  const std::string rest(text.substr(at + label.size(), 40));
  char* end = nullptr;
  const double value = std::strtod(rest.c_str(), &end);
  return end == rest.c_str() ? fallback : value;
}

bool mentions(std::string_view text, std::initializer_list<std::string_view> phrases)
{
  const std::string lower = util::to_lower(text);
  for (const auto phrase : phrases) {
    if (lower.find(phrase) != std::string::npos) {
      return true;
    }
  }
  return false;
}

std::string language_param(SuiteParams& params)
{
  const std::string lang = params.get_string("lang", "python");
  if (lang != "python" && lang != "cpp") {
    throw ConfigError("suite '" + params.spec() + "': parameter 'lang' must be 'python' or 'cpp', got '" + lang + "'");
  }
  return lang;
}

Problem stdio_problem(std::string id, const std::string& statement, nlohmann::json tests, const std::string& lang,
                      const std::string& tag, double time_ms, double memory_mb, const char* source)
{
  Problem p;
  p.id = std::move(id);
  p.text = statement + "\n\nWrite a complete program in " + (lang == "cpp" ? "C++17" : "Python 3") +
           " that reads the input from standard input and writes the answer to standard output.";
  nlohmann::json task{{"kind", "stdio"},
                      {"lang", lang},
                      {"dataset", tag},
                      {"tests", std::move(tests)},
                      {"time_limit_ms", time_ms},
                      {"memory_mb", memory_mb},
                      {"case_insensitive", mentions(statement, {"in any case", "in any register"})},
                      {"multiple_answers", mentions(statement, {"print any", "output any", "any of them",
                                                               "if there are multiple", "if there are several"})}};
  p.checker_data = task.dump();
  p.metadata = {{"source", source}};
  return p;
}

}  // namespace

Suite load_codecontests(SuiteParams& params, const LoadOptions& options)
{
  const std::string lang = language_param(params);
  const std::string path = dataset_path(params.spec(), options.data, "codecontests_test_rllm/code_contests_test.json.gz");
  const CodeDataset data = read_code_dataset("codecontests", path);
  std::vector<Problem> problems;
  for (std::size_t i = 0; i < data.records.size(); ++i) {
    const Record r(params.spec(), path, data.lines[i], data.records[i]);
    const std::string statement = r.text("problem");
    const auto& t = r.field("tests");
    if (!t.is_object() || !t.contains("inputs") || !t.contains("outputs") || t["inputs"].size() != t["outputs"].size()) {
      r.fail("tests", "expected {inputs: [...], outputs: [...]} of equal length");
    }
    nlohmann::json tests = nlohmann::json::array();
    for (std::size_t k = 0; k < t["inputs"].size(); ++k) {
      tests.push_back({{"input", t["inputs"][k]}, {"output", t["outputs"][k]}});
    }
    const double seconds = number_after(statement, "Time Limit: {'seconds': ", k_default_time_limit_ms / 1000);
    const double nanos = number_after(statement, "'nanos': ", 0);
    const double bytes = number_after(statement, "Memory Limit: ", k_default_memory_mb * 1e6);
    problems.push_back(stdio_problem("codecontests/" + std::to_string(i), statement, std::move(tests), lang, data.tag,
                                     seconds * 1000 + nanos / 1e6, bytes / 1e6, "deepmind/code_contests via rllm"));
  }
  return make_code_suite(params, options, std::move(problems));
}

Suite load_codeforces(SuiteParams& params, const LoadOptions& options)
{
  const std::string lang = language_param(params);
  const std::string path = dataset_path(params.spec(), options.data, "codeforces_rllm/codeforces_test.json.gz");
  const CodeDataset data = read_code_dataset("codeforces", path);
  std::vector<Problem> problems;
  for (std::size_t i = 0; i < data.records.size(); ++i) {
    const Record r(params.spec(), path, data.lines[i], data.records[i]);
    const std::string statement = r.text("problem");
    const auto& t = r.field("tests");
    if (!t.is_array() || t.empty()) {
      r.fail("tests", "expected a non-empty list of {input, output}");
    }
    nlohmann::json tests = nlohmann::json::array();
    for (const auto& test : t) {
      if (!test.is_object() || !test.contains("input") || !test.contains("output")) {
        r.fail("tests", "each test needs 'input' and 'output'");
      }
      tests.push_back({{"input", test["input"]}, {"output", test["output"]}});
    }
    problems.push_back(stdio_problem("codeforces/" + std::to_string(i), statement, std::move(tests), lang, data.tag,
                                     number_after(statement, "Time Limit: ", k_default_time_limit_ms),
                                     number_after(statement, "Memory Limit: ", k_default_memory_mb),
                                     "codeforces via agentica-project/rllm"));
  }
  return make_code_suite(params, options, std::move(problems));
}

}  // namespace rb::suites
