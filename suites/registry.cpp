#include "suites/registry.hpp"

#include <vector>

#include "harness/core/error.hpp"
#include "harness/util/strings.hpp"
#include "suites/generators/arith.hpp"
#include "suites/generators/gen_suites.hpp"
#include "suites/loaders/code_loaders.hpp"
#include "suites/loaders/math_datasets.hpp"
#include "suites/loaders/puzzle_bbh.hpp"
#include "suites/loaders/puzzle_countdown.hpp"
#include "suites/loaders/puzzle_cruxeval.hpp"
#include "suites/loaders/puzzle_knights.hpp"
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
      // Math (docs/math.md): graded by the "math" verifier; prompt = cot (default) | direct | fewshot.
      {"gsm8k", "GSM8K test (1,319 grade-school word problems; answer after ####)", "gsm8k", load_gsm8k},
      {"math500", "MATH-500 (500 competition problems, LaTeX answers); level=1-5, subject=NAME",
       "math500?level=5&subject=Algebra", load_math500},
      {"aime24", "AIME 2024 I and II (30, integer answers)", "aime24", load_aime24},
      {"aime25", "AIME 2025 I and II (30, MathArena)", "aime25", load_aime25},
      {"hmmt_feb_2025", "HMMT February 2025 (30, MathArena, LaTeX answers)", "hmmt_feb_2025", load_hmmt_feb_2025},
      {"amc23", "AMC 2023 (40)", "amc23", load_amc23},
      {"minerva_math", "Minerva OCW courses (272; gold = last \\boxed of the solution)", "minerva_math",
       load_minerva_math},
      {"olympiadbench", "OlympiadBench English text-only math (675; final_answer lists)", "olympiadbench",
       load_olympiadbench},
      {"math", "generic math file, one {\"id\", \"problem\", \"answer\"} per line; needs data = FILE",
       "math", load_math_file},
      // Puzzles (docs/puzzles.md): generators take n, seed, difficulty 1-5 and their own knobs.
      {"gen:countdown", "seeded Countdown (TinyZero rule: every number once); numbers 3-6, use=all|subset",
       "gen:countdown?n=500&seed=7&difficulty=3", load_gen_countdown},
      {"gen:game24", "seeded Game of 24 (four numbers 1-13, each once)", "gen:game24?n=100&seed=7", load_gen_game24},
      {"gen:knights_and_knaves", "seeded knights and knaves, one solution by brute force; people 2-8",
       "gen:knights_and_knaves?n=100&people=5", load_gen_knights},
      {"gen:sudoku", "seeded Sudoku with one solution; size 4|9", "gen:sudoku?n=50&size=9&difficulty=3", load_gen_sudoku},
      {"gen:zebra", "seeded zebra (Einstein) grids with one solution; houses, attributes 2-6",
       "gen:zebra?n=50&difficulty=4", load_gen_zebra},
      {"gen:shortest_path", "seeded weighted graphs, unique shortest path; nodes 4-26",
       "gen:shortest_path?n=100&nodes=10", load_gen_shortest_path},
      {"gen:cryptarithm", "seeded addition alphametics with one solution", "gen:cryptarithm?n=100&difficulty=3",
       load_gen_cryptarithm},
      {"gen:linear_system", "seeded linear systems, unique integer solution; unknowns 2-6",
       "gen:linear_system?n=100&unknowns=3", load_gen_linear_system},
      {"countdown", "TinyZero Countdown test set (2,001); use=all|subset", "countdown", load_countdown_data},
      {"game24", "Tree-of-Thoughts Game of 24; rows=900-999 (ToT test slice, default) or all", "game24?rows=900-999",
       load_game24_data},
      {"knights_and_knaves", "Logic-RL knights and knaves (500); people=3-7", "knights_and_knaves?people=5",
       load_knights_data},
      {"bbh", "BIG-Bench Hard, 27 tasks (6,511); task=NAME", "bbh?task=word_sorting", load_bbh_data},
      {"bbh_extras", "ToolMaker's 3 extra BIG-bench tasks (750); task=NAME", "bbh_extras?task=schedule_meeting",
       load_bbh_extras_data},
      {"cruxeval", "CRUXEval (800), run in the sandbox; mode=output|input, sandbox=namespaces|weak",
       "cruxeval?mode=input", load_cruxeval_data},
      // Code (docs/code.md): graded in the sandbox; every code suite takes sandbox=namespaces|weak.
      {"humaneval", "OpenAI HumanEval (164 Python functions), its own check() asserts", "humaneval", load_humaneval},
      {"mbpp", "MBPP sanitized (427 Python functions), its asserts", "mbpp", load_mbpp},
      {"mbpp-full", "MBPP full (974); split=all|test (task ids 11-510)", "mbpp-full?split=test", load_mbpp_full},
      {"mbpp-plus", "EvalPlus MBPP+ v0.1.0 (399): expected outputs from the reference, cached", "mbpp-plus",
       load_mbpp_plus},
      {"leetcode-contest", "DeepSeek-Coder LeetCode contests (180, Solution-class asserts)", "leetcode-contest",
       load_leetcode_contest},
      {"leetcodedataset", "LeetCodeDataset v0.3.1 test split (228, Solution-class)", "leetcodedataset",
       load_leetcodedataset},
      {"codecontests", "DeepMind CodeContests test (165, stdin/stdout); lang=python|cpp", "codecontests?lang=cpp",
       load_codecontests},
      {"codeforces", "Codeforces via rllm (408, stdin/stdout); lang=python|cpp", "codeforces?lang=python",
       load_codeforces},
      {"humaneval-cpp", "HumanEval in C++ (MultiPL-E, 161 less 3 Union_ tasks)", "humaneval-cpp", load_humaneval_cpp},
      {"humaneval-x-cpp", "HumanEval-X C++ (164, with references)", "humaneval-x-cpp", load_humaneval_x_cpp},
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
