#include "harness/cli/commands.hpp"

#include <CLI/CLI.hpp>

#include <functional>
#include <memory>
#include <vector>

#include "harness/cli/command_table.hpp"
#include "harness/util/build_info.hpp"

namespace rb::cli {

std::string version_string()
{
  return "reasonbench " + std::string(util::harness_version()) + " (git " + std::string(util::git_revision()) + ")";
}

namespace {
struct Registered {
  CLI::App* sub = nullptr;
  std::function<int()> run;
};
std::vector<Registered>& registered()
{
  static std::vector<Registered> rows;
  return rows;
}
}  // namespace

void register_commands(CLI::App& app)
{
  for (const auto& row : command_table()) {
    CLI::App* sub = app.add_subcommand(std::string(row.name), std::string(row.description));
    sub->footer("Example:\n  " + std::string(row.example));
    registered().push_back({sub, row.setup(*sub)});
  }
}

int run_selected(CLI::App& app)
{
  (void)app;
  for (const auto& row : registered()) {
    if (row.sub->parsed()) {
      return row.run();
    }
  }
  return 2;
}

}  // namespace rb::cli
