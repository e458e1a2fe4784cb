// The floor under any libcurl client: the non-streamed workload of adapter_cpu_bench (same URL,
// same request bodies, a fixed number in flight) through libcurl alone, in one thread, with easy
// handles reused and the body counted then thrown away: no JSON, no Sample, no second thread.
// bench/adapter_cpu.sh prints it beside the HttpAdapter and the Python aiohttp client, so the
// ratio Python / floor says how far below Python a libcurl client can go on this machine.
//   curl_floor_bench URL MODEL REQUESTS CONCURRENCY
// Prints one line: impl=curl-floor stream=0 concurrency=... requests=... cpu_ms_per_request=...
#include <curl/curl.h>
#include <sys/resource.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "bench/process_cpu.hpp"

namespace {

std::size_t count_bytes(char* /*data*/, std::size_t size, std::size_t count, void* user)
{
  *static_cast<std::size_t*>(user) += size * count;
  return size * count;
}

struct Slot {
  CURL* easy = nullptr;
  std::string body;
};

}  // namespace

int main(int argc, char** argv)
{
  if (argc != 5) {
    std::fprintf(stderr, "usage: %s URL MODEL REQUESTS CONCURRENCY\n", argv[0]);
    return 2;
  }
  const std::string url = std::string(argv[1]) + "/chat/completions";
  const std::string model = argv[2];
  const int requests = std::atoi(argv[3]);
  const int concurrency = std::max(1, std::atoi(argv[4]));

  curl_global_init(CURL_GLOBAL_DEFAULT);
  CURLM* multi = curl_multi_init();
  curl_slist* headers = curl_slist_append(nullptr, "Content-Type: application/json");
  headers = curl_slist_append(headers, "Accept: application/json");
  headers = curl_slist_append(headers, "Expect:");
  std::vector<Slot> slots(static_cast<std::size_t>(concurrency));
  std::size_t bytes = 0;
  int started = 0;
  int done = 0;
  int failed = 0;

  const double cpu_start = rb::bench::cpu_seconds();
  const auto start = [&](Slot& slot) {
    // The same body as adapter_cpu_bench's requests (HttpAdapter writes these fields).
    slot.body = "{\"messages\":[{\"content\":\"Question " + std::to_string(started) +
                ": what is 17 + 25? Reason step by step.\",\"role\":\"user\"}],\"model\":\"" + model +
                "\",\"seed\":" + std::to_string(started) + ",\"stream\":false}";
    curl_easy_setopt(slot.easy, CURLOPT_URL, url.c_str());
    curl_easy_setopt(slot.easy, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(slot.body.size()));
    curl_easy_setopt(slot.easy, CURLOPT_POSTFIELDS, slot.body.data());
    curl_easy_setopt(slot.easy, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(slot.easy, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(slot.easy, CURLOPT_WRITEFUNCTION, &count_bytes);
    curl_easy_setopt(slot.easy, CURLOPT_WRITEDATA, static_cast<void*>(&bytes));
    curl_easy_setopt(slot.easy, CURLOPT_PRIVATE, static_cast<void*>(&slot));
    curl_multi_add_handle(multi, slot.easy);
    ++started;
  };
  for (Slot& slot : slots) {
    slot.easy = curl_easy_init();
    if (started < requests) {
      start(slot);
    }
  }
  while (done < requests) {
    int running = 0;
    curl_multi_perform(multi, &running);
    int left = 0;
    while (CURLMsg* message = curl_multi_info_read(multi, &left)) {
      if (message->msg != CURLMSG_DONE) {
        continue;
      }
      void* user = nullptr;
      curl_easy_getinfo(message->easy_handle, CURLINFO_PRIVATE, &user);
      long status = 0;
      curl_easy_getinfo(message->easy_handle, CURLINFO_RESPONSE_CODE, &status);
      failed += message->data.result != CURLE_OK || status != 200 ? 1 : 0;
      curl_multi_remove_handle(multi, message->easy_handle);
      ++done;
      if (started < requests) {
        start(*static_cast<Slot*>(user));
      }
    }
    if (done < requests) {
      curl_multi_poll(multi, nullptr, 0, 1000, nullptr);
    }
  }
  const double cpu = rb::bench::cpu_seconds() - cpu_start;
  std::printf("impl=curl-floor stream=0 concurrency=%d requests=%d failed=%d cpu_ms_per_request=%.4f bytes_per_request=%.0f\n",
              concurrency, requests, failed, 1000.0 * cpu / requests,
              static_cast<double>(bytes) / std::max(1, requests));
  for (Slot& slot : slots) {
    curl_easy_cleanup(slot.easy);
  }
  curl_slist_free_all(headers);
  curl_multi_cleanup(multi);
  return failed == 0 ? 0 : 1;
}
