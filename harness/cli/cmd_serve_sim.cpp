// `reasonbench serve-sim`: the OpenAI-compatible simulated engine, until SIGINT/SIGTERM.
#include <CLI/CLI.hpp>

#include <atomic>
#include <cstdio>
#include <memory>
#include <thread>

#include "adapters/sim/sim_server.hpp"
#include "harness/cli/command_table.hpp"
#include "harness/runner/interrupt.hpp"

namespace rb::cli {

namespace {
struct ServeSimFlags {
  int port = 8377;
  std::string host = "127.0.0.1";
  std::string scenario;
};

int serve_sim_command(const ServeSimFlags& flags)
{
  sim::Scenario scenario = flags.scenario.empty() ? sim::default_scenario() : sim::load_scenario(flags.scenario);
  std::string names;
  for (const auto& model : scenario.models) {
    names += (names.empty() ? "" : ", ") + model.name;
  }
  sim::SimServer server(std::move(scenario));
  const auto& stop = runner::install_interrupt_handlers();
  const int port = server.start(flags.host, flags.port);
  // The first stdout line is parsed by scripts and tests: keep its shape.
  std::printf("serve-sim: listening on http://%s:%d/v1 (SIMULATED models: %s)\n", flags.host.c_str(), port,
              names.c_str());
  std::fflush(stdout);
  std::atomic<bool> ended{false};
  std::thread watcher([&] {
    while (!stop.load() && !ended.load()) {
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    server.stop();
  });
  server.wait();
  ended = true;
  watcher.join();
  std::fprintf(stderr, "serve-sim: stopped after %lld requests (%lld faults injected)\n", server.requests_served(),
               server.faults_injected());
  return 0;
}
}  // namespace

std::function<int()> setup_serve_sim(CLI::App& sub)
{
  auto flags = std::make_shared<ServeSimFlags>();
  sub.add_option("--port", flags->port, "TCP port on loopback (0: any free port, printed on stdout)")
      ->check(CLI::Range(0, 65535));
  sub.add_option("--host", flags->host, "address to bind (default 127.0.0.1)");
  sub.add_option("--scenario", flags->scenario, "scenario TOML (docs/serve-sim.md); default: the built-in "
                                                "r1-like, distill-7b-like and o1-like models");
  return [flags] { return serve_sim_command(*flags); };
}

}  // namespace rb::cli
