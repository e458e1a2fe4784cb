// Do the reported 95% intervals cover the truth 95% of the time? Problems are drawn from a
// population with a known mean accuracy; each run draws 100 problems, n samples each, computes
// the interval reasonbench reports, and checks whether it contains the true mean. The coverage
// of 400 runs has a standard error of about 1.1 points, so one 400-run figure can miss 93-97%
// by chance even for an exact interval: five independent 400-run experiments are run, their
// pooled coverage must be within 93-97%, and each within 91-99% (about 3.5 standard errors).
#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

#include "harness/stats/accuracy.hpp"
#include "harness/util/rng.hpp"

using namespace rb;

namespace {

/// A problem's true success rate: Beta(a, b) drawn from two Gamma-free uniform transforms
/// (the minimum/maximum of uniforms gives Beta(1, 2)/Beta(2, 1); mixtures widen the spread).
double draw_problem_rate(util::SplitMix64& rng)
{
  // A two-point-plus-uniform mixture with mean exactly 0.6: 30% trivial (p = 0.95), 20%
  // impossible (p = 0.05), 50% uniform on [0.3, 0.9] (mean 0.6). Mean = 0.285 + 0.01 + 0.3.
  const double u = rng.uniform();
  if (u < 0.3) {
    return 0.95;
  }
  if (u < 0.5) {
    return 0.05;
  }
  return 0.3 + 0.6 * rng.uniform();
}

constexpr double k_true_mean = 0.3 * 0.95 + 0.2 * 0.05 + 0.5 * 0.6;

double coverage(int samples_per_problem, std::uint64_t seed)
{
  util::SplitMix64 rng(seed);
  int covered = 0;
  constexpr int k_runs = 400;
  constexpr int k_problems = 100;
  for (int run = 0; run < k_runs; ++run) {
    std::vector<stats::ProblemTally> tallies;
    for (int p = 0; p < k_problems; ++p) {
      const double rate = draw_problem_rate(rng);
      stats::ProblemTally t;
      for (int s = 0; s < samples_per_problem; ++s) {
        ++t.samples;
        t.correct += rng.uniform() < rate ? 1 : 0;
      }
      tallies.push_back(t);
    }
    const auto estimate = stats::accuracy(tallies);
    covered += estimate.ci95.low <= k_true_mean && k_true_mean <= estimate.ci95.high ? 1 : 0;
  }
  return static_cast<double>(covered) / k_runs;
}

}  // namespace

namespace {
void check_coverage(int samples_per_problem)
{
  double pooled = 0;
  for (std::uint64_t seed = 1; seed <= 5; ++seed) {
    const double c = coverage(samples_per_problem, seed * 1000 + static_cast<std::uint64_t>(samples_per_problem));
    WARN("coverage of 400 runs, " << samples_per_problem << " sample(s) per problem, seed " << seed << ": " << c);
    CHECK(c >= 0.91);
    CHECK(c <= 0.99);
    pooled += c / 5;
  }
  WARN("pooled coverage over 2,000 runs, " << samples_per_problem << " sample(s) per problem: " << pooled);
  CHECK(pooled >= 0.93);
  CHECK(pooled <= 0.97);
}
}  // namespace

TEST_CASE("95% intervals cover the true accuracy in 93-97% of simulated runs", "[stats][coverage]")
{
  SECTION("one sample per problem (Wilson)")
  {
    check_coverage(1);
  }
  SECTION("16 samples per problem (problem-level bootstrap)")
  {
    check_coverage(16);
  }
}
