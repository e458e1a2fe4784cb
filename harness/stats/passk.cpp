#include "harness/stats/passk.hpp"

#include <stdexcept>
#include <string>

namespace rb::stats {

namespace {
void check(std::int64_t n, std::int64_t c, std::int64_t k)
{
  if (n < 1 || c < 0 || c > n) {
    throw std::invalid_argument("need 0 <= correct <= samples and samples >= 1 (samples " + std::to_string(n) +
                                ", correct " + std::to_string(c) + ")");
  }
  if (k < 1 || k > n) {
    throw std::invalid_argument("k = " + std::to_string(k) + " needs at least k samples per problem (have " +
                                std::to_string(n) + ")");
  }
}
}  // namespace

double pass_at_k(std::int64_t n, std::int64_t c, std::int64_t k)
{
  check(n, c, k);
  if (n - c < k) {
    return 1.0;  // every draw of k contains a correct sample
  }
  double all_wrong = 1.0;
  for (std::int64_t i = n - c + 1; i <= n; ++i) {
    all_wrong *= 1.0 - static_cast<double>(k) / static_cast<double>(i);
  }
  return 1.0 - all_wrong;
}

double pass_hat_k(std::int64_t n, std::int64_t c, std::int64_t k)
{
  check(n, c, k);
  double all_right = 1.0;
  for (std::int64_t i = 0; i < k; ++i) {
    all_right *= static_cast<double>(c - i) / static_cast<double>(n - i);
  }
  return all_right < 0 ? 0.0 : all_right;
}

double avg_at_n(std::int64_t n, std::int64_t c)
{
  check(n, c, 1);
  return static_cast<double>(c) / static_cast<double>(n);
}

}  // namespace rb::stats
