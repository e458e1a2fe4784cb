// The HTML report as text: escaping, clipping, the Pareto frontier, the Content-Security-Policy,
// no network references, every chart and table, and the size bound with hostile, huge texts.
#include <catch2/catch.hpp>

#include <cctype>
#include <regex>
#include <string>
#include <vector>

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

/// The attribute names of every start tag in `html`, read as a browser tokenizer would (quoted
/// values skipped whole; the contents of <script> and <style> are not markup).
std::vector<std::string> attribute_names(const std::string& html)
{
  std::vector<std::string> names;
  std::size_t i = 0;
  const auto skip_space = [&] {
    while (i < html.size() && std::isspace(static_cast<unsigned char>(html[i])) != 0) {
      ++i;
    }
  };
  while ((i = html.find('<', i)) != std::string::npos) {
    ++i;
    if (i >= html.size() || std::isalpha(static_cast<unsigned char>(html[i])) == 0) {
      continue;
    }
    std::string tag;
    while (i < html.size() && std::isalnum(static_cast<unsigned char>(html[i])) != 0) {
      tag += static_cast<char>(std::tolower(static_cast<unsigned char>(html[i++])));
    }
    for (;;) {
      skip_space();
      if (i >= html.size() || html[i] == '>' || html[i] == '/') {
        break;
      }
      std::string name;
      while (i < html.size() && std::isspace(static_cast<unsigned char>(html[i])) == 0 && html[i] != '=' &&
             html[i] != '>') {
        name += static_cast<char>(std::tolower(static_cast<unsigned char>(html[i++])));
      }
      names.push_back(name);
      skip_space();
      if (i < html.size() && html[i] == '=') {
        ++i;
        skip_space();
        if (i < html.size() && (html[i] == '"' || html[i] == '\'')) {
          const char quote = html[i];
          i = html.find(quote, i + 1);
          i = i == std::string::npos ? html.size() : i + 1;
        } else {
          while (i < html.size() && std::isspace(static_cast<unsigned char>(html[i])) == 0 && html[i] != '>') {
            ++i;
          }
        }
      }
    }
    if (tag == "script" || tag == "style") {
      const auto end = html.find("</" + tag, i);
      i = end == std::string::npos ? html.size() : end;
    }
  }
  return names;
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

TEST_CASE("hostile text in every field a report shows stays text", "[reports][html]")
{
  test::TempDir dir;
  store::Store db(dir.file("r.db"));
  test::fill_hostile(db);
  const auto runs = reports::summarize(db, {});
  REQUIRE(runs.size() == 1);
  REQUIRE(runs[0].rows.size() == 2);
  REQUIRE(!runs[0].rows[1].by_difficulty.empty());
  const auto html = reports::to_html(runs);
  CHECK(count(html, "<script") == 1);  // ours, at the end
  CHECK(count(html, "<style") == 1);
  for (const char* tag : {"<img", "<iframe", "<svg onload", "<a href=\"javascript", "<!--", "</textarea",
                          "</option><script"}) {
    INFO(tag);
    CHECK(html.find(tag) == std::string::npos);
  }
  const auto names = attribute_names(html);
  CHECK(names.size() > 1000);
  for (const auto& name : names) {
    INFO(name);
    CHECK(name.rfind("on", 0) != 0);  // no event handler attribute on any element
  }
  // The texts are all there, as text: the run name, the model, the suite, problem ids, difficulty.
  const std::string escaped = escape_html(test::k_hostile_text);
  CHECK(count(html, escaped) >= 20);
  CHECK(html.find("<title>reasonbench report: run " + escaped + "</title>") != std::string::npos);
}
