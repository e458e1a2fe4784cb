// load_file / load_string: TOML text -> RunConfig, every key checked against the key tables
// (schema.hpp). Each error is one ConfigError line naming the file, the line and the full key.
#include <fcntl.h>
#include <unistd.h>

#include <toml++/toml.h>
#include <algorithm>
#include <cerrno>
#include <cstring>
#include <utility>
#include <vector>

#include "harness/config/config.hpp"
#include "harness/config/model_extras.hpp"
#include "harness/config/schema.hpp"
#include "harness/core/error.hpp"
#include "harness/util/strings.hpp"

namespace rb::config {
namespace {

constexpr std::size_t k_max_config_bytes = 16 * 1024 * 1024;  ///< a dataset passed by mistake stops here

/// How the keys of one TOML table appear in messages and in RunConfig::origin.
struct Scope {
  std::string display;        ///< "[run]", "[[model]] #2" (one-based, as a person counts)
  std::string key_prefix;     ///< "" or "prices." for a sub-table's keys
  std::string origin_prefix;  ///< "run.", "model[1].", "model[1].prices." (zero-based)
};

/// The line a node starts on; for a table toml++ created implicitly (no header of its own), the
/// first line of its contents; 0 when unknown.
std::uint32_t line_of(const toml::node& node)
{
  if (const auto line = node.source().begin.line; line > 0) {
    return line;
  }
  std::uint32_t best = 0;
  const auto consider = [&best](const toml::node& child) {
    const auto line = line_of(child);
    if (line > 0 && (best == 0 || line < best)) {
      best = line;
    }
  };
  if (const auto* table = node.as_table()) {
    for (auto&& [key, child] : *table) {
      consider(child);
    }
  } else if (const auto* array = node.as_array()) {
    for (const auto& child : *array) {
      consider(child);
    }
  }
  return best;
}

std::uint32_t line_of(const toml::key& key, const toml::node& node)
{
  const auto line = key.source().begin.line;
  return line > 0 ? line : line_of(node);
}

/// A key name fit for a one-line message (control characters replaced).
std::string printable(std::string_view name)
{
  std::string out(name);
  std::replace_if(
      out.begin(), out.end(), [](unsigned char c) { return c < 0x20 || c == 0x7f; }, '?');
  return out;
}

/// "a string (\"four\")", "an integer (4)", "an array"...: what the file holds, for type errors.
std::string describe_node(const toml::node& node)
{
  switch (node.type()) {
    case toml::node_type::string:
      return "a string (" + format_value(Value{node.as_string()->get()}) + ")";
    case toml::node_type::integer:
      return "an integer (" + format_value(Value{node.as_integer()->get()}) + ")";
    case toml::node_type::floating_point:
      return "a floating-point number (" + format_value(Value{node.as_floating_point()->get()}) + ")";
    case toml::node_type::boolean:
      return std::string("a boolean (") + (node.as_boolean()->get() ? "true" : "false") + ")";
    case toml::node_type::date:
      return "a date";
    case toml::node_type::time:
      return "a time";
    case toml::node_type::date_time:
      return "a date-time";
    case toml::node_type::array:
      return "an array";
    case toml::node_type::table:
      return "a table";
    case toml::node_type::none:
      break;
  }
  return "nothing";
}

/// The node as a Value of `kind`; integers are accepted for numbers. Nothing on a type mismatch.
std::optional<Value> to_value(Kind kind, const toml::node& node)
{
  switch (kind) {
    case Kind::string:
      if (const auto* v = node.as_string()) {
        return Value{v->get()};
      }
      break;
    case Kind::integer:
      if (const auto* v = node.as_integer()) {
        return Value{v->get()};
      }
      break;
    case Kind::number:
      if (const auto* v = node.as_floating_point()) {
        return Value{v->get()};
      }
      if (const auto* v = node.as_integer()) {
        return Value{static_cast<double>(v->get())};
      }
      break;
    case Kind::boolean:
      if (const auto* v = node.as_boolean()) {
        return Value{v->get()};
      }
      break;
  }
  return std::nullopt;
}

/// The entries of `table` in file order (toml++ keeps them sorted by name), so that the error
/// reported is the first one in the file.
std::vector<std::pair<const toml::key*, const toml::node*>> in_file_order(const toml::table& table)
{
  std::vector<std::pair<const toml::key*, const toml::node*>> entries;
  for (auto&& [key, node] : table) {
    entries.emplace_back(&key, &node);
  }
  std::stable_sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) {
    return line_of(*a.first, *a.second) < line_of(*b.first, *b.second);
  });
  return entries;
}

const std::vector<std::string>& top_level_names()
{
  static const std::vector<std::string> names = {"run", "suite", "model", "energy", "slo"};
  return names;
}

class Loader {
 public:
  explicit Loader(const std::string& source) { m_config.source = source; }

  RunConfig load(std::string_view text)
  {
    toml::table root;
    try {
      root = toml::parse(text, std::string_view(m_config.source));
    } catch (const toml::parse_error& e) {
      const auto& begin = e.source().begin;
      std::string description(e.description());
      std::replace(description.begin(), description.end(), '\n', ' ');
      throw ConfigError(m_config.source + ":" + std::to_string(begin.line) + ":" +
                        std::to_string(begin.column) + ": TOML syntax: " + description);
    }
    for (const auto& [key, node] : in_file_order(root)) {
      read_top(*key, *node);
    }
    return std::move(m_config);
  }

 private:
  std::string at(std::uint32_t line) const
  {
    return line > 0 ? m_config.source + ":" + std::to_string(line) : m_config.source;
  }

  [[noreturn]] void fail(std::uint32_t line, const std::string& message) const
  {
    throw ConfigError(at(line) + ": " + message);
  }

  void read_top(const toml::key& key, const toml::node& node)
  {
    const std::string name(key.str());
    const auto line = line_of(key, node);
    if (name == "run") {
      if (const auto* table = node.as_table()) {
        read_table(*table, run_keys(), m_config, Scope{"[run]", "", "run."});
        return;
      }
      fail(line, "'run' must be one table, written [run], got " +
                     (node.is_array_of_tables() ? std::string("[[run]]") : describe_node(node)));
    }
    if (name == "energy" || name == "slo") {
      const auto* table = node.as_table();
      if (table == nullptr) {
        fail(line, "'" + name + "' must be one table, written [" + name + "], got " +
                       (node.is_array_of_tables() ? "[[" + name + "]]" : describe_node(node)));
      }
      if (name == "energy") {
        read_table(*table, energy_keys(), m_config.energy, Scope{"[energy]", "", "energy."});
      } else {
        read_table(*table, slo_keys(), m_config.slo, Scope{"[slo]", "", "slo."});
      }
      return;
    }
    if (name == "suite" || name == "model") {
      const auto* array = node.as_array();
      if (array == nullptr) {
        fail(line, "'" + name + "' must be an array of tables, written [[" + name + "]], got " +
                       (node.is_table() ? "[" + name + "]" : describe_node(node)));
      }
      for (std::size_t i = 0; i < array->size(); ++i) {
        const auto& element = *array->get(i);
        const auto* table = element.as_table();
        if (table == nullptr) {
          fail(line_of(element), "[[" + name + "]] #" + std::to_string(i + 1) + " must be a table, got " +
                                     describe_node(element));
        }
        if (name == "suite") {
          read_suite(*table, i);
        } else {
          read_model(*table, i);
        }
      }
      return;
    }
    if (looks_like_secret_key(name)) {
      fail(line, secret_key_message(printable(name)));
    }
    const std::string hint = util::did_you_mean(name, top_level_names());
    if (node.is_table()) {
      fail(line, "unknown table [" + printable(name) + "]" + hint);
    }
    if (node.is_array_of_tables()) {
      fail(line, "unknown table [[" + printable(name) + "]]" + hint);
    }
    fail(line, "unknown key '" + printable(name) + "' at top level" +
                   (hint.empty() ? "; keys belong in [run], [[suite]] or [[model]]" : hint));
  }

  void read_suite(const toml::table& table, std::size_t index)
  {
    SuiteConfig suite;
    read_table(table, suite_keys(), suite,
               Scope{"[[suite]] #" + std::to_string(index + 1), "", "suite[" + std::to_string(index) + "]."});
    m_config.suites.push_back(std::move(suite));
  }

  void read_model(const toml::table& table, std::size_t index)
  {
    static constexpr std::string_view k_sub_tables[] = {k_prices_table, k_params_table, k_headers_table,
                                                        k_reasoning_tags_key};
    ModelConfig model;
    const Scope scope{"[[model]] #" + std::to_string(index + 1), "", "model[" + std::to_string(index) + "]."};
    read_table(table, model_keys(), model, scope, k_sub_tables);
    if (const toml::node* prices = table.get(k_prices_table)) {
      const auto* prices_table = prices->as_table();
      if (prices_table == nullptr) {
        fail(line_of(*prices), scope.display +
                                   " prices: expected a table ([model.prices] or prices = {...}), got " +
                                   describe_node(*prices));
      }
      read_table(*prices_table, price_keys(), model.prices,
                 Scope{scope.display, "prices.", scope.origin_prefix + "prices."});
    }
    read_model_extras(table, model,
                      ExtrasScope{scope.display, scope.origin_prefix,
                                  [this](const toml::node& node) { return at(line_of(node)); }},
                      m_config.origin);
    m_config.models.push_back(std::move(model));
  }

  /// Reads every entry of `table` into `target` through `keys`; names in `sub_tables` are left to
  /// the caller. Fails on the first unknown key, wrong type or bad value, then on a missing key.
  template <typename Target>
  void read_table(const toml::table& table, std::span<const Key<Target>> keys, Target& target,
                  const Scope& scope, std::span<const std::string_view> sub_tables = {})
  {
    for (const auto& [toml_key, node] : in_file_order(table)) {
      const std::string name(toml_key->str());
      const auto line = line_of(*toml_key, *node);
      if (std::find(sub_tables.begin(), sub_tables.end(), name) != sub_tables.end()) {
        continue;
      }
      const auto spec = std::find_if(keys.begin(), keys.end(), [&](const auto& k) { return k.name == name; });
      const std::string display = scope.display + " " + scope.key_prefix + printable(name);
      if (spec == keys.end()) {
        if (looks_like_secret_key(name)) {
          fail(line, secret_key_message(display));
        }
        std::vector<std::string> candidates;
        for (const auto& k : keys) {
          candidates.push_back(scope.key_prefix + std::string(k.name));
        }
        candidates.insert(candidates.end(), sub_tables.begin(), sub_tables.end());
        fail(line, "unknown key '" + scope.key_prefix + printable(name) + "' in " + scope.display +
                       util::did_you_mean(scope.key_prefix + name, candidates));
      }
      const auto value = to_value(spec->field.kind, *node);
      if (!value) {
        fail(line, display + ": expected " + std::string(kind_name(spec->field.kind)) + ", got " +
                       describe_node(*node));
      }
      if (const auto problem = check_value(*spec, *value)) {
        fail(line, display + ": " + *problem);
      }
      spec->field.set(target, *value);
      m_config.origin[scope.origin_prefix + name] = at(line);
    }
    for (const auto& spec : keys) {
      if ((spec.flags & k_required) != 0 && !table.contains(spec.name)) {
        fail(line_of(table),
             scope.display + ": key '" + scope.key_prefix + std::string(spec.name) + "' missing");
      }
    }
  }

  RunConfig m_config;
};

}  // namespace

RunConfig load_string(std::string_view toml_text, const std::string& source)
{
  return Loader(source).load(toml_text);
}

RunConfig load_file(const std::string& path)
{
  const auto cannot_read = [&path](const std::string& why) {
    return ConfigError("cannot read config '" + path + "': " + why);
  };
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    throw cannot_read(std::strerror(errno));
  }
  std::string text;
  char buffer[1 << 16];
  while (true) {
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) {
      continue;
    }
    if (n < 0) {
      const int error = errno;
      ::close(fd);
      throw cannot_read(std::strerror(error));
    }
    if (n == 0) {
      break;
    }
    text.append(buffer, static_cast<std::size_t>(n));
    if (text.size() > k_max_config_bytes) {
      ::close(fd);
      throw cannot_read("larger than 16 MiB; is it really a config file?");
    }
  }
  ::close(fd);
  return load_string(text, path);
}

}  // namespace rb::config
