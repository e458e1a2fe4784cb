// The behaviour stage: the analyzer's inputs (prompt, answer form, language), the store's
// behaviours table, the run loop storing an analysis with every verdict, and the report figures.
#include <sqlite3.h>

#include <catch2/catch.hpp>

#include <atomic>
#include <cmath>

#include <nlohmann/json.hpp>

#include "harness/runner/run_loop.hpp"
#include "harness/store/store.hpp"
#include "reports/behaviour_render.hpp"
#include "suites/registry.hpp"
#include "tests/support/fake_adapter.hpp"
#include "tests/support/test_env.hpp"
#include "verifiers/behaviour/analyzer.hpp"
#include "verifiers/behaviour/rewards.hpp"
#include "verifiers/exact/numeric_verifier.hpp"
#include "verifiers/registry.hpp"

using namespace rb;
using namespace rb::verifiers::behaviour;

namespace {

Sample think_sample(const std::string& reasoning, const std::string& answer, const std::string& prompt)
{
  Sample s;
  s.reasoning = reasoning;
  s.text = answer;
  s.finish_reason = "stop";
  s.response_json = nlohmann::json{{"choices", {{{"message", {{"content", "<think>" + reasoning + "</think>" + answer}}}}}}}.dump();
  s.request_json = nlohmann::json{{"model", "m"}, {"messages", {{{"role", "user"}, {"content", prompt}}}}}.dump();
  return s;
}

Problem problem_with(const std::string& answer, const std::string& difficulty = "")
{
  Problem p;
  p.id = "p" + answer;
  p.text = "What is it?";
  p.answer = answer;
  if (!difficulty.empty()) {
    p.metadata = {{"difficulty", difficulty}};
  }
  return p;
}

}  // namespace

TEST_CASE("the prompt of a stored request, in any dialect", "[behaviour]")
{
  CHECK(prompt_text(R"({"model":"x","messages":[{"role":"user","content":"Add \\boxed{}"}]})") == "Add \\boxed{}\n");
  CHECK(prompt_text(R"({"system":"Be brief","messages":[{"role":"user","content":[{"type":"text","text":"Q?"}]}]})") ==
        "Q?\nBe brief\n");  // keys in JSON object order
  CHECK(prompt_text(R"({"model":"x","prompt":"Solve"})") == "Solve\n");
  CHECK(prompt_text("not json").empty());
  CHECK(prompt_text(R"({"model":"only a model name"})").empty());
}

TEST_CASE("answer form and language follow the prompt", "[behaviour]")
{
  CHECK(answer_form_for("put your final answer within \\boxed{}.", "numeric") == "boxed");
  CHECK(answer_form_for("give your final answer inside <answer> </answer> tags", "countdown") == "answer_tag");
  CHECK(answer_form_for("Write a function.", "code_python") == "code");
  CHECK(answer_form_for("```python\ndef f(): ...\n```", "cruxeval") == "code");
  CHECK(answer_form_for("Which option?", "bbh") == "");
  CHECK(language_of("Please reason step by step, and put your final answer within \\boxed{}.") == "en");
  CHECK(language_of("计算三加四等于多少？Please reason step by step.") == "zh");
  CHECK(language_of("삼 더하기 사는 얼마입니까? 단계별로 풀어 주세요.") == "ko");
  CHECK(language_of("12 + 7 = ?") == "en");

  // Options come from the stored request; without one, from the problem text.
  const verifiers::NumericVerifier verifier;
  Sample zh = think_sample("我们计算三加四", "\\boxed{7}", "计算三加四等于多少？请把答案放在 \\boxed{} 中。");
  const auto options = options_for(problem_with("7"), zh, &verifier);
  CHECK(options.target_language == "zh");
  CHECK(options.answer_form == "boxed");
  Sample bare;
  Problem korean = problem_with("7");
  korean.text = "삼 더하기 사는 얼마입니까?";
  CHECK(options_for(korean, bare, nullptr).target_language == "ko");
  CHECK(options_for(korean, bare, nullptr).answer_form == "");
}

TEST_CASE("the analyzer's columns and JSON, for visible and hidden reasoning", "[behaviour]")
{
  const verifiers::NumericVerifier verifier;
  const RuleBehaviourAnalyzer analyzer;
  const std::string prompt = "What is 3 + 4?\nPlease reason step by step, and put your final answer within \\boxed{}.";
  Sample s = think_sample("Three plus four: so the answer is 7. Wait, let me check the sum once more, three and four make seven.",
                          "The answer is \\boxed{7}.", prompt);
  s.usage.reasoning_tokens = 100;
  const Behaviour b = analyzer.analyze(problem_with("7"), s, &verifier);
  CHECK(b.format_ok);
  CHECK_FALSE(b.truncated);
  CHECK_FALSE(b.mixed);
  CHECK(b.consistency == 1.0);
  CHECK(b.reasoning_visible);
  CHECK(b.reflections == 2);  // "wait", "let me check"
  CHECK(b.reasoning_tokens == 100);
  REQUIRE(b.tokens_after_first_correct);
  CHECK(*b.tokens_after_first_correct > 50);
  CHECK(*b.tokens_after_first_correct < 90);
  const auto json = nlohmann::json::parse(b.json);
  CHECK(json.at("target_language") == "en");
  CHECK(json.at("answer_form") == "boxed");
  CHECK(json.at("reasoning_visible") == true);
  CHECK(json.at("truncated") == false);

  // o1-style: reasoning counted but never returned; no think block, so no R1 format either.
  Sample hidden;
  hidden.text = "\\boxed{7}";
  hidden.finish_reason = "stop";
  hidden.usage.reasoning_tokens = 900;
  hidden.response_json = R"({"choices":[{"message":{"content":"\\boxed{7}"}}]})";
  hidden.request_json = nlohmann::json{{"messages", {{{"role", "user"}, {"content", prompt}}}}}.dump();
  const Behaviour h = analyzer.analyze(problem_with("7"), hidden, &verifier);
  CHECK_FALSE(h.reasoning_visible);
  CHECK_FALSE(h.format_ok);
  CHECK(h.reasoning_tokens == 900);
  CHECK(h.reflections == 0);
  CHECK_FALSE(h.tokens_after_first_correct);

  // Cut by the budget in the middle of the reasoning.
  Sample cut = think_sample("so so so", "", prompt);
  cut.response_json = R"({"choices":[{"message":{"content":"<think>so so so"}}]})";
  cut.reasoning_unclosed = true;
  cut.finish_reason = "length";
  const Behaviour c = analyzer.analyze(problem_with("7"), cut, &verifier);
  CHECK(c.truncated);
  CHECK_FALSE(c.format_ok);
}

TEST_CASE("a verifier that throws leaves overthinking unmeasured, nothing else", "[behaviour]")
{
  struct Throwing : Verifier {
    std::string_view name() const override { return "throwing"; }
    std::string_view version() const override { return "1"; }
    Verdict verify(const Problem&, const Response&) const override { throw std::runtime_error("boom"); }
  } throwing;
  const RuleBehaviourAnalyzer analyzer;
  Sample s = think_sample("the answer is 7. more words here", "\\boxed{7}", "\\boxed{}");
  const Behaviour b = analyzer.analyze(problem_with("7"), s, &throwing);
  CHECK(b.format_ok);
  CHECK_FALSE(b.tokens_after_first_correct);
}

TEST_CASE("rewards: unknown and repeated names are one clear error", "[behaviour]")
{
  CHECK(parse_rewards("accuracy, format").size() == 2);
  CHECK_THROWS_WITH(parse_rewards("accuracy,accuracy"), "--rewards: reward 'accuracy' is listed twice");
  CHECK_THROWS_WITH(parse_rewards("langauge"), Catch::StartsWith("--rewards: unknown reward 'langauge', did you mean 'language'?"));
}

namespace {

struct StoreFixture {
  test::TempDir dir;
  store::Store store{dir.file("b.db")};
  std::int64_t run_id = 0;
  std::vector<std::int64_t> refs;

  StoreFixture()
  {
    store::RunRecord run;
    run.name = "r";
    run.config_json = "{}";
    run_id = store.create_run(run);
    refs = store.upsert_problems("s", std::vector<Problem>{problem_with("1", "easy"), problem_with("2", "hard")});
  }

  std::int64_t add(const std::string& model, int problem, int index, VerdictKind verdict, const Behaviour& b)
  {
    store::SampleRecord record;
    record.run_id = run_id;
    record.key = {model, "s", problem == 0 ? "p1" : "p2", index};
    record.problem_ref = refs[static_cast<std::size_t>(problem)];
    record.sample.text = "x";
    store::Store::Transaction t(store);
    const auto id = store.insert_sample(record);
    store.insert_verdict({id, "numeric", "1", {verdict, std::nullopt, "d"}});
    store.insert_behaviour({id, "1", b});
    t.commit();
    return id;
  }
};

Behaviour figures(bool visible, std::int64_t tokens, std::int64_t reflections, std::optional<double> overthinking = {})
{
  Behaviour b;
  b.format_ok = visible;
  b.reasoning_visible = visible;
  b.reasoning_tokens = tokens;
  b.reflections = reflections;
  b.consistency = visible ? 0.9 : 1.0;
  b.mixed = reflections > 5;
  b.loop = tokens > 1000;
  b.truncated = tokens > 1000;
  b.repeated_ngram_ratio = tokens > 1000 ? 0.8 : 0.1;
  b.tokens_after_first_correct = overthinking;
  b.json = R"({"k":1})";
  return b;
}

}  // namespace

TEST_CASE("behaviours are stored, replaced, read back and deleted with their sample", "[behaviour][store]")
{
  StoreFixture f;
  const auto id = f.add("m", 0, 0, VerdictKind::correct, figures(true, 200, 3, 50.0));
  CHECK(f.store.behaviour_json(id) == std::optional<std::string>(R"({"k":1})"));
  CHECK_FALSE(f.store.behaviour_json(id + 100));
  Behaviour again = figures(true, 300, 1);
  again.json = R"({"k":2})";
  f.store.insert_behaviour({id, "2", again});  // grading again replaces the analysis
  int rows = 0;
  f.store.for_each_behaviour(f.run_id, [&](const store::BehaviourFacts& b) {
    ++rows;
    CHECK(b.sample_id == id);
    CHECK(b.model == "m");
    CHECK(b.suite == "s");
    CHECK(b.problem_ref == f.refs[0]);
    CHECK(b.verdict == VerdictKind::correct);
    CHECK(b.behaviour.reasoning_tokens == 300);
    CHECK(b.behaviour.reflections == 1);
    CHECK(b.behaviour.consistency == 0.9);
    CHECK_FALSE(b.behaviour.tokens_after_first_correct);  // NULL in the table
    CHECK(b.behaviour.json.empty());
  });
  CHECK(rows == 1);
  CHECK(f.store.behaviour_json(id) == std::optional<std::string>(R"({"k":2})"));
  Behaviour nan = figures(true, 1, 0);
  nan.consistency = std::nan("");
  CHECK_THROWS_AS(f.store.insert_behaviour({id, "1", nan}), std::logic_error);
  CHECK(test::count_rows(f.dir.file("b.db"), "SELECT count(*) FROM behaviours") == 1);

  // A failed generation replaced by a successful one takes its analysis along (ON DELETE CASCADE).
  store::SampleRecord failed;
  failed.run_id = f.run_id;
  failed.key = {"m", "s", "p2", 0};
  failed.problem_ref = f.refs[1];
  failed.error = "http: 500";
  const auto failed_id = f.store.insert_sample(failed);
  f.store.insert_behaviour({failed_id, "1", figures(false, 0, 0)});
  CHECK(test::count_rows(f.dir.file("b.db"), "SELECT count(*) FROM behaviours") == 2);
  failed.error.clear();
  failed.sample.text = "y";
  f.store.insert_sample(failed);
  CHECK(test::count_rows(f.dir.file("b.db"), "SELECT count(*) FROM behaviours") == 1);
}

TEST_CASE("report figures: rates, visible-only means, correctness split, difficulty", "[behaviour][report]")
{
  StoreFixture f;
  f.add("m", 0, 0, VerdictKind::correct, figures(true, 200, 2, 40.0));
  f.add("m", 0, 1, VerdictKind::correct, figures(true, 400, 6));
  f.add("m", 1, 0, VerdictKind::truncated, figures(true, 2000, 0));
  f.add("m", 1, 1, VerdictKind::error, figures(false, 0, 0));
  f.add("o", 1, 0, VerdictKind::correct, figures(false, 900, 0));
  const auto summaries = reports::summarize_behaviour(f.store, f.run_id);
  REQUIRE(summaries.size() == 2);
  CHECK(summaries[0].first == std::pair<std::string, std::string>("m", "s"));
  const auto& m = summaries[0].second;
  CHECK(m.all.samples == 4);
  CHECK(m.all.visible == 3);
  CHECK(m.all.format_ok_rate == Approx(0.75));
  CHECK(m.all.truncation_rate == Approx(0.25));
  CHECK(m.all.loop_rate == Approx(0.25));
  CHECK(m.all.mixing_rate == Approx(0.25));
  REQUIRE(m.all.reflections_per_1k_tokens);
  CHECK(*m.all.reflections_per_1k_tokens == Approx(1000.0 * 8 / 2600));
  CHECK(*m.all.consistency == Approx(0.9));
  CHECK(*m.all.repeated_ngram_ratio == Approx((0.1 + 0.1 + 0.8) / 3));
  CHECK(m.all.mean_reasoning_tokens == Approx(2600.0 / 4));
  CHECK(m.all.overthinking_samples == 1);
  CHECK(*m.all.overthinking_tokens == Approx(40.0));
  CHECK(m.correct.samples == 2);
  CHECK(m.correct.mean_reasoning_tokens == Approx(300));
  CHECK(m.incorrect.samples == 1);  // the error is in neither group
  CHECK(m.incorrect.mean_reasoning_tokens == Approx(2000));
  REQUIRE(m.by_difficulty.size() == 2);
  CHECK(m.by_difficulty[0].difficulty == "easy");
  CHECK(m.by_difficulty[0].mean_reasoning_tokens == Approx(300));
  CHECK(m.by_difficulty[1].difficulty == "hard");
  CHECK(m.by_difficulty[1].samples == 2);
  CHECK(m.by_difficulty[1].mean_reasoning_tokens == Approx(1000));
  CHECK(*m.by_difficulty[1].mean_reasoning_tokens_incorrect == Approx(2000));
  CHECK_FALSE(m.by_difficulty[1].mean_reasoning_tokens_correct);
  const auto& o = summaries[1].second;  // hidden reasoning: no text figures
  CHECK(o.all.visible == 0);
  CHECK_FALSE(o.all.consistency);
  CHECK_FALSE(o.all.reflections_per_1k_tokens);
  CHECK(o.all.mean_reasoning_tokens == Approx(900));
}

TEST_CASE("the run loop stores an analysis with every verdict", "[behaviour][runner]")
{
  test::TempDir dir;
  store::Store store(dir.file("run.db"));
  runner::Plan plan;
  runner::PlannedSuite suite;
  suite.suite = suites::load_suite("gen:arith?n=6&seed=3", {});
  suite.verifier = verifiers::make_verifier(suite.suite.verifier);
  std::map<std::string, std::string> gold;
  for (const auto& p : suite.suite.problems) {
    gold[suite.suite.prompt.render(p).back().content] = p.answer;
  }
  plan.suites.push_back(std::move(suite));
  auto adapter = std::make_unique<test::FakeAdapter>([&](const Request& r) -> std::expected<Sample, Error> {
    Sample s = test::make_sample("\\boxed{" + gold.at(r.messages.back().content) + "}");
    s.reasoning = "Hmm, add them. Wait, let me check.";
    s.request_json = nlohmann::json{{"messages", {{{"role", "user"}, {"content", r.messages.back().content}}}}}.dump();
    return s;
  });
  runner::PlannedModel model;
  model.config.label = "fake";
  model.adapter = std::move(adapter);
  plan.models.push_back(std::move(model));
  for (std::uint32_t p = 0; p < 6; ++p) {
    plan.items.push_back({0, p, 0, 0});
  }
  plan.behaviour = std::make_unique<RuleBehaviourAnalyzer>();
  store::RunRecord run;
  run.name = "b";
  run.config_json = "{}";
  const auto run_id = store.create_run(run);
  std::atomic<bool> stop{false};
  runner::RunLoopOptions options;
  options.concurrency = 3;
  options.batch_size = 4;
  runner::RunLoop(store, plan, run_id, options, nullptr).run(stop);
  int analysed = 0;
  store.for_each_behaviour(run_id, [&](const store::BehaviourFacts& b) {
    ++analysed;
    CHECK(b.verdict == VerdictKind::correct);
    CHECK(b.behaviour.reflections == 3);
    CHECK(b.behaviour.reasoning_visible);
  });
  CHECK(analysed == 6);
  CHECK(test::query_rows(dir.file("run.db"), "SELECT DISTINCT analyzer_version FROM behaviours") ==
        std::vector<std::string>{std::string(k_analyzer_version)});
}

TEST_CASE("the behaviour section of the Markdown and JSON reports", "[behaviour][report]")
{
  StoreFixture f;
  f.add("m", 0, 0, VerdictKind::correct, figures(true, 200, 2, 40.0));
  f.add("m", 1, 0, VerdictKind::incorrect, figures(true, 2000, 0));
  reports::RunSummary summary;
  reports::SummaryRow row;
  row.model = "m";
  row.suite = "s";
  summary.rows.push_back(row);
  summary.rows.push_back(row);
  summary.rows.back().model = "never analysed";
  reports::attach_behaviour(f.store, f.run_id, summary.rows);
  CHECK(summary.rows[0].behaviour.any());
  CHECK_FALSE(summary.rows[1].behaviour.any());
  const std::string md = reports::behaviour_markdown(summary);
  const auto lines = test::lines_of(md);
  REQUIRE(lines.size() >= 6);
  CHECK(lines[0] == "### Reasoning behaviour");
  CHECK(lines[2] ==
        "| model | suite | samples | n | format ok | truncated | mixing | consistency | reflections/1k tok | "
        "repeated 4-grams | loops | reasoning tok | overthinking tok |");
  CHECK(lines[4] == "| m | s | all | 2 | 100.0% | 50.0% | 0.0% | 90.0% | 0.9 | 45.0% | 50.0% | 1100 | 40 (1) |");
  CHECK(lines[5] == "| m | s | correct | 1 | 100.0% | 0.0% | 0.0% | 90.0% | 10.0 | 10.0% | 0.0% | 200 | 40 (1) |");
  CHECK(lines[6] == "| m | s | wrong | 1 | 100.0% | 100.0% | 0.0% | 90.0% | 0.0 | 80.0% | 100.0% | 2000 | - |");
  CHECK_THAT(md, Catch::Contains("| m | s | easy | 1 | 200 | 200 | - |") && Catch::Contains("| m | s | hard | 1 | 2000 | - | 2000 |"));
  const auto json = reports::behaviour_json(summary.rows[0].behaviour);
  CHECK(json.at("all").at("samples") == 2);
  CHECK(json.at("incorrect").at("overthinking_tokens").is_null());
  CHECK(json.at("by_difficulty").size() == 2);
  CHECK(reports::behaviour_json(summary.rows[1].behaviour).is_null());
  reports::RunSummary empty;
  empty.rows.push_back(row);
  CHECK(reports::behaviour_markdown(empty).empty());
}

namespace {

/// Runs SQL on the file through its own connection (writes a store's older tables as an older build did).
void exec_sql(const std::string& path, const std::string& sql)
{
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
  char* error = nullptr;
  const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error);
  INFO((error != nullptr ? error : ""));
  sqlite3_free(error);
  sqlite3_close(db);
  REQUIRE(rc == SQLITE_OK);
}

}  // namespace

TEST_CASE("a version-3 store migrates to behaviours and keeps its samples", "[behaviour][store][migration]")
{
  test::TempDir dir;
  const auto path = dir.file("v3.db");
  std::int64_t run_id = 0;
  std::int64_t sample_id = 0;
  {
    store::Store old(path, 3);
    REQUIRE(old.schema_version() == 3);
    store::RunRecord run;
    run.name = "old";
    run.config_json = "{}";
    run_id = old.create_run(run);
    const auto ref = old.upsert_problems("s", std::vector<Problem>{problem_with("7")})[0];
    // Below the current version only runs and problems go through the Store: a sample and its
    // verdict as a version-3 build wrote them.
    exec_sql(path,
             "INSERT INTO samples (run_id, model, suite, problem_id, problem_ref, sample_index, request_json, "
                     "response_json, answer_text, reasoning_text, reasoning_unclosed, finish_reason, prompt_tokens, "
                     "completion_tokens, reasoning_tokens, cached_tokens, tokens_reported, ttft_ms, first_answer_ms, "
                     "e2e_ms, chunks, model_reported, retries, error, started_at) VALUES (" +
                         std::to_string(run_id) + ", 'm', 's', 'p7', " + std::to_string(ref) +
                         ", 0, '{}', '{}', '\\boxed{7}', '', 0, 'stop', 1, 2, 0, 0, 1, 1, 1, 1, 1, 'm', 0, '', "
                         "'2026-11-29T00:00:00.000Z')");
    sample_id = std::stoll(test::query_rows(path, "SELECT max(id) FROM samples").at(0));
    exec_sql(path, "INSERT INTO verdicts (sample_id, verifier, verifier_version, verdict, extracted, detail, "
                           "graded_at) VALUES (" + std::to_string(sample_id) +
                               ", 'numeric', '1', 'correct', '7', 'boxed', '2026-11-29T00:00:01.000Z')");
  }
  CHECK(test::count_rows(path, "SELECT count(*) FROM sqlite_master WHERE name = 'behaviours'") == 0);
  store::Store db(path);
  CHECK(db.schema_version() >= 4);
  int analysed = 0;
  db.for_each_behaviour(run_id, [&](const store::BehaviourFacts&) { ++analysed; });
  CHECK(analysed == 0);  // graded before version 4: no analysis until graded again
  db.insert_behaviour({sample_id, "1", figures(true, 10, 1)});
  db.for_each_behaviour(run_id, [&](const store::BehaviourFacts& b) {
    ++analysed;
    CHECK(b.verdict == VerdictKind::correct);
  });
  CHECK(analysed == 1);
  int samples = 0;
  db.for_each_sample(run_id, [&](const store::SampleRow& row) {
    ++samples;
    CHECK(row.sample.text == "\\boxed{7}");
  });
  CHECK(samples == 1);
}
