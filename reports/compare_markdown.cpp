// The Markdown block `reasonbench compare` prints for a CI log or a pull-request comment.
#include <fmt/format.h>

#include "reports/compare.hpp"
#include "reports/format.hpp"

namespace rb::reports {

namespace {

std::string points(double fraction)
{
  return fmt::format("{:+.1f}", 100.0 * fraction);
}

std::string p_text(double p)
{
  return p < 0.0001 ? std::string("<0.0001") : fmt::format("{:.4f}", p);
}

std::string cell(std::string text)
{
  std::string out;
  for (const char c : text) {
    out += c == '|' ? std::string("\\|") : (c == '\n' ? std::string(" ") : std::string(1, c));
  }
  return out;
}

std::string flip_list(const std::vector<FlippedProblem>& flips, bool single)
{
  std::string out;
  for (std::size_t i = 0; i < flips.size() && i < k_flips_listed; ++i) {
    out += (i == 0 ? "" : ", ") + fmt::format("`{}`", cell(flips[i].problem_id));
    if (!single) {
      out += fmt::format(" ({:.0f}%→{:.0f}%)", 100 * flips[i].base, 100 * flips[i].candidate);
    }
  }
  if (flips.size() > k_flips_listed) {
    out += fmt::format(" and {} more", flips.size() - k_flips_listed);
  }
  return out.empty() ? "none" : out;
}

}  // namespace

std::string compare_markdown(const Comparison& c)
{
  std::string out = fmt::format("### reasonbench compare: `{}` → `{}`\n\n", c.base_run, c.candidate_run);
  out += fmt::format(
      "Gate: a suite fails when its accuracy drops by more than {:.1f} points **and** the drop is "
      "significant at α = {} (two-sided p < α), on the problems both runs answered.\n\n",
      100.0 * c.options.max_drop, c.options.alpha);
  out +=
      "| suite | models | problems | base | candidate | Δ points | 95% CI of Δ | test | p | worse / better | "
      "result |\n|---|---|--:|--:|--:|--:|---|---|--:|--:|---|\n";
  bool simulated = false;
  for (const auto& s : c.suites) {
    simulated = simulated || s.simulated;
    const std::string models =
        s.base_model == s.candidate_model ? s.base_model : s.base_model + " → " + s.candidate_model;
    if (s.shared == 0) {
      out += fmt::format("| {} | {} | 0 | - | - | - | - | - | - | - | no shared problems |\n", cell(s.suite),
                         cell(models));
      continue;
    }
    const char* result = s.regression ? "**regression**"
                         : s.candidate_accuracy < s.base_accuracy
                             ? "drop within the gate"
                             : (s.candidate_accuracy > s.base_accuracy ? "improved" : "unchanged");
    out += fmt::format("| {} | {} | {} | {} | {} | {} | {} to {} | {} | {} | {} / {} | {} |\n", cell(s.suite),
                       cell(models), s.shared, percent(s.base_accuracy), percent(s.candidate_accuracy),
                       points(s.paired.difference), points(s.paired.ci95.low), points(s.paired.ci95.high),
                       s.single_sample ? "McNemar exact" : "paired bootstrap", p_text(s.p_value),
                       s.worse.size(), s.better.size(), result);
  }
  std::size_t failing = 0;
  for (const auto& s : c.suites) {
    failing += s.regression ? 1 : 0;
  }
  out += failing > 0 ? fmt::format("\n**Result: regression** in {} of {} suite(s) (exit 1).\n", failing,
                                   c.suites.size())
                     : std::string("\n**Result: no significant regression** (exit 0).\n");
  out +=
      "\nAccuracy is avg@n over the shared problems. The interval of Δ is a paired problem-level bootstrap "
      "(10,000 resamples, seeded); one sample per problem in both runs: McNemar's exact test on the problems "
      "that flipped, else the paired bootstrap's p-value. Several suites are tested without a multiplicity "
      "correction.\n";
  for (const auto& s : c.suites) {
    // A cache shared across runs hands a new checkpoint at the same endpoint the old one's
    // answers (docs/runs.md): the gate would then compare a run with itself.
    if (s.candidate_cached > 0) {
      out += fmt::format(
          "\n> **Warning**: suite '{}': {} candidate sample(s) came from the response cache, i.e. from an "
          "earlier run at the same endpoint; if that endpoint now serves a new checkpoint, they are the old "
          "checkpoint's answers. Run the candidate without `--cache`.\n",
          cell(s.suite), s.candidate_cached);
    }
  }
  if (simulated) {
    out += "\n> Models marked SIMULATED are served by `reasonbench serve-sim`: simulated, not measured.\n";
  }
  for (const auto& s : c.suites) {
    if (s.worse.empty() && s.better.empty()) {
      continue;
    }
    out += fmt::format("\n<details><summary>Flipped problems in {}: {} worse, {} better</summary>\n\n",
                       cell(s.suite), s.worse.size(), s.better.size());
    out += "- worse (right in the base run, wrong in the candidate): " + flip_list(s.worse, s.single_sample) +
           "\n";
    out += "- better: " + flip_list(s.better, s.single_sample) + "\n\n</details>\n";
  }
  std::vector<std::string> notes = c.unmatched;
  for (const auto& s : c.suites) {
    if (s.base_only + s.candidate_only > 0) {
      notes.push_back(
          fmt::format("suite '{}': {} problem(s) answered by the base run only and {} by the candidate "
                      "only, not compared",
                      s.suite, s.base_only, s.candidate_only));
    }
    if (s.content_changed > 0) {
      notes.push_back(fmt::format("suite '{}': {} problem(s) changed content between the runs, not compared",
                                  s.suite, s.content_changed));
    }
  }
  if (!notes.empty()) {
    out += "\nNot compared:\n";
    for (const auto& n : notes) {
      out += "- " + n + "\n";
    }
  }
  return out;
}

}  // namespace rb::reports
