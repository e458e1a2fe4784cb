// Compare statistics against values computed by hand: McNemar's exact test, the paired
// problem-level bootstrap, and bootstrapping several figures with one set of draws.
#include <catch2/catch.hpp>

#include <cmath>
#include <stdexcept>
#include <vector>

#include "harness/stats/bootstrap.hpp"
#include "harness/stats/bootstrap_columns.hpp"
#include "harness/stats/mcnemar.hpp"
#include "harness/stats/paired.hpp"

using namespace rb::stats;
using Catch::Detail::Approx;

TEST_CASE("McNemar exact p-values match the binomial tail computed by hand", "[stats][compare]")
{
  // p = 2 * sum_{i <= min(b,c)} C(b+c, i) / 2^(b+c), capped at 1.
  CHECK(mcnemar_exact(1, 9).p_value == Approx(2.0 * (1 + 10) / 1024));                // 0.021484375
  CHECK(mcnemar_exact(9, 1).p_value == Approx(2.0 * (1 + 10) / 1024));                // symmetric
  CHECK(mcnemar_exact(0, 5).p_value == Approx(2.0 / 32));                             // 0.0625
  CHECK(mcnemar_exact(2, 8).p_value == Approx(2.0 * (1 + 10 + 45) / 1024));           // 0.109375
  CHECK(mcnemar_exact(0, 6).p_value == Approx(2.0 / 64));                             // 0.03125
  CHECK(mcnemar_exact(3, 12).p_value == Approx(2.0 * (1 + 15 + 105 + 455) / 32768));  // 0.03515625
  CHECK(mcnemar_exact(0, 1).p_value == Approx(1.0));                                  // 2 * 1/2
  CHECK(mcnemar_exact(4, 4).p_value == 1.0);
  CHECK(mcnemar_exact(0, 0).p_value == 1.0);  // nothing flipped: no evidence
  const auto r = mcnemar_exact(3, 12);
  CHECK(r.base_only == 3);
  CHECK(r.candidate_only == 12);
  CHECK_THROWS_AS(mcnemar_exact(-1, 2), std::invalid_argument);
}

TEST_CASE("McNemar exact stays finite and tiny for large discordant counts", "[stats][compare]")
{
  const double p = mcnemar_exact(100, 300).p_value;  // z ~ 10: p ~ 1e-23
  CHECK(p > 0);
  CHECK(p < 1e-20);
  CHECK(mcnemar_exact(5000, 5000).p_value == 1.0);
}

TEST_CASE("paired bootstrap: the difference is the mean of per-problem differences", "[stats][compare]")
{
  const std::vector<double> base{1, 1, 0.5, 0, 1};
  const std::vector<double> candidate{1, 0, 0.25, 0, 1};
  const auto e = paired_bootstrap(base, candidate, 2000);
  CHECK(e.difference == Approx((0 - 1 - 0.25 + 0 + 0) / 5.0));  // -0.25
  CHECK(e.problems == 5);
  CHECK(e.ci95.low <= e.difference);
  CHECK(e.ci95.high >= e.difference);
  CHECK_THROWS_AS(paired_bootstrap(base, std::vector<double>{1}), std::invalid_argument);
}

TEST_CASE("paired bootstrap on hand-computable cases", "[stats][compare]")
{
  SECTION("every problem moved by the same amount: no spread, p = 1/(B+1)")
  {
    const std::vector<double> base{0.5, 0.25, 1.0, 0.75};
    const std::vector<double> candidate{0.25, 0.0, 0.75, 0.5};
    const auto e = paired_bootstrap(base, candidate, 999);
    CHECK(e.difference == Approx(-0.25));
    CHECK(e.std_error == Approx(0).margin(1e-12));
    CHECK(e.ci95.low == Approx(-0.25));
    CHECK(e.ci95.high == Approx(-0.25));
    CHECK(e.p_value == Approx(1.0 / 1000));  // no resample is as far from -0.25 as 0 is
  }
  SECTION("two problems, differences 0 and 1: the resampled mean is 0, 1/2, 1 w.p. 1/4, 1/2, 1/4")
  {
    const auto e = paired_bootstrap(std::vector<double>{0, 0}, std::vector<double>{0, 1}, 20000);
    CHECK(e.difference == Approx(0.5));
    CHECK(e.std_error == Approx(std::sqrt(1.0 / 8)).margin(0.01));  // sd of that distribution
    CHECK(e.ci95.low == Approx(0));
    CHECK(e.ci95.high == Approx(1));
    CHECK(e.p_value == Approx(0.5).margin(0.02));  // P(|d* - 1/2| >= 1/2) = 1/2
  }
  SECTION("symmetric changes: no difference, p = 1")
  {
    const auto e = paired_bootstrap(std::vector<double>{1, 0, 1, 0}, std::vector<double>{0, 1, 1, 0});
    CHECK(e.difference == 0);
    CHECK(e.p_value == 1.0);
  }
  SECTION("standard error near the textbook value sd/sqrt(n)")
  {
    std::vector<double> base(400, 0.0);
    std::vector<double> candidate(400, 0.0);
    for (std::size_t i = 0; i < 400; i += 2) {
      candidate[i] = 1.0;  // differences: 200 ones and 200 zeros, sd 0.5
    }
    const auto e = paired_bootstrap(base, candidate, 4000);
    CHECK(e.difference == Approx(0.5));
    CHECK(e.std_error == Approx(0.5 / std::sqrt(400.0)).epsilon(0.1));
    CHECK(e.p_value < 0.001);
  }
  SECTION("seeded: the same input gives the same figures")
  {
    const std::vector<double> base{1, 0, 1, 1, 0, 0.5};
    const std::vector<double> candidate{0, 0, 1, 0.5, 1, 0};
    const auto a = paired_bootstrap(base, candidate);
    const auto b = paired_bootstrap(base, candidate);
    CHECK(a.ci95.low == b.ci95.low);
    CHECK(a.p_value == b.p_value);
  }
}

TEST_CASE("estimate_means draws once for every column and agrees with bootstrap_mean", "[stats]")
{
  const std::vector<double> a{1, 0, 0.5, 0.25, 1, 0.75, 0};
  const std::vector<double> b{0, 0, 1, 1, 1, 0.5, 0.5};
  const std::vector<std::vector<double>> columns{a, b};
  const auto both = estimate_means(columns, false);
  REQUIRE(both.size() == 2);
  for (std::size_t j = 0; j < 2; ++j) {
    const auto alone = bootstrap_mean(columns[j]);
    CHECK(both[j].value == alone.value);
    CHECK(both[j].std_error == Approx(alone.std_error).epsilon(1e-12));
    CHECK(both[j].ci95.low == alone.ci95.low);
    CHECK(both[j].ci95.high == alone.ci95.high);
  }
  // One 0/1 value per problem: Wilson, as estimate_mean gives it.
  const std::vector<std::vector<double>> binary{{1, 0, 1, 1}};
  const auto w = estimate_means(binary, true);
  CHECK(w[0].value == Approx(0.75));
  CHECK(w[0].ci95.low == Approx(wilson(3, 4).low));
  CHECK_THROWS_AS(estimate_means(std::vector<std::vector<double>>{{1, 0}, {1}}, false),
                  std::invalid_argument);
  CHECK(estimate_means(std::vector<std::vector<double>>{}, false).empty());
}
