#include <catch2/catch.hpp>

#include <cstdio>

#include "harness/runner/progress.hpp"
#include "tests/support/test_env.hpp"

using namespace rb::runner;

TEST_CASE("progress line shows done/total, rate, ETA, accuracy, errors, retries, tokens and cost", "[progress]")
{
  ProgressSnapshot s;
  s.total = 480;
  s.done = 312;
  s.done_at_start = 100;
  s.graded = 300;
  s.correct = 213;
  s.errors = 2;
  s.retries = 5;
  s.in_flight = 64;
  s.output_tokens = 1'234'567;
  s.cost_usd = 0.84;
  s.elapsed = std::chrono::seconds(10);  // 212 fresh items in 10 s: 21.2/s, 168 left: 8 s
  CHECK(ConsoleProgress::format(s) ==
        "312/480 (65%) | 21.2/s | ETA 0:08 | acc 71.0% | errors 2 | retries 5 | in flight 64 | 1.2M tok | $0.8400 spent");
}

TEST_CASE("progress line before anything is graded and when done", "[progress]")
{
  ProgressSnapshot s;
  s.total = 10;
  CHECK(ConsoleProgress::format(s) ==
        "0/10 (0%) | 0.0/s | ETA ? | acc - | errors 0 | retries 0 | in flight 0 | 0 tok | $0.0000 spent");
  s.done = 10;
  s.graded = 10;
  s.correct = 10;
  s.elapsed = std::chrono::hours(2);
  CHECK(ConsoleProgress::format(s) ==
        "10/10 (100%) | 0.0/s | ETA 0:00 | acc 100.0% | errors 0 | retries 0 | in flight 0 | 0 tok | $0.0000 spent");
}

TEST_CASE("progress to a file logs plain lines, throttled", "[progress]")
{
  rb::test::TempDir dir;
  const std::string path = dir.file("log.txt");
  std::FILE* f = std::fopen(path.c_str(), "w");
  REQUIRE(f != nullptr);
  {
    ConsoleProgress progress(f, std::chrono::seconds(3600));
    ProgressSnapshot s;
    s.total = 5;
    for (int i = 0; i < 5; ++i) {
      s.done = i;
      progress.update(s);  // only the first is written: the next is due in an hour
    }
    s.done = 5;
    progress.finish(s);
  }
  std::fclose(f);
  const auto lines = rb::test::lines_of(rb::test::read_file(path));
  REQUIRE(lines.size() == 2);
  CHECK(lines[0].starts_with("reasonbench: progress 0/5 (0%)"));
  CHECK(lines[1].starts_with("reasonbench: progress 5/5 (100%)"));
  CHECK(lines[0].find('\x1b') == std::string::npos);
}
