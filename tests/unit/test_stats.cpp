#include <catch2/catch.hpp>

#include <vector>

#include "harness/stats/accuracy.hpp"

using namespace rb::stats;
using Catch::Detail::Approx;

TEST_CASE("Wilson interval matches hand-computed values", "[stats]")
{
  // 8 of 10, z = 1.96: centre (0.8 + 0.19208) / 1.38416 = 0.71674, half 0.22911 (textbook).
  const auto ci = wilson(8, 10);
  CHECK(ci.low == Approx(0.4901).epsilon(1e-3));
  CHECK(ci.high == Approx(0.9433).epsilon(1e-3));
  const auto zero = wilson(0, 10);
  CHECK(zero.low == 0.0);
  CHECK(zero.high == Approx(0.2775).epsilon(1e-3));
  const auto all = wilson(10, 10);
  CHECK(all.high == Approx(1.0));
  CHECK(all.low == Approx(0.7225).epsilon(1e-3));
}

TEST_CASE("accuracy with one sample per problem uses Wilson", "[stats]")
{
  std::vector<ProblemTally> t(10, {0, 1});
  for (int i = 0; i < 8; ++i) {
    t[static_cast<std::size_t>(i)].correct = 1;
  }
  const auto a = accuracy(t);
  CHECK(a.value == Approx(0.8));
  CHECK(a.problems == 10);
  CHECK(a.ci95.low == Approx(wilson(8, 10).low));
}

TEST_CASE("accuracy with n samples is avg@n with a problem-level bootstrap", "[stats]")
{
  // Rates 1, 0.5, 0: mean 0.5; the bootstrap standard error approaches the plug-in value
  // sqrt(mean squared deviation / problems) = sqrt((0.25 + 0 + 0.25) / 3 / 3) = 0.2357.
  const std::vector<ProblemTally> t{{4, 4}, {2, 4}, {0, 4}};
  const auto a = accuracy(t);
  CHECK(a.value == Approx(0.5));
  CHECK(a.std_error == Approx(std::sqrt(0.5 / 9.0)).epsilon(0.05));
  CHECK(a.ci95.low == Approx(0.0));  // percentiles of resampled means: all-zero draws exist
  CHECK(a.ci95.high == Approx(1.0));
  CHECK(accuracy(t).ci95.low == a.ci95.low);  // seeded: the same figures every time
  CHECK(a.samples == 12);
  CHECK(a.correct == 6);
}

TEST_CASE("accuracy edge cases", "[stats]")
{
  CHECK(accuracy(std::vector<ProblemTally>{}).problems == 0);
  const std::vector<ProblemTally> one{{3, 4}};
  const auto a = accuracy(one);
  CHECK(a.value == Approx(0.75));
  CHECK(a.std_error == 0.0);
}

TEST_CASE("percentile interpolates linearly", "[stats]")
{
  std::vector<double> v{4, 1, 3, 2};
  CHECK(percentile(v, 0.5) == Approx(2.5));
  CHECK(percentile(v, 0.0) == 1.0);
  CHECK(percentile(v, 1.0) == 4.0);
  std::vector<double> empty;
  CHECK(percentile(empty, 0.5) == 0.0);
}
