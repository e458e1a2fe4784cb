// humaneval: OpenAI's HumanEval (164 Python functions), graded with its own check() asserts,
// split by the verifier's pre-pass. HumanEval/32 (find_zero) is checked as EvalPlus does: the
// returned x must be a root (|poly(x)| < 1e-4), since any root is a correct answer.
#include <nlohmann/json.hpp>

#include "suites/loaders/code_common.hpp"
#include "suites/loaders/code_loaders.hpp"
#include "suites/loaders/dataset_file.hpp"
#include "suites/loaders/dataset_json.hpp"

namespace rb::suites {

Suite load_humaneval(SuiteParams& params, const LoadOptions& options)
{
  const std::string suite = "humaneval";
  const std::string path = dataset_path(params.spec(), options.data, "humaneval/HumanEval.jsonl.gz");
  const CodeDataset data = read_code_dataset(suite, path);
  std::vector<Problem> problems;
  for (std::size_t i = 0; i < data.records.size(); ++i) {
    const Record r(params.spec(), path, data.lines[i], data.records[i]);
    const std::string prompt = r.text("prompt");
    const std::string entry = r.text("entry_point");
    Problem p;
    p.id = r.text("task_id");
    p.text = "Complete the following Python function. Write the whole function, with the imports it needs.\n\n" +
             fence("python", prompt);
    p.reference = fence("python", prompt + r.text("canonical_solution"));
    nlohmann::json task{{"kind", "python_call"},
                        {"lang", "python"},
                        {"dataset", data.tag},
                        {"entry", entry},
                        {"target", {{"kind", "function"}}},
                        {"prefix", prompt},
                        {"program", prompt + r.text("canonical_solution")},
                        {"test", r.text("test")},
                        {"check", "check"},
                        {"callables", {{"candidate", entry}}}};
    if (entry == "find_zero") {
      task["special"] = "poly_root";
    }
    p.checker_data = task.dump();
    p.metadata = {{"source", "openai/human-eval"}, {"entry_point", entry}};
    problems.push_back(std::move(p));
  }
  return make_code_suite(params, options, std::move(problems));
}

}  // namespace rb::suites
