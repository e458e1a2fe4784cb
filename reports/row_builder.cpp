// RowBuilder: collecting a row's samples, and the figures that are counts, means and percentiles.
#include "reports/row_builder.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace rb::reports {

namespace {

/// Days from 1970-01-01 to the civil date y-m-d (Howard Hinnant's days_from_civil).
std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d)
{
  y -= m <= 2 ? 1 : 0;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

bool read_number(std::string_view text, std::size_t at, std::size_t digits, int& out)
{
  if (at + digits > text.size()) {
    return false;
  }
  const auto* first = text.data() + at;
  const auto [end, ec] = std::from_chars(first, first + digits, out);
  return ec == std::errc() && end == first + digits;
}

}  // namespace

double sorted_quantile(const std::vector<double>& sorted, double q)
{
  if (sorted.empty()) {
    return 0;
  }
  // The interpolation of stats::percentile, without sorting again for every quantile.
  const double pos = std::clamp(q, 0.0, 1.0) * static_cast<double>(sorted.size() - 1);
  const auto lo = static_cast<std::size_t>(std::floor(pos));
  const auto hi = static_cast<std::size_t>(std::ceil(pos));
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - static_cast<double>(lo));
}

std::optional<double> parse_iso8601_ms(std::string_view text)
{
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
  if (text.size() < 20 || text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' ||
      text[16] != ':' || text.back() != 'Z' || !read_number(text, 0, 4, year) ||
      !read_number(text, 5, 2, month) || !read_number(text, 8, 2, day) || !read_number(text, 11, 2, hour) ||
      !read_number(text, 14, 2, minute) || !read_number(text, 17, 2, second) || month < 1 || month > 12 ||
      day < 1 || day > 31) {
    return std::nullopt;
  }
  double fraction_ms = 0;
  if (text.size() > 20) {
    if (text[19] != '.') {
      return std::nullopt;
    }
    double scale = 100;
    for (std::size_t i = 20; i + 1 < text.size(); ++i) {
      if (text[i] < '0' || text[i] > '9') {
        return std::nullopt;
      }
      fraction_ms += scale * (text[i] - '0');
      scale /= 10;
    }
  }
  const std::int64_t days = days_from_civil(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
  return static_cast<double>(((days * 24 + hour) * 60 + minute) * 60 + second) * 1000.0 + fraction_ms;
}

RowBuilder::RowBuilder(std::string_view model, std::string_view suite)
{
  m_row.model = std::string(model);
  m_row.suite = std::string(suite);
  m_row.simulated = model.find("SIMULATED") != std::string_view::npos;
}

void RowBuilder::add(const store::SampleFacts& s, std::optional<float> score)
{
  SummaryRow& r = m_row;
  ++r.samples;
  const std::string problem_id(s.problem_id);
  auto [it, inserted] =
      m_problem_index.try_emplace(problem_id, static_cast<std::uint32_t>(m_problem_refs.size()));
  if (inserted) {
    m_problem_refs.push_back(s.problem_ref);
  }
  CompactSample c;
  c.problem = it->second;
  c.sample_index = s.sample_index;
  // A sample counts toward accuracy once it has a verdict (failed generations: an error one);
  // a sample still waiting for its verdict after a crash is not counted as wrong.
  if (s.failed) {
    ++r.errors;
    c.state = k_failed;
    m_samples.push_back(c);
    return;
  }
  ++m_generated;
  m_output_tokens += static_cast<double>(s.usage.completion_tokens);
  m_reasoning_tokens += static_cast<double>(s.usage.reasoning_tokens);
  m_any_reasoning = m_any_reasoning || s.usage.reasoning_tokens > 0;
  r.cost_usd += s.cost_usd;
  r.from_cache += s.from_cache ? 1 : 0;
  r.tokens_estimated += s.usage.reported ? 0 : 1;
  m_e2e_ms.push_back(s.timings.e2e_ms);
  if (s.timings.ttft_ms >= 0) {
    m_ttft_ms.push_back(s.timings.ttft_ms);
  }
  if (!s.from_cache && s.timings.e2e_ms > 0) {
    if (const auto start = parse_iso8601_ms(s.started_at)) {
      const double end = *start + s.timings.e2e_ms;
      m_window_start_ms = m_window_open ? std::min(m_window_start_ms, *start) : *start;
      m_window_end_ms = m_window_open ? std::max(m_window_end_ms, end) : end;
      m_window_tokens += static_cast<double>(s.usage.completion_tokens);
      m_window_open = true;
    }
  }
  if (!s.verdict) {
    ++r.ungraded;
    return;
  }
  c.state = static_cast<std::uint8_t>(*s.verdict);
  c.output_tokens = static_cast<float>(s.usage.completion_tokens);
  c.reasoning_tokens = static_cast<float>(s.usage.reasoning_tokens);
  if (score) {
    c.score = *score;
    ++m_scored;
  }
  if (!s.vote.empty()) {
    const auto [vote, added] =
        m_votes.try_emplace(std::string(s.vote), static_cast<std::int32_t>(m_votes.size()));
    c.vote = vote->second;
  }
  m_samples.push_back(c);
  switch (*s.verdict) {
    case VerdictKind::correct:
      ++r.correct;
      break;
    case VerdictKind::incorrect:
      ++r.incorrect;
      break;
    case VerdictKind::no_answer:
      ++r.no_answer;
      break;
    case VerdictKind::truncated:
      ++r.truncated;
      break;
    case VerdictKind::timeout:
      ++r.timeout;
      break;
    case VerdictKind::error:
      ++r.errors;
      break;
  }
}

SummaryRow RowBuilder::finish(const std::vector<std::string>& difficulty)
{
  SummaryRow r = std::move(m_row);
  finish_counts(r);
  finish_scaling(r);
  finish_lengths(r);
  finish_difficulty(r, difficulty);
  return r;
}

void RowBuilder::finish_counts(SummaryRow& r)
{
  std::vector<stats::ProblemTally> tallies(m_problem_refs.size());
  for (const auto& c : m_samples) {
    auto& t = tallies[c.problem];
    ++t.samples;
    t.correct += c.state == static_cast<std::uint8_t>(VerdictKind::correct) ? 1 : 0;
  }
  r.problems = static_cast<std::int64_t>(tallies.size());
  r.accuracy = stats::accuracy(tallies);
  if (m_generated > 0) {
    const auto generated = static_cast<double>(m_generated);
    r.mean_output_tokens = m_output_tokens / generated;
    r.mean_reasoning_tokens = m_reasoning_tokens / generated;
    r.mean_answer_tokens = (m_output_tokens - m_reasoning_tokens) / generated;
    r.mean_cost_per_sample_usd = r.cost_usd / generated;
  }
  const std::int64_t graded = r.correct + r.incorrect + r.no_answer + r.truncated + r.timeout + r.errors;
  if (graded > 0) {
    r.truncation_rate = static_cast<double>(r.truncated) / static_cast<double>(graded);
    r.no_answer_rate = static_cast<double>(r.no_answer) / static_cast<double>(graded);
  }
  r.cost_per_correct_usd = r.correct > 0 ? r.cost_usd / static_cast<double>(r.correct) : 0.0;
  std::sort(m_e2e_ms.begin(), m_e2e_ms.end());
  r.e2e_p50_ms = sorted_quantile(m_e2e_ms, 0.5);
  r.e2e_p99_ms = sorted_quantile(m_e2e_ms, 0.99);
  r.ttft_p50_ms = m_ttft_ms.empty() ? -1 : stats::percentile(m_ttft_ms, 0.5);
  if (!m_e2e_ms.empty()) {
    r.latency_cdf_ms.reserve(k_latency_cdf_points);
    for (int i = 0; i < k_latency_cdf_points; ++i) {
      r.latency_cdf_ms.push_back(
          sorted_quantile(m_e2e_ms, i / static_cast<double>(k_latency_cdf_points - 1)));
    }
  }
  const double window_s = (m_window_end_ms - m_window_start_ms) / 1000.0;
  r.throughput_tokens_per_s = m_window_open && window_s > 0 ? m_window_tokens / window_s : -1;
}

}  // namespace rb::reports
