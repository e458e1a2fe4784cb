#pragma once
// A portable, explicitly specified random generator (SplitMix64) with our own range and
// distribution code, so a seed gives the same numbers with every compiler and standard library
// (std:: distributions differ between libstdc++ and libc++).
#include <cmath>
#include <cstdint>
#include <string_view>

namespace rb::util {

/// SplitMix64 (Steele, Lea, Flood 2014). Not thread-safe; cheap to copy.
class SplitMix64 {
 public:
  explicit SplitMix64(std::uint64_t seed) : m_state(seed) {}

  std::uint64_t next()
  {
    std::uint64_t z = (m_state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }

  /// Uniform integer in [0, bound), unbiased (rejection sampling). bound must be > 0.
  std::uint64_t below(std::uint64_t bound)
  {
    const std::uint64_t limit = UINT64_MAX - (UINT64_MAX % bound);
    std::uint64_t x = next();
    while (x >= limit) {
      x = next();
    }
    return x % bound;
  }

  /// Uniform integer in [lo, hi] (inclusive).
  std::int64_t range(std::int64_t lo, std::int64_t hi)
  {
    return lo + static_cast<std::int64_t>(below(static_cast<std::uint64_t>(hi - lo) + 1));
  }

  /// Uniform double in [0, 1) with 53 random bits.
  double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

  /// Standard normal deviate (Box-Muller; uses two uniforms).
  double normal()
  {
    double u1 = uniform();
    while (u1 <= 0.0) {
      u1 = uniform();
    }
    const double u2 = uniform();
    return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * 3.14159265358979323846 * u2);
  }

 private:
  std::uint64_t m_state;
};

/// 64-bit FNV-1a of `text`, for deriving seeds from names (not for security or storage keys).
constexpr std::uint64_t fnv1a64(std::string_view text, std::uint64_t basis = 0xcbf29ce484222325ULL)
{
  std::uint64_t h = basis;
  for (const char c : text) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ULL;
  }
  return h;
}

/// Mixes two seeds into one well-distributed seed.
inline std::uint64_t mix_seed(std::uint64_t a, std::uint64_t b)
{
  SplitMix64 g(a ^ (b + 0x9e3779b97f4a7c15ULL + (a << 6) + (a >> 2)));
  return g.next();
}

}  // namespace rb::util
