#include "verifiers/registry.hpp"

#include <string>
#include <vector>

#include "harness/core/error.hpp"
#include "harness/util/strings.hpp"
#include "verifiers/exact/numeric_verifier.hpp"

namespace rb::verifiers {

namespace {
const std::vector<VerifierKind>& table()
{
  static const std::vector<VerifierKind> k_table{
      {"numeric", "one number, compared exactly as a rational (no tolerance)",
       [] { return std::make_unique<NumericVerifier>(); }},
  };
  return k_table;
}
}  // namespace

std::span<const VerifierKind> verifier_kinds() { return table(); }

std::unique_ptr<Verifier> make_verifier(std::string_view name)
{
  std::vector<std::string> names;
  for (const auto& kind : table()) {
    if (kind.name == name) {
      return kind.make();
    }
    names.emplace_back(kind.name);
  }
  throw ConfigError("unknown verifier '" + std::string(name) + "'" + util::did_you_mean(name, names));
}

}  // namespace rb::verifiers
