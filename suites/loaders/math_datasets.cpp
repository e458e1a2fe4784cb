#include "suites/loaders/math_datasets.hpp"

#include <functional>
#include <span>
#include <unordered_map>

#include "harness/core/error.hpp"
#include "harness/util/strings.hpp"
#include "suites/loaders/dataset_json.hpp"
#include "suites/loaders/math_prompts.hpp"
#include "suites/prompts.hpp"

namespace rb::suites {

namespace {

/// How one dataset's records become problems.
struct MathDataset {
  const char* default_path;  ///< relative to $REASONBENCH_DATA; empty: a file must be given
  std::span<const PromptTemplate> prompts;
  /// Reads one record; `index` counts records from 0. Throws ConfigError through Record::fail.
  std::function<Problem(const Record& record, std::size_t index)> read;
  /// Optional filter on the read problem (MATH-500 level and subject).
  std::function<bool(const Problem&)> keep;
};

std::string clean_answer(std::string answer)
{
  answer = std::string(util::trim(answer));
  return answer;
}

void set_reference(Problem& p) { p.reference = "The final answer is \\boxed{" + p.answer + "}."; }

Suite load(const MathDataset& dataset, SuiteParams& params, const LoadOptions& options)
{
  const std::string& suite_name = params.spec();
  if (*dataset.default_path == '\0' && options.data.empty()) {
    throw ConfigError("suite '" + suite_name +
                      "': no data file: give one in the generic math format, one JSON object per line "
                      "{\"id\", \"problem\", \"answer\"} ([[suite]] data = \"...\", or grade --data FILE)");
  }
  const std::string path = dataset_path(suite_name, options.data, dataset.default_path);
  Suite suite;
  suite.verifier = "math";
  suite.prompt = select_prompt(dataset.prompts, options.prompt, suite_name);
  std::unordered_map<std::string, std::size_t> seen;
  std::size_t index = 0;
  for_each_json_line(suite_name, path, [&](const JsonLine& line) {
    const Record record(suite_name, path, line);
    Problem p = dataset.read(record, index++);
    if (util::trim(p.answer).empty()) {
      record.fail("answer", "is empty");
    }
    if (util::trim(p.text).empty()) {
      throw ConfigError(where(suite_name, path, line.line) + "the problem text is empty");
    }
    if (const auto [it, inserted] = seen.emplace(p.id, line.line); !inserted) {
      throw ConfigError(where(suite_name, path, line.line) + "duplicate problem id '" + p.id + "' (first on line " +
                        std::to_string(it->second) + ")");
    }
    set_reference(p);
    if (!dataset.keep || dataset.keep(p)) {
      suite.problems.push_back(std::move(p));
    }
  });
  if (suite.problems.empty()) {
    throw ConfigError("suite '" + suite_name + "': no problems in '" + path + "'" +
                      (dataset.keep ? " after filtering" : ""));
  }
  return suite;
}

std::string metadata_value(const Problem& p, const std::string& key)
{
  for (const auto& [k, v] : p.metadata) {
    if (k == key) {
      return v;
    }
  }
  return {};
}

/// "27.0" (AMC 2023's floats) -> "27".
std::string integral_float(std::string s)
{
  if (s.size() > 2 && s.ends_with(".0") && s.find_first_not_of("-0123456789") == s.size() - 2) {
    s.resize(s.size() - 2);
  }
  return s;
}

/// MathArena's conversion (AIME 2025, HMMT February 2025): id, competition, problem_idx, problem, answer.
Problem read_matharena(const Record& r, const char* source)
{
  Problem p;
  p.id = r.text("id");
  p.text = r.text("problem");
  p.answer = clean_answer(r.text("answer"));
  p.metadata = {{"source", source}, {"competition", r.text_or("competition", "")}};
  return p;
}

}  // namespace

std::string last_boxed_content(std::string_view text)
{
  std::size_t best = std::string_view::npos;
  std::size_t open = 0;
  for (const std::string_view macro : {std::string_view("\\boxed"), std::string_view("\\fbox"), std::string_view("\\framebox")}) {
    const std::size_t at = text.rfind(macro);
    if (at != std::string_view::npos && (best == std::string_view::npos || at > best)) {
      const std::size_t brace = text.find('{', at + macro.size());
      if (brace != std::string_view::npos && util::trim(text.substr(at + macro.size(), brace - at - macro.size())).empty()) {
        best = at;
        open = brace;
      }
    }
  }
  if (best == std::string_view::npos) {
    return {};
  }
  int depth = 0;
  for (std::size_t j = open; j < text.size(); ++j) {
    if (text[j] == '\\' && j + 1 < text.size()) {
      ++j;
      continue;
    }
    depth += text[j] == '{' ? 1 : (text[j] == '}' ? -1 : 0);
    if (depth == 0) {
      return std::string(util::trim(text.substr(open + 1, j - open - 1)));
    }
  }
  return {};
}

Suite load_gsm8k(SuiteParams& params, const LoadOptions& options)
{
  static const MathDataset k_dataset{"gsm8k/test.jsonl", gsm8k_prompts(), [](const Record& r, std::size_t index) {
                                       Problem p;
                                       p.id = std::to_string(index);
                                       p.text = r.text("question");
                                       const std::string solution = r.text("answer");
                                       const std::size_t mark = solution.rfind("####");
                                       if (mark == std::string::npos) {
                                         r.fail("answer", "has no '#### <final answer>' line");
                                       }
                                       // Commas are thousands separators: "1,000" is 1000.
                                       p.answer = util::replace_all(clean_answer(solution.substr(mark + 4)), ",", "");
                                       p.metadata = {{"source", "gsm8k"}};
                                       return p;
                                     }, {}};
  return load(k_dataset, params, options);
}

Suite load_math500(SuiteParams& params, const LoadOptions& options)
{
  const auto level = params.get_int("level", 0, 0, 5);
  const std::string subject = params.get_string("subject", "");
  MathDataset dataset{"math500/test.jsonl", math_prompts(), [](const Record& r, std::size_t) {
                        Problem p;
                        p.id = r.text("unique_id");
                        p.text = r.text("problem");
                        p.answer = clean_answer(r.text("answer"));
                        p.metadata = {{"source", "math500"},
                                      {"subject", r.text_or("subject", "")},
                                      {"level", r.text_or("level", "")}};
                        return p;
                      }, {}};
  if (level > 0 || !subject.empty()) {
    dataset.keep = [level, subject](const Problem& p) {
      return (level == 0 || metadata_value(p, "level") == std::to_string(level)) &&
             (subject.empty() || util::to_lower(metadata_value(p, "subject")) == util::to_lower(subject));
    };
  }
  return load(dataset, params, options);
}

Suite load_aime24(SuiteParams& params, const LoadOptions& options)
{
  static const MathDataset k_dataset{"aime24/test.jsonl", math_prompts(), [](const Record& r, std::size_t) {
                                       Problem p;
                                       p.id = r.text("id");
                                       p.text = r.text("problem");
                                       p.answer = clean_answer(r.text("answer"));
                                       p.metadata = {{"source", "aime24"}, {"url", r.text_or("url", "")}};
                                       return p;
                                     }, {}};
  return load(k_dataset, params, options);
}

Suite load_aime25(SuiteParams& params, const LoadOptions& options)
{
  static const MathDataset k_dataset{"aime25/test.jsonl", math_prompts(),
                                     [](const Record& r, std::size_t) { return read_matharena(r, "aime25"); }, {}};
  return load(k_dataset, params, options);
}

Suite load_hmmt_feb_2025(SuiteParams& params, const LoadOptions& options)
{
  static const MathDataset k_dataset{"hmmt_feb_2025/test.jsonl", math_prompts(),
                                     [](const Record& r, std::size_t) { return read_matharena(r, "hmmt_feb_2025"); },
                                     {}};
  return load(k_dataset, params, options);
}

Suite load_amc23(SuiteParams& params, const LoadOptions& options)
{
  static const MathDataset k_dataset{"amc23/test.jsonl", math_prompts(), [](const Record& r, std::size_t) {
                                       Problem p;
                                       p.id = r.text("id");
                                       p.text = r.text("problem");
                                       p.answer = integral_float(clean_answer(r.text("answer")));
                                       p.metadata = {{"source", "amc23"}, {"url", r.text_or("url", "")}};
                                       return p;
                                     }, {}};
  return load(k_dataset, params, options);
}

Suite load_minerva_math(SuiteParams& params, const LoadOptions& options)
{
  static const MathDataset k_dataset{"minerva_math/test.jsonl", math_prompts(), [](const Record& r, std::size_t) {
                                       Problem p;
                                       p.id = r.text("idx");
                                       p.text = r.text("problem");
                                       // There is no answer field: the gold answer is the last box of the solution.
                                       p.answer = last_boxed_content(r.text("solution"));
                                       if (p.answer.empty()) {
                                         r.fail("solution", "has no \\boxed{} final answer");
                                       }
                                       p.metadata = {{"source", "minerva_math"}, {"course", r.text_or("type", "")}};
                                       return p;
                                     }, {}};
  return load(k_dataset, params, options);
}

Suite load_olympiadbench(SuiteParams& params, const LoadOptions& options)
{
  static const MathDataset k_dataset{
      "olympiadbench/test.jsonl.gz", math_prompts(), [](const Record& r, std::size_t) {
        Problem p;
        p.id = r.text("id");
        const std::string context = r.text_or("context", "");
        p.text = context.empty() ? r.text("question") : context + "\n" + r.text("question");
        const auto& answers = r.field("final_answer");
        if (!answers.is_array() || answers.empty()) {
          r.fail("final_answer", "must be a non-empty list of strings");
        }
        std::string joined;
        for (const auto& a : answers) {
          if (!a.is_string()) {
            r.fail("final_answer", "must be a list of strings");
          }
          // "$(1,8,19), (2,7,13)$." -> "(1,8,19), (2,7,13)"
          std::string s = util::replace_all(a.get<std::string>(), "$", "");
          std::string_view v = util::trim(s);
          while (!v.empty() && v.back() == '.') {
            v.remove_suffix(1);
          }
          joined += (joined.empty() ? "" : ", ") + std::string(util::trim(v));
        }
        p.answer = joined;
        p.metadata = {{"source", "olympiadbench"},
                      {"subfield", r.text_or("subfield", "")},
                      {"answer_type", r.text_or("answer_type", "")},
                      {"unit", r.text_or("unit", "")}};
        return p;
      },
      {}};
  return load(k_dataset, params, options);
}

Suite load_math_file(SuiteParams& params, const LoadOptions& options)
{
  static const MathDataset k_dataset{"", math_prompts(), [](const Record& r, std::size_t) {
                                       Problem p;
                                       p.id = r.text("id");
                                       p.text = r.text("problem");
                                       p.answer = clean_answer(r.text("answer"));
                                       p.metadata = {{"source", "math"}};
                                       return p;
                                     }, {}};
  return load(k_dataset, params, options);
}

}  // namespace rb::suites
