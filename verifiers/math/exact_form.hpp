#pragma once
// Exact canonical forms: finite sums of c * pi^a * e^b * sqrt(r) * i^s with rational c, integer
// a and b, squarefree r and s in {0, 1}. Equal values have equal forms (pi and e are treated as
// algebraically independent, as every grader does), so \frac{\sqrt{2}}{2}, \frac{1}{\sqrt{2}}
// and \sqrt{\frac12} are one form and the comparison is exact, with no tolerance.
// Every operation is bounded (coefficient sizes, number of terms, radicands) and returns
// nothing when a bound would be passed; callers then fall back to high-precision balls.
// Internal to verifiers/math.
#include <gmpxx.h>

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace rb::verifiers::math {

inline constexpr std::size_t k_max_exact_bits = std::size_t{1} << 15;  ///< per coefficient (~10,000 digits)
inline constexpr std::size_t k_max_terms = 32;
inline constexpr int k_max_constant_power = 64;  ///< |a|, |b| in pi^a e^b

struct Monomial {
  int pi = 0;
  int e = 0;
  std::uint64_t radicand = 1;  ///< squarefree, <= k_max_radicand
  bool imag = false;
  auto operator<=>(const Monomial&) const = default;
  bool trivial() const { return pi == 0 && e == 0 && radicand == 1 && !imag; }
};

struct Term {
  Monomial m;
  mpq_class coef;
};

class Form {
 public:
  Form() = default;
  static Form rational(const mpq_class& value);
  static Form monomial(const Monomial& m, const mpq_class& coef = 1);

  const std::vector<Term>& terms() const { return m_terms; }
  bool is_zero() const { return m_terms.empty(); }
  /// The value when it is rational (0 included).
  std::optional<mpq_class> rational_value() const;
  bool is_real() const;
  bool operator==(const Form& other) const;
  /// Canonical text ("1/2*sqrt(2)", "3*pi^2+1"): equal forms print alike (used for votes).
  std::string to_string() const;

  /// Adds c * m, merging like terms; false when a bound would be passed.
  bool add_term(const Monomial& m, const mpq_class& coef);

 private:
  std::vector<Term> m_terms;  ///< sorted by monomial, no zero coefficients
};

std::optional<Form> add(const Form& a, const Form& b);
std::optional<Form> negate(const Form& a);
std::optional<Form> multiply(const Form& a, const Form& b);
/// 1/a for a single term, a + b*sqrt(r) and a + b*i; nothing for other forms and for 0.
std::optional<Form> inverse(const Form& a);
std::optional<Form> power(const Form& a, long n);
/// The principal square root when it is again a form: of c * pi^(2a) * e^(2b) with rational c.
std::optional<Form> square_root(const Form& a);
/// The exact real n-th root of a rational that is a perfect n-th power (n >= 2).
std::optional<mpq_class> exact_root(const mpq_class& value, unsigned long n);

}  // namespace rb::verifiers::math
