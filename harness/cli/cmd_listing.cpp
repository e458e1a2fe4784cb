// `reasonbench suites` and `reasonbench models`: what is built in, from the registries' tables.
#include <CLI/CLI.hpp>

#include <cstdio>

#include "adapters/registry.hpp"
#include "adapters/sim/scenario.hpp"
#include "harness/cli/command_table.hpp"
#include "suites/registry.hpp"
#include "verifiers/registry.hpp"

namespace rb::cli {

std::function<int()> setup_suites(CLI::App&)
{
  return [] {
    std::printf("Suites (spec: NAME or NAME?key=value&...):\n");
    for (const auto& kind : suites::suite_kinds()) {
      std::printf("  %-16s %s\n  %-16s example: %s\n", std::string(kind.name).c_str(),
                  std::string(kind.description).c_str(), "", std::string(kind.example).c_str());
    }
    std::printf("\nVerifiers:\n");
    for (const auto& kind : verifiers::verifier_kinds()) {
      std::printf("  %-16s %s\n", std::string(kind.name).c_str(), std::string(kind.description).c_str());
    }
    return 0;
  };
}

std::function<int()> setup_models(CLI::App&)
{
  return [] {
    std::printf("Model specs (KIND:...):\n");
    for (const auto& kind : adapters::adapter_kinds()) {
      std::printf("  %-20s %s\n  %-20s example: %s\n", std::string(kind.name).c_str(),
                  std::string(kind.description).c_str(), "", std::string(kind.example).c_str());
    }
    std::printf("\nSimulated models of serve-sim's built-in scenario (use as sim:NAME):\n");
    for (const auto& model : sim::default_scenario().models) {
      std::printf("  %-20s %s\n", model.name.c_str(), model.description.c_str());
    }
    return 0;
  };
}

}  // namespace rb::cli
