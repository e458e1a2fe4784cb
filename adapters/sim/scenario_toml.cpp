// load_scenario: the TOML reader. Every key is checked against a table of known fields; unknown
// keys, wrong types and out-of-range values name FILE:LINE and the key (docs/serve-sim.md).
#include <fmt/format.h>

#include <toml++/toml.h>
#include <algorithm>
#include <fstream>
#include <functional>
#include <map>
#include <sstream>
#include <vector>

#include "adapters/sim/scenario.hpp"
#include "adapters/sim/scenario_check.hpp"
#include "harness/core/error.hpp"
#include "harness/util/strings.hpp"

namespace rb::sim {

namespace {

/// A known key of one table: its name and how to store a value found under it.
struct Field {
  std::string name;
  std::function<void(const toml::node& node, const std::string& key)> store;
};

std::string_view type_name(const toml::node& node)
{
  switch (node.type()) {
    case toml::node_type::string:
      return "string";
    case toml::node_type::integer:
      return "integer";
    case toml::node_type::floating_point:
      return "float";
    case toml::node_type::boolean:
      return "boolean";
    case toml::node_type::table:
      return "table";
    case toml::node_type::array:
      return "array";
    default:
      return "date/time";
  }
}

int line_of(const toml::node& node)
{
  return static_cast<int>(node.source().begin.line);
}

class ScenarioReader {
 public:
  explicit ScenarioReader(std::string source) : m_source(std::move(source)) {}

  Scenario read(const toml::table& root)
  {
    Scenario scenario;
    scenario.source = m_source;
    bool models_given = false;
    std::vector<Field> fields = {
        {"seed", [&](const toml::node& n,
                     const std::string& k) { scenario.seed = static_cast<std::uint64_t>(integer(n, k, 0)); }},
        {"chunk_tokens",
         [&](const toml::node& n, const std::string& k) {
           scenario.chunk_tokens = static_cast<int>(integer(n, k, 1, 1'000'000));
         }},
        {"server_threads",
         [&](const toml::node& n, const std::string& k) {
           scenario.server_threads = static_cast<int>(integer(n, k, 1, k_max_server_threads));
         }},
        {"keep_alive_s",
         [&](const toml::node& n, const std::string& k) { scenario.keep_alive_s = number(n, k); }},
        {"require_api_key",
         [&](const toml::node& n, const std::string& k) { scenario.require_api_key = string(n, k); }},
        {"model",
         [&](const toml::node& n, const std::string& k) {
           models_given = true;
           read_models(n, k, scenario.models);
         }},
        {"faults",
         [&](const toml::node& n, const std::string& k) { read_faults(table_of(n, k), k, scenario.faults); }},
    };
    read_table(root, "", fields);
    if (!models_given) {
      scenario.models = default_scenario().models;
    }
    if (auto issue = detail::find_scenario_issue(scenario)) {
      fail(line_for(issue->key), issue->key, issue->message);
    }
    return scenario;
  }

 private:
  [[noreturn]] void fail(int line, const std::string& key, const std::string& message) const
  {
    const std::string where = line > 0 ? fmt::format("{}:{}", m_source, line) : m_source;
    throw ConfigError(fmt::format("{}: key '{}' {}", where, key, message));
  }

  /// The line of `key`, or of the closest enclosing table that has one.
  int line_for(std::string key) const
  {
    while (true) {
      if (const auto it = m_lines.find(key); it != m_lines.end()) {
        return it->second;
      }
      const std::size_t cut = key.find_last_of(".[");
      if (cut == std::string::npos) {
        return 0;
      }
      key.resize(cut);
    }
  }

  void read_table(const toml::table& table, const std::string& prefix, const std::vector<Field>& fields)
  {
    std::vector<std::string> names;
    for (const Field& field : fields) {
      names.push_back(field.name);
    }
    for (const auto& [name, node] : table) {
      const std::string key = prefix + std::string(name.str());
      const int line =
          name.source().begin.line > 0 ? static_cast<int>(name.source().begin.line) : line_of(node);
      m_lines[key] = line;
      const auto field =
          std::find_if(fields.begin(), fields.end(), [&](const Field& f) { return f.name == name.str(); });
      if (field == fields.end()) {
        fail(line, key, "unknown" + util::did_you_mean(name.str(), names));
      }
      field->store(node, key);
    }
  }

  void read_models(const toml::node& node, const std::string& key, std::vector<SimModel>& models)
  {
    const toml::array* array = node.as_array();
    if (array == nullptr || !array->is_array_of_tables()) {
      fail(line_of(node), key,
           fmt::format("must be an array of tables ([[model]]), got {}", type_name(node)));
    }
    for (const toml::node& element : *array) {
      const std::string prefix = fmt::format("{}[{}]", key, models.size());
      m_lines[prefix] = line_of(element);
      models.push_back(read_model(*element.as_table(), prefix + "."));
    }
  }

  SimModel read_model(const toml::table& table, const std::string& prefix)
  {
    SimModel m;
    const auto num = [&](double& target) {
      return [this, p = &target](const toml::node& n, const std::string& k) { *p = number(n, k); };
    };
    std::vector<Field> fields = {
        {"name", [&](const toml::node& n, const std::string& k) { m.name = string(n, k); }},
        {"description", [&](const toml::node& n, const std::string& k) { m.description = string(n, k); }},
        {"accuracy", num(m.accuracy)},
        {"no_answer_rate", num(m.no_answer_rate)},
        {"reasoning_tokens_mean", num(m.reasoning_tokens_mean)},
        {"reasoning_tokens_sd", num(m.reasoning_tokens_sd)},
        {"answer_tokens_mean", num(m.answer_tokens_mean)},
        {"reasoning", [&](const toml::node& n, const std::string& k) { m.reasoning = style(n, k); }},
        {"reflection_one_in",
         [&](const toml::node& n, const std::string& k) {
           m.reflection_one_in = static_cast<int>(integer(n, k, 0, 1'000'000));
         }},
        {"language_mixing_rate", num(m.language_mixing_rate)},
        {"loop_rate", num(m.loop_rate)},
        {"intermediate_answer_rate", num(m.intermediate_answer_rate)},
        {"ttft_ms", num(m.ttft_ms)},
        {"tokens_per_s", num(m.tokens_per_s)},
        {"prices",
         [&](const toml::node& n, const std::string& k) {
           read_table(table_of(n, k), k + ".",
                      {{"input_per_mtok", num(m.prices.input_per_mtok)},
                       {"cached_input_per_mtok", num(m.prices.cached_input_per_mtok)},
                       {"output_per_mtok", num(m.prices.output_per_mtok)}});
         }},
    };
    read_table(table, prefix, fields);
    if (m.name.empty()) {
      fail(line_for(prefix), prefix + "name", "missing (every [[model]] needs a name)");
    }
    return m;
  }

  void read_faults(const toml::table& table, const std::string& key, Faults& f)
  {
    const auto num = [&](double& target) {
      return [this, p = &target](const toml::node& n, const std::string& k) { *p = number(n, k); };
    };
    read_table(table, key + ".",
               {{"rate_429", num(f.rate_429)},
                {"rate_500", num(f.rate_500)},
                {"rate_503", num(f.rate_503)},
                {"rate_reset", num(f.rate_reset)},
                {"rate_malformed", num(f.rate_malformed)},
                {"rate_stall", num(f.rate_stall)},
                {"retry_after_s", num(f.retry_after_s)},
                {"stall_ms", num(f.stall_ms)},
                {"max_faults_per_request", [&](const toml::node& n, const std::string& k) {
                   f.max_faults_per_request = static_cast<int>(integer(n, k, 0, 1'000'000));
                 }}});
  }

  const toml::table& table_of(const toml::node& node, const std::string& key)
  {
    if (!node.is_table()) {
      fail(line_of(node), key, fmt::format("must be a table, got {}", type_name(node)));
    }
    return *node.as_table();
  }

  double number(const toml::node& node, const std::string& key) const
  {
    if (!node.is_number()) {
      fail(line_of(node), key, fmt::format("must be a number, got {}", type_name(node)));
    }
    return node.value<double>().value_or(0);
  }

  std::int64_t integer(const toml::node& node, const std::string& key, std::int64_t lo,
                       std::int64_t hi = INT64_MAX) const
  {
    if (!node.is_integer()) {
      fail(line_of(node), key, fmt::format("must be an integer, got {}", type_name(node)));
    }
    const std::int64_t value = node.value<std::int64_t>().value_or(0);
    if (value < lo || value > hi) {
      fail(line_of(node), key,
           hi == INT64_MAX ? fmt::format("must be at least {}, got {}", lo, value)
                           : fmt::format("must be in [{}, {}], got {}", lo, hi, value));
    }
    return value;
  }

  std::string string(const toml::node& node, const std::string& key) const
  {
    if (!node.is_string()) {
      fail(line_of(node), key, fmt::format("must be a string, got {}", type_name(node)));
    }
    return std::string(*node.value<std::string_view>());
  }

  ReasoningStyle style(const toml::node& node, const std::string& key) const
  {
    const std::string name = string(node, key);
    if (auto parsed = parse_reasoning_style(name)) {
      return *parsed;
    }
    const std::vector<std::string> names = {"think_tags", "field", "hidden"};
    fail(line_of(node), key,
         fmt::format("has unknown value '{}' (think_tags, field or hidden){}", name,
                     util::did_you_mean(name, names)));
  }

  std::string m_source;
  std::map<std::string, int> m_lines;  ///< key path -> line, for range errors found after reading
};

}  // namespace

Scenario load_scenario_string(std::string_view toml_text, const std::string& source)
{
  toml::table root;
  try {
    root = toml::parse(toml_text, source);
  } catch (const toml::parse_error& error) {
    throw ConfigError(
        fmt::format("{}:{}: TOML syntax error: {}", source, error.source().begin.line, error.description()));
  }
  return ScenarioReader(source).read(root);
}

Scenario load_scenario(const std::string& path)
{
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw ConfigError(fmt::format("{}: cannot read scenario file", path));
  }
  std::ostringstream text;
  text << in.rdbuf();
  return load_scenario_string(text.str(), path);
}

}  // namespace rb::sim
