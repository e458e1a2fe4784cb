// Loading a run configuration: every field parsed, every error class with its exact message
// shape (file, line, full key, suggestion). validate(), JSON and the fingerprint are tested in
// test_config_validate.cpp.
#include <catch2/catch.hpp>

#include "harness/config/config.hpp"
#include "harness/core/error.hpp"
#include "tests/support/test_env.hpp"

using namespace rb;
using namespace rb::config;

namespace {

/// The ConfigError message loading `text` gives, or "(no error)".
std::string load_error(std::string_view text)
{
  try {
    load_string(text, "cfg.toml");
  } catch (const ConfigError& e) {
    return e.what();
  }
  return "(no error)";
}

std::string file_error(const std::string& path)
{
  try {
    load_file(path);
  } catch (const ConfigError& e) {
    return e.what();
  }
  return "(no error)";
}

// Line numbers matter: line 1 is "[run]".
constexpr std::string_view k_full = R"([run]
name = "quickstart"
db = "quickstart/results.db"
samples = 4
limit = 10
concurrency = 32
seed = -7
cache = false
report = "quickstart/report.md"

[[suite]]
name = "gen:arith?n=40&seed=7"
data = "data/arith.jsonl"
prompt = "cot"
limit = 3

[[suite]]
name = "gen:puzzle"

[[model]]
spec = "sim:r1-like"
label = "R1-like"
base_url = "http://127.0.0.1:8000/v1"
api_key_env = "SIM_API_KEY"
temperature = 0.6
top_p = 0.95
max_tokens = 32768
stream = false
concurrency = 16
max_retries = 3
request_timeout_s = 900.5
connect_timeout_s = 5
idle_timeout_s = 60
[model.prices]
input_per_mtok = 0.55
cached_input_per_mtok = 0.14
output_per_mtok = 2.19

[[model]]
spec = "sim:distill-7b"
)";

}  // namespace

TEST_CASE("a full valid file parses into every field", "[config]")
{
  const RunConfig c = load_string(k_full, "cfg.toml");
  CHECK(c.source == "cfg.toml");
  CHECK(c.name == "quickstart");
  CHECK(c.db == "quickstart/results.db");
  CHECK(c.samples == 4);
  CHECK(c.limit == 10);
  CHECK(c.concurrency == 32);
  CHECK(c.seed == -7);
  CHECK_FALSE(c.cache);
  CHECK(c.report == "quickstart/report.md");

  REQUIRE(c.suites.size() == 2);
  CHECK(c.suites[0].name == "gen:arith?n=40&seed=7");
  CHECK(c.suites[0].data == "data/arith.jsonl");
  CHECK(c.suites[0].prompt == "cot");
  CHECK(c.suites[0].limit == 3);
  CHECK(c.suites[1].name == "gen:puzzle");
  CHECK(c.suites[1].data.empty());
  CHECK(c.suites[1].limit == 0);

  REQUIRE(c.models.size() == 2);
  const ModelConfig& m = c.models[0];
  CHECK(m.spec == "sim:r1-like");
  CHECK(m.label == "R1-like");
  CHECK(m.base_url == "http://127.0.0.1:8000/v1");
  CHECK(m.api_key_env == "SIM_API_KEY");
  CHECK(m.params.temperature == 0.6);
  CHECK(m.params.top_p == 0.95);
  CHECK(m.params.max_tokens == 32768);
  CHECK_FALSE(m.params.seed.has_value());
  CHECK_FALSE(m.stream);
  CHECK(m.concurrency == 16);
  CHECK(m.max_retries == 3);
  CHECK(m.request_timeout_s == 900.5);
  CHECK(m.connect_timeout_s == 5.0);
  CHECK(m.idle_timeout_s == 60.0);
  CHECK(m.prices.input_per_mtok == 0.55);
  CHECK(m.prices.cached_input_per_mtok == 0.14);
  CHECK(m.prices.output_per_mtok == 2.19);

  const ModelConfig& d = c.models[1];  // defaults everywhere but the spec
  CHECK(d.spec == "sim:distill-7b");
  CHECK(d.label.empty());  // validate() fills it
  CHECK_FALSE(d.params.temperature.has_value());
  CHECK_FALSE(d.params.top_p.has_value());
  CHECK_FALSE(d.params.max_tokens.has_value());
  CHECK(d.stream);
  CHECK(d.concurrency == 0);
  CHECK(d.max_retries == k_default_max_retries);
  CHECK(d.request_timeout_s == k_default_request_timeout_s);
  CHECK(d.prices.cached_input_per_mtok < 0);  // unset: same as input

  CHECK(c.origin.at("run.samples") == "cfg.toml:4");
  CHECK(c.origin.at("run.report") == "cfg.toml:9");
  CHECK(c.origin.at("suite[0].limit") == "cfg.toml:15");
  CHECK(c.origin.at("suite[1].name") == "cfg.toml:18");
  CHECK(c.origin.at("model[0].temperature") == "cfg.toml:25");
  CHECK(c.origin.at("model[0].prices.output_per_mtok") == "cfg.toml:37");
  CHECK(c.origin.at("model[1].spec") == "cfg.toml:40");
  CHECK(c.origin.size() == 8 + 4 + 1 + 13 + 3 + 1);  // one entry per value in the file
  CHECK(c.origin.count("model[1].label") == 0);
}

TEST_CASE("integers are accepted for numbers, floats are refused for integers", "[config]")
{
  const RunConfig c = load_string(R"([[model]]
spec = "x"
temperature = 1
top_p = 1
request_timeout_s = 30
prices = { input_per_mtok = 2, output_per_mtok = 0 }
)",
                                  "cfg.toml");
  REQUIRE(c.models.size() == 1);
  CHECK(c.models[0].params.temperature == 1.0);
  CHECK(c.models[0].params.top_p == 1.0);
  CHECK(c.models[0].request_timeout_s == 30.0);
  CHECK(c.models[0].prices.input_per_mtok == 2.0);
  CHECK(c.origin.at("model[0].prices.input_per_mtok") == "cfg.toml:6");

  CHECK(load_error("[run]\nsamples = 4.0\n") ==
        "cfg.toml:2: [run] samples: expected an integer, got a floating-point number (4.0)");
  CHECK(load_error("[[model]]\nspec = \"x\"\nmax_tokens = 1e3\n") ==
        "cfg.toml:3: [[model]] #1 max_tokens: expected an integer, got a floating-point number (1000.0)");
}

TEST_CASE("wrong types name the file, line, key and the value found", "[config]")
{
  CHECK(load_error("[run]\nname = \"q\"\n\nsamples = \"four\"\n") ==
        "cfg.toml:4: [run] samples: expected an integer, got a string (\"four\")");
  CHECK(load_error("[run]\ncache = \"yes\"\n") ==
        "cfg.toml:2: [run] cache: expected a boolean, got a string (\"yes\")");
  CHECK(load_error("[run]\nname = 5\n") == "cfg.toml:2: [run] name: expected a string, got an integer (5)");
  CHECK(load_error("[[suite]]\nname = \"a\"\n[[suite]]\nname = [\"b\"]\n") ==
        "cfg.toml:4: [[suite]] #2 name: expected a string, got an array");
  CHECK(load_error("[[model]]\nspec = \"a\"\ntemperature = true\n") ==
        "cfg.toml:3: [[model]] #1 temperature: expected a number, got a boolean (true)");
  CHECK(load_error("[[model]]\nspec = \"a\"\nprices = 3\n") ==
        "cfg.toml:3: [[model]] #1 prices: expected a table ([model.prices] or prices = {...}), got an "
        "integer (3)");
  // Strings are quoted with escapes, so the message stays one line.
  CHECK(load_error("[run]\nseed = \"1\\n2\"\n") ==
        "cfg.toml:2: [run] seed: expected an integer, got a string (\"1\\n2\")");
}

TEST_CASE("unknown keys name the table and suggest near misses", "[config]")
{
  CHECK(load_error("[run]\nname = \"q\"\nsamplse = 4\n") ==
        "cfg.toml:3: unknown key 'samplse' in [run], did you mean 'samples'?");
  CHECK(load_error("[run]\nzzz = 4\n") == "cfg.toml:2: unknown key 'zzz' in [run]");
  CHECK(load_error("[[suite]]\nname = \"a\"\nprompts = \"cot\"\n") ==
        "cfg.toml:3: unknown key 'prompts' in [[suite]] #1, did you mean 'prompt'?");
  CHECK(load_error("[[model]]\nspec = \"a\"\n[[model]]\nspec = \"b\"\ntemprature = 1\n") ==
        "cfg.toml:5: unknown key 'temprature' in [[model]] #2, did you mean 'temperature'?");
  CHECK(load_error("[[model]]\nspec = \"a\"\nmax_token = 4\n") ==
        "cfg.toml:3: unknown key 'max_token' in [[model]] #1, did you mean 'max_tokens'?");
  CHECK(load_error("[[model]]\nspec = \"a\"\nprice = {}\n") ==
        "cfg.toml:3: unknown key 'price' in [[model]] #1, did you mean 'prices'?");
  CHECK(load_error("[[model]]\nspec = \"a\"\n[model.prices]\ninptu_per_mtok = 1\n") ==
        "cfg.toml:4: unknown key 'prices.inptu_per_mtok' in [[model]] #1, did you mean "
        "'prices.input_per_mtok'?");
  // The first error in the file is the one reported, whatever the key order.
  CHECK(load_error("[run]\nzz_first = 1\naa_second = 2\n") == "cfg.toml:2: unknown key 'zz_first' in [run]");
}

TEST_CASE("unknown or misshapen top-level tables are named with a suggestion", "[config]")
{
  CHECK(load_error("[runs]\nsamples = 4\n") == "cfg.toml:1: unknown table [runs], did you mean 'run'?");
  CHECK(load_error("[run]\nsamples = 1\n[[models]]\nspec = \"x\"\n") ==
        "cfg.toml:3: unknown table [[models]], did you mean 'model'?");
  CHECK(load_error("[[suites]]\nname = \"x\"\n") ==
        "cfg.toml:1: unknown table [[suites]], did you mean 'suite'?");
  CHECK(load_error("samples = 4\n") ==
        "cfg.toml:1: unknown key 'samples' at top level; keys belong in [run], [[suite]] or [[model]]");
  CHECK(load_error("[suite]\nname = \"x\"\n") ==
        "cfg.toml:1: 'suite' must be an array of tables, written [[suite]], got [suite]");
  CHECK(load_error("[[run]]\nname = \"x\"\n") ==
        "cfg.toml:1: 'run' must be one table, written [run], got [[run]]");
  CHECK(load_error("run = 5\n") == "cfg.toml:1: 'run' must be one table, written [run], got an integer (5)");
  CHECK(load_error("suite = [1]\n") == "cfg.toml:1: [[suite]] #1 must be a table, got an integer (1)");
}

TEST_CASE("missing required keys name the table and its number", "[config]")
{
  CHECK(load_error("[[model]]\nspec = \"a\"\n\n\n\n\n\n\n[[model]]\nlabel = \"b\"\n") ==
        "cfg.toml:9: [[model]] #2: key 'spec' missing");
  CHECK(load_error("[[suite]]\ndata = \"x.jsonl\"\n") == "cfg.toml:1: [[suite]] #1: key 'name' missing");
  CHECK(load_error("[[suite]]\nname = \"\"\n") == "cfg.toml:2: [[suite]] #1 name: must not be empty");
}

TEST_CASE("out-of-range values name the bound and the value", "[config]")
{
  CHECK(load_error("[run]\nsamples = 0\n") == "cfg.toml:2: [run] samples: must be at least 1 (got 0)");
  CHECK(load_error("[run]\nsamples = 100001\n") ==
        "cfg.toml:2: [run] samples: must be at most 100000 (got 100001)");
  CHECK(load_error("[run]\nlimit = -1\n") == "cfg.toml:2: [run] limit: must be at least 0 (got -1)");
  CHECK(load_error("[run]\nconcurrency = 0\n") ==
        "cfg.toml:2: [run] concurrency: must be at least 1 (got 0)");
  CHECK(load_error("[run]\nconcurrency = 4097\n") ==
        "cfg.toml:2: [run] concurrency: must be at most 4096 (got 4097)");
  CHECK(load_error("[run]\ndb = \"\"\n") == "cfg.toml:2: [run] db: must not be empty");
  CHECK(load_error("[[suite]]\nname = \"a\"\nlimit = -3\n") ==
        "cfg.toml:3: [[suite]] #1 limit: must be at least 0 (got -3)");
  const auto model = [](std::string_view line) {
    return load_error("[[model]]\nspec = \"a\"\n" + std::string(line));
  };
  CHECK(model("temperature = 2.5") == "cfg.toml:3: [[model]] #1 temperature: must be at most 2 (got 2.5)");
  CHECK(model("temperature = -1") == "cfg.toml:3: [[model]] #1 temperature: must be at least 0 (got -1.0)");
  CHECK(model("temperature = nan") ==
        "cfg.toml:3: [[model]] #1 temperature: must be a finite number (got nan)");
  CHECK(model("top_p = 0") == "cfg.toml:3: [[model]] #1 top_p: must be greater than 0 (got 0.0)");
  CHECK(model("top_p = 1.5") == "cfg.toml:3: [[model]] #1 top_p: must be at most 1 (got 1.5)");
  CHECK(model("max_tokens = 0") == "cfg.toml:3: [[model]] #1 max_tokens: must be at least 1 (got 0)");
  CHECK(model("concurrency = -1") == "cfg.toml:3: [[model]] #1 concurrency: must be at least 0 (got -1)");
  CHECK(model("max_retries = 101") == "cfg.toml:3: [[model]] #1 max_retries: must be at most 100 (got 101)");
  CHECK(model("request_timeout_s = 0") ==
        "cfg.toml:3: [[model]] #1 request_timeout_s: must be greater than 0 (got 0.0)");
  CHECK(model("idle_timeout_s = inf") ==
        "cfg.toml:3: [[model]] #1 idle_timeout_s: must be a finite number (got inf)");
  CHECK(model("prices = { output_per_mtok = -0.5 }") ==
        "cfg.toml:3: [[model]] #1 prices.output_per_mtok: must be at least 0 (got -0.5)");
  CHECK(model("temperature = 0\ntop_p = 1\nconcurrency = 0\nmax_retries = 0") ==
        "(no error)");  // bounds included
}

TEST_CASE("an API key written in the file is refused without echoing it", "[config]")
{
  const std::string secret = "sk-proj-SECRET123456";
  const auto refused = [&](const std::string& text) {
    const std::string message = load_error(text);
    INFO(message);
    CHECK(message.find("SECRET123456") == std::string::npos);
    CHECK(message.find('\n') == std::string::npos);
    return message;
  };
  CHECK(refused("[[model]]\nspec = \"a\"\napi_key = \"" + secret + "\"\n") ==
        "cfg.toml:3: [[model]] #1 api_key: API keys are never read from config files (they would reach logs, "
        "reports and the store); export the key in an environment variable and name it with "
        "api_key_env = \"OPENAI_API_KEY\"");
  for (const std::string name : {"apikey", "API_KEY", "openai_api_key", "token", "secret", "password"}) {
    const std::string message = refused("[[model]]\nspec = \"a\"\n" + name + " = \"" + secret + "\"\n");
    CHECK(message.starts_with("cfg.toml:3: [[model]] #1 " + name + ": API keys are never read"));
  }
  CHECK(refused("[run]\napi_key = \"" + secret + "\"\n").starts_with("cfg.toml:2: [run] api_key: API keys"));
  CHECK(refused("api_key = \"" + secret + "\"\n").starts_with("cfg.toml:1: api_key: API keys"));
  // The key pasted where the variable's name belongs.
  CHECK(refused("[[model]]\nspec = \"a\"\napi_key_env = \"" + secret + "\"\n") ==
        "cfg.toml:3: [[model]] #1 api_key_env: must be the NAME of an environment variable (letters, digits, "
        "'_'), not the key itself (value not shown)");
  // Unquoted, it is a syntax error; toml++'s description does not quote it either.
  CHECK(refused("[[model]]\nspec = \"a\"\napi_key = " + secret + "\n").starts_with("cfg.toml:3:"));
  // A legitimate name is accepted.
  CHECK(load_string("[[model]]\nspec = \"a\"\napi_key_env = \"OPENAI_API_KEY\"\n", "cfg.toml")
            .models[0]
            .api_key_env == "OPENAI_API_KEY");
}

TEST_CASE("TOML syntax errors give the line and column", "[config]")
{
  const std::string message = load_error("[run]\nsamples = 4\nseed = [1,\n");
  CHECK(message.starts_with("cfg.toml:3:"));
  CHECK(message.find(": TOML syntax: ") != std::string::npos);
  CHECK(message.find('\n') == std::string::npos);
  CHECK(load_error("[run]\nsamples = 4\nsamples = 5\n").starts_with("cfg.toml:3:"));  // duplicate key
  CHECK(load_error("[run\n").starts_with("cfg.toml:1:"));
  const std::string unterminated = load_error("[run]\nname = \"abc\n");
  CHECK(unterminated.starts_with("cfg.toml:2:"));
  CHECK(unterminated.find("TOML syntax") != std::string::npos);
}

TEST_CASE("a file is read and named in messages and origins, an unreadable one in one line", "[config]")
{
  test::TempDir dir;
  const std::string path = dir.file("cfg.toml");
  test::write_file(path, "[run]\nsamples = 3\n[[suite]]\nname = \"gen:arith\"\n");
  const RunConfig c = load_file(path);
  CHECK(c.source == path);
  CHECK(c.samples == 3);
  CHECK(c.origin.at("run.samples") == path + ":2");
  CHECK(c.origin.at("suite[0].name") == path + ":4");

  test::write_file(path, "[run]\nsamples = \"x\"\n");
  CHECK(file_error(path) == path + ":2: [run] samples: expected an integer, got a string (\"x\")");

  CHECK(file_error(dir.file("x.toml")) ==
        "cannot read config '" + dir.file("x.toml") + "': No such file or directory");
  CHECK(file_error(dir.path().string()) ==
        "cannot read config '" + dir.path().string() + "': Is a directory");
  test::write_file(path, "");
  CHECK(load_file(path).suites.empty());  // an empty file is a valid, empty configuration
}
