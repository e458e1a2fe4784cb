#include "harness/stats/latency.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>

#include "harness/core/chunk_times.hpp"
#include "harness/stats/accuracy.hpp"

namespace rb::stats {

namespace {
constexpr double k_ms_per_us = 1e-3;
constexpr double k_p50 = 0.50;
constexpr double k_p90 = 0.90;
constexpr double k_p99 = 0.99;
}  // namespace

double tpot_ms(double e2e_ms, double ttft_ms, std::int64_t output_tokens)
{
  if (ttft_ms < 0 || output_tokens < 2) {
    return -1;
  }
  return (e2e_ms - ttft_ms) / static_cast<double>(output_tokens - 1);
}

RequestLatency request_latency(const Timings& timings, const Usage& usage)
{
  RequestLatency r;
  r.ttft_ms = timings.ttft_ms;
  r.first_answer_ms = timings.first_answer_ms;
  r.e2e_ms = timings.e2e_ms;
  r.output_tokens = usage.completion_tokens;
  r.prompt_tokens = usage.prompt_tokens;
  r.tpot_ms = tpot_ms(r.e2e_ms, r.ttft_ms, r.output_tokens);
  return r;
}

std::vector<double> inter_chunk_gaps_ms(std::string_view chunk_times)
{
  const std::vector<std::uint64_t> times = decode_chunk_times(chunk_times);
  std::vector<double> gaps;
  for (std::size_t i = 1; i < times.size(); ++i) {
    gaps.push_back(static_cast<double>(times[i] - times[i - 1]) * k_ms_per_us);
  }
  return gaps;
}

bool meets_slo(const RequestLatency& request, const Slo& slo)
{
  if (slo.ttft_ms && (request.ttft_ms < 0 || request.ttft_ms > *slo.ttft_ms)) {
    return false;
  }
  if (slo.tpot_ms) {
    if (request.ttft_ms < 0) {
      return false;
    }
    if (request.tpot_ms >= 0 && request.tpot_ms > *slo.tpot_ms) {
      return false;
    }
  }
  return !(slo.e2e_ms && request.e2e_ms > *slo.e2e_ms);
}

Distribution distribution(std::vector<double>& values)
{
  Distribution d;
  if (values.empty()) {
    return d;
  }
  d.count = static_cast<std::int64_t>(values.size());
  d.mean = std::accumulate(values.begin(), values.end(), 0.0) / static_cast<double>(values.size());
  d.p50 = percentile(values, k_p50);  // sorts once; later calls find the values sorted
  d.p90 = percentile(values, k_p90);
  d.p99 = percentile(values, k_p99);
  return d;
}

Distribution distribution(const LogHistogram& histogram)
{
  Distribution d;
  d.count = histogram.count();
  if (d.count == 0) {
    return d;
  }
  d.mean = histogram.mean();
  d.p50 = histogram.quantile(k_p50);
  d.p90 = histogram.quantile(k_p90);
  d.p99 = histogram.quantile(k_p99);
  return d;
}

double busy_seconds(std::span<const RequestSpan> spans)
{
  std::map<std::int64_t, std::pair<double, double>> windows;  // first start, last end
  for (const RequestSpan& s : spans) {
    auto [it, fresh] = windows.try_emplace(s.window, s.start_s, s.end_s);
    if (!fresh) {
      it->second.first = std::min(it->second.first, s.start_s);
      it->second.second = std::max(it->second.second, s.end_s);
    }
  }
  double total = 0;
  for (const auto& [window, range] : windows) {
    total += std::max(0.0, range.second - range.first);
  }
  return total;
}

std::int64_t max_concurrency(std::span<const RequestSpan> spans)
{
  struct Edge {
    std::int64_t window;
    double at;
    int delta;  // -1 sorts before +1 at the same instant
    auto operator<=>(const Edge&) const = default;
  };
  std::vector<Edge> edges;
  edges.reserve(spans.size() * 2);
  for (const RequestSpan& s : spans) {
    edges.push_back({s.window, s.start_s, +1});
    edges.push_back({s.window, std::max(s.start_s, s.end_s), -1});
  }
  std::sort(edges.begin(), edges.end());
  std::int64_t now = 0;
  std::int64_t most = 0;
  for (const Edge& e : edges) {
    now += e.delta;
    most = std::max(most, now);
  }
  return most;
}

void LatencyAccumulator::add(const RequestLatency& request, std::string_view chunk_times,
                             std::optional<RequestSpan> span)
{
  if (span && std::isfinite(span->start_s) && std::isfinite(span->end_s)) {
    m_timed.push_back(m_requests.size());
    m_spans.push_back(*span);
  }
  m_requests.push_back(request);
  for (const double gap : inter_chunk_gaps_ms(chunk_times)) {
    m_itl.add(gap);
  }
}

LatencySummary LatencyAccumulator::finish(const Slo& slo)
{
  LatencySummary out;
  out.slo = slo;
  out.requests = static_cast<std::int64_t>(m_requests.size());
  std::vector<double> ttft;
  std::vector<double> first_answer;
  std::vector<double> tpot;
  std::vector<double> e2e;
  for (const RequestLatency& r : m_requests) {
    if (r.ttft_ms >= 0) {
      ttft.push_back(r.ttft_ms);
    }
    if (r.first_answer_ms >= 0) {
      first_answer.push_back(r.first_answer_ms);
    }
    if (r.tpot_ms >= 0) {
      tpot.push_back(r.tpot_ms);
    }
    e2e.push_back(r.e2e_ms);
    out.good += slo.any() && meets_slo(r, slo) ? 1 : 0;
  }
  out.ttft_ms = distribution(ttft);
  out.first_answer_ms = distribution(first_answer);
  out.tpot_ms = distribution(tpot);
  out.e2e_ms = distribution(e2e);
  out.itl_ms = distribution(m_itl);
  out.max_concurrency = max_concurrency(m_spans);
  out.duration_s = busy_seconds(m_spans);
  double output_tokens = 0;
  double total_tokens = 0;
  std::int64_t good_timed = 0;
  for (const std::size_t i : m_timed) {
    output_tokens += static_cast<double>(m_requests[i].output_tokens);
    total_tokens += static_cast<double>(m_requests[i].output_tokens + m_requests[i].prompt_tokens);
    good_timed += slo.any() && meets_slo(m_requests[i], slo) ? 1 : 0;
  }
  if (out.duration_s > 0) {
    out.requests_per_s = static_cast<double>(m_timed.size()) / out.duration_s;
    out.output_tokens_per_s = output_tokens / out.duration_s;
    out.total_tokens_per_s = total_tokens / out.duration_s;
    if (slo.any()) {
      out.goodput_per_s = static_cast<double>(good_timed) / out.duration_s;
    }
  }
  return out;
}

}  // namespace rb::stats
