// mbpp (sanitized, 427), mbpp-full (974, DeepSeek's copy) and mbpp-plus (EvalPlus MBPP+ v0.1.0,
// 399). MBPP's asserts call the function by name; its name comes from the asserts. MBPP+ ships
// inputs only: the expected outputs come from running the reference once (cached), and its
// comparison follows EvalPlus (numpy-style tolerance for floats; three special oracles).
#include <nlohmann/json.hpp>

#include "harness/core/error.hpp"
#include "harness/util/strings.hpp"
#include "suites/loaders/code_common.hpp"
#include "suites/loaders/code_loaders.hpp"
#include "suites/loaders/dataset_file.hpp"
#include "suites/loaders/dataset_json.hpp"

namespace rb::suites {

namespace {

bool identifier_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_'; }

/// Names defined by `def NAME(` at the start of a line of `code`.
std::vector<std::string> defined_functions(std::string_view code)
{
  std::vector<std::string> names;
  for (const auto& raw : util::split(code, '\n')) {
    std::string_view line = util::trim(raw);
    if (!line.starts_with("def ")) {
      continue;
    }
    line = util::trim(line.substr(4));
    std::size_t n = 0;
    while (n < line.size() && identifier_char(line[n])) {
      ++n;
    }
    if (n > 0) {
      names.emplace_back(line.substr(0, n));
    }
  }
  return names;
}

/// The first function defined by the reference that the first assert calls.
std::string entry_point(const Record& r, std::string_view code, std::string_view first_assert)
{
  const auto defined = defined_functions(code);
  for (std::size_t i = 0; i < first_assert.size(); ++i) {
    if (!identifier_char(first_assert[i]) || (i > 0 && identifier_char(first_assert[i - 1]))) {
      continue;
    }
    std::size_t n = i;
    while (n < first_assert.size() && identifier_char(first_assert[n])) {
      ++n;
    }
    const std::string name(first_assert.substr(i, n - i));
    std::size_t paren = n;
    while (paren < first_assert.size() && first_assert[paren] == ' ') {
      ++paren;
    }
    if (paren < first_assert.size() && first_assert[paren] == '(' &&
        std::find(defined.begin(), defined.end(), name) != defined.end()) {
      return name;
    }
    i = n;
  }
  r.fail("test_list", "no assert calls a function the reference defines");
}

std::string normalise(std::string text) { return util::replace_all(std::move(text), "\r\n", "\n"); }

std::string joined(const nlohmann::json& lines)
{
  std::string out;
  for (const auto& l : lines) {
    out += normalise(l.get<std::string>()) + "\n";
  }
  return out;
}

Problem mbpp_problem(const Record& r, const CodeDataset& data, const std::string& id, const std::string& description,
                     const std::string& imports, const std::string& setup)
{
  const std::string code = normalise(r.text("code"));
  const auto& tests = r.field("test_list");
  if (!tests.is_array() || tests.empty()) {
    r.fail("test_list", "expected a non-empty list of asserts");
  }
  const std::string entry = entry_point(r, code, tests[0].get<std::string>());
  Problem p;
  p.id = id;
  // The original MBPP prompt: the description and the tests the code must pass.
  p.text = description + "\nYour code should pass these tests:\n\n" + joined(tests);
  p.reference = fence("python", code);
  nlohmann::json task{{"kind", "python_call"},
                      {"lang", "python"},
                      {"dataset", data.tag},
                      {"entry", entry},
                      {"target", {{"kind", "function"}}},
                      {"suffix", imports},  // MBPP ran its imports after the code, before the asserts
                      {"program", code},
                      {"test", imports + setup + "\n" + joined(tests)},
                      {"callables", {{entry, entry}}}};
  p.checker_data = task.dump();
  p.metadata = {{"source", "google-research/mbpp"}, {"entry_point", entry}};
  return p;
}

}  // namespace

Suite load_mbpp(SuiteParams& params, const LoadOptions& options)
{
  const std::string path = dataset_path(params.spec(), options.data, "mbpp/sanitized-mbpp.json");
  const CodeDataset data = read_code_dataset("mbpp", path);
  std::vector<Problem> problems;
  for (std::size_t i = 0; i < data.records.size(); ++i) {
    const Record r(params.spec(), path, data.lines[i], data.records[i]);
    const std::string imports = r.has("test_imports") ? joined(r.field("test_imports")) : "";
    problems.push_back(mbpp_problem(r, data, "Mbpp/" + std::to_string(r.integer("task_id")), r.text("prompt"), imports, ""));
  }
  return make_code_suite(params, options, std::move(problems));
}

Suite load_mbpp_full(SuiteParams& params, const LoadOptions& options)
{
  const std::string split = params.get_string("split", "all");
  if (split != "all" && split != "test") {
    throw ConfigError("suite '" + params.spec() + "': parameter 'split' must be 'all' or 'test' (task ids 11-510)");
  }
  const std::string path = dataset_path(params.spec(), options.data, "mbpp/mbpp_full_deepseek_copy.jsonl");
  const CodeDataset data = read_code_dataset("mbpp-full", path);
  std::vector<Problem> problems;
  for (std::size_t i = 0; i < data.records.size(); ++i) {
    const Record r(params.spec(), path, data.lines[i], data.records[i]);
    const std::int64_t id = r.integer("task_id");
    if (split == "test" && (id < 11 || id > 510)) {
      continue;
    }
    problems.push_back(mbpp_problem(r, data, "Mbpp/" + std::to_string(id), r.text("text"), "",
                                    normalise(r.text_or("test_setup_code", ""))));
  }
  return make_code_suite(params, options, std::move(problems));
}

Suite load_mbpp_plus(SuiteParams& params, const LoadOptions& options)
{
  const std::string path = dataset_path(params.spec(), options.data, "mbpp_plus/mbppplus_v0.1.0_propertyeval_copy.json.gz");
  const CodeDataset data = read_code_dataset("mbpp-plus", path);
  std::vector<Problem> problems;
  for (std::size_t i = 0; i < data.records.size(); ++i) {
    const Record r(params.spec(), path, data.lines[i], data.records[i]);
    const std::string entry = r.text("entry_point");
    const std::string program = r.text("prompt") + r.text("canonical_solution");
    Problem p;
    p.id = r.text("task_id");
    p.text = r.text("prompt") + "\nWrite the Python function `" + entry + "`.";
    p.reference = fence("python", r.text("canonical_solution"));
    nlohmann::json task{{"kind", "python_call"},
                        {"lang", "python"},
                        {"dataset", data.tag},
                        {"entry", entry},
                        {"target", {{"kind", "function"}}},
                        {"mode", "inputs"},
                        {"program", program},
                        {"inputs", {r.field("base_input"), r.field("plus_input")}},
                        {"atol", r.has("atol") ? r.field("atol") : nlohmann::json(0)}};
    // EvalPlus's special oracles for MBPP+ v0.1.0 (its references return a match object or
    // None; Mbpp/295 also accepts 0; Mbpp/164's reference is wrong, so any output passes).
    if (entry == "check_str" || entry == "text_match_three" || entry == "text_starta_endb") {
      task["oracle"] = "not_none";
    } else if (entry == "are_equivalent") {
      task["oracle"] = "any";
    } else if (entry == "sum_div") {
      task["oracle"] = "or_zero";
    }
    p.checker_data = task.dump();
    p.metadata = {{"source", "evalplus/mbppplus v0.1.0"}, {"entry_point", entry}};
    problems.push_back(std::move(p));
  }
  return make_code_suite(params, options, std::move(problems));
}

}  // namespace rb::suites
