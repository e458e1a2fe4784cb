#pragma once
// One row per subcommand: name, one-line description, an example, and a setup function that
// declares the options on the CLI11 subcommand and returns the function that runs it.
#include <functional>
#include <span>
#include <string_view>

namespace CLI {
class App;
}

namespace rb::cli {

struct CommandRow {
  std::string_view name;
  std::string_view description;
  std::string_view example;
  std::function<std::function<int()>(CLI::App&)> setup;
};

std::span<const CommandRow> command_table();

// Each defined in its own cmd_*.cpp.
std::function<int()> setup_run(CLI::App& sub);
std::function<int()> setup_grade(CLI::App& sub);
std::function<int()> setup_report(CLI::App& sub);
std::function<int()> setup_compare(CLI::App& sub);
std::function<int()> setup_serve_sim(CLI::App& sub);
std::function<int()> setup_sandbox(CLI::App& sub);
std::function<int()> setup_suites(CLI::App& sub);
std::function<int()> setup_models(CLI::App& sub);

}  // namespace rb::cli
