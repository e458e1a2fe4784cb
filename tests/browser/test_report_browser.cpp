// Headless Chromium loads the HTML report: every chart and table is in the DOM, the report's own
// script ran (so its Content-Security-Policy hash is right), a <script> and an onerror attribute
// injected into a model response did not run, and a screenshot is written for people to look at
// (report-browser.png and report-browser.html in the test's working directory: build/tests).
// A second report carries hostile markup in every text it shows (run, model, suite, problem,
// difficulty, extracted answer, reasoning, answer): nothing of it may run either.
// Skipped with a message where /usr/bin/chromium is absent (scripts/deps.sh installs it).
#include <catch2/catch.hpp>

#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "harness/store/store.hpp"
#include "reports/render.hpp"
#include "tests/support/test_env.hpp"
#include "tests/unit/test_report_fixture.hpp"

using namespace rb;

namespace {

constexpr const char* k_chromium = "/usr/bin/chromium";

std::vector<std::string> chromium(const test::TempDir& dir, std::vector<std::string> extra)
{
  std::vector<std::string> argv{"/usr/bin/timeout",
                                "120",
                                k_chromium,
                                "--headless",
                                "--no-sandbox",
                                "--disable-gpu",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--disable-sync",
                                "--no-first-run",
                                "--user-data-dir=" + dir.file("profile")};
  argv.insert(argv.end(), extra.begin(), extra.end());
  return argv;
}

std::size_t count(const std::string& text, const std::string& needle)
{
  std::size_t n = 0;
  for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) {
    ++n;
  }
  return n;
}

}  // namespace

TEST_CASE("the HTML report in headless Chromium: charts, tables, no injected script", "[browser]")
{
  if (!std::filesystem::exists(k_chromium)) {
    WARN("SKIPPED: chromium absent (apt-get install chromium, or scripts/deps.sh)");
    return;
  }
  test::TempDir dir;
  const std::string html_path = dir.file("report.html");
  {
    store::Store db(dir.file("r.db"));
    test::fill_showcase(db);
    const auto runs = reports::summarize(db, {});
    reports::write_report(runs, html_path);
  }
  const std::string url = "file://" + html_path;
  const auto dom = test::run_command(chromium(dir, {"--dump-dom", url}));
  REQUIRE(dom.exit_code == 0);
  const std::string& d = dom.out;
  INFO(d.substr(0, 2000));

  // The report's own script ran: JavaScript works and the CSP hash admits exactly it.
  CHECK(d.find("data-rb-script=\"ran\"") != std::string::npos);
  // The injected script and onerror handler did not run: no changed title, no marker attribute.
  CHECK(d.find("<title>reasonbench report: showcase</title>") != std::string::npos);
  CHECK(d.find("PWNED</title>") == std::string::npos);
  CHECK(d.find("data-pwned=") == std::string::npos);
  CHECK(count(d, "<script") == 1);
  CHECK(d.find("<img") == std::string::npos);
  // ... and the hostile text is on the page as text.
  CHECK(d.find("&lt;script&gt;document.title='PWNED'") != std::string::npos);
  CHECK(d.find("&lt;img src=x onerror=") != std::string::npos);  // text, not an element

  // Every table and every chart kind.
  for (const char* id :
       {"id=\"summary-table\"", "id=\"scaling-table\"", "id=\"samples-table\"", "id=\"sample-filters\""}) {
    INFO(id);
    CHECK(d.find(id) != std::string::npos);
  }
  for (const char* kind : {"cost-accuracy", "accuracy-tokens", "scaling-k", "scaling-tokens", "latency-cdf",
                           "suite-accuracy", "difficulty-accuracy", "reasoning-length"}) {
    INFO(kind);
    CHECK(d.find(std::string("data-chart=\"") + kind + "\"><svg") != std::string::npos);
  }
  CHECK(count(d, "<svg") >= 14);  // 2 suites x 7 per-suite charts + the suite chart
  CHECK(d.find("SIMULATED") != std::string::npos);
  CHECK(d.find("not measured") != std::string::npos);
  CHECK(d.find("est.") != std::string::npos);

  // The screenshot people look at, with the page beside it.
  const std::string png = (std::filesystem::current_path() / "report-browser.png").string();
  std::filesystem::remove(png);
  const auto shot = test::run_command(
      chromium(dir, {"--screenshot=" + png, "--window-size=1400,6000", "--hide-scrollbars", url}));
  CHECK(shot.exit_code == 0);
  REQUIRE(std::filesystem::exists(png));
  CHECK(std::filesystem::file_size(png) > 20000);
  CHECK(test::read_file(png).substr(1, 3) == "PNG");
  std::filesystem::copy_file(html_path, std::filesystem::current_path() / "report-browser.html",
                             std::filesystem::copy_options::overwrite_existing);
  std::cerr << "browser test: screenshot written to " << png << "\n";
}

TEST_CASE("the HTML report in headless Chromium: hostile text in every field runs nothing", "[browser]")
{
  if (!std::filesystem::exists(k_chromium)) {
    WARN("SKIPPED: chromium absent (apt-get install chromium, or scripts/deps.sh)");
    return;
  }
  test::TempDir dir;
  const std::string html_path = dir.file("hostile.html");
  {
    store::Store db(dir.file("h.db"));
    test::fill_hostile(db);
    reports::write_report(reports::summarize(db, {}), html_path);
  }
  const auto dom = test::run_command(chromium(dir, {"--dump-dom", "file://" + html_path}));
  REQUIRE(dom.exit_code == 0);
  const std::string& d = dom.out;
  INFO(d.substr(0, 2000));
  CHECK(d.find("data-rb-script=\"ran\"") != std::string::npos);  // ours ran: the DOM is the page's
  CHECK(d.find("data-pwned=") == std::string::npos);
  CHECK(count(d, "<script") == 1);
  CHECK(d.find("<iframe") == std::string::npos);
  CHECK(d.find("<img") == std::string::npos);
  CHECK(d.find("<svg onload") == std::string::npos);
  CHECK(d.find("<a href=\"javascript") == std::string::npos);  // as text, only '<' is escaped
  CHECK(d.find("id=\"samples-table\"") != std::string::npos);  // the page after the texts is whole
  CHECK(d.find("id=\"definitions\"") != std::string::npos);
  CHECK(d.find("&lt;script&gt;document.body.setAttribute") != std::string::npos);
}
