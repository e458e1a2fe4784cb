#include "suites/loaders/puzzle_knights.hpp"

#include <filesystem>

#include "harness/core/error.hpp"
#include "suites/generators/knights_gen.hpp"
#include "suites/loaders/dataset_json.hpp"
#include "suites/loaders/puzzle_prompts.hpp"
#include "suites/prompts.hpp"
#include "suites/registry.hpp"

namespace rb::suites {

namespace {

constexpr const char* k_folder = "knights_and_knaves_logic_rl";

void load_file(const std::string& suite, const std::string& path, const std::string& tag,
               std::vector<Problem>& out)
{
  std::size_t index = 0;
  for_each_json_line(suite, path, [&](const JsonLine& line) {
    const Record r(suite, path, line);
    std::vector<std::string> names;
    std::vector<bool> knights;
    const auto& names_json = r.field("names");
    const auto& solution_json = r.field("solution");
    if (!names_json.is_array() || !solution_json.is_array() || names_json.size() != solution_json.size() ||
        names_json.empty()) {
      r.fail("solution", "must be a list of booleans as long as 'names'");
    }
    for (std::size_t k = 0; k < names_json.size(); ++k) {
      if (!names_json[k].is_string() || !solution_json[k].is_boolean()) {
        r.fail("solution", "must be a list of booleans as long as 'names' (a list of strings)");
      }
      names.push_back(names_json[k].get<std::string>());
      knights.push_back(solution_json[k].get<bool>());
    }
    Problem p;
    p.id = "kk/" + tag + "/" + std::to_string(index++);
    p.text = r.text("quiz") + " " + k_knights_format;
    p.answer = r.text_or("solution_text_format", knights_answer_lines(names, knights));
    // No numbering in the reference: serve-sim's wrong answers change the last number.
    p.reference = "<answer>\n" + knights_answer_lines(names, knights) + "\n</answer>";
    p.checker_data = knights_checker_data(names, knights, "");
    p.metadata = {{"source", "knights_and_knaves (Logic-RL)"}, {"people", std::to_string(names.size())}};
    out.push_back(std::move(p));
  });
}

}  // namespace

Suite load_knights_data(SuiteParams& params, const LoadOptions& options)
{
  const int people = static_cast<int>(params.get_int("people", 0, 0, 7));
  if (people > 0 && people < 3) {
    throw ConfigError("suite '" + params.spec() + "': parameter 'people' must be 3 to 7 (or 0: all)");
  }
  const std::string path = dataset_path(params.spec(), options.data, k_folder);
  Suite suite;
  suite.verifier = "knights_and_knaves";
  suite.prompt = select_prompt(answer_tag_prompts(), options.prompt, params.spec());
  std::error_code ec;
  if (!std::filesystem::is_directory(path, ec)) {
    load_file(params.spec(), path, std::filesystem::path(path).stem().stem().string(), suite.problems);
    return suite;
  }
  for (int n = people > 0 ? people : 3; n <= (people > 0 ? people : 7); ++n) {
    const std::string tag = std::to_string(n) + "ppl";
    load_file(params.spec(), (std::filesystem::path(path) / ("kk_" + tag + "_test.jsonl.gz")).string(), tag,
              suite.problems);
  }
  return suite;
}

}  // namespace rb::suites
