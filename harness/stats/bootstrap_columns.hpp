#pragma once
// Several figures over the same problems bootstrapped together (pass@k for every k, maj@k):
// each resample draws the problems once for all figures, so a report with many figures costs
// one set of draws. With the same seed, figure j's estimate equals bootstrap_mean(columns[j])
// exactly (the same draws in the same order), so avg@n here and in accuracy() agree.
#include <cstdint>
#include <span>
#include <vector>

#include "harness/stats/bootstrap.hpp"

namespace rb::stats {

/// One MeanEstimate per column; every column holds one value per problem (equal lengths, else
/// std::invalid_argument). `single_binary`: every value is a single 0/1 outcome, so each column
/// gets Wilson's interval as estimate_mean gives it, and nothing is resampled.
std::vector<MeanEstimate> estimate_means(std::span<const std::vector<double>> columns, bool single_binary,
                                         int resamples = k_default_resamples,
                                         std::uint64_t seed = k_default_bootstrap_seed);

}  // namespace rb::stats
