// Reasoning behaviour end to end: the three built-in SIMULATED models (examples/sim/instant.toml,
// the quickstart models without delays) differ in how they reason, the run stores an analysis
// with every verdict, and every report format shows the differences. Also `grade --rewards`.
#include <sqlite3.h>

#include <catch2/catch.hpp>

#include <cstdio>
#include <map>

#include <nlohmann/json.hpp>

#include "tests/support/test_env.hpp"

using namespace rb::test;

namespace {

const nlohmann::json& row_of(const nlohmann::json& report, const std::string& model)
{
  for (const auto& row : report.at("runs").at(0).at("rows")) {
    if (row.at("model").get<std::string>().starts_with(model)) {
      return row;
    }
  }
  FAIL("no row for " << model);
  throw;
}

}  // namespace

TEST_CASE("behaviour end to end: simulated models differ and every report shows it", "[e2e][behaviour]")
{
  TempDir dir;
  SimServerProcess sim(source_dir() + "/examples/sim/instant.toml", dir.path().string());
  const std::string db = dir.file("results.db");
  write_file(dir.file("run.toml"), R"([run]
name = "behaviour"
samples = 2
concurrency = 16
seed = 3
[[suite]]
name = "gen:arith?n=40&seed=9&difficulty=2"
[[model]]
spec = "sim:r1-like"
max_tokens = 6000
[[model]]
spec = "sim:distill-7b-like"
max_tokens = 6000
[[model]]
spec = "sim:o1-like"
max_tokens = 6000
)");
  const auto r = run_command({binary(), "run", dir.file("run.toml"), "--db", db},
                             {"REASONBENCH_SIM_URL=" + sim.url()});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(count_rows(db, "SELECT count(*) FROM samples") == 240);
  CHECK(count_rows(db, "SELECT count(*) FROM behaviours") == 240);  // one analysis per verdict

  const auto rep = run_command({binary(), "report", "--db", db, "--out", dir.file("report.json")});
  REQUIRE(rep.exit_code == 0);
  const auto report = nlohmann::json::parse(read_file(dir.file("report.json")));
  const auto& r1 = row_of(report, "sim:r1-like").at("behaviour");
  const auto& distill = row_of(report, "sim:distill-7b-like").at("behaviour");
  const auto& o1 = row_of(report, "sim:o1-like").at("behaviour");
  for (const auto* b : {&r1, &distill, &o1}) {
    CHECK(b->at("all").at("samples") == 80);
  }
  const auto all = [](const nlohmann::json& b, const char* key) { return b.at("all").at(key).get<double>(); };

  // R1-like: think tags with a boxed answer every time, reflects most, sometimes mixes in
  // Chinese, and states its answer early (overthinking).
  CHECK(all(r1, "format_ok_rate") == 1.0);
  CHECK(all(r1, "truncation_rate") == 0.0);
  CHECK(all(r1, "reflections_per_1k_tokens") > 2.5 * all(distill, "reflections_per_1k_tokens"));
  CHECK(all(r1, "mixing_rate") > 0.08);
  CHECK(all(r1, "mixing_rate") < 0.35);
  CHECK(all(r1, "language_consistency") < 0.99);
  CHECK(all(r1, "overthinking_samples") > 20);
  CHECK(all(r1, "overthinking_tokens") > 300);

  // Distill-7B-like: loops until the 6,000-token budget now and then: truncated, repeated
  // 4-grams, and its wrong answers think far longer than its right ones.
  CHECK(all(distill, "loop_rate") > 0.03);
  CHECK(all(distill, "truncation_rate") >= all(distill, "loop_rate"));
  CHECK(all(distill, "mixing_rate") == 0.0);
  CHECK(all(distill, "repeated_ngram_ratio") > all(r1, "repeated_ngram_ratio"));
  CHECK(all(distill, "overthinking_samples") == 0);
  CHECK(distill.at("incorrect").at("mean_reasoning_tokens").get<double>() >
        1.5 * distill.at("correct").at("mean_reasoning_tokens").get<double>());
  CHECK(all(distill, "loop_rate") > all(r1, "loop_rate"));

  // o1-like: reasoning hidden (counted, never shown): no text figures, no R1 format.
  CHECK(all(o1, "visible_reasoning") == 0);
  CHECK(o1.at("all").at("reflections_per_1k_tokens").is_null());
  CHECK(o1.at("all").at("language_consistency").is_null());
  CHECK(all(o1, "format_ok_rate") == 0.0);
  CHECK(all(o1, "mean_reasoning_tokens") > all(r1, "mean_reasoning_tokens"));
  // The suite has difficulty metadata: reasoning length per difficulty.
  REQUIRE(r1.at("by_difficulty").size() == 1);
  CHECK(r1.at("by_difficulty").at(0).at("difficulty") == "2");

  for (const char* out : {"report.md", "report.csv", "report.html"}) {
    INFO(out);
    REQUIRE(run_command({binary(), "report", "--db", db, "--out", dir.file(out)}).exit_code == 0);
  }
  const std::string md = read_file(dir.file("report.md"));
  CHECK_THAT(md, Catch::Contains("### Reasoning behaviour") && Catch::Contains("| reflections/1k tok |"));
  CHECK_THAT(md, Catch::Contains("| sim:distill-7b-like (SIMULATED) | gen:arith?n=40&seed=9&difficulty=2 | wrong |"));
  CHECK_THAT(read_file(dir.file("report.csv")), Catch::Contains("mixing_rate") && Catch::Contains("loop_rate"));
  const std::string html = read_file(dir.file("report.html"));
  CHECK_THAT(html, Catch::Contains("<section id=\"behaviour\"><h2>Reasoning behaviour</h2>"));
  CHECK_THAT(html, Catch::Contains("<a href=\"#behaviour\">Reasoning behaviour</a>"));  // in the menu

  // Grading again measures again: same figures, one analysis per sample.
  const auto before = query_rows(db, "SELECT sample_id, behaviour_json FROM behaviours ORDER BY 1");
  const auto g = run_command({binary(), "grade", "--db", db});
  INFO(g.err);
  REQUIRE(g.exit_code == 0);
  CHECK(query_rows(db, "SELECT sample_id, behaviour_json FROM behaviours ORDER BY 1") == before);
  CHECK(count_rows(db, "SELECT count(*) FROM behaviours") == 240);
}

TEST_CASE("grade --db analyses again more samples than one chunk (1,000), writing as it walks", "[e2e][behaviour]")
{
  TempDir dir;
  SimServerProcess sim(source_dir() + "/examples/sim/instant.toml", dir.path().string());
  const std::string db = dir.file("many.db");
  const auto r = run_command({binary(), "run", "--db", db, "--run", "many", "--suite", "gen:arith?n=700&seed=4",
                              "--model", "sim:o1-like", "--samples", "2", "--concurrency", "32"},
                             {"REASONBENCH_SIM_URL=" + sim.url()});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  REQUIRE(count_rows(db, "SELECT count(*) FROM behaviours") == 1400);
  const auto before = query_rows(db, "SELECT sample_id, behaviour_json FROM behaviours ORDER BY 1");
  {  // some samples lose their analysis (as if stored before schema version 4)
    sqlite3* handle = nullptr;
    REQUIRE(sqlite3_open(db.c_str(), &handle) == SQLITE_OK);
    CHECK(sqlite3_exec(handle, "DELETE FROM behaviours WHERE sample_id % 3 = 0", nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(handle);
  }
  CHECK(count_rows(db, "SELECT count(*) FROM behaviours") < 1400);
  const auto g = run_command({binary(), "grade", "--db", db});
  INFO(g.err);
  REQUIRE(g.exit_code == 0);
  CHECK_THAT(g.err, Catch::Contains("1400 stored sample(s) again; 0 verdict(s) changed"));
  CHECK(query_rows(db, "SELECT sample_id, behaviour_json FROM behaviours ORDER BY 1") == before);
}

TEST_CASE("grade --rewards writes accuracy, format and language rewards per line", "[e2e][behaviour]")
{
  TempDir dir;
  // arith-0000 of this suite is 2 (tests/unit/test_suites.cpp pins it).
  write_file(dir.file("gen.jsonl"),
             "{\"problem_id\": \"arith-0000\", \"response\": \"<think>4 + 4 is 8, halve it.</think>So \\\\boxed{2}.\"}\n"
             "{\"problem_id\": \"arith-0000\", \"sample\": 1, \"response\": \"\\\\boxed{2}\"}\n"
             "{\"problem_id\": \"arith-0000\", \"sample\": 2, \"response\": \"<think>we add them 我们计算这个结果然后得到答案</think>\\\\boxed{3}\"}\n"
             "{\"problem_id\": \"arith-0001\", \"response\": \"<think>never closed\", \"finish_reason\": \"length\"}\n");
  const auto r = run_command({binary(), "grade", "--suite", "gen:arith?n=5&seed=7&difficulty=3", "--in",
                              dir.file("gen.jsonl"), "--rewards", "accuracy,format,language"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const auto lines = lines_of(r.out);
  REQUIRE(lines.size() == 4);
  std::vector<nlohmann::json> rows;
  for (const auto& line : lines) {
    rows.push_back(nlohmann::json::parse(line));
  }
  CHECK(rows[0].at("rewards") == nlohmann::json{{"accuracy", 1.0}, {"format", 1.0}, {"language", 1.0}});
  CHECK(rows[0].at("reward") == 3.0);
  CHECK(rows[0].at("verdict") == "correct");
  CHECK(rows[1].at("rewards").at("format") == 0.0);  // no reasoning block
  CHECK(rows[1].at("rewards").at("accuracy") == 1.0);
  CHECK(rows[2].at("rewards").at("accuracy") == 0.0);
  CHECK(rows[2].at("rewards").at("format") == 1.0);
  CHECK(rows[2].at("rewards").at("language").get<double>() == Approx(3.0 / 17.0));  // 3 English words, 14 Han
  CHECK(rows[3].at("rewards") == nlohmann::json{{"accuracy", 0.0}, {"format", 0.0}, {"language", 1.0}});

  const auto only = run_command({binary(), "grade", "--suite", "gen:arith?n=5&seed=7&difficulty=3", "--in",
                                 dir.file("gen.jsonl"), "--rewards", "format"});
  REQUIRE(only.exit_code == 0);
  CHECK(nlohmann::json::parse(lines_of(only.out).at(0)).at("rewards") == nlohmann::json{{"format", 1.0}});

  const auto bad = run_command({binary(), "grade", "--suite", "gen:arith?n=5&seed=7&difficulty=3", "--in",
                                dir.file("gen.jsonl"), "--rewards", "accuracy,fromat"});
  CHECK(bad.exit_code == 2);
  CHECK(bad.out.empty());
  CHECK(lines_of(bad.err).size() == 1);
  CHECK_THAT(bad.err, Catch::Contains("--rewards: unknown reward 'fromat', did you mean 'format'?"));
  const auto no_db = run_command({binary(), "grade", "--db", dir.file("none.db"), "--rewards", "accuracy"});
  CHECK(no_db.exit_code == 2);
  CHECK_THAT(no_db.err, Catch::Contains("--db: no database at"));
}

TEST_CASE("grade --db --rewards writes one line per stored sample, agreeing with the stored analysis", "[e2e][behaviour]")
{
  TempDir dir;
  SimServerProcess sim(source_dir() + "/examples/sim/instant.toml", dir.path().string());
  const std::string db = dir.file("rewards.db");
  // r1-like: reasoning in <think> tags, a fifth of the samples mixing Chinese into English.
  const auto r = run_command({binary(), "run", "--db", db, "--run", "rl", "--suite", "gen:arith?n=30&seed=5",
                              "--model", "sim:r1-like", "--samples", "2", "--concurrency", "8"},
                             {"REASONBENCH_SIM_URL=" + sim.url()});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const auto g = run_command({binary(), "grade", "--db", db, "--rewards", "accuracy,format,language", "--out",
                              dir.file("rewards.jsonl")});
  INFO(g.err);
  REQUIRE(g.exit_code == 0);
  CHECK(g.out.empty());
  const auto lines = lines_of(read_file(dir.file("rewards.jsonl")));
  REQUIRE(lines.size() == 60);
  // What the store says of each sample, keyed as the lines are.
  std::map<std::string, std::string> stored;
  for (const auto& row : query_rows(db, "SELECT s.problem_id || '#' || s.sample_index, v.verdict, b.format_ok, "
                                        "printf('%.6f', b.consistency) FROM samples s JOIN verdicts v ON "
                                        "v.sample_id = s.id JOIN behaviours b ON b.sample_id = s.id")) {
    stored.emplace(row.substr(0, row.find('|')), row.substr(row.find('|') + 1));
  }
  REQUIRE(stored.size() == 60);
  int mixed = 0;
  double total = 0;
  for (const auto& line : lines) {
    const auto row = nlohmann::json::parse(line);
    CHECK(row.at("run") == "rl");
    CHECK(row.at("model") == "sim:r1-like (SIMULATED)");  // the stored model key
    const std::string key = row.at("problem_id").get<std::string>() + "#" + std::to_string(row.at("sample").get<int>());
    INFO(key << ": " << line);
    REQUIRE(stored.count(key) == 1);
    const auto& rewards = row.at("rewards");
    char language[32];
    std::snprintf(language, sizeof language, "%.6f", rewards.at("language").get<double>());
    const std::string expected = row.at("verdict").get<std::string>() + "|" +
                                 (rewards.at("format").get<double>() == 1.0 ? "1" : "0") + "|" + language;
    CHECK(stored.at(key) == expected);
    CHECK(rewards.at("accuracy").get<double>() == (row.at("verdict") == "correct" ? 1.0 : 0.0));
    CHECK(row.at("reward").get<double>() ==
          Approx(rewards.at("accuracy").get<double>() + rewards.at("format").get<double>() +
                 rewards.at("language").get<double>()));
    mixed += rewards.at("language").get<double>() < 1.0 ? 1 : 0;
    total += row.at("reward").get<double>();
  }
  CHECK(mixed > 0);  // the language reward is not constant on this model
  CHECK(total > 0);

  const auto stray = run_command({binary(), "grade", "--db", db, "--out", dir.file("x.jsonl")});
  CHECK(stray.exit_code == 2);
  CHECK_THAT(stray.err, Catch::Contains("--out: with --db"));
}
