// Math suite loaders on small files written here: formats, ids, references, prompt variants, and
// errors that name the file and the line.
#include <catch2/catch.hpp>

#include <zlib.h>

#include "harness/core/error.hpp"
#include "suites/loaders/math_datasets.hpp"
#include "suites/params.hpp"
#include "tests/support/test_env.hpp"

using namespace rb;

namespace {
std::string error_of(const std::function<void()>& fn)
{
  try {
    fn();
  } catch (const ConfigError& e) {
    return e.what();
  }
  return "no error";
}

Suite load(Suite (*loader)(suites::SuiteParams&, const suites::LoadOptions&), const std::string& spec,
           const std::string& path, const std::string& prompt = "")
{
  suites::SuiteParams params(spec);
  Suite s = loader(params, {path, prompt, 0});
  params.reject_unknown();
  return s;
}
}  // namespace

TEST_CASE("the generic math format: id, problem, answer", "[math][suites]")
{
  test::TempDir dir;
  test::write_file(dir.file("m.jsonl"),
                   "{\"id\": \"a\", \"problem\": \"What is 1/2 + 1/4?\", \"answer\": \"\\\\frac{3}{4}\"}\n\n"
                   "{\"id\": 7, \"problem\": \"2+2?\", \"answer\": 4}\n");
  const Suite s = load(suites::load_math_file, "math", dir.file("m.jsonl"));
  REQUIRE(s.problems.size() == 2);
  CHECK(s.verifier == "math");
  CHECK(s.problems[0].id == "a");
  CHECK(s.problems[0].answer == "\\frac{3}{4}");
  CHECK(s.problems[0].reference == "The final answer is \\boxed{\\frac{3}{4}}.");
  CHECK(s.problems[1].id == "7");
  CHECK(s.problems[1].answer == "4");
  CHECK(s.prompt.name == "cot");
  CHECK_THAT(s.prompt.user, Catch::Contains("Please reason step by step, and put your final answer within \\boxed{}."));
}

TEST_CASE("malformed dataset lines name the suite, file and line", "[math][suites]")
{
  test::TempDir dir;
  test::write_file(dir.file("bad.jsonl"), "{\"id\": \"a\", \"problem\": \"p\", \"answer\": \"1\"}\n{oops\n");
  CHECK_THAT(error_of([&] { load(suites::load_math_file, "math", dir.file("bad.jsonl")); }),
             Catch::StartsWith("suite 'math': bad.jsonl:2: not valid JSON"));
  test::write_file(dir.file("missing.jsonl"), "{\"id\": \"a\", \"problem\": \"p\", \"answer\": \"1\"}\n\n{\"id\": \"b\", \"problem\": \"q\"}\n");
  CHECK(error_of([&] { load(suites::load_math_file, "math", dir.file("missing.jsonl")); }) ==
        "suite 'math': missing.jsonl:3: field 'answer' missing");
  test::write_file(dir.file("dup.jsonl"), "{\"id\": \"a\", \"problem\": \"p\", \"answer\": \"1\"}\n"
                                          "{\"id\": \"a\", \"problem\": \"q\", \"answer\": \"2\"}\n");
  CHECK(error_of([&] { load(suites::load_math_file, "math", dir.file("dup.jsonl")); }) ==
        "suite 'math': dup.jsonl:2: duplicate problem id 'a' (first on line 1)");
  test::write_file(dir.file("gsm.jsonl"), "{\"question\": \"q\", \"answer\": \"no final line\"}\n");
  CHECK(error_of([&] { load(suites::load_gsm8k, "gsm8k", dir.file("gsm.jsonl")); }) ==
        "suite 'gsm8k': gsm.jsonl:1: field 'answer' has no '#### <final answer>' line");
  test::write_file(dir.file("minerva.jsonl"), "{\"problem\": \"p\", \"solution\": \"no box\", \"idx\": 0}\n");
  CHECK(error_of([&] { load(suites::load_minerva_math, "minerva_math", dir.file("minerva.jsonl")); }) ==
        "suite 'minerva_math': minerva.jsonl:1: field 'solution' has no \\boxed{} final answer");
  test::write_file(dir.file("ob.jsonl"), "{\"id\": 1, \"question\": \"q\", \"final_answer\": \"2\"}\n");
  CHECK(error_of([&] { load(suites::load_olympiadbench, "olympiadbench", dir.file("ob.jsonl")); }) ==
        "suite 'olympiadbench': ob.jsonl:1: field 'final_answer' must be a non-empty list of strings");
  CHECK_THAT(error_of([&] { load(suites::load_math_file, "math", dir.file("absent.jsonl")); }),
             Catch::Contains("no such file"));
  CHECK_THAT(error_of([&] { load(suites::load_math_file, "math", ""); }), Catch::Contains("no data file"));
}

TEST_CASE("each dataset's own format", "[math][suites]")
{
  test::TempDir dir;
  test::write_file(dir.file("gsm.jsonl"), "{\"question\": \"How many?\", \"answer\": \"2 * 1000 = 2000\\n#### 2,000\"}\n");
  const Suite gsm = load(suites::load_gsm8k, "gsm8k", dir.file("gsm.jsonl"));
  CHECK(gsm.problems[0].id == "0");
  CHECK(gsm.problems[0].answer == "2000");

  test::write_file(dir.file("amc.jsonl"), "{\"id\": 3, \"problem\": \"p\", \"answer\": 27.0}\n");
  CHECK(load(suites::load_amc23, "amc23", dir.file("amc.jsonl")).problems[0].answer == "27");

  test::write_file(dir.file("minerva.jsonl"),
                   "{\"problem\": \"p\", \"solution\": \"so $\\\\boxed{1}$ and then \\\\[x=\\\\boxed{\\\\frac{1}{2}} \\\\mathrm{~cm}\\\\]\", "
                   "\"type\": \"Physics\", \"idx\": 12}\n");
  const Suite minerva = load(suites::load_minerva_math, "minerva_math", dir.file("minerva.jsonl"));
  CHECK(minerva.problems[0].id == "12");
  CHECK(minerva.problems[0].answer == "\\frac{1}{2}");

  test::write_file(dir.file("ob.jsonl"),
                   "{\"id\": 5, \"context\": null, \"question\": \"q\", \"final_answer\": [\"$(1,2), (3,4)$.\"], "
                   "\"unit\": null, \"answer_type\": \"Tuple\"}\n");
  CHECK(load(suites::load_olympiadbench, "olympiadbench", dir.file("ob.jsonl")).problems[0].answer == "(1,2), (3,4)");

  test::write_file(dir.file("m5.jsonl"),
                   "{\"problem\": \"a\", \"answer\": \"1\", \"subject\": \"Algebra\", \"level\": 2, \"unique_id\": \"test/algebra/1.json\"}\n"
                   "{\"problem\": \"b\", \"answer\": \"2\", \"subject\": \"Geometry\", \"level\": 5, \"unique_id\": \"test/geometry/2.json\"}\n");
  CHECK(load(suites::load_math500, "math500", dir.file("m5.jsonl")).problems.size() == 2);
  const Suite hard = load(suites::load_math500, "math500?level=5", dir.file("m5.jsonl"));
  REQUIRE(hard.problems.size() == 1);
  CHECK(hard.problems[0].id == "test/geometry/2.json");
  CHECK(load(suites::load_math500, "math500?subject=algebra", dir.file("m5.jsonl")).problems[0].answer == "1");
}

TEST_CASE("prompt variants: cot, direct, fewshot", "[math][suites]")
{
  test::TempDir dir;
  test::write_file(dir.file("m.jsonl"), "{\"id\": \"a\", \"problem\": \"What is 2+3?\", \"answer\": \"5\"}\n");
  const Suite direct = load(suites::load_math_file, "math", dir.file("m.jsonl"), "direct");
  CHECK_THAT(direct.prompt.user, Catch::Contains("only the final answer"));
  const Suite fewshot = load(suites::load_math_file, "math", dir.file("m.jsonl"), "fewshot");
  const auto messages = fewshot.prompt.render(fewshot.problems[0]);
  REQUIRE(messages.size() == 1);
  CHECK_THAT(messages[0].content, Catch::EndsWith("Problem:\nWhat is 2+3?\n\nSolution:"));
  CHECK_THAT(messages[0].content, Catch::Contains("Final Answer: The final answer is"));
  test::write_file(dir.file("gsm.jsonl"), "{\"question\": \"How many?\", \"answer\": \"x\\n#### 3\"}\n");
  const Suite gsm = load(suites::load_gsm8k, "gsm8k", dir.file("gsm.jsonl"), "fewshot");
  CHECK_THAT(gsm.prompt.render(gsm.problems[0])[0].content, Catch::EndsWith("Question: How many?\nAnswer:"));
  CHECK_THAT(error_of([&] { load(suites::load_math_file, "math", dir.file("m.jsonl"), "fewshots"); }),
             Catch::Contains("unknown prompt variant 'fewshots', did you mean 'fewshot'?"));
}

TEST_CASE("last_boxed_content reads Minerva's gold answers", "[math][suites]")
{
  CHECK(suites::last_boxed_content("a \\boxed{1} b \\boxed{\\frac{a}{b}} c") == "\\frac{a}{b}");
  CHECK(suites::last_boxed_content("s=\\boxed{1.6} \\mathrm{~cm}") == "1.6");
  CHECK(suites::last_boxed_content("no box").empty());
  CHECK(suites::last_boxed_content("\\boxed{unclosed").empty());
}
