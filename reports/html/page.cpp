// The HTML report page: header (runs, markings), summary table, charts, scaling table, the
// sample browser and the definitions, with the stylesheet and script inline under a strict
// Content-Security-Policy (no network, no other script).
#include <fmt/format.h>

#include <string>

#include "harness/util/sha256.hpp"
#include "reports/html/assets.hpp"
#include "reports/html/behaviour_table.hpp"
#include "reports/html/escape.hpp"
#include "reports/html/view.hpp"
#include "reports/render.hpp"

namespace rb::reports {

namespace html {

namespace {

/// The CSP source for `text`: 'sha256-BASE64'.
std::string csp_hash(std::string_view text)
{
  static constexpr char k_alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  const std::string hex = util::sha256_hex(text);
  std::string bytes;
  for (std::size_t i = 0; i + 1 < hex.size(); i += 2) {
    bytes += static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16));
  }
  std::string out;
  for (std::size_t i = 0; i < bytes.size(); i += 3) {
    std::uint32_t chunk = static_cast<unsigned char>(bytes[i]) << 16;
    chunk |= i + 1 < bytes.size() ? static_cast<unsigned char>(bytes[i + 1]) << 8 : 0;
    chunk |= i + 2 < bytes.size() ? static_cast<unsigned char>(bytes[i + 2]) : 0;
    out += k_alphabet[(chunk >> 18) & 63];
    out += k_alphabet[(chunk >> 12) & 63];
    out += i + 1 < bytes.size() ? k_alphabet[(chunk >> 6) & 63] : '=';
    out += i + 2 < bytes.size() ? k_alphabet[chunk & 63] : '=';
  }
  return "'sha256-" + out + "'";
}

std::string runs_header(const std::vector<RunSummary>& runs)
{
  std::string out =
      "<table class=\"runs\"><tr><th>run</th><th>status</th><th>reasonbench</th><th>started</th>"
      "<th>ended</th><th>samples</th></tr>";
  for (const auto& s : runs) {
    const auto& r = s.run;
    out += fmt::format("<tr><td>{}</td><td>{}</td><td>{} (git {})</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                       escape_html(r.name), escape_html(r.status), escape_html(r.harness_version),
                       escape_html(r.git_revision), escape_html(r.started_at),
                       escape_html(r.ended_at.empty() ? "-" : r.ended_at), s.stored_samples);
  }
  return out + "</table>";
}

std::string markings(const ReportView& view)
{
  std::string out;
  bool simulated = false;
  for (const auto& r : view.rows) {
    simulated = simulated || r.row->simulated;
  }
  if (simulated) {
    out +=
        "<div class=\"banner\"><strong>SIMULATED</strong>: models marked SIMULATED are served by "
        "<code>reasonbench serve-sim</code>. Their answers, tokens, latencies and prices are simulated, "
        "not measured on a real model.</div>";
  }
  out +=
      "<p class=\"legend-marks\"><span><span class=\"badge simulated\">SIMULATED</span> simulated by "
      "serve-sim</span>"
      "<span><span class=\"badge estimated\">est.</span> estimated (the server reported no usage)</span>"
      "<span><span class=\"not-measured\">not measured</span> no meter or price recorded it; never a "
      "made-up figure</span></p>";
  return out;
}

std::string definitions()
{
  return R"(<dl class="definitions">
<dt>accuracy (avg@n)</dt><dd>The mean over problems of each problem's share of correct samples: the unbiased pass@1. Errors, truncated answers and missing answers count as not correct; samples not graded yet are left out.</dd>
<dt>95% interval</dt><dd>Wilson's score interval when every problem has one sample; otherwise a problem-level (cluster) percentile bootstrap, 2,000 resamples with a fixed seed, since samples of one problem are not independent.</dd>
<dt>pass@k</dt><dd>The unbiased estimator 1 - C(n-c,k)/C(n,k) per problem (n samples, c correct), averaged over problems. k runs over 1, 2, 4, ... up to the fewest samples of any problem in the row, never beyond.</dd>
<dt>maj@k</dt><dd>Majority vote over a problem's samples split into disjoint blocks of k in sample order, averaged over blocks and problems. Votes are the verifier's canonical answers (1/2, 0.5 and \frac{1}{2} are one vote); samples without an answer do not vote; a tie scores the share of tied answers that are correct (fractional tie rule).</dd>
<dt>tokens</dt><dd>Output tokens include reasoning tokens; answer tokens are output minus reasoning tokens; means are per generated sample. Tokens per problem for k samples: k times the mean.</dd>
<dt>cost</dt><dd>USD at the model's configured prices, cached samples included; $/correct divides by correct samples.</dd>
<dt>energy</dt><dd>Joules from a meter (GPU, CPU); "not measured" until a meter stores energy with the samples.</dd>
<dt>latency, throughput</dt><dd>End-to-end time of each request's final attempt (p50, p99, CDF); output tokens per second over the row's wall-clock window from the first request's start to the last request's end, cached samples excluded.</dd>
<dt>difficulty</dt><dd>From each problem's metadata key "difficulty" (else "level").</dd>
</dl>)";
}

}  // namespace

}  // namespace html

std::string to_html(const std::vector<RunSummary>& runs)
{
  using namespace html;
  const ReportView view = make_view(runs);
  const std::string_view css = stylesheet();
  const std::string_view js = script();
  std::string names;
  for (const auto& r : runs) {
    names += (names.empty() ? "" : ", ") + r.run.name;
  }
  std::string out;
  out.reserve(1 << 20);
  out += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  out += fmt::format(
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src data:; "
      "style-src {}; script-src {}; base-uri 'none'; form-action 'none'\">\n",
      csp_hash(css), csp_hash(js));
  out += "<title>reasonbench report: " + escape_html(names) + "</title>\n";
  out += "<style>" + std::string(css) + "</style>\n</head>\n<body>\n";
  out += "<header><h1>reasonbench report</h1>" + runs_header(runs) + markings(view) + "</header>\n";
  const std::string behaviour = behaviour_section(view);
  out +=
      "<nav><ul><li><a href=\"#summary\">Summary</a></li><li><a href=\"#charts\">Charts</a></li>"
      "<li><a href=\"#scaling\">Test-time scaling</a></li>";
  if (!behaviour.empty()) {
    out += "<li><a href=\"#behaviour\">Reasoning behaviour</a></li>";
  }
  out += "<li><a href=\"#samples\">Samples</a></li><li><a href=\"#definitions\">Definitions</a></li></ul></nav>\n";
  out += "<section id=\"summary\"><h2>Summary</h2>" + summary_table(view) + "</section>\n";
  out += "<section id=\"charts\"><h2>Charts</h2>";
  out += "<h3>Cost and tokens against accuracy</h3><div class=\"charts\">" + cost_accuracy_charts(view) +
         accuracy_tokens_charts(view) + "</div>";
  out += "<h3>Test-time scaling</h3><div class=\"charts\">" + scaling_charts(view) + "</div>";
  out += "<h3>Accuracy by suite and difficulty</h3><div class=\"charts\">" + suite_bar_chart(view) +
         difficulty_charts(view) + "</div>";
  out += "<h3>Latency and reasoning length</h3><div class=\"charts\">" + latency_charts(view) +
         length_charts(view) + "</div></section>\n";
  out += "<section id=\"scaling\"><h2>Test-time scaling</h2>" + scaling_table(view) + selection_table(view) +
         "</section>\n";
  if (!behaviour.empty()) {
    out += "<section id=\"behaviour\"><h2>Reasoning behaviour</h2>" + behaviour + "</section>\n";
  }
  out += "<section id=\"samples\"><h2>Samples</h2>" + sample_browser(runs) + "</section>\n";
  out += "<section id=\"definitions\"><h2>Definitions</h2>" + definitions() + "</section>\n";
  out += "<footer>Built by reasonbench from the SQLite store alone; this file needs no network.</footer>\n";
  out += "<script>" + std::string(js) + "</script>\n</body>\n</html>\n";
  return out;
}

}  // namespace rb::reports
