#include <catch2/catch.hpp>

#include <zlib.h>

#include <cstdlib>

#include "harness/core/error.hpp"
#include "suites/loaders/dataset_json.hpp"
#include "tests/support/test_env.hpp"

using namespace rb;

namespace {
void write_gzip(const std::string& path, const std::string& content)
{
  gzFile f = gzopen(path.c_str(), "wb");
  REQUIRE(f != nullptr);
  REQUIRE(gzwrite(f, content.data(), static_cast<unsigned>(content.size())) == static_cast<int>(content.size()));
  gzclose(f);
}

std::string error_of(const std::function<void()>& fn)
{
  try {
    fn();
  } catch (const ConfigError& e) {
    return e.what();
  }
  return "no error";
}
}  // namespace

TEST_CASE("JSON Lines files are read plain and gzipped, with line numbers", "[suites][data]")
{
  test::TempDir dir;
  const std::string text = "{\"id\": 1, \"answer\": 27.0}\n\n{\"id\": \"b\", \"answer\": \"x\"}\n";
  test::write_file(dir.file("d.jsonl"), text);
  write_gzip(dir.file("d.jsonl.gz"), text);
  for (const auto& path : {dir.file("d.jsonl"), dir.file("d.jsonl.gz")}) {
    std::vector<std::string> seen;
    suites::for_each_json_line("s", path, [&](const suites::JsonLine& line) {
      const suites::Record r("s", path, line);
      seen.push_back(std::to_string(line.line) + ":" + r.text("id") + ":" + r.text("answer"));
    });
    CHECK(seen == std::vector<std::string>{"1:1:27.0", "3:b:x"});
  }
}

TEST_CASE("dataset errors name the suite, file, line and field", "[suites][data]")
{
  test::TempDir dir;
  test::write_file(dir.file("bad.jsonl"), "{\"id\": 1}\n{oops\n");
  CHECK_THAT(error_of([&] { suites::for_each_json_line("s", dir.file("bad.jsonl"), [](const suites::JsonLine&) {}); }),
             Catch::StartsWith("suite 's': bad.jsonl:2: not valid JSON"));
  test::write_file(dir.file("arr.jsonl"), "[1, 2]\n");
  CHECK(error_of([&] { suites::for_each_json_line("s", dir.file("arr.jsonl"), [](const suites::JsonLine&) {}); }) ==
        "suite 's': arr.jsonl:1: expected a JSON object, got array");
  test::write_file(dir.file("f.jsonl"), "{\"id\": [1]}\n");
  CHECK(error_of([&] {
          suites::for_each_json_line("s", dir.file("f.jsonl"), [&](const suites::JsonLine& line) {
            const suites::Record r("s", dir.file("f.jsonl"), line);
            (void)r.text("answer");
          });
        }) == "suite 's': f.jsonl:1: field 'answer' missing");
  CHECK_THAT(error_of([&] { (void)suites::read_dataset_text("s", dir.file("none.jsonl")); }),
             Catch::Contains("none.jsonl") && Catch::Contains("no such file"));
  // zlib reads a plain file named .gz as it is; a damaged gzip stream is an error.
  test::write_file(dir.file("plain.gz"), "not gzip at all");
  CHECK(suites::read_dataset_text("s", dir.file("plain.gz")) == "not gzip at all");
  write_gzip(dir.file("cut.gz"), std::string(100000, 'x') + "tail");
  const std::string whole = test::read_file(dir.file("cut.gz"));
  test::write_file(dir.file("cut.gz"), whole.substr(0, whole.size() / 2));
  CHECK_THAT(error_of([&] { (void)suites::read_dataset_text("s", dir.file("cut.gz")); }),
             Catch::Contains("cut.gz") && Catch::Contains("gzip"));
}

TEST_CASE("dataset paths come from the explicit path or REASONBENCH_DATA", "[suites][data]")
{
  CHECK(suites::dataset_path("s", "/x/y.jsonl", "math500/test.jsonl") == "/x/y.jsonl");
  ::setenv("REASONBENCH_DATA", "/data", 1);
  CHECK(suites::dataset_path("s", "", "math500/test.jsonl") == "/data/math500/test.jsonl");
  ::unsetenv("REASONBENCH_DATA");
  CHECK_THAT(error_of([] { (void)suites::dataset_path("math500", "", "math500/test.jsonl"); }),
             Catch::Contains("REASONBENCH_DATA") && Catch::Contains("math500/test.jsonl"));
}

TEST_CASE("CSV lines split with quotes", "[suites][data]")
{
  CHECK(suites::split_csv_line("a,\"b,c\",\"d\"\"e\",\r") == std::vector<std::string>{"a", "b,c", "d\"e", ""});
  CHECK(suites::split_csv_line("") == std::vector<std::string>{""});
}
