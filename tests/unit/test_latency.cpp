// Latency and throughput definitions (harness/stats/latency.hpp), each against figures
// computed by hand in the comments.
#include <catch2/catch.hpp>

#include "harness/core/chunk_times.hpp"
#include "harness/stats/latency.hpp"
#include "harness/stats/log_histogram.hpp"

using namespace rb;
using namespace rb::stats;
using Catch::Detail::Approx;

TEST_CASE("chunk times round-trip through their varint form", "[latency]")
{
  const std::vector<std::uint64_t> times = {0, 127, 128, 128, 20'000, 3'600'000'000ULL};
  const std::string bytes = encode_chunk_times(times);
  // deltas 0 (1 byte), 127 (1), 1 (1), 0 (1), 19872 (3), 3599980000 (5): 12 bytes
  CHECK(bytes.size() == 12);
  CHECK(decode_chunk_times(bytes) == times);
  ChunkTimesWriter writer;
  writer.add(500);
  writer.add(400);  // earlier than the previous: counts as equal
  CHECK(decode_chunk_times(writer.bytes()) == std::vector<std::uint64_t>{500, 500});
  CHECK(writer.count() == 2);
  CHECK(decode_chunk_times(std::string_view(bytes).substr(0, 11)).size() == 5);  // truncated last varint
}

TEST_CASE("TPOT is (E2E - TTFT) / (output tokens - 1)", "[latency]")
{
  CHECK(tpot_ms(1100, 100, 101) == Approx(10.0));  // 1000 ms over 100 tokens after the first
  CHECK(tpot_ms(500, 100, 5) == Approx(100.0));    // 400 / 4
  CHECK(tpot_ms(500, 100, 1) == -1);               // one token: undefined
  CHECK(tpot_ms(500, -1, 50) == -1);               // not streamed: undefined

  Timings t;
  t.ttft_ms = 250;
  t.first_answer_ms = 900;
  t.e2e_ms = 2250;
  Usage u;
  u.prompt_tokens = 30;
  u.completion_tokens = 201;
  const RequestLatency r = request_latency(t, u);
  CHECK(r.tpot_ms == Approx(10.0));  // (2250 - 250) / 200
  CHECK(r.first_answer_ms == 900);
  CHECK(r.prompt_tokens == 30);
}

TEST_CASE("ITL is every gap between consecutive chunks", "[latency]")
{
  const std::string bytes = encode_chunk_times({100'000, 110'000, 135'000, 135'500});
  const std::vector<double> gaps = inter_chunk_gaps_ms(bytes);
  REQUIRE(gaps.size() == 3);
  CHECK(gaps[0] == Approx(10.0));
  CHECK(gaps[1] == Approx(25.0));
  CHECK(gaps[2] == Approx(0.5));
  CHECK(inter_chunk_gaps_ms(encode_chunk_times({7})).empty());
  CHECK(inter_chunk_gaps_ms("").empty());
}

TEST_CASE("SLOs: every configured one must hold", "[latency]")
{
  RequestLatency r;
  r.ttft_ms = 200;
  r.e2e_ms = 3000;
  r.tpot_ms = 20;
  Slo slo;
  CHECK(meets_slo(r, slo));  // nothing configured
  slo.ttft_ms = 200;
  CHECK(meets_slo(r, slo));  // at the limit passes
  slo.tpot_ms = 19.9;
  CHECK_FALSE(meets_slo(r, slo));
  slo.tpot_ms = 25;
  slo.e2e_ms = 2999;
  CHECK_FALSE(meets_slo(r, slo));
  slo.e2e_ms.reset();
  CHECK(meets_slo(r, slo));

  RequestLatency one_token = r;
  one_token.tpot_ms = -1;  // < 2 tokens: no TPOT, passes a TPOT SLO (vLLM counts 0)
  CHECK(meets_slo(one_token, slo));
  RequestLatency unstreamed = r;
  unstreamed.ttft_ms = -1;
  unstreamed.tpot_ms = -1;
  CHECK_FALSE(meets_slo(unstreamed, slo));  // a TTFT SLO cannot be checked
  CHECK(meets_slo(unstreamed, Slo{.e2e_ms = 5000}));
}

TEST_CASE("percentiles interpolate linearly between ranks", "[latency]")
{
  std::vector<double> values = {40, 10, 30, 20, 50, 60, 70, 80, 90, 100};
  const Distribution d = distribution(values);
  CHECK(d.count == 10);
  CHECK(d.mean == Approx(55.0));
  CHECK(d.p50 == Approx(55.0));   // rank 4.5 between 50 and 60
  CHECK(d.p90 == Approx(91.0));   // rank 8.1: 90 + 0.1 * 10
  CHECK(d.p99 == Approx(99.1));   // rank 8.91: 90 + 0.91 * 10
  std::vector<double> none;
  CHECK(distribution(none).count == 0);
}

TEST_CASE("the ITL histogram is within 1% of exact quantiles", "[latency]")
{
  LogHistogram h;
  std::vector<double> exact;
  for (int i = 1; i <= 1000; ++i) {
    h.add(i * 0.1);  // 0.1 .. 100 ms
    exact.push_back(i * 0.1);
  }
  CHECK(h.count() == 1000);
  CHECK(h.mean() == Approx(50.05));
  CHECK(h.quantile(0.5) == Approx(50.0).epsilon(0.01));  // rank 499.5 rounds to 500: value 50.1
  CHECK(h.quantile(0.99) == Approx(99.0).epsilon(0.01));
  CHECK(h.quantile(0) == Approx(0.1));
  CHECK(h.quantile(1) == Approx(100.0));
  LogHistogram other;
  other.add(1000);
  h.merge(other);
  CHECK(h.count() == 1001);
  CHECK(h.quantile(1) == Approx(1000.0));
}

TEST_CASE("duration and concurrency come from request spans per window", "[latency]")
{
  // window 1: [0,4) [1,3) [2,6) -> busy 0..6 = 6 s, at most 3 at once (t in [2,3))
  // window 2: [10,12) [12,13) -> busy 3 s; the second starts as the first ends: 1 at once
  const std::vector<RequestSpan> spans = {{1, 0, 4}, {1, 1, 3}, {1, 2, 6}, {2, 10, 12}, {2, 12, 13}};
  CHECK(busy_seconds(spans) == Approx(9.0));
  CHECK(max_concurrency(spans) == 3);
  CHECK(max_concurrency(std::span(spans).subspan(3)) == 1);
  CHECK(busy_seconds({}) == 0);
}

TEST_CASE("a run's throughput and goodput follow vLLM's definitions", "[latency]")
{
  // Three requests over a 10 s window, SLO TTFT <= 300 ms and TPOT <= 50 ms:
  //   a: TTFT 200, E2E 5200, 101 tokens -> TPOT 50   (good)
  //   b: TTFT 400, E2E 2400,  11 tokens -> TPOT 200  (bad: TTFT and TPOT)
  //   c: TTFT 100, E2E 4100, 201 tokens -> TPOT 20   (good)
  // requests/s 3/10, output tokens/s 313/10, total tokens/s (313 + 3*50)/10, goodput 2/10.
  LatencyAccumulator acc;
  const auto request = [](double ttft, double e2e, std::int64_t tokens) {
    Timings t;
    t.ttft_ms = ttft;
    t.e2e_ms = e2e;
    Usage u;
    u.prompt_tokens = 50;
    u.completion_tokens = tokens;
    return request_latency(t, u);
  };
  acc.add(request(200, 5200, 101), encode_chunk_times({200'000, 250'000, 5'200'000}), RequestSpan{1, 0, 5.2});
  acc.add(request(400, 2400, 11), "", RequestSpan{1, 1, 3.4});
  acc.add(request(100, 4100, 201), "", RequestSpan{1, 5, 10});
  const LatencySummary s = acc.finish(Slo{.ttft_ms = 300, .tpot_ms = 50});
  CHECK(s.requests == 3);
  CHECK(s.duration_s == Approx(10.0));
  CHECK(s.requests_per_s == Approx(0.3));
  CHECK(s.output_tokens_per_s == Approx(31.3));
  CHECK(s.total_tokens_per_s == Approx(46.3));
  CHECK(s.good == 2);
  CHECK(s.goodput_per_s == Approx(0.2));
  CHECK(s.max_concurrency == 2);
  CHECK(s.ttft_ms.p50 == Approx(200.0));
  CHECK(s.tpot_ms.mean == Approx(90.0));  // (50 + 200 + 20) / 3
  CHECK(s.e2e_ms.p90 == Approx(4980.0));  // rank 1.8 of 2400, 4100, 5200: 4100 + 0.8 * 1100
  CHECK(s.itl_ms.count == 2);             // gaps 50 and 4950 ms
  CHECK(s.itl_ms.mean == Approx(2500.0));

  LatencyAccumulator untimed;
  untimed.add(request(100, 200, 3), "", std::nullopt);
  const LatencySummary u = untimed.finish(Slo{});
  CHECK(u.requests_per_s == -1);
  CHECK(u.goodput_per_s == -1);
  CHECK(u.e2e_ms.count == 1);
}
