#include "verifiers/math/exact_form.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <numeric>

namespace rb::verifiers::math {

namespace {

constexpr std::uint64_t k_max_radicand = 1'000'000'000'000ULL;  // squarefree parts we can still certify
constexpr long k_max_power = 100'000;
constexpr long k_max_form_power = 1'000;  // for forms with several terms

bool too_big(const mpq_class& q)
{
  return mpz_sizeinbase(q.get_num_mpz_t(), 2) + mpz_sizeinbase(q.get_den_mpz_t(), 2) > k_max_exact_bits;
}

/// n = root^2 * squarefree, when the squarefree part is certain and small; trial division by
/// the primes below 1000 leaves a cofactor that is 1, a square, or (below 10^6) a prime.
std::optional<std::pair<mpz_class, std::uint64_t>> split_square(const mpz_class& n)
{
  static const std::vector<unsigned long> k_primes = [] {
    std::vector<unsigned long> primes;
    for (unsigned long p = 2; p < 1000; ++p) {
      bool prime = true;
      for (unsigned long d = 2; d * d <= p; ++d) {
        prime = prime && p % d != 0;
      }
      if (prime) {
        primes.push_back(p);
      }
    }
    return primes;
  }();
  mpz_class rest = n;
  mpz_class root = 1;
  mpz_class free = 1;
  for (unsigned long p : k_primes) {
    if (rest == 1) {
      break;
    }
    if (mpz_divisible_ui_p(rest.get_mpz_t(), p) == 0) {
      continue;
    }
    mpz_class pp = p;
    const mp_bitcnt_t k = mpz_remove(rest.get_mpz_t(), rest.get_mpz_t(), pp.get_mpz_t());
    mpz_class factor;
    mpz_ui_pow_ui(factor.get_mpz_t(), p, k / 2);
    root *= factor;
    if (k % 2 == 1) {
      free *= p;
    }
  }
  if (rest != 1) {
    if (mpz_perfect_square_p(rest.get_mpz_t()) != 0) {
      mpz_class r;
      mpz_sqrt(r.get_mpz_t(), rest.get_mpz_t());
      root *= r;
    } else if (rest < 1'000'000) {
      free *= rest;  // no factor below 1000, so a prime
    } else {
      return std::nullopt;
    }
  }
  if (free > k_max_radicand) {
    return std::nullopt;
  }
  return std::make_pair(root, static_cast<std::uint64_t>(free.get_ui()));
}

/// m1 * m2 and the rational factor it produces (sqrt(a)*sqrt(b) = g*sqrt(ab/g^2), i*i = -1).
std::optional<std::pair<Monomial, mpz_class>> multiply(const Monomial& a, const Monomial& b)
{
  Monomial m;
  m.pi = a.pi + b.pi;
  m.e = a.e + b.e;
  if (std::abs(m.pi) > k_max_constant_power || std::abs(m.e) > k_max_constant_power) {
    return std::nullopt;
  }
  mpz_class factor = 1;
  const std::uint64_t g = std::gcd(a.radicand, b.radicand);
  const std::uint64_t ra = a.radicand / g;
  const std::uint64_t rb = b.radicand / g;
  if (ra != 0 && rb > k_max_radicand / ra) {
    return std::nullopt;
  }
  m.radicand = ra * rb;
  if (m.radicand > k_max_radicand) {
    return std::nullopt;
  }
  factor *= static_cast<unsigned long>(g);
  m.imag = a.imag != b.imag;
  if (a.imag && b.imag) {
    factor = -factor;
  }
  return std::make_pair(m, factor);
}

/// Integers of more than 200 bits print as their size and a hash of their limbs: converting
/// 2004! to decimal costs more than the whole comparison (votes stay canonical).
std::string integer_text(const mpz_class& z)
{
  constexpr std::size_t k_max_printed_bits = 200;
  if (mpz_sizeinbase(z.get_mpz_t(), 2) <= k_max_printed_bits) {
    return z.get_str();
  }
  std::uint64_t h = 1469598103934665603ULL;
  const std::size_t limbs = mpz_size(z.get_mpz_t());
  for (std::size_t i = 0; i < limbs; ++i) {
    h = (h ^ static_cast<std::uint64_t>(mpz_getlimbn(z.get_mpz_t(), static_cast<mp_size_t>(i)))) * 1099511628211ULL;
  }
  char hash[17];
  std::snprintf(hash, sizeof hash, "%016llx", static_cast<unsigned long long>(h));
  return std::string(mpz_sgn(z.get_mpz_t()) < 0 ? "-" : "") + "[" +
         std::to_string(mpz_sizeinbase(z.get_mpz_t(), 10)) + "-digit integer #" + hash + "]";
}

std::string rational_text(const mpq_class& q)
{
  return q.get_den() == 1 ? integer_text(q.get_num()) : integer_text(q.get_num()) + "/" + integer_text(q.get_den());
}

}  // namespace

Form Form::rational(const mpq_class& value)
{
  Form f;
  if (value != 0) {
    f.m_terms.push_back(Term{Monomial{}, value});
  }
  return f;
}

Form Form::monomial(const Monomial& m, const mpq_class& coef)
{
  Form f;
  if (coef != 0) {
    f.m_terms.push_back(Term{m, coef});
  }
  return f;
}

std::optional<mpq_class> Form::rational_value() const
{
  if (m_terms.empty()) {
    return mpq_class(0);
  }
  if (m_terms.size() == 1 && m_terms[0].m.trivial()) {
    return m_terms[0].coef;
  }
  return std::nullopt;
}

bool Form::is_real() const
{
  return std::none_of(m_terms.begin(), m_terms.end(), [](const Term& t) { return t.m.imag; });
}

bool Form::operator==(const Form& other) const
{
  if (m_terms.size() != other.m_terms.size()) {
    return false;
  }
  for (std::size_t i = 0; i < m_terms.size(); ++i) {
    if (m_terms[i].m != other.m_terms[i].m || m_terms[i].coef != other.m_terms[i].coef) {
      return false;
    }
  }
  return true;
}

std::string Form::to_string() const
{
  if (m_terms.empty()) {
    return "0";
  }
  std::string out;
  for (const auto& t : m_terms) {
    if (!out.empty()) {
      out += "+";
    }
    out += rational_text(t.coef);
    if (t.m.pi != 0) {
      out += "*pi^" + std::to_string(t.m.pi);
    }
    if (t.m.e != 0) {
      out += "*e^" + std::to_string(t.m.e);
    }
    if (t.m.radicand != 1) {
      out += "*sqrt(" + std::to_string(t.m.radicand) + ")";
    }
    if (t.m.imag) {
      out += "*i";
    }
  }
  return out;
}

bool Form::add_term(const Monomial& m, const mpq_class& coef)
{
  if (coef == 0) {
    return true;
  }
  const auto it = std::lower_bound(m_terms.begin(), m_terms.end(), m,
                                   [](const Term& t, const Monomial& key) { return t.m < key; });
  if (it != m_terms.end() && it->m == m) {
    it->coef += coef;
    if (too_big(it->coef)) {
      return false;
    }
    if (it->coef == 0) {
      m_terms.erase(it);
    }
    return true;
  }
  if (m_terms.size() >= k_max_terms || too_big(coef)) {
    return false;
  }
  m_terms.insert(it, Term{m, coef});
  return true;
}

std::optional<Form> add(const Form& a, const Form& b)
{
  Form out = a;
  for (const auto& t : b.terms()) {
    if (!out.add_term(t.m, t.coef)) {
      return std::nullopt;
    }
  }
  return out;
}

std::optional<Form> negate(const Form& a)
{
  Form out;
  for (const auto& t : a.terms()) {
    out.add_term(t.m, -t.coef);
  }
  return out;
}

std::optional<Form> multiply(const Form& a, const Form& b)
{
  if (a.terms().size() * b.terms().size() > k_max_terms * 4) {
    return std::nullopt;
  }
  Form out;
  for (const auto& x : a.terms()) {
    for (const auto& y : b.terms()) {
      const auto m = multiply(x.m, y.m);
      if (!m) {
        return std::nullopt;
      }
      const mpq_class coef = x.coef * y.coef * mpq_class(m->second);
      if (too_big(coef) || !out.add_term(m->first, coef)) {
        return std::nullopt;
      }
    }
  }
  return out;
}

std::optional<Form> inverse(const Form& a)
{
  const auto& t = a.terms();
  if (t.empty()) {
    return std::nullopt;
  }
  if (t.size() == 1) {
    // 1/(c pi^a e^b sqrt(r) i) = (1/(c r)) pi^-a e^-b sqrt(r) (-i)
    Monomial m = t[0].m;
    m.pi = -m.pi;
    m.e = -m.e;
    mpq_class coef = 1 / (t[0].coef * static_cast<unsigned long>(m.radicand));
    if (m.imag) {
      coef = -coef;
    }
    return Form::monomial(m, coef);
  }
  if (t.size() == 2 && t[0].m.trivial() && t[1].m.pi == 0 && t[1].m.e == 0 &&
      (t[1].m.imag != (t[1].m.radicand != 1))) {
    // a + b*sqrt(r): (a - b sqrt r)/(a^2 - b^2 r); a + b*i: (a - b i)/(a^2 + b^2)
    const mpq_class& x = t[0].coef;
    const mpq_class& y = t[1].coef;
    const mpq_class norm = t[1].m.imag ? mpq_class(x * x + y * y)
                                       : mpq_class(x * x - y * y * static_cast<unsigned long>(t[1].m.radicand));
    if (norm == 0) {
      return std::nullopt;
    }
    Form out;
    out.add_term(t[0].m, x / norm);
    out.add_term(t[1].m, -y / norm);
    return out;
  }
  return std::nullopt;
}

std::optional<Form> power(const Form& a, long n)
{
  if (n < 0) {
    const auto inv = inverse(a);
    if (!inv) {
      return std::nullopt;
    }
    return power(*inv, -n);
  }
  if (n > k_max_power) {
    return std::nullopt;
  }
  if (const auto q = a.rational_value()) {
    // Estimate before computing: refuse 10^(10^10) without trying.
    const std::size_t bits = mpz_sizeinbase(q->get_num_mpz_t(), 2) + mpz_sizeinbase(q->get_den_mpz_t(), 2);
    if (bits * static_cast<std::size_t>(n) > k_max_exact_bits * 2) {
      return std::nullopt;
    }
    mpz_class num;
    mpz_class den;
    mpz_pow_ui(num.get_mpz_t(), q->get_num_mpz_t(), static_cast<unsigned long>(n));
    mpz_pow_ui(den.get_mpz_t(), q->get_den_mpz_t(), static_cast<unsigned long>(n));
    const mpq_class value(num, den);
    if (too_big(value)) {
      return std::nullopt;
    }
    return Form::rational(value);
  }
  if (n > k_max_form_power) {
    return std::nullopt;  // (1 + sqrt 2)^99999: coefficients of ~40,000 digits; balls are cheaper
  }
  Form result = Form::rational(1);
  Form base = a;
  long k = n;
  while (k > 0) {
    if (k & 1) {
      auto r = multiply(result, base);
      if (!r) {
        return std::nullopt;
      }
      result = std::move(*r);
    }
    k >>= 1;
    if (k > 0) {
      auto b = multiply(base, base);
      if (!b) {
        return std::nullopt;
      }
      base = std::move(*b);
    }
  }
  return result;
}

std::optional<Form> square_root(const Form& a)
{
  if (a.is_zero()) {
    return Form{};
  }
  if (a.terms().size() != 1) {
    return std::nullopt;
  }
  const Term& t = a.terms()[0];
  if (t.m.pi % 2 != 0 || t.m.e % 2 != 0 || t.m.radicand != 1 || t.m.imag) {
    return std::nullopt;
  }
  const bool negative = t.coef < 0;
  const mpz_class p = abs(t.coef.get_num());
  const mpz_class& q = t.coef.get_den();
  // sqrt(p/q) = sqrt(p q) / q
  const auto split = split_square(p * q);
  if (!split) {
    return std::nullopt;
  }
  Monomial m;
  m.pi = t.m.pi / 2;
  m.e = t.m.e / 2;
  m.radicand = split->second;
  m.imag = negative;
  mpq_class coef(split->first, q);
  coef.canonicalize();
  return Form::monomial(m, coef);
}

std::optional<mpq_class> exact_root(const mpq_class& value, unsigned long n)
{
  if (n < 2 || (value < 0 && n % 2 == 0)) {
    return std::nullopt;
  }
  const mpz_class num = abs(value.get_num());
  mpz_class rn;
  mpz_class rd;
  if (mpz_root(rn.get_mpz_t(), num.get_mpz_t(), n) == 0 ||
      mpz_root(rd.get_mpz_t(), value.get_den_mpz_t(), n) == 0) {
    return std::nullopt;
  }
  mpq_class root(rn, rd);
  root.canonicalize();
  return value < 0 ? mpq_class(-root) : root;
}

}  // namespace rb::verifiers::math
