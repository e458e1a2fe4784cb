// Best-of-k selection and reward-weighted majority in report rows (reports/row_selection.cpp)
// against hand-computed values, and the scores table of the store.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "harness/store/store.hpp"
#include "reports/row_builder.hpp"
#include "tests/support/test_env.hpp"

using namespace rb;
using Catch::Detail::Approx;

namespace {

struct Spec {
  std::string vote;  ///< "" : no answer
  bool correct;
  float score;
  std::int64_t tokens;
};

/// One problem "p" whose samples are `specs`, in sample order.
reports::SummaryRow row_of(const std::vector<Spec>& specs, bool scored)
{
  reports::RowBuilder builder("m", "s");
  for (std::size_t i = 0; i < specs.size(); ++i) {
    store::SampleFacts f;
    f.sample_id = static_cast<std::int64_t>(i + 1);
    f.model = "m";
    f.suite = "s";
    f.problem_id = "p";
    f.sample_index = static_cast<int>(i);
    f.problem_ref = 1;
    f.finish_reason = "stop";
    f.usage.completion_tokens = specs[i].tokens;
    f.timings.e2e_ms = 10;
    f.verdict = specs[i].correct ? VerdictKind::correct
                                 : (specs[i].vote.empty() ? VerdictKind::no_answer : VerdictKind::incorrect);
    f.vote = specs[i].vote;
    builder.add(f, scored ? std::optional<float>(specs[i].score) : std::nullopt);
  }
  return builder.finish({});
}

const reports::SelectorCurve& curve(const reports::SummaryRow& r, const std::string& name)
{
  for (const auto& c : r.best_of_k) {
    if (c.selector == name) {
      return c;
    }
  }
  FAIL("no selector " << name);
  throw std::logic_error("unreachable");
}

}  // namespace

TEST_CASE("best-of-k selectors pick by score, agreement and length", "[reports][strategies]")
{
  // Two answers with two votes each: A is right, B is wrong.
  const std::vector<Spec> specs{{"A", true, 0.9F, 10}, {"B", false, 0.2F, 5}, {"B", false, 0.3F, 7},
                                {"A", true, 0.1F, 20}};
  const auto r = row_of(specs, true);
  REQUIRE(r.samples_per_problem == 4);
  CHECK(r.scored == 4);
  // k = 1, 2, 4; at k = 1 every selector is avg@n.
  for (const char* name : {"reward", "confidence", "shortest", "longest", "oracle"}) {
    INFO(name);
    const auto& c = curve(r, name);
    REQUIRE(c.points.size() == 3);
    CHECK(c.points[0].estimate.value == Approx(0.5));
  }
  // k = 4: reward picks 0.9 (A, right); confidence: A and B tie at two votes, the shorter B
  // sample (5 tokens) wins (wrong); shortest: B (5 tokens); longest: A (20); oracle: right.
  CHECK(curve(r, "reward").points[2].estimate.value == Approx(1));
  CHECK(curve(r, "confidence").points[2].estimate.value == Approx(0));
  CHECK(curve(r, "shortest").points[2].estimate.value == Approx(0));
  CHECK(curve(r, "longest").points[2].estimate.value == Approx(1));
  CHECK(curve(r, "oracle").points[2].estimate.value == Approx(1));
  // k = 2, blocks (0,1) and (2,3): reward 1 and 0 (0.3 > 0.1 picks B); confidence: one vote
  // each, the shorter wins: B (5) then B (7): 0 and 0; oracle 1 and 1.
  CHECK(curve(r, "reward").points[1].estimate.value == Approx(0.5));
  CHECK(curve(r, "confidence").points[1].estimate.value == Approx(0));
  CHECK(curve(r, "oracle").points[1].estimate.value == Approx(1));
  // Oracle best-of-k equals pass@k (both "any of k correct").
  CHECK(curve(r, "oracle").points[2].estimate.value == Approx(r.pass_at_k[2].estimate.value));
  // Weighted majority at k = 4: A weighs 1.0, B 0.5: A wins; unweighted it is a tie (1/2).
  REQUIRE(r.weighted_maj_at_k.size() == 3);
  CHECK(r.weighted_maj_at_k[2].estimate.value == Approx(1));
  CHECK(r.maj_at_k[2].estimate.value == Approx(0.5));
  // pass^k with 2 correct of 4: 1/2, C(2,2)/C(4,2) = 1/6, 0.
  REQUIRE(r.pass_hat_k.size() == 3);
  CHECK(r.pass_hat_k[0].estimate.value == Approx(0.5));
  CHECK(r.pass_hat_k[1].estimate.value == Approx(1.0 / 6));
  CHECK(r.pass_hat_k[2].estimate.value == Approx(0));
}

TEST_CASE("without scores there is no reward selector and no weighted majority", "[reports][strategies]")
{
  const std::vector<Spec> specs{{"A", true, 0, 10}, {"", false, 0, 3}, {"B", false, 0, 30}, {"A", true, 0, 12}};
  const auto r = row_of(specs, false);
  CHECK(r.scored == 0);
  CHECK(r.weighted_maj_at_k.empty());
  for (const auto& c : r.best_of_k) {
    CHECK(c.selector != "reward");
  }
  // Shortest skips the sample without an answer (3 tokens) and picks A (10 tokens).
  CHECK(curve(r, "shortest").points.back().estimate.value == Approx(1));
  // Longest picks B (30 tokens).
  CHECK(curve(r, "longest").points.back().estimate.value == Approx(0));
  // Confidence: A has two votes.
  CHECK(curve(r, "confidence").points.back().estimate.value == Approx(1));
}

TEST_CASE("the store keeps one score per sample and scorer", "[store][strategies]")
{
  test::TempDir dir;
  store::Store db(dir.file("r.db"));
  store::RunRecord run;
  run.name = "r";
  run.config_json = "{}";
  run.host_json = "{}";
  const auto run_id = db.create_run(run);
  Problem problem;
  problem.id = "p";
  problem.text = "1+1";
  const std::vector<Problem> problems{problem};
  const auto refs = db.upsert_problems("s", problems);
  std::vector<std::int64_t> ids;
  for (int i = 0; i < 3; ++i) {
    store::SampleRecord rec;
    rec.run_id = run_id;
    rec.key = {"m", "s", "p", i};
    rec.problem_ref = refs[0];
    rec.sample.text = "2";
    ids.push_back(db.insert_sample(rec));
  }
  const std::vector<std::pair<std::int64_t, double>> first{{ids[0], 0.5}, {ids[1], 0.25}};
  db.insert_scores("sim:prm", first);
  const std::vector<std::pair<std::int64_t, double>> again{{ids[0], 0.75}};
  db.insert_scores("sim:prm", again);  // replaces
  db.insert_scores("other", again);
  std::vector<std::string> seen;
  db.for_each_score(run_id, [&](std::int64_t id, std::string_view scorer, double score) {
    seen.push_back(std::to_string(id - ids[0]) + " " + std::string(scorer) + " " + std::to_string(score));
  });
  CHECK(seen == std::vector<std::string>{"0 other 0.750000", "0 sim:prm 0.750000", "1 sim:prm 0.250000"});
  const std::vector<std::pair<std::int64_t, double>> bad{{ids[2], std::nan("")}};
  CHECK_THROWS_AS(db.insert_scores("sim:prm", bad), std::invalid_argument);
}
