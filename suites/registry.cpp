#include "suites/registry.hpp"

#include <vector>

#include "harness/core/error.hpp"
#include "harness/util/strings.hpp"
#include "suites/generators/arith.hpp"
#include "suites/prompts.hpp"

namespace rb::suites {

namespace {

Suite load_gen_arith(SuiteParams& params, const LoadOptions& options)
{
  ArithOptions arith;
  arith.n = params.get_int("n", 50, 1, 1'000'000);
  arith.seed = static_cast<std::uint64_t>(params.get_int("seed", 0, 0, INT64_MAX));
  arith.difficulty = static_cast<int>(params.get_int("difficulty", 2, 1, 5));
  if (!options.data.empty()) {
    throw ConfigError("suite '" + params.spec() + "': a generated suite takes no data file (got '" +
                      options.data + "')");
  }
  Suite suite;
  suite.verifier = "numeric";
  suite.prompt = select_prompt(boxed_answer_prompts(), options.prompt, params.spec());
  suite.problems = generate_arith(arith);
  return suite;
}

const std::vector<SuiteKind>& table()
{
  static const std::vector<SuiteKind> k_table{
      {"gen:arith", "seeded multi-step integer arithmetic (n, seed, difficulty 1-5); no data files",
       "gen:arith?n=50&seed=7&difficulty=3", load_gen_arith},
  };
  return k_table;
}

}  // namespace

std::span<const SuiteKind> suite_kinds() { return table(); }

Suite load_suite(std::string_view spec, const LoadOptions& options)
{
  SuiteParams params(spec);
  for (const auto& kind : table()) {
    if (kind.name == params.name()) {
      Suite suite = kind.load(params, options);
      params.reject_unknown();
      suite.name = std::string(spec);
      if (options.limit > 0 && suite.problems.size() > static_cast<std::size_t>(options.limit)) {
        suite.problems.resize(static_cast<std::size_t>(options.limit));
      }
      return suite;
    }
  }
  std::vector<std::string> names;
  for (const auto& kind : table()) {
    names.emplace_back(kind.name);
  }
  throw ConfigError("unknown suite '" + params.name() + "'" + util::did_you_mean(params.name(), names) +
                    " (run 'reasonbench suites' for the list)");
}

}  // namespace rb::suites
