#pragma once
// The verifier registry: one explicit table (STYLE.md 5) of {name, description, factory}.
// Suites name their verifier; `reasonbench grade` and the run loop build it from here.
#include <functional>
#include <memory>
#include <span>
#include <string_view>

#include "harness/core/verifier.hpp"

namespace rb::verifiers {

struct VerifierKind {
  std::string_view name;
  std::string_view description;
  std::function<std::unique_ptr<Verifier>()> make;
};

std::span<const VerifierKind> verifier_kinds();

/// Throws ConfigError for an unknown name (with a suggestion).
std::unique_ptr<Verifier> make_verifier(std::string_view name);

}  // namespace rb::verifiers
