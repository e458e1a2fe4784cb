#include "suites/params.hpp"

#include <vector>

#include "harness/core/error.hpp"
#include "harness/util/strings.hpp"

namespace rb::suites {

SuiteParams::SuiteParams(std::string_view spec) : m_spec(spec)
{
  const std::size_t q = spec.find('?');
  m_name = std::string(spec.substr(0, q));
  if (q == std::string_view::npos) {
    return;
  }
  for (const auto& pair : util::split(spec.substr(q + 1), '&')) {
    const std::size_t eq = pair.find('=');
    if (pair.empty() || eq == std::string::npos || eq == 0) {
      throw ConfigError("suite '" + m_spec + "': parameter '" + pair + "' is not key=value");
    }
    const std::string key = pair.substr(0, eq);
    if (!m_values.emplace(key, util::percent_decode(pair.substr(eq + 1))).second) {
      throw ConfigError("suite '" + m_spec + "': parameter '" + key + "' given twice");
    }
  }
}

std::int64_t SuiteParams::get_int(const std::string& key, std::int64_t fallback, std::int64_t min,
                                  std::int64_t max)
{
  m_asked.insert(key);
  const auto it = m_values.find(key);
  if (it == m_values.end()) {
    return fallback;
  }
  const auto value = util::parse_int(it->second);
  if (!value) {
    throw ConfigError("suite '" + m_spec + "': parameter '" + key + "' must be an integer, got '" +
                      it->second + "'");
  }
  if (*value < min || *value > max) {
    throw ConfigError("suite '" + m_spec + "': parameter '" + key + "' must be in [" + std::to_string(min) +
                      ", " + std::to_string(max) + "], got " + it->second);
  }
  return *value;
}

std::string SuiteParams::get_string(const std::string& key, const std::string& fallback)
{
  m_asked.insert(key);
  const auto it = m_values.find(key);
  return it == m_values.end() ? fallback : it->second;
}

void SuiteParams::reject_unknown() const
{
  const std::vector<std::string> known(m_asked.begin(), m_asked.end());
  for (const auto& [key, value] : m_values) {
    if (!m_asked.contains(key)) {
      throw ConfigError("suite '" + m_spec + "': unknown parameter '" + key + "'" +
                        util::did_you_mean(key, known) + " (known: " + util::join(known, ", ") + ")");
    }
  }
}

}  // namespace rb::suites
