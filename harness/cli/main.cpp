// reasonbench: parses the command line and dispatches to a subcommand (STYLE.md 1: thin main).
// Configuration errors are caught here once: one line on stderr, exit code 2.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <exception>

#include "harness/cli/commands.hpp"
#include "harness/core/error.hpp"

int main(int argc, char** argv)
{
  CLI::App app{"reasonbench: evaluate reasoning models on math, code and puzzles, and measure what each "
               "correct answer cost.\nExample: reasonbench run examples/quickstart/config.toml"};
  app.require_subcommand(1);
  app.set_version_flag("--version", rb::cli::version_string());
  rb::cli::register_commands(app);
  try {
    rb::cli::check_subcommand_name(app, argc, argv);
    app.parse(argc, argv);
    return rb::cli::run_selected(app);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    // One line, like every other error (CLI11 would add a second).
    std::fprintf(stderr, "reasonbench: error: %s (see --help)\n", e.what());
    return 2;
  } catch (const rb::ConfigError& e) {
    std::fprintf(stderr, "reasonbench: error: %s\n", e.what());
    return 2;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "reasonbench: internal error: %s\n", e.what());
    return 3;
  }
}
