// Harness CPU per request: HttpAdapter driven as the run loop drives it (a fixed number of
// requests in flight, a new one started as each completes) against a serve-sim in another
// process, measuring this process's user+sys CPU time (getrusage). bench/adapter_cpu.sh runs it
// next to the Python asyncio + aiohttp client doing the same work (bench/aiohttp_client.py).
//   adapter_cpu_bench URL MODEL REQUESTS CONCURRENCY STREAM(0|1)
// Prints one line: impl=cpp stream=... concurrency=... requests=... wall_s=... cpu_ms_per_request=...
#include <sys/resource.h>

#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <string>

#include "adapters/http_adapter.hpp"
#include "bench/process_cpu.hpp"

namespace {

long max_rss_kb()
{
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

}  // namespace

int main(int argc, char** argv)
{
  if (argc != 6) {
    std::fprintf(stderr, "usage: %s URL MODEL REQUESTS CONCURRENCY STREAM(0|1)\n", argv[0]);
    return 2;
  }
  const std::string url = argv[1];
  const std::string model = argv[2];
  const int requests = std::atoi(argv[3]);
  const int concurrency = std::atoi(argv[4]);
  const bool stream = std::atoi(argv[5]) != 0;

  rb::adapters::HttpAdapterOptions options;
  options.kind = "sim";
  options.base_url = url;
  options.model = model;
  options.stream = stream;
  options.max_retries = 0;
  rb::adapters::HttpAdapter adapter(options, nullptr);

  std::mutex mutex;
  std::condition_variable changed;
  int in_flight = 0;
  int done = 0;
  int failed = 0;
  long long chunks = 0;
  long long tokens = 0;
  const double cpu_start = rb::bench::cpu_seconds();
  const auto wall_start = std::chrono::steady_clock::now();
  for (int i = 0; i < requests; ++i) {
    rb::Request request;
    request.messages = {{"user", "Question " + std::to_string(i) + ": what is 17 + 25? Reason step by step."}};
    request.params.seed = i;
    {
      std::unique_lock lock(mutex);
      changed.wait(lock, [&] { return in_flight < concurrency; });
      ++in_flight;
    }
    adapter.start(request, [&](std::expected<rb::Sample, rb::Error> result) {
      std::lock_guard lock(mutex);
      --in_flight;
      ++done;
      if (result) {
        chunks += result->timings.chunks;
        tokens += result->usage.completion_tokens;
      } else {
        ++failed;
        std::fprintf(stderr, "request failed: %s\n", result.error().message.c_str());
      }
      changed.notify_all();
    });
  }
  {
    std::unique_lock lock(mutex);
    changed.wait(lock, [&] { return done == requests; });
  }
  const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - wall_start).count();
  const double cpu = rb::bench::cpu_seconds() - cpu_start;
  std::printf(
      "impl=cpp stream=%d concurrency=%d requests=%d failed=%d wall_s=%.2f req_per_s=%.0f "
      "cpu_ms_per_request=%.4f tokens_per_request=%.0f chunks_per_request=%.1f max_rss_mb=%.1f\n",
      stream ? 1 : 0, concurrency, requests, failed, wall, requests / wall, 1000.0 * cpu / requests,
      static_cast<double>(tokens) / requests, static_cast<double>(chunks) / requests, max_rss_kb() / 1024.0);
  return failed == 0 ? 0 : 1;
}
