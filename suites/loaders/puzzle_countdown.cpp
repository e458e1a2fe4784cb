#include "suites/loaders/puzzle_countdown.hpp"

#include "harness/core/error.hpp"
#include "harness/util/strings.hpp"
#include "suites/generators/countdown_gen.hpp"
#include "suites/generators/expression_solver.hpp"
#include "suites/generators/game24_gen.hpp"
#include "suites/loaders/dataset_json.hpp"
#include "suites/loaders/puzzle_prompts.hpp"
#include "suites/prompts.hpp"
#include "suites/registry.hpp"

namespace rb::suites {

namespace {

constexpr const char* k_countdown_file = "countdown_tinyzero/countdown_test.jsonl.gz";
constexpr const char* k_game24_file = "game24_tot/24.csv";
constexpr std::int64_t k_tot_first_row = 900;
constexpr std::int64_t k_tot_last_row = 999;

std::string reference_for(const std::vector<std::int64_t>& numbers, std::int64_t target, bool use_all)
{
  const auto expression = solve_expression(numbers, target, use_all);
  return expression ? "<answer>" + *expression + "</answer>" : std::string();
}

/// "900-999" or "all" -> [first, last] (0-based, inclusive).
std::pair<std::int64_t, std::int64_t> row_range(const SuiteParams& params, const std::string& rows)
{
  if (rows == "all") {
    return {0, INT64_MAX};
  }
  const auto parts = util::split(rows, '-');
  if (parts.size() == 2) {
    const auto first = util::parse_int(parts[0]);
    const auto last = util::parse_int(parts[1]);
    if (first && last && *first >= 0 && *first <= *last) {
      return {*first, *last};
    }
  }
  throw ConfigError("suite '" + params.spec() +
                    "': parameter 'rows' must be FIRST-LAST (0-based, e.g. 900-999) or 'all', got '" + rows +
                    "'");
}

}  // namespace

Suite load_countdown_data(SuiteParams& params, const LoadOptions& options)
{
  const std::string use = params.get_string("use", "all");
  if (use != "all" && use != "subset") {
    throw ConfigError("suite '" + params.spec() + "': parameter 'use' must be 'all' or 'subset', got '" +
                      use + "'");
  }
  const bool use_all = use == "all";
  const std::string path = dataset_path(params.spec(), options.data, k_countdown_file);
  Suite suite;
  suite.verifier = "countdown";
  suite.prompt = select_prompt(answer_tag_prompts(), options.prompt, params.spec());
  for_each_json_line(params.spec(), path, [&](const JsonLine& line) {
    const Record r(params.spec(), path, line);
    const std::int64_t target = r.integer("target");
    std::vector<std::int64_t> numbers;
    const auto& nums = r.field("nums");
    if (!nums.is_array() || nums.empty()) {
      r.fail("nums", "expected a non-empty list of integers");
    }
    for (const auto& n : nums) {
      if (!n.is_number_integer()) {
        r.fail("nums", "expected a non-empty list of integers");
      }
      numbers.push_back(n.get<std::int64_t>());
    }
    std::int64_t index = static_cast<std::int64_t>(suite.problems.size());
    if (r.has("extra_info") && r.json()["extra_info"].contains("index")) {
      index = r.json()["extra_info"]["index"].get<std::int64_t>();
    }
    Problem p;
    p.id = "countdown/" + std::to_string(index);
    p.text = countdown_text(numbers, target, use_all);
    p.reference = reference_for(numbers, target, use_all);
    p.checker_data = countdown_checker_data(numbers, target, use_all);
    p.metadata = {{"source", "countdown (TinyZero test)"}, {"numbers", std::to_string(numbers.size())}};
    suite.problems.push_back(std::move(p));
  });
  return suite;
}

Suite load_game24_data(SuiteParams& params, const LoadOptions& options)
{
  const auto [first, last] = row_range(
      params,
      params.get_string("rows", std::to_string(k_tot_first_row) + "-" + std::to_string(k_tot_last_row)));
  const std::string path = dataset_path(params.spec(), options.data, k_game24_file);
  const auto lines = util::split(read_dataset_text(params.spec(), path), '\n');
  if (lines.empty()) {
    throw ConfigError(where(params.spec(), path) + "empty file");
  }
  const auto header = split_csv_line(lines[0]);
  std::size_t column = header.size();
  for (std::size_t c = 0; c < header.size(); ++c) {
    if (util::trim(header[c]) == "Puzzles") {
      column = c;
    }
  }
  if (column == header.size()) {
    throw ConfigError(where(params.spec(), path, 1) + "no 'Puzzles' column in the header");
  }
  Suite suite;
  suite.verifier = "countdown";
  suite.prompt = select_prompt(answer_tag_prompts(), options.prompt, params.spec());
  std::int64_t row = -1;
  for (std::size_t i = 1; i < lines.size(); ++i) {
    if (util::trim(lines[i]).empty()) {
      continue;
    }
    ++row;
    if (row < first || row > last) {
      continue;
    }
    const auto fields = split_csv_line(lines[i]);
    std::vector<std::int64_t> numbers;
    for (const auto& word :
         util::split(column < fields.size() ? std::string(util::trim(fields[column])) : "", ' ')) {
      if (word.empty()) {
        continue;
      }
      const auto n = util::parse_int(word);
      if (!n || *n < 0) {
        throw ConfigError(where(params.spec(), path, i + 1) + "'Puzzles' must be four integers, got '" +
                          (column < fields.size() ? fields[column] : "") + "'");
      }
      numbers.push_back(*n);
    }
    if (numbers.size() != 4) {
      throw ConfigError(where(params.spec(), path, i + 1) + "'Puzzles' must be four integers");
    }
    Problem p;
    p.id = "game24/" + std::to_string(row);
    p.text = game24_text(numbers);
    p.reference = reference_for(numbers, 24, true);
    p.checker_data = countdown_checker_data(numbers, 24, true);
    p.metadata = {{"source", "game24 (Tree of Thoughts 24.csv)"}, {"rank", std::to_string(row + 1)}};
    suite.problems.push_back(std::move(p));
  }
  if (last != INT64_MAX && row < last) {
    throw ConfigError("suite '" + params.spec() + "': rows " + std::to_string(first) + "-" +
                      std::to_string(last) + " asked, but " + path + " has " + std::to_string(row + 1) +
                      " rows");
  }
  return suite;
}

}  // namespace rb::suites
