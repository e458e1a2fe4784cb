#include "harness/cli/commands.hpp"

#include <CLI/CLI.hpp>

#include <functional>
#include <memory>
#include <vector>

#include "harness/cli/command_table.hpp"
#include "harness/core/error.hpp"
#include "harness/util/build_info.hpp"
#include "harness/util/strings.hpp"

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

void check_subcommand_name(const CLI::App& app, int argc, char** argv)
{
  if (argc < 2 || argv[1][0] == '-') {
    return;
  }
  const std::string word = argv[1];
  std::vector<std::string> names;
  for (const CLI::App* sub : app.get_subcommands({})) {
    if (sub->get_name() == word) {
      return;
    }
    names.push_back(sub->get_name());
  }
  throw ConfigError("unknown subcommand '" + word + "'" + util::did_you_mean(word, names) +
                    " (subcommands: " + util::join(names, ", ") + ")");
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
