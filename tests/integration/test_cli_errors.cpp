// Bad input never crashes and never loses data: every error is one line on stderr naming the
// file, line, key or flag at fault, and the exit code is 2.
#include <catch2/catch.hpp>

#include "tests/support/test_env.hpp"

using namespace rb::test;

namespace {

/// Runs reasonbench and checks the one-line error contract; returns the line.
std::string error_line(std::vector<std::string> args, const std::vector<std::string>& env = {})
{
  args.insert(args.begin(), binary());
  const auto r = run_command(args, env);
  INFO("stderr: " << r.err << "\nstdout: " << r.out);
  CHECK(r.exit_code == 2);
  const auto lines = lines_of(r.err);
  REQUIRE(lines.size() == 1);
  CHECK(lines[0].starts_with("reasonbench: error: "));
  return lines[0];
}

}  // namespace

TEST_CASE("cli errors: flags and subcommands", "[cli]")
{
  CHECK_THAT(error_line({"frobnicate"}), Catch::Contains("frobnicate"));
  CHECK_THAT(error_line({"run", "--samples", "four"}), Catch::Contains("--samples"));
  CHECK_THAT(error_line({}), Catch::Contains("subcommand"));
  CHECK_THAT(error_line({"serve-sim", "--port", "70000"}), Catch::Contains("--port"));
}

TEST_CASE("cli errors: configuration files", "[cli]")
{
  TempDir dir;
  CHECK_THAT(error_line({"run", dir.file("missing.toml")}), Catch::Contains("missing.toml"));
  write_file(dir.file("typo.toml"), "[run]\nsamplse = 3\n");
  CHECK_THAT(error_line({"run", dir.file("typo.toml")}),
             Catch::Contains("typo.toml:2") && Catch::Contains("did you mean 'samples'"));
  write_file(dir.file("syntax.toml"), "[run\nsamples = 3\n");
  CHECK_THAT(error_line({"run", dir.file("syntax.toml")}), Catch::Contains("syntax.toml:1"));
  write_file(dir.file("type.toml"), "[run]\nsamples = \"four\"\n");
  CHECK_THAT(error_line({"run", dir.file("type.toml")}), Catch::Contains("type.toml:2") && Catch::Contains("samples"));
  write_file(dir.file("key.toml"), "[[model]]\nspec = \"openai:gpt-4o-mini\"\napi_key = \"sk-secret-123\"\n");
  const auto line = error_line({"run", dir.file("key.toml")});
  CHECK_THAT(line, Catch::Contains("api_key_env"));
  CHECK_THAT(line, !Catch::Contains("sk-secret-123"));
}

TEST_CASE("cli errors: suites, models and values", "[cli]")
{
  TempDir dir;
  const std::string db = dir.file("r.db");
  CHECK_THAT(error_line({"run", "--db", db, "--suite", "gen:arth", "--model", "sim:r1-like"}),
             Catch::Contains("did you mean 'gen:arith'"));
  CHECK_THAT(error_line({"run", "--db", db, "--suite", "gen:arith?n=x", "--model", "sim:r1-like"}),
             Catch::Contains("parameter 'n'"));
  CHECK_THAT(error_line({"run", "--db", db, "--suite", "gen:arith", "--model", "opnai:gpt-4o"}),
             Catch::Contains("opnai"));
  CHECK_THAT(error_line({"run", "--db", db, "--suite", "gen:arith", "--model", "openai:gpt-4o-mini"},
                        {"OPENAI_API_KEY="}),
             Catch::Contains("OPENAI_API_KEY"));
  CHECK_THAT(error_line({"run", "--db", db, "--suite", "gen:arith", "--model", "sim:r1-like", "--samples", "0"}),
             Catch::Contains("--samples"));
  CHECK_THAT(error_line({"run", "--db", db, "--model", "sim:r1-like"}), Catch::Contains("suite"));
  CHECK_THAT(error_line({"run", "--db", db, "--suite", "gen:arith", "--model", "sim:r1-like", "--run", "x",
                         "--resume"}),
             Catch::Contains("no run 'x'"));
  CHECK_THAT(error_line({"run", "--db", db, "--suite", "gen:arith", "--suite", "gen:arith", "--model",
                         "sim:r1-like"}),
             Catch::Contains("--suite #2"));
  // An unknown report format is refused before anything is asked or stored.
  CHECK_THAT(error_line({"run", "--db", db, "--suite", "gen:arith", "--model", "sim:r1-like", "--run", "pdf",
                         "--report", dir.file("r.pdf")}),
             Catch::Contains("r.pdf") && Catch::Contains(".html, .md, .csv or .json"));
  CHECK(count_rows(db, "SELECT count(*) FROM runs") == 0);
}

TEST_CASE("cli errors: databases, reports and grading inputs", "[cli]")
{
  TempDir dir;
  CHECK_THAT(error_line({"report", "--db", dir.file("none.db")}), Catch::Contains("none.db"));
  write_file(dir.file("junk.db"), "this is not a database at all, just text that is long enough to be read");
  CHECK_THAT(error_line({"report", "--db", dir.file("junk.db")}), Catch::Contains("junk.db"));
  write_file(dir.file("gen.jsonl"), "{\"problem_id\": \"arith-0000\", \"response\": \"\\\\boxed{1}\"}\n{oops\n");
  CHECK_THAT(error_line({"grade", "--suite", "gen:arith?n=3", "--in", dir.file("gen.jsonl")}),
             Catch::Contains("gen.jsonl:2"));
  write_file(dir.file("gen2.jsonl"), "{\"problem_id\": \"nope\", \"response\": \"1\"}\n");
  CHECK_THAT(error_line({"grade", "--suite", "gen:arith?n=3", "--in", dir.file("gen2.jsonl")}),
             Catch::Contains("gen2.jsonl:1") && Catch::Contains("nope"));
  write_file(dir.file("gen3.jsonl"), "{\"problem_id\": \"arith-0000\"}\n");
  CHECK_THAT(error_line({"grade", "--suite", "gen:arith?n=3", "--in", dir.file("gen3.jsonl")}),
             Catch::Contains("response"));
  CHECK_THAT(error_line({"grade", "--suite", "gen:arith", "--in", dir.file("absent.jsonl")}),
             Catch::Contains("absent.jsonl"));
}

TEST_CASE("every subcommand's --help shows an example", "[cli]")
{
  for (const char* sub : {"run", "grade", "report", "serve-sim", "suites", "models"}) {
    const auto r = run_command({binary(), sub, "--help"});
    INFO(sub);
    CHECK(r.exit_code == 0);
    CHECK_THAT(r.out, Catch::Contains("Example:"));
  }
}
