#include "harness/runner/interrupt.hpp"

#include <csignal>
#include <unistd.h>

namespace rb::runner {

namespace {
std::atomic<bool> g_stop{false};
std::atomic<int> g_signal{0};

extern "C" void on_signal(int signal)
{
  if (g_stop.exchange(true)) {
    constexpr char k_message[] = "\nreasonbench: second interrupt: exiting now\n";
    (void)!::write(2, k_message, sizeof k_message - 1);
    ::_exit(128 + signal);
  }
  g_signal.store(signal);
  constexpr char k_message[] = "\nreasonbench: interrupted: finishing stored work (interrupt again to quit now)\n";
  (void)!::write(2, k_message, sizeof k_message - 1);
}
}  // namespace

const std::atomic<bool>& install_interrupt_handlers()
{
  struct sigaction action {};
  action.sa_handler = on_signal;
  sigemptyset(&action.sa_mask);
  ::sigaction(SIGINT, &action, nullptr);
  ::sigaction(SIGTERM, &action, nullptr);
  return g_stop;
}

int interrupt_signal() { return g_signal.load(); }

}  // namespace rb::runner
