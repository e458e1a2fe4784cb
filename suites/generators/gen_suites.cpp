#include "suites/generators/gen_suites.hpp"

#include "harness/core/error.hpp"
#include "suites/generators/countdown_gen.hpp"
#include "suites/generators/cryptarithm_gen.hpp"
#include "suites/generators/game24_gen.hpp"
#include "suites/generators/knights_gen.hpp"
#include "suites/generators/linear_system_gen.hpp"
#include "suites/generators/shortest_path_gen.hpp"
#include "suites/generators/sudoku_gen.hpp"
#include "suites/generators/zebra_gen.hpp"
#include "suites/loaders/puzzle_prompts.hpp"
#include "suites/prompts.hpp"
#include "suites/registry.hpp"

namespace rb::suites {

namespace {

constexpr std::int64_t k_default_n = 50;
constexpr std::int64_t k_max_n = 1'000'000;
constexpr std::int64_t k_default_difficulty = 2;

/// The parameters every generator reads; refuses a data file.
GenOptions common(SuiteParams& params, const LoadOptions& options)
{
  GenOptions gen;
  gen.n = params.get_int("n", k_default_n, 1, k_max_n);
  gen.seed = static_cast<std::uint64_t>(params.get_int("seed", 0, 0, INT64_MAX));
  gen.difficulty = static_cast<int>(params.get_int("difficulty", k_default_difficulty, 1, 5));
  if (!options.data.empty()) {
    throw ConfigError("suite '" + params.spec() + "': a generated suite takes no data file (got '" +
                      options.data + "')");
  }
  return gen;
}

Suite make(SuiteParams& params, const LoadOptions& options, const char* verifier,
           std::vector<Problem> problems)
{
  Suite suite;
  suite.verifier = verifier;
  suite.prompt = select_prompt(answer_tag_prompts(), options.prompt, params.spec());
  suite.problems = std::move(problems);
  return suite;
}

}  // namespace

Suite load_gen_countdown(SuiteParams& params, const LoadOptions& options)
{
  CountdownOptions o;
  o.gen = common(params, options);
  o.numbers = static_cast<int>(params.get_int("numbers", 0, 0, 6));
  if (o.numbers == 1 || o.numbers == 2) {
    throw ConfigError("suite '" + params.spec() +
                      "': parameter 'numbers' must be 3 to 6 (or 0: from the difficulty)");
  }
  const std::string use = params.get_string("use", "all");
  if (use != "all" && use != "subset") {
    throw ConfigError("suite '" + params.spec() + "': parameter 'use' must be 'all' or 'subset', got '" +
                      use + "'");
  }
  o.use_all = use == "all";
  return make(params, options, "countdown", generate_countdown(o));
}

Suite load_gen_game24(SuiteParams& params, const LoadOptions& options)
{
  return make(params, options, "countdown", generate_game24(common(params, options)));
}

Suite load_gen_knights(SuiteParams& params, const LoadOptions& options)
{
  KnightsOptions o;
  o.gen = common(params, options);
  o.people = static_cast<int>(params.get_int("people", 0, 0, 8));
  if (o.people == 1) {
    throw ConfigError("suite '" + params.spec() +
                      "': parameter 'people' must be 2 to 8 (or 0: from the difficulty)");
  }
  return make(params, options, "knights_and_knaves", generate_knights(o));
}

Suite load_gen_sudoku(SuiteParams& params, const LoadOptions& options)
{
  SudokuOptions o;
  o.gen = common(params, options);
  o.size = static_cast<int>(params.get_int("size", 9, 4, 9));
  if (o.size != 4 && o.size != 9) {
    throw ConfigError("suite '" + params.spec() + "': parameter 'size' must be 4 or 9, got " +
                      std::to_string(o.size));
  }
  return make(params, options, "sudoku", generate_sudoku(o));
}

Suite load_gen_zebra(SuiteParams& params, const LoadOptions& options)
{
  ZebraOptions o;
  o.gen = common(params, options);
  o.houses = static_cast<int>(params.get_int("houses", 0, 0, 6));
  o.attributes = static_cast<int>(params.get_int("attributes", 0, 0, 6));
  if (o.houses == 1 || o.attributes == 1) {
    throw ConfigError("suite '" + params.spec() +
                      "': parameters 'houses' and 'attributes' must be 2 to 6 (or 0)");
  }
  return make(params, options, "zebra", generate_zebra(o));
}

Suite load_gen_shortest_path(SuiteParams& params, const LoadOptions& options)
{
  ShortestPathOptions o;
  o.gen = common(params, options);
  o.nodes = static_cast<int>(params.get_int("nodes", 0, 0, 26));
  if (o.nodes > 0 && o.nodes < 4) {
    throw ConfigError("suite '" + params.spec() +
                      "': parameter 'nodes' must be 4 to 26 (or 0: from the difficulty)");
  }
  return make(params, options, "shortest_path", generate_shortest_path(o));
}

Suite load_gen_cryptarithm(SuiteParams& params, const LoadOptions& options)
{
  return make(params, options, "cryptarithm", generate_cryptarithm(common(params, options)));
}

Suite load_gen_linear_system(SuiteParams& params, const LoadOptions& options)
{
  LinearSystemOptions o;
  o.gen = common(params, options);
  o.unknowns = static_cast<int>(params.get_int("unknowns", 0, 0, 6));
  if (o.unknowns == 1) {
    throw ConfigError("suite '" + params.spec() +
                      "': parameter 'unknowns' must be 2 to 6 (or 0: from the difficulty)");
  }
  return make(params, options, "linear_system", generate_linear_system(o));
}

}  // namespace rb::suites
