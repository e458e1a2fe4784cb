#pragma once
// Latency and throughput with the definitions of vLLM's `bench serve` (docs/meters.md):
//   TTFT   time to the first streamed chunk carrying a token of any kind (reasoning or answer);
//          first_answer: to the first answer token after the reasoning;
//   ITL    every gap between consecutive text chunks of a request, pooled over requests;
//   E2E    request start to the last byte;
//   TPOT   (E2E - TTFT) / (output tokens - 1), for requests with at least 2 output tokens;
//   requests/s, output tokens/s, total tokens/s: completed requests and their tokens over the
//          benchmark duration (first request started to last completed, per run window, summed);
//   goodput: completed requests meeting every configured SLO, per second.
// Percentiles are stats::percentile's linear interpolation (numpy's default, as vLLM uses);
// ITL's come from a 1%-bin histogram (log_histogram.hpp).
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "harness/core/sample.hpp"
#include "harness/stats/log_histogram.hpp"

namespace rb::stats {

/// Service-level objectives in milliseconds; unset ones are not checked.
struct Slo {
  std::optional<double> ttft_ms;
  std::optional<double> tpot_ms;
  std::optional<double> e2e_ms;
  bool any() const { return ttft_ms || tpot_ms || e2e_ms; }
};

/// One request's figures. -1: unknown (not streamed) or undefined (TPOT with < 2 tokens).
struct RequestLatency {
  double ttft_ms = -1;
  double first_answer_ms = -1;
  double e2e_ms = 0;
  double tpot_ms = -1;
  std::int64_t output_tokens = 0;
  std::int64_t prompt_tokens = 0;
};

/// (e2e - ttft) / (output_tokens - 1); -1 when ttft is unknown (< 0) or output_tokens < 2.
double tpot_ms(double e2e_ms, double ttft_ms, std::int64_t output_tokens);
RequestLatency request_latency(const Timings& timings, const Usage& usage);

/// The gaps between consecutive chunk arrivals (Timings::chunk_times), in ms: one fewer than
/// the chunks. Empty for fewer than two chunks.
std::vector<double> inter_chunk_gaps_ms(std::string_view chunk_times);

/// True when the request meets every SLO set. A TTFT or TPOT SLO is not met by a request whose
/// TTFT is unknown (not streamed: it cannot be checked); a request with fewer than 2 output
/// tokens has no TPOT and meets a TPOT SLO (vLLM counts its TPOT as 0).
bool meets_slo(const RequestLatency& request, const Slo& slo);

/// Count, mean and percentiles of one figure; all 0 when count is 0.
struct Distribution {
  std::int64_t count = 0;
  double mean = 0;
  double p50 = 0;
  double p90 = 0;
  double p99 = 0;
};
/// `values` is sorted in place.
Distribution distribution(std::vector<double>& values);
Distribution distribution(const LogHistogram& histogram);

/// When a request ran within its run window: seconds after the window started.
struct RequestSpan {
  std::int64_t window = 0;
  double start_s = 0;
  double end_s = 0;
};

/// Per window, last end minus first start, summed over windows (the benchmark duration of vLLM,
/// with a resumed run's pauses left out). 0 when empty.
double busy_seconds(std::span<const RequestSpan> spans);
/// The largest number of requests in flight at once (an end at the same instant as a start
/// comes first). Windows are separate.
std::int64_t max_concurrency(std::span<const RequestSpan> spans);

struct LatencySummary {
  Distribution ttft_ms;
  Distribution first_answer_ms;
  Distribution tpot_ms;
  Distribution itl_ms;
  Distribution e2e_ms;
  std::int64_t requests = 0;       ///< completed requests counted (generated, not cached, not failed)
  double duration_s = 0;           ///< busy_seconds of the timed requests; 0 unknown
  double requests_per_s = -1;      ///< -1: unknown (no request with a place in a window)
  double output_tokens_per_s = -1;
  double total_tokens_per_s = -1;  ///< prompt + output
  std::int64_t max_concurrency = 0;
  Slo slo;
  std::int64_t good = 0;           ///< requests meeting every SLO (0 without SLOs)
  double goodput_per_s = -1;       ///< good requests with a place in a window / duration; -1: no SLO or no duration
};

/// Collects requests one at a time (a few dozen bytes each, ITL in a histogram).
class LatencyAccumulator {
 public:
  /// `span`: nothing when the request has no place in a run window (then it counts for the
  /// latency distributions but not for throughput).
  void add(const RequestLatency& request, std::string_view chunk_times, std::optional<RequestSpan> span);
  LatencySummary finish(const Slo& slo);

 private:
  std::vector<RequestLatency> m_requests;
  std::vector<RequestSpan> m_spans;
  std::vector<std::size_t> m_timed;  ///< index into m_requests of each span
  LogHistogram m_itl;
};

}  // namespace rb::stats
