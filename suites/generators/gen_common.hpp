#pragma once
// Helpers shared by the puzzle generators: one random stream per problem (so the first k
// problems of n are the first k of any larger n), portable shuffles and picks (SplitMix64 and our
// own code, never std:: distributions), problem ids, and the options every generator takes.
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "harness/util/rng.hpp"

namespace rb::suites {

/// What every generator takes; generator-specific knobs live in their own option structs.
struct GenOptions {
  std::int64_t n = 50;
  std::uint64_t seed = 0;
  int difficulty = 2;  ///< 1..5
};

/// The random stream of problem `index` of generator `kind` for a seed and difficulty (each
/// difficulty draws its own puzzles).
inline util::SplitMix64 problem_rng(std::string_view kind, const GenOptions& gen, std::int64_t index)
{
  const std::uint64_t stream =
      util::mix_seed(util::fnv1a64(kind), static_cast<std::uint64_t>(gen.difficulty));
  return util::SplitMix64(
      util::mix_seed(util::mix_seed(stream, gen.seed), static_cast<std::uint64_t>(index)));
}

/// "prefix-0007".
inline std::string problem_id(std::string_view prefix, std::int64_t index)
{
  char digits[24];
  std::snprintf(digits, sizeof digits, "%04lld", static_cast<long long>(index));
  return std::string(prefix) + "-" + digits;
}

/// Fisher-Yates with SplitMix64::below: the same permutation on every platform.
template <typename T>
void shuffle(std::vector<T>& items, util::SplitMix64& rng)
{
  for (std::size_t i = items.size(); i > 1; --i) {
    const std::size_t j = static_cast<std::size_t>(rng.below(i));
    std::swap(items[i - 1], items[j]);
  }
}

/// A uniformly chosen element; `items` must not be empty.
template <typename T>
const T& pick(const std::vector<T>& items, util::SplitMix64& rng)
{
  return items[static_cast<std::size_t>(rng.below(items.size()))];
}

/// `count` distinct indices of [0, size), in random order.
inline std::vector<int> sample_indices(int size, int count, util::SplitMix64& rng)
{
  std::vector<int> all(static_cast<std::size_t>(size));
  for (int i = 0; i < size; ++i) {
    all[static_cast<std::size_t>(i)] = i;
  }
  shuffle(all, rng);
  all.resize(static_cast<std::size_t>(count));
  return all;
}

}  // namespace rb::suites
