// key_reference_markdown(): the key tables rendered for docs/config.md.
#include <climits>
#include <cmath>

#include "harness/config/model_extras.hpp"
#include "harness/config/schema.hpp"
#include "harness/util/strings.hpp"

namespace rb::config {
namespace {

std::string_view type_text(Kind kind)
{
  switch (kind) {
    case Kind::string:
      return "string";
    case Kind::integer:
      return "integer";
    case Kind::number:
      return "number";
    case Kind::boolean:
      return "boolean";
  }
  return "value";
}

std::string bound_text(double bound)
{
  return format_value(Value{static_cast<std::int64_t>(bound)});  // every bound in the tables is whole
}

std::string allowed_text(Kind kind, const Range& range, unsigned flags, std::string_view choices)
{
  if (!choices.empty()) {
    std::string out = "one of";
    for (const auto& choice : util::split(choices, '|')) {
      out += " `" + choice + "`";
    }
    return out;
  }
  if (kind == Kind::string) {
    if ((flags & k_env_name) != 0) {
      return "an environment variable name";
    }
    return (flags & k_non_empty) != 0 ? "not empty" : "";
  }
  if (kind == Kind::boolean) {
    return "";
  }
  const bool has_min = std::isfinite(range.min);
  const bool has_max = range.max < INT_MAX;  // INT_MAX and int64 max: no real bound
  const std::string low = (range.min_exclusive ? "> " : ">= ") + bound_text(range.min);
  if (has_min && has_max) {
    return range.min_exclusive ? low + ", <= " + bound_text(range.max)
                               : bound_text(range.min) + " to " + bound_text(range.max);
  }
  if (has_min) {
    return low;
  }
  return has_max ? "<= " + bound_text(range.max) : "any";
}

template <typename Target>
void append_table(std::string& out, std::string_view title, std::span<const Key<Target>> keys,
                  std::string_view extra_rows = "")
{
  const Target defaults{};
  out += "### `" + std::string(title) + "`\n\n";
  out += "| key | type | default | allowed | in fingerprint | meaning |\n";
  out += "|---|---|---|---|---|---|\n";
  for (const auto& key : keys) {
    std::string default_text = "unset";
    if ((key.flags & k_required) != 0) {
      default_text = "required";
    } else if (auto value = key.field.get(defaults)) {
      default_text = "`" + format_value(*value) + "`";
    }
    out += "| `" + std::string(key.name) + "` | " + std::string(type_text(key.field.kind)) + " | " +
           default_text + " | " + allowed_text(key.field.kind, key.range, key.flags, key.choices) + " | " +
           ((key.flags & k_plan) != 0 ? "yes" : "") + " | " + std::string(key.doc) + " |\n";
  }
  out += extra_rows;
  out += "\n";
}

}  // namespace

std::string key_reference_markdown()
{
  std::string out;
  append_table(out, "[run]", run_keys());
  append_table(out, "[[suite]]", suite_keys());
  append_table(out, "[[model]]", model_keys(), extras_reference_markdown());
  append_table(out, "[model.prices]", price_keys());
  append_table(out, "[energy]", energy_keys());
  append_table(out, "[slo]", slo_keys());
  return out;
}

}  // namespace rb::config
