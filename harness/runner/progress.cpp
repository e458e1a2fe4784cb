#include "harness/runner/progress.hpp"

#include <unistd.h>

#include <cmath>

#include <fmt/format.h>

namespace rb::runner {

namespace {

std::string human_count(std::int64_t n)
{
  if (n >= 1'000'000) {
    return fmt::format("{:.1f}M", static_cast<double>(n) / 1e6);
  }
  if (n >= 10'000) {
    return fmt::format("{:.0f}k", static_cast<double>(n) / 1e3);
  }
  return std::to_string(n);
}

std::string human_duration(double seconds)
{
  if (!std::isfinite(seconds) || seconds < 0) {
    return "?";
  }
  const auto s = static_cast<long long>(seconds + 0.5);
  if (s >= 3600) {
    return fmt::format("{}h{:02}m", s / 3600, (s % 3600) / 60);
  }
  return fmt::format("{}:{:02}", s / 60, s % 60);
}

}  // namespace

ConsoleProgress::ConsoleProgress(std::FILE* out, std::chrono::seconds log_every)
    : m_out(out), m_terminal(::isatty(::fileno(out)) != 0)
{
  m_interval = m_terminal ? std::chrono::duration_cast<std::chrono::steady_clock::duration>(std::chrono::milliseconds(200))
                          : std::chrono::duration_cast<std::chrono::steady_clock::duration>(log_every);
}

std::string ConsoleProgress::format(const ProgressSnapshot& s)
{
  const double seconds = std::chrono::duration<double>(s.elapsed).count();
  const auto fresh = s.done - s.done_at_start;
  const double rate = seconds > 0 ? static_cast<double>(fresh) / seconds : 0.0;
  const double eta = rate > 0 ? static_cast<double>(s.total - s.done) / rate : NAN;
  const double percent = s.total > 0 ? 100.0 * static_cast<double>(s.done) / static_cast<double>(s.total) : 100.0;
  std::string accuracy = s.graded > 0
                             ? fmt::format("{:.1f}%", 100.0 * static_cast<double>(s.correct) / static_cast<double>(s.graded))
                             : std::string("-");
  return fmt::format("{}/{} ({:.0f}%) | {:.1f}/s | ETA {} | acc {} | errors {} | retries {} | in flight {} | "
                     "{} tok | ${:.4f} spent",
                     s.done, s.total, percent, rate, s.done >= s.total ? "0:00" : human_duration(eta), accuracy,
                     s.errors, s.retries, s.in_flight, human_count(s.output_tokens), s.cost_usd);
}

void ConsoleProgress::update(const ProgressSnapshot& snapshot)
{
  const auto now = std::chrono::steady_clock::now();
  if (m_drew && now - m_last < m_interval) {
    return;
  }
  m_last = now;
  m_drew = true;
  if (m_terminal) {
    std::fprintf(m_out, "\r\x1b[K%s", format(snapshot).c_str());
  } else {
    std::fprintf(m_out, "reasonbench: progress %s\n", format(snapshot).c_str());
  }
  std::fflush(m_out);
}

void ConsoleProgress::finish(const ProgressSnapshot& snapshot)
{
  if (m_terminal) {
    std::fprintf(m_out, "\r\x1b[K%s\n", format(snapshot).c_str());
  } else {
    std::fprintf(m_out, "reasonbench: progress %s\n", format(snapshot).c_str());
  }
  std::fflush(m_out);
}

}  // namespace rb::runner
