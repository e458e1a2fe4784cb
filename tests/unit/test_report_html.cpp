// The HTML report as text: escaping, clipping, the Pareto frontier, the Content-Security-Policy,
// no network references, every chart and table, and the size bound with hostile, huge texts.
#include <catch2/catch.hpp>

#include <regex>

#include "harness/store/store.hpp"
#include "reports/html/escape.hpp"
#include "reports/html/view.hpp"
#include "reports/render.hpp"
#include "tests/support/test_env.hpp"
#include "tests/unit/test_report_fixture.hpp"

using namespace rb;
using namespace rb::reports::html;

namespace {

std::size_t count(const std::string& text, const std::string& needle)
{
  std::size_t n = 0;
  for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) {
    ++n;
  }
  return n;
}

}  // namespace

TEST_CASE("escape_html neutralises markup in text and attributes", "[reports][html]")
{
  CHECK(escape_html("<script>alert(\"x\")</script>") == "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
  CHECK(escape_html("a & b ' c") == "a &amp; b &#39; c");
  CHECK(escape_html(std::string("nul\0byte", 8)) ==
        "nul\xEF\xBF\xBD"
        "byte");
  CHECK(escape_html("日本語 🙂") == "日本語 🙂");
}

TEST_CASE("clip_text keeps head and tail and never splits a character", "[reports][html]")
{
  CHECK(clip_text("short", 100) == "short");
  const std::string text = std::string(100, 'a') + "é" + std::string(100, 'b');  // é is 2 bytes
  const std::string clipped = clip_text(text, 101);
  CHECK(clipped.find("bytes omitted") != std::string::npos);
  CHECK(clipped.substr(0, 50) == std::string(50, 'a'));
  CHECK(clipped.find("\xC3\n") == std::string::npos);  // no half character before the marker
  // However much of the text needs escaping, the escaped result stays near the cap.
  const std::string hostile(100000, '<');
  CHECK(escape_clipped(hostile, 4000).size() <= 4100);
  CHECK(escape_clipped("<b>", 4000) == "&lt;b&gt;");
}

TEST_CASE("the Pareto frontier keeps the points nothing beats on cost and accuracy", "[reports][html]")
{
  // (cost, accuracy): 0 cheap and poor, 1 dominated by 2, 2, 3 best and dearest, 4 unpriced.
  const std::vector<std::pair<double, double>> points{
      {0.001, 0.3}, {0.01, 0.4}, {0.005, 0.6}, {0.1, 0.9}, {0, 0.95}};
  CHECK(pareto_frontier(points) == std::vector<std::size_t>{0, 2, 3});
  // Equal cost: the more accurate one only; equal accuracy at a higher cost is not on it.
  CHECK(pareto_frontier({{0.01, 0.5}, {0.01, 0.7}, {0.02, 0.7}}) == std::vector<std::size_t>{1});
  CHECK(pareto_frontier({}).empty());
}

TEST_CASE("the HTML page is self-contained, escaped and complete", "[reports][html]")
{
  test::TempDir dir;
  store::Store db(dir.file("r.db"));
  test::fill_showcase(db);
  const auto html = reports::to_html(reports::summarize(db, {}));

  // One script (ours) under a CSP that admits exactly it, and nothing fetched from anywhere.
  CHECK(count(html, "<script") == 1);
  CHECK(html.find("<img") == std::string::npos);
  CHECK(html.find("&lt;script&gt;document.title=&#39;PWNED&#39;") != std::string::npos);
  CHECK(html.find("default-src 'none'") != std::string::npos);
  CHECK(html.find("script-src 'sha256-") != std::string::npos);
  const std::regex url("(src|href)\\s*=\\s*[\"']?(https?:|//)");
  CHECK_FALSE(std::regex_search(html, url));
  CHECK(count(html, "http://") == count(html, "http://www.w3.org/2000/svg"));  // SVG namespaces only
  CHECK(html.find("https://") == std::string::npos);
  CHECK(html.find("@import") == std::string::npos);

  for (const char* kind : {"cost-accuracy", "accuracy-tokens", "scaling-k", "scaling-tokens", "latency-cdf",
                           "suite-accuracy", "difficulty-accuracy", "reasoning-length"}) {
    INFO(kind);
    CHECK(html.find(std::string("data-chart=\"") + kind + "\"><svg") != std::string::npos);
  }
  for (const char* id : {"summary-table", "scaling-table", "samples-table", "sample-filters"}) {
    CHECK(html.find(std::string("id=\"") + id + "\"") != std::string::npos);
  }
  // Markings: simulated, estimated, not measured; axis labels with units; legends.
  CHECK(html.find("class=\"badge simulated\"") != std::string::npos);
  CHECK(html.find("class=\"badge estimated\"") != std::string::npos);
  CHECK(html.find("<td class=\"not-measured\">not measured</td>") != std::string::npos);
  CHECK(html.find("($, log scale)") != std::string::npos);
  CHECK(html.find("(ms, log scale)") != std::string::npos);
  CHECK(count(html, "class=\"legend\"") >= 14);
  CHECK(html.find("(tokens est.)") != std::string::npos);
}

TEST_CASE("without prices, latency or difficulty the charts say not measured", "[reports][html]")
{
  test::TempDir dir;
  store::Store db(dir.file("r.db"));
  std::vector<test::FixtureSample> samples;
  for (int p = 0; p < 4; ++p) {
    test::FixtureSample f;
    f.model = "m";
    f.suite = "s";
    f.problem = "p" + std::to_string(p);
    f.verdict = p % 2 == 0 ? "correct" : "incorrect";
    f.cost_usd = 0;
    f.e2e_ms = 0;
    samples.push_back(f);
  }
  test::add_run(db, "r", samples);
  const auto html = reports::to_html(reports::summarize(db, {}));
  CHECK(html.find("data-chart=\"cost-accuracy\"><div class=\"chart-title\">") != std::string::npos);
  CHECK(html.find("Cost not measured") != std::string::npos);
  CHECK(html.find("Latency not measured") != std::string::npos);
  CHECK(html.find("No problem carries difficulty metadata") != std::string::npos);
  CHECK(html.find("not priced") != std::string::npos);
}

TEST_CASE("the page stays small with huge hostile texts", "[reports][html]")
{
  test::TempDir dir;
  store::Store db(dir.file("r.db"));
  std::vector<test::FixtureSample> samples;
  const std::string huge(20000, '<');  // escaping makes each character 4 bytes
  for (int p = 0; p < 1100; ++p) {
    test::FixtureSample f;
    f.model = "m";
    f.suite = "s";
    f.problem = "p" + std::to_string(p);
    f.verdict = "incorrect";
    f.vote = huge.substr(0, 5000);
    f.answer = huge;
    f.reasoning = huge;
    samples.push_back(f);
  }
  test::add_run(db, "r", samples);
  const auto runs = reports::summarize(db, {});
  REQUIRE(runs[0].browser.size() == reports::k_default_browser_samples);
  const auto html = reports::to_html(runs);
  CHECK(html.size() < 20u * 1000 * 1000);
  CHECK(html.size() < reports::k_default_browser_samples * 16000);  // ~16 KB a sample at most
  CHECK(count(html, "bytes omitted") >= 2000);
}
