#include "verifiers/code/value.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <map>
#include <vector>

namespace rb::verifiers::code {

namespace {

using json = nlohmann::json;

enum class Kind { none, boolean, integer, real, string, list, tuple, set, dict, bytes, complex, list_node, tree_node, bad };

const json* tagged(const json& v, const char* tag)
{
  if (!v.is_object()) {
    return nullptr;
  }
  const auto it = v.find(tag);
  return it == v.end() ? nullptr : &*it;
}

Kind kind_of(const json& v)
{
  switch (v.type()) {
    case json::value_t::null: return Kind::none;
    case json::value_t::boolean: return Kind::boolean;
    case json::value_t::number_integer:
    case json::value_t::number_unsigned: return Kind::integer;
    case json::value_t::number_float: return Kind::real;  // never written, tolerated
    case json::value_t::string: return Kind::string;
    case json::value_t::array: return Kind::list;
    case json::value_t::object: break;
    default: return Kind::bad;
  }
  if (v.size() != 1) {
    return Kind::bad;
  }
  const std::string& tag = v.begin().key();
  static const std::pair<const char*, Kind> k_tags[] = {
      {"$int", Kind::integer}, {"$f", Kind::real},          {"$tuple", Kind::tuple},
      {"$set", Kind::set},     {"$dict", Kind::dict},       {"$bytes", Kind::bytes},
      {"$complex", Kind::complex}, {"$list_node", Kind::list_node}, {"$tree_node", Kind::tree_node}};
  for (const auto& [name, kind] : k_tags) {
    if (tag == name) {
      return kind;
    }
  }
  return Kind::bad;
}

/// Canonical decimal digits of an integer value ("-12", "0").
std::string integer_text(const json& v)
{
  if (const json* big = tagged(v, "$int"); big != nullptr && big->is_string()) {
    std::string s = big->get<std::string>();
    const bool negative = !s.empty() && s[0] == '-';
    std::size_t i = negative ? 1 : 0;
    while (i + 1 < s.size() && s[i] == '0') {
      ++i;
    }
    s = s.substr(i);
    return (negative && s != "0" ? "-" : "") + s;
  }
  return v.is_number_unsigned() ? std::to_string(v.get<std::uint64_t>()) : std::to_string(v.get<std::int64_t>());
}

double real_value(const json& v)
{
  if (v.is_number()) {
    return v.get<double>();
  }
  const json* f = tagged(v, "$f");
  if (f == nullptr || !f->is_string()) {
    return std::nan("");
  }
  return std::strtod(f->get<std::string>().c_str(), nullptr);  // "inf", "-inf" and "nan" included
}

const json& payload(const json& v) { return v.begin().value(); }

bool sequences_equal(const json& a, const json& e)
{
  if (!a.is_array() || !e.is_array() || a.size() != e.size()) {
    return false;
  }
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (!values_equal(a[i], e[i])) {
      return false;
    }
  }
  return true;
}

/// Unordered: every expected element matched by a distinct actual one.
bool bags_equal(const json& a, const json& e)
{
  if (!a.is_array() || !e.is_array() || a.size() != e.size()) {
    return false;
  }
  std::vector<std::string> sa;
  std::vector<std::string> se;
  for (const auto& x : a) {
    sa.push_back(x.dump());
  }
  for (const auto& x : e) {
    se.push_back(x.dump());
  }
  std::sort(sa.begin(), sa.end());
  std::sort(se.begin(), se.end());
  if (sa == se) {
    return true;  // the common case, in n log n
  }
  constexpr std::size_t k_max_quadratic = 2000;  // beyond it, only exact members match
  if (a.size() > k_max_quadratic) {
    return false;
  }
  std::vector<bool> used(a.size(), false);
  for (const auto& x : e) {
    bool found = false;
    for (std::size_t i = 0; i < a.size() && !found; ++i) {
      if (!used[i] && values_equal(a[i], x)) {
        used[i] = true;
        found = true;
      }
    }
    if (!found) {
      return false;
    }
  }
  return true;
}

bool is_pair(const json& p) { return p.is_array() && p.size() == 2; }

/// Keys are found by their exact JSON first (n log n), then, for float keys written another
/// way, by the float rule (quadratic, bounded like bags_equal).
bool dicts_equal(const json& a, const json& e)
{
  if (!a.is_array() || !e.is_array() || a.size() != e.size()) {
    return false;
  }
  std::map<std::string, const json*> by_key;
  for (const auto& pair : a) {
    if (!is_pair(pair)) {
      return false;
    }
    by_key.emplace(pair[0].dump(), &pair[1]);
  }
  constexpr std::size_t k_max_quadratic = 2000;
  for (const auto& pair : e) {
    if (!is_pair(pair)) {
      return false;
    }
    const json* value = nullptr;
    if (const auto it = by_key.find(pair[0].dump()); it != by_key.end()) {
      value = it->second;
    } else if (a.size() <= k_max_quadratic) {
      for (const auto& other : a) {
        if (values_equal(other[0], pair[0])) {
          value = &other[1];
          break;
        }
      }
    }
    if (value == nullptr || !values_equal(*value, pair[1])) {
      return false;
    }
  }
  return true;
}

}  // namespace

bool float_equal(double actual, double expected)
{
  if (std::isnan(actual) || std::isnan(expected)) {
    return std::isnan(actual) && std::isnan(expected);
  }
  if (std::isinf(actual) || std::isinf(expected)) {
    return actual == expected;
  }
  const double scale = std::max(std::fabs(actual), std::fabs(expected));
  return std::fabs(actual - expected) <= std::max(k_float_rel_tol * scale, k_float_abs_tol);
}

bool as_number(const json& value, double& out)
{
  const Kind k = kind_of(value);
  if (k == Kind::integer) {
    out = value.is_number() ? value.get<double>() : std::strtod(integer_text(value).c_str(), nullptr);
    return true;
  }
  if (k == Kind::real) {
    out = real_value(value);
    return true;
  }
  return false;
}

bool values_equal(const json& actual, const json& expected)
{
  const Kind ka = kind_of(actual);
  const Kind ke = kind_of(expected);
  if (ka == Kind::bad || ke == Kind::bad) {
    return false;
  }
  if ((ka == Kind::real || ke == Kind::real) && (ka == Kind::integer || ka == Kind::real) &&
      (ke == Kind::integer || ke == Kind::real)) {
    double a = 0;
    double e = 0;
    as_number(actual, a);
    as_number(expected, e);
    return float_equal(a, e);
  }
  if ((ka == Kind::boolean) != (ke == Kind::boolean) && (ka == Kind::integer || ke == Kind::integer)) {
    return integer_text(ka == Kind::boolean ? json(actual.get<bool>() ? 1 : 0) : actual) ==
           integer_text(ke == Kind::boolean ? json(expected.get<bool>() ? 1 : 0) : expected);  // True == 1
  }
  if ((ka == Kind::boolean && ke == Kind::real) || (ka == Kind::real && ke == Kind::boolean)) {
    double a = ka == Kind::boolean ? (actual.get<bool>() ? 1.0 : 0.0) : 0;
    double e = ke == Kind::boolean ? (expected.get<bool>() ? 1.0 : 0.0) : 0;
    if (ka == Kind::real) {
      as_number(actual, a);
    } else {
      as_number(expected, e);
    }
    return float_equal(a, e);
  }
  if (ka != ke) {
    return false;
  }
  switch (ka) {
    case Kind::none: return true;
    case Kind::boolean: return actual.get<bool>() == expected.get<bool>();
    case Kind::integer: return integer_text(actual) == integer_text(expected);
    case Kind::string: return actual.get_ref<const std::string&>() == expected.get_ref<const std::string&>();
    case Kind::list: return sequences_equal(actual, expected);
    case Kind::tuple:
    case Kind::list_node:
    case Kind::tree_node: return sequences_equal(payload(actual), payload(expected));
    case Kind::set: return bags_equal(payload(actual), payload(expected));
    case Kind::dict: return dicts_equal(payload(actual), payload(expected));
    case Kind::bytes: return payload(actual) == payload(expected);
    case Kind::complex: {
      const json& a = payload(actual);
      const json& e = payload(expected);
      return a.is_array() && e.is_array() && a.size() == 2 && e.size() == 2 &&
             float_equal(real_value(a[0]), real_value(e[0])) && float_equal(real_value(a[1]), real_value(e[1]));
    }
    case Kind::real:
    case Kind::bad: break;
  }
  return false;
}

namespace {
void render_into(const json& v, std::string& out, std::size_t max_chars)
{
  if (out.size() > max_chars) {
    return;
  }
  auto items = [&](const json& list, const char* open, const char* close) {
    out += open;
    bool first = true;
    for (const auto& x : list) {
      out += first ? "" : ", ";
      first = false;
      render_into(x, out, max_chars);
      if (out.size() > max_chars) {
        return;
      }
    }
    out += close;
  };
  switch (kind_of(v)) {
    case Kind::none: out += "None"; return;
    case Kind::boolean: out += v.get<bool>() ? "True" : "False"; return;
    case Kind::integer: out += integer_text(v); return;
    case Kind::real: out += v.is_number() ? v.dump() : payload(v).get<std::string>(); return;
    case Kind::string: out += json(v).dump(); return;
    case Kind::list: items(v, "[", "]"); return;
    case Kind::tuple: items(payload(v), "(", payload(v).size() == 1 ? ",)" : ")"); return;
    case Kind::set: items(payload(v), "{", "}"); return;
    case Kind::list_node: items(payload(v), "ListNode[", "]"); return;
    case Kind::tree_node: items(payload(v), "TreeNode[", "]"); return;
    case Kind::dict: {
      out += "{";
      bool first = true;
      for (const auto& pair : payload(v)) {
        out += first ? "" : ", ";
        first = false;
        if (pair.is_array() && pair.size() == 2) {
          render_into(pair[0], out, max_chars);
          out += ": ";
          render_into(pair[1], out, max_chars);
        }
      }
      out += "}";
      return;
    }
    case Kind::bytes: out += "b'<" + std::to_string(payload(v).get<std::string>().size() / 2) + " bytes>'"; return;
    case Kind::complex: out += "complex"; return;
    case Kind::bad: out += "<unreadable value>"; return;
  }
}
}  // namespace

std::string render(const json& value, std::size_t max_chars)
{
  std::string out;
  render_into(value, out, max_chars);
  if (out.size() > max_chars) {
    out.resize(max_chars);
    out += "...";
  }
  return out;
}

}  // namespace rb::verifiers::code
