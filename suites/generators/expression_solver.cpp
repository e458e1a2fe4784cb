#include "suites/generators/expression_solver.hpp"

#include <cstdlib>
#include <numeric>

namespace rb::suites {

namespace {

constexpr std::int64_t k_max_magnitude = 1'000'000'000'000;  // bound on numerators and denominators

struct Rational {
  std::int64_t num = 0;
  std::int64_t den = 1;  ///< > 0, gcd(num, den) == 1
  bool operator==(const Rational&) const = default;
};

std::optional<Rational> make(__int128 num, __int128 den)
{
  if (den == 0) {
    return std::nullopt;
  }
  if (den < 0) {
    num = -num;
    den = -den;
  }
  __int128 a = num < 0 ? -num : num;
  __int128 b = den;
  while (b != 0) {
    const __int128 t = a % b;
    a = b;
    b = t;
  }
  const __int128 g = a == 0 ? 1 : a;
  num /= g;
  den /= g;
  if (num > k_max_magnitude || num < -k_max_magnitude || den > k_max_magnitude) {
    return std::nullopt;
  }
  return Rational{static_cast<std::int64_t>(num), static_cast<std::int64_t>(den)};
}

struct Item {
  Rational value;
  std::string text;
  int precedence = 3;  ///< 3 atom, 2 product or quotient, 1 sum or difference
};

/// `a op b`; the text is built only when `with_text` (counting needs values only).
std::optional<Item> combine(const Item& a, char op, const Item& b, bool with_text)
{
  const __int128 an = a.value.num;
  const __int128 ad = a.value.den;
  const __int128 bn = b.value.num;
  const __int128 bd = b.value.den;
  std::optional<Rational> value;
  switch (op) {
    case '+':
      value = make(an * bd + bn * ad, ad * bd);
      break;
    case '-':
      value = make(an * bd - bn * ad, ad * bd);
      break;
    case '*':
      value = make(an * bn, ad * bd);
      break;
    default:
      value = make(an * bd, ad * bn);
      break;
  }
  if (!value) {
    return std::nullopt;
  }
  const int precedence = op == '+' || op == '-' ? 1 : 2;
  if (!with_text) {
    return Item{*value, std::string(), precedence};
  }
  const bool wrap_left = a.precedence < precedence;
  const bool wrap_right =
      b.precedence < precedence || (b.precedence == precedence && (op == '-' || op == '/'));
  std::string text =
      (wrap_left ? "(" + a.text + ")" : a.text) + " " + op + " " + (wrap_right ? "(" + b.text + ")" : b.text);
  return Item{*value, std::move(text), precedence};
}

class Search {
 public:
  Search(Rational target, bool use_all, bool count_all)
      : m_target(target), m_use_all(use_all), m_count_all(count_all)
  {
  }

  /// Returns true to stop (a solution found and only one wanted).
  bool run(std::vector<Item>& items)
  {
    if (!m_use_all || items.size() == 1) {
      for (const auto& item : items) {
        if (item.value == m_target) {
          ++m_count;
          if (!m_found) {
            m_found = item.text;
          }
          if (!m_count_all) {
            return true;
          }
        }
      }
      if (items.size() == 1) {
        return false;
      }
    }
    for (std::size_t i = 0; i < items.size(); ++i) {
      for (std::size_t j = i + 1; j < items.size(); ++j) {
        const Item a = items[i];
        const Item b = items[j];
        std::vector<Item> rest;
        rest.reserve(items.size() - 1);
        for (std::size_t k = 0; k < items.size(); ++k) {
          if (k != i && k != j) {
            rest.push_back(items[k]);
          }
        }
        const std::pair<const Item*, const Item*> orders[2] = {{&a, &b}, {&b, &a}};
        for (const char op : {'+', '-', '*', '/'}) {
          for (int o = 0; o < 2; ++o) {
            if (o == 1 && (op == '+' || op == '*')) {
              continue;  // commutative: one order is enough
            }
            auto next = combine(*orders[o].first, op, *orders[o].second, !m_count_all);
            if (!next) {
              continue;
            }
            rest.push_back(std::move(*next));
            if (run(rest)) {
              return true;
            }
            rest.pop_back();
          }
        }
      }
    }
    return false;
  }

  const std::optional<std::string>& found() const { return m_found; }
  std::int64_t count() const { return m_count; }

 private:
  Rational m_target;
  bool m_use_all;
  bool m_count_all;
  std::optional<std::string> m_found;
  std::int64_t m_count = 0;
};

std::vector<Item> leaves(const std::vector<std::int64_t>& numbers)
{
  std::vector<Item> items;
  for (const std::int64_t n : numbers) {
    items.push_back({{n, 1}, std::to_string(n), 3});
  }
  return items;
}

}  // namespace

std::optional<std::string> solve_expression(const std::vector<std::int64_t>& numbers, std::int64_t target,
                                            bool use_all)
{
  if (numbers.empty()) {
    return std::nullopt;
  }
  auto items = leaves(numbers);
  Search search({target, 1}, use_all, false);
  search.run(items);
  return search.found();
}

std::int64_t count_expression_solutions(const std::vector<std::int64_t>& numbers, std::int64_t target)
{
  if (numbers.empty()) {
    return 0;
  }
  auto items = leaves(numbers);
  Search search({target, 1}, true, true);
  search.run(items);
  return search.count();
}

}  // namespace rb::suites
