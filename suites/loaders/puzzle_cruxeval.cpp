#include "suites/loaders/puzzle_cruxeval.hpp"

#include "harness/core/error.hpp"
#include "suites/loaders/dataset_json.hpp"
#include "suites/loaders/puzzle_prompts.hpp"
#include "suites/prompts.hpp"
#include "suites/registry.hpp"

namespace rb::suites {

namespace {
constexpr const char* k_file = "cruxeval/cruxeval.jsonl";
}  // namespace

Suite load_cruxeval_data(SuiteParams& params, const LoadOptions& options)
{
  const std::string mode = params.get_string("mode", "output");
  if (mode != "output" && mode != "input") {
    throw ConfigError("suite '" + params.spec() + "': parameter 'mode' must be 'output' or 'input', got '" +
                      mode + "'");
  }
  const bool input_mode = mode == "input";
  const std::string isolation = params.get_string("sandbox", "namespaces");
  if (isolation != "namespaces" && isolation != "weak") {
    throw ConfigError("suite '" + params.spec() +
                      "': parameter 'sandbox' must be 'namespaces' or 'weak', got '" + isolation + "'");
  }
  const std::string path = dataset_path(params.spec(), options.data, k_file);
  Suite suite;
  suite.verifier = isolation == "weak" ? "cruxeval_weak" : "cruxeval";
  suite.prompt = select_prompt(answer_tag_prompts(), options.prompt, params.spec());
  for_each_json_line(params.spec(), path, [&](const JsonLine& line) {
    const Record r(params.spec(), path, line);
    const std::string code = r.text("code");
    const std::string input = r.text("input");
    const std::string output = r.text("output");
    Problem p;
    p.id = r.text("id");
    if (input_mode) {
      p.text =
          "You are given a Python function f and an output. Find an input such that executing f on it leads "
          "to "
          "the given output. There may be several such inputs; give one.\n\n```python\n" +
          code + "\n```\n\nOutput: " + output +
          "\n\nWrite the arguments of f as they would appear inside f(...), for example: 'abc', [1, 2]";
      // No arguments at all is written f(), which the verifier reads as an empty list.
      p.reference = "<answer>" + (input.empty() ? std::string("f()") : input) + "</answer>";
    } else {
      p.text =
          "You are given a Python function f and an input. Predict what f returns for this "
          "input.\n\n```python\n" +
          code + "\n```\n\nInput: f(" + input +
          ")\n\nWrite the returned value as a Python literal, for example: [1, 'a']";
      p.answer = output;
      p.reference = "<answer>" + output + "</answer>";
    }
    nlohmann::json cd{{"mode", mode}, {"code", code}, {"input", input}, {"output", output}};
    p.checker_data = cd.dump();
    p.metadata = {{"source", "cruxeval"}, {"mode", mode}};
    suite.problems.push_back(std::move(p));
  });
  return suite;
}

}  // namespace rb::suites
