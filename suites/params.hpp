#pragma once
// Suite specs: "NAME?key=value&key=value" (e.g. "gen:arith?n=50&seed=7&difficulty=3").
// SuiteParams reads typed parameters and reports unknown ones, naming the suite.
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <string_view>

namespace rb::suites {

class SuiteParams {
 public:
  /// Parses `spec`. Throws ConfigError on a malformed parameter list.
  explicit SuiteParams(std::string_view spec);

  const std::string& name() const { return m_name; }  ///< the part before '?'
  const std::string& spec() const { return m_spec; }

  /// An integer parameter in [min, max], or `fallback` when absent. Throws ConfigError.
  std::int64_t get_int(const std::string& key, std::int64_t fallback, std::int64_t min, std::int64_t max);
  std::string get_string(const std::string& key, const std::string& fallback);

  /// Throws ConfigError for a parameter no get_* asked for, with a suggestion.
  void reject_unknown() const;

 private:
  std::string m_spec;
  std::string m_name;
  std::map<std::string, std::string> m_values;
  std::set<std::string> m_asked;
};

}  // namespace rb::suites
