// The HTTP event loop's wake-ups (adapters/http/event_loop.cpp): work submitted from another
// thread while the loop sleeps in epoll_wait runs at once, also after many threads have raced
// their submissions against the loop reading its eventfd. A lost wake-up shows as a stall of the
// loop's longest sleep (1 s), which a run would record as latency that the server never had.
#include <catch2/catch.hpp>

#include <atomic>
#include <future>
#include <thread>
#include <vector>

#include "adapters/http/http_client.hpp"

using namespace std::chrono_literals;
using namespace rb::adapters;

namespace {

/// Waits until `counter` reaches `target`; false after `limit`.
bool wait_for(const std::atomic<int>& counter, int target, std::chrono::seconds limit)
{
  const auto until = std::chrono::steady_clock::now() + limit;
  while (counter.load() < target) {
    if (std::chrono::steady_clock::now() > until) {
      return false;
    }
    std::this_thread::sleep_for(1ms);
  }
  return true;
}

}  // namespace

TEST_CASE("http client: a submission wakes the sleeping loop, also after racing submissions", "[http]")
{
  http::HttpClient client;
  std::atomic<int> fired{0};
  constexpr int k_threads = 4;
  constexpr int k_each = 10000;
  constexpr int k_rounds = 10;
  int expected = 0;
  for (int round = 0; round < k_rounds; ++round) {
    // A storm: several threads submit timers due at once while the loop takes wake-ups.
    std::vector<std::thread> threads;
    for (int t = 0; t < k_threads; ++t) {
      threads.emplace_back([&] {
        for (int i = 0; i < k_each; ++i) {
          client.after(0ms, [&](http::TimerEvent) { fired.fetch_add(1); });
        }
      });
    }
    for (auto& thread : threads) {
      thread.join();
    }
    expected += k_threads * k_each;
    REQUIRE(wait_for(fired, expected, 60s));

    // The loop now sleeps with nothing due (its longest sleep is 1 s). One more submission must
    // run at once, not when that sleep ends.
    std::this_thread::sleep_for(50ms);
    std::promise<void> ran;
    const auto submitted = std::chrono::steady_clock::now();
    client.after(0ms, [&](http::TimerEvent) { ran.set_value(); });
    REQUIRE(ran.get_future().wait_for(10s) == std::future_status::ready);
    const auto latency = std::chrono::steady_clock::now() - submitted;
    INFO("round " << round << ": the submission ran after "
                  << std::chrono::duration_cast<std::chrono::milliseconds>(latency).count() << " ms");
    CHECK(latency < 600ms);
  }
}
