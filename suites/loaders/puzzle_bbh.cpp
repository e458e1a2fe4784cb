#include "suites/loaders/puzzle_bbh.hpp"

#include <algorithm>
#include <filesystem>
#include <vector>

#include "harness/core/error.hpp"
#include "harness/util/strings.hpp"
#include "suites/loaders/dataset_json.hpp"
#include "suites/loaders/puzzle_prompts.hpp"
#include "suites/prompts.hpp"
#include "suites/registry.hpp"

namespace rb::suites {

namespace {

constexpr BbhTask k_tasks[] = {
    {"boolean_expressions", "true_false", 250},
    {"causal_judgement", "yes_no", 187},
    {"date_understanding", "choice", 250},
    {"disambiguation_qa", "choice", 250},
    {"dyck_languages", "dyck", 250},
    {"formal_fallacies", "valid_invalid", 250},
    {"geometric_shapes", "choice", 250},
    {"hyperbaton", "choice", 250},
    {"logical_deduction_five_objects", "choice", 250},
    {"logical_deduction_seven_objects", "choice", 250},
    {"logical_deduction_three_objects", "choice", 250},
    {"movie_recommendation", "choice", 250},
    {"multistep_arithmetic_two", "integer", 250},
    {"navigate", "yes_no", 250},
    {"object_counting", "integer", 250},
    {"penguins_in_a_table", "choice", 146},
    {"reasoning_about_colored_objects", "choice", 250},
    {"ruin_names", "choice", 250},
    {"salient_translation_error_detection", "choice", 250},
    {"snarks", "choice", 178},
    {"sports_understanding", "yes_no", 250},
    {"temporal_sequences", "choice", 250},
    {"tracking_shuffled_objects_five_objects", "choice", 250},
    {"tracking_shuffled_objects_seven_objects", "choice", 250},
    {"tracking_shuffled_objects_three_objects", "choice", 250},
    {"web_of_lies", "yes_no", 250},
    {"word_sorting", "words", 250},
};

constexpr BbhTask k_extra_tasks[] = {
    {"chinese_remainder_theorem", "integer", 250},
    {"matrixshapes", "shape", 250},
    {"schedule_meeting", "time_slot", 250},
};

std::string format_hint(std::string_view form)
{
  if (form == "choice") {
    return "Answer with the letter of the correct option, for example (A).";
  }
  if (form == "true_false") {
    return "Answer True or False.";
  }
  if (form == "yes_no") {
    return "Answer Yes or No.";
  }
  if (form == "valid_invalid") {
    return "Answer valid or invalid.";
  }
  if (form == "integer") {
    return "Answer with a single integer.";
  }
  if (form == "dyck") {
    return "Answer with the closing brackets that complete the sequence, separated by spaces.";
  }
  if (form == "words") {
    return "Answer with the sorted words, separated by spaces.";
  }
  if (form == "shape") {
    return "Answer with the shape of the final result, for example (2,3).";
  }
  return "Answer with the time slot, for example 10:30 - 12:00, or \"No time slot works.\"";
}

/// The checker data: the form, plus the options of a choice task or the input of a dyck task.
std::string checker_data(std::string_view form, const std::string& input)
{
  nlohmann::json cd{{"form", form}};
  if (form == "choice") {
    nlohmann::json options = nlohmann::json::object();
    for (const auto& line : util::split(input, '\n')) {
      const std::string_view t = util::trim(line);
      if (t.size() > 4 && t[0] == '(' && t[2] == ')' && t[1] >= 'A' && t[1] <= 'Z') {
        options[std::string(1, t[1])] = std::string(util::trim(t.substr(3)));
      }
    }
    cd["options"] = options;
  } else if (form == "dyck") {
    const std::size_t at = input.rfind("Input:");
    cd["prefix"] =
        at == std::string::npos ? "" : std::string(util::trim(std::string_view(input).substr(at + 6)));
  }
  return cd.dump();
}

void load_task(const std::string& suite, const std::string& path, const std::string& prefix,
               const BbhTask& task, std::vector<Problem>& out)
{
  nlohmann::json doc;
  try {
    doc = nlohmann::json::parse(read_dataset_text(suite, path));
  } catch (const nlohmann::json::parse_error& e) {
    throw ConfigError(where(suite, path) + "not valid JSON (" + util::shorten(e.what(), 120) + ")");
  }
  if (!doc.is_object() || !doc.contains("examples") || !doc["examples"].is_array()) {
    throw ConfigError(where(suite, path) + "expected an object with an 'examples' list");
  }
  const auto& examples = doc["examples"];
  for (std::size_t i = 0; i < examples.size(); ++i) {
    if (!examples[i].is_object()) {
      throw ConfigError(where(suite, path) + "example " + std::to_string(i) + " is not an object");
    }
    const Record r(suite, path, 0, examples[i]);
    const std::string input = r.text("input");
    Problem p;
    p.id = prefix + "/" + std::string(task.name) + "/" + std::to_string(i);
    p.text = input + "\n\n" + format_hint(task.form);
    p.answer = r.text("target");
    p.reference = "<answer>" + p.answer + "</answer>";
    p.checker_data = checker_data(task.form, input);
    p.metadata = {{"source", prefix}, {"task", std::string(task.name)}};
    out.push_back(std::move(p));
  }
}

Suite load_tasks(SuiteParams& params, const LoadOptions& options, std::span<const BbhTask> tasks,
                 const char* folder, const std::string& prefix)
{
  const std::string only = params.get_string("task", "");
  std::vector<std::string> names;
  for (const auto& t : tasks) {
    names.emplace_back(t.name);
  }
  if (!only.empty() && std::find(names.begin(), names.end(), only) == names.end()) {
    throw ConfigError("suite '" + params.spec() + "': unknown task '" + only + "'" +
                      util::did_you_mean(only, names) + " (tasks: " + util::join(names, ", ") + ")");
  }
  const std::string path = dataset_path(params.spec(), options.data, folder);
  Suite suite;
  suite.verifier = "bbh";
  suite.prompt = select_prompt(answer_tag_prompts(), options.prompt, params.spec());
  std::error_code ec;
  const bool folder_given = std::filesystem::is_directory(path, ec);
  for (const auto& task : tasks) {
    if (!only.empty() && task.name != only) {
      continue;
    }
    if (!folder_given) {
      if (std::filesystem::path(path).stem().string() == task.name || (!only.empty())) {
        load_task(params.spec(), path, prefix, task, suite.problems);
        return suite;
      }
      continue;
    }
    load_task(params.spec(), (std::filesystem::path(path) / (std::string(task.name) + ".json")).string(),
              prefix, task, suite.problems);
  }
  if (!folder_given && suite.problems.empty()) {
    throw ConfigError("suite '" + params.spec() + "': cannot tell the task of '" + path +
                      "': name the file after its task (e.g. word_sorting.json) or add task=NAME");
  }
  return suite;
}

}  // namespace

std::span<const BbhTask> bbh_tasks()
{
  return k_tasks;
}
std::span<const BbhTask> bbh_extra_tasks()
{
  return k_extra_tasks;
}

Suite load_bbh_data(SuiteParams& params, const LoadOptions& options)
{
  return load_tasks(params, options, k_tasks, "bbh", "bbh");
}

Suite load_bbh_extras_data(SuiteParams& params, const LoadOptions& options)
{
  return load_tasks(params, options, k_extra_tasks, "bbh_extras_toolmaker", "bbh_extras");
}

}  // namespace rb::suites
