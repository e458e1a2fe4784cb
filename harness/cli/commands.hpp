#pragma once
// The subcommand table: each row registers its options on a CLI11 subcommand and runs it.
// One file per subcommand (cmd_*.cpp); main.cpp only parses and dispatches.
#include <string>

namespace CLI {
class App;
}

namespace rb::cli {

std::string version_string();
/// Adds every subcommand of DESIGN.md's command-line contract to `app`.
void register_commands(CLI::App& app);
/// Throws ConfigError for an unknown first word ("unknown subcommand 'x', did you mean 'y'?"),
/// which CLI11 would only report as "A subcommand is required".
void check_subcommand_name(const CLI::App& app, int argc, char** argv);
/// Runs the subcommand the user chose; returns the process exit code.
int run_selected(CLI::App& app);

}  // namespace rb::cli
