// SSE parse throughput over a realistic chat-completion stream (issue 6 target: >= 500 MB/s),
// and the whole stream path (SSE + JSON chunk accumulation) for comparison.
#include <benchmark/benchmark.h>

#include <string>

#include "adapters/http/sse_parser.hpp"
#include "adapters/openai/chat_stream.hpp"

namespace {

constexpr int k_chunks = 4000;                   ///< about a 16k-token reasoning answer at 4 tokens a chunk
constexpr std::size_t k_read_bytes = 16 * 1024;  ///< what one socket read typically delivers

/// An OpenAI-style stream: role chunk, reasoning and content deltas, finish, usage, [DONE].
std::string chat_stream()
{
  const std::string head =
      R"(data: {"id":"chatcmpl-9Zx1","object":"chat.completion.chunk","created":1717000000,)"
      R"("model":"deepseek-reasoner","system_fingerprint":"fp_1234","choices":[{"index":0,"delta":{)";
  std::string out;
  for (int i = 0; i < k_chunks; ++i) {
    const bool reasoning = i < k_chunks * 9 / 10;
    out += head;
    out += reasoning ? R"("reasoning_content":" step )" : R"("content":" answer )";
    out += std::to_string(i) + R"( tok"},"logprobs":null,"finish_reason":null}]})";
    out += "\n\n";
  }
  out += head + R"("content":""},"finish_reason":"stop"}]})"
                "\n\n";
  out += R"(data: {"id":"chatcmpl-9Zx1","choices":[],"usage":{"prompt_tokens":80,"completion_tokens":16000}})"
         "\n\n";
  out += "data: [DONE]\n\n";
  return out;
}

void BM_SseParse(benchmark::State& state)
{
  const std::string stream = chat_stream();
  std::int64_t events = 0;
  rb::adapters::http::SseParser parser([&](const rb::adapters::http::SseEvent& e) {
    events += static_cast<std::int64_t>(e.data.size() > 0);
    return true;
  });
  for (auto _ : state) {
    parser.reset();
    for (std::size_t at = 0; at < stream.size(); at += k_read_bytes) {
      benchmark::DoNotOptimize(parser.feed(std::string_view(stream).substr(at, k_read_bytes)));
    }
  }
  benchmark::DoNotOptimize(events);
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * stream.size()));
}
BENCHMARK(BM_SseParse);

void BM_StreamAccumulate(benchmark::State& state)
{
  const std::string stream = chat_stream();
  for (auto _ : state) {
    rb::adapters::openai::StreamAccumulator accumulator;
    rb::adapters::http::SseParser parser(
        [&](const rb::adapters::http::SseEvent& e) { return accumulator.feed(e.data, 0).has_value(); });
    for (std::size_t at = 0; at < stream.size(); at += k_read_bytes) {
      benchmark::DoNotOptimize(parser.feed(std::string_view(stream).substr(at, k_read_bytes)));
    }
    if (!accumulator.complete() || accumulator.chunks() != k_chunks + 2) {
      state.SkipWithError("the benchmark stream did not parse");
      return;
    }
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * stream.size()));
}
BENCHMARK(BM_StreamAccumulate);

}  // namespace

BENCHMARK_MAIN();
