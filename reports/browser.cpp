#include "reports/browser.hpp"

#include <algorithm>

namespace rb::reports {

void BrowserPicker::consider(std::size_t row, const store::SampleFacts& s)
{
  if (m_budget == 0) {
    return;
  }
  if (row >= m_rows.size()) {
    m_rows.resize(row + 1);
  }
  const bool correct = s.verdict && *s.verdict == VerdictKind::correct;
  auto& list = correct ? m_rows[row].correct : m_rows[row].not_correct;
  if (list.size() < m_budget) {  // a row never gets more than the whole budget
    list.push_back(s.sample_id);
  }
}

std::vector<std::int64_t> BrowserPicker::picks() const
{
  std::vector<std::int64_t> out;
  if (m_rows.empty() || m_budget == 0) {
    return out;
  }
  const std::size_t quota = std::max<std::size_t>(1, m_budget / m_rows.size());
  for (const auto& row : m_rows) {
    std::vector<std::int64_t> chosen;
    std::size_t a = 0;
    std::size_t b = 0;
    while (chosen.size() < quota && out.size() + chosen.size() < m_budget &&
           (a < row.not_correct.size() || b < row.correct.size())) {
      if (a < row.not_correct.size()) {
        chosen.push_back(row.not_correct[a++]);
      }
      if (chosen.size() < quota && b < row.correct.size()) {
        chosen.push_back(row.correct[b++]);
      }
    }
    std::sort(chosen.begin(), chosen.end());
    out.insert(out.end(), chosen.begin(), chosen.end());
  }
  return out;
}

std::vector<BrowserSample> fetch_browser_samples(store::Store& store, std::span<const std::int64_t> ids)
{
  std::vector<BrowserSample> out;
  out.reserve(ids.size());
  store.for_each_sample_by_id(ids, [&](const store::SampleRow& row) {
    BrowserSample b;
    b.sample_id = row.sample_id;
    b.key = row.key;
    b.problem_text = row.problem.text;
    b.gold = row.problem.answer;
    b.reasoning = row.sample.reasoning;
    b.answer = row.sample.text;
    b.finish_reason = row.sample.finish_reason;
    b.output_tokens = row.sample.usage.completion_tokens;
    b.e2e_ms = row.sample.timings.e2e_ms;
    if (row.verdict) {
      b.verdict = std::string(to_string(row.verdict->verdict.kind));
      b.extracted = row.verdict->verdict.extracted;
      b.detail = row.verdict->verdict.detail;
    } else {
      b.verdict = "ungraded";
    }
    if (!row.error.empty()) {
      b.detail = "generation failed: " + row.error;
    }
    out.push_back(std::move(b));
  });
  return out;
}

}  // namespace rb::reports
