#pragma once
// Estimators over n samples of one problem, c of them correct (Chen et al. 2021; the R1 report).
// Every function requires 0 <= c <= n and 1 <= k <= n and throws std::invalid_argument
// otherwise: scoring more samples than were generated is an error, never a silently wrong
// figure (lighteval #771 scored k = 64 from 16 samples).
#include <cstdint>

namespace rb::stats {

/// Unbiased pass@k: 1 - C(n-c, k) / C(n, k), computed in the stable product form
/// 1 - prod_{i=n-c+1..n} (1 - k/i), exact at the edges (c = 0: 0; n - c < k: 1).
double pass_at_k(std::int64_t n, std::int64_t c, std::int64_t k);

/// pass^k: the probability that k samples drawn without replacement are all correct,
/// C(c, k) / C(n, k) = prod_{i=0..k-1} (c - i) / (n - i).
double pass_hat_k(std::int64_t n, std::int64_t c, std::int64_t k);

/// avg@n: c / n, the unbiased estimate of pass@1 from n samples.
double avg_at_n(std::int64_t n, std::int64_t c);

}  // namespace rb::stats
