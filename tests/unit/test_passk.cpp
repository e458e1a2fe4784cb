#include <catch2/catch.hpp>

#include <stdexcept>

#include "harness/stats/passk.hpp"

using namespace rb::stats;
using Catch::Detail::Approx;

TEST_CASE("pass@k matches 1 - C(n-c,k)/C(n,k) computed by hand", "[stats]")
{
  CHECK(pass_at_k(5, 2, 2) == Approx(1.0 - 3.0 / 10.0));        // C(3,2)=3, C(5,2)=10
  CHECK(pass_at_k(10, 3, 5) == Approx(1.0 - 21.0 / 252.0));     // C(7,5)=21, C(10,5)=252
  CHECK(pass_at_k(16, 1, 4) == Approx(4.0 / 16.0));             // one correct: k/n
  CHECK(pass_at_k(64, 10, 1) == Approx(10.0 / 64.0));           // pass@1 = c/n
  CHECK(pass_at_k(200, 37, 100) == Approx(1.0).margin(1e-9));   // large n: no overflow
}

TEST_CASE("pass@k edge cases: c = 0, c = n, k = n", "[stats]")
{
  CHECK(pass_at_k(8, 0, 1) == 0.0);
  CHECK(pass_at_k(8, 0, 8) == 0.0);
  CHECK(pass_at_k(8, 8, 1) == 1.0);
  CHECK(pass_at_k(8, 1, 8) == 1.0);  // k = n: any correct sample is in the draw
  CHECK(pass_at_k(8, 7, 2) == 1.0);  // n - c < k
  CHECK(pass_at_k(1, 1, 1) == 1.0);
}

TEST_CASE("pass^k is C(c,k)/C(n,k)", "[stats]")
{
  CHECK(pass_hat_k(5, 2, 2) == Approx(1.0 / 10.0));
  CHECK(pass_hat_k(10, 6, 3) == Approx(20.0 / 120.0));  // C(6,3)=20, C(10,3)=120
  CHECK(pass_hat_k(4, 4, 4) == 1.0);
  CHECK(pass_hat_k(4, 3, 4) == 0.0);
  CHECK(pass_hat_k(4, 0, 1) == 0.0);
  CHECK(pass_hat_k(7, 3, 1) == Approx(3.0 / 7.0));
}

TEST_CASE("avg@n is c/n", "[stats]")
{
  CHECK(avg_at_n(16, 4) == 0.25);
  CHECK(avg_at_n(1, 1) == 1.0);
}

TEST_CASE("k > n and impossible counts are errors, never a figure", "[stats]")
{
  CHECK_THROWS_AS(pass_at_k(16, 3, 64), std::invalid_argument);
  CHECK_THROWS_WITH(pass_at_k(16, 3, 64), "k = 64 needs at least k samples per problem (have 16)");
  CHECK_THROWS_AS(pass_at_k(4, 5, 1), std::invalid_argument);
  CHECK_THROWS_AS(pass_at_k(4, -1, 1), std::invalid_argument);
  CHECK_THROWS_AS(pass_at_k(4, 1, 0), std::invalid_argument);
  CHECK_THROWS_AS(pass_hat_k(0, 0, 1), std::invalid_argument);
  CHECK_THROWS_AS(avg_at_n(0, 0), std::invalid_argument);
}
