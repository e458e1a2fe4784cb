// validate() with flag and file origins, to_json/from_json, plan_fingerprint, and the key
// reference in docs/config.md.
#include <catch2/catch.hpp>

#include "harness/config/config.hpp"
#include "harness/config/schema.hpp"
#include "harness/core/error.hpp"
#include "tests/support/test_env.hpp"

using namespace rb;
using namespace rb::config;

namespace {

std::string validate_error(RunConfig config)
{
  try {
    validate(config);
  } catch (const ConfigError& e) {
    return e.what();
  }
  return "(no error)";
}

/// A configuration that passes validate(): one suite, two models.
RunConfig minimal()
{
  RunConfig c;
  c.suites.push_back({.name = "gen:arith"});
  c.models.push_back({.spec = "sim:r1-like"});
  c.models.push_back({.spec = "sim:o1-like"});
  return c;
}

/// Every field set away from its default.
RunConfig everything()
{
  RunConfig c;
  c.name = "nightly";
  c.db = "out/r.db";
  c.samples = 16;
  c.limit = 30;
  c.concurrency = 64;
  c.seed = -123456789012345;
  c.cache = false;
  c.report = "out/report.md";
  c.suites.push_back({.name = "gen:arith?n=5", .data = "d.jsonl", .prompt = "cot", .limit = 2});
  c.suites.push_back({.name = "math"});
  ModelConfig m;
  m.spec = "openai-compatible:http://localhost:8000/v1#qwq";
  m.label = "QwQ";
  m.base_url = "http://localhost:9000/v1";
  m.api_key_env = "VLLM_KEY";
  m.params.temperature = 0.6;
  m.params.top_p = 0.95;
  m.params.max_tokens = 32768;
  m.stream = false;
  m.concurrency = 5;
  m.max_retries = 0;
  m.request_timeout_s = 12.25;
  m.connect_timeout_s = 0.5;
  m.idle_timeout_s = 7;
  m.prices = {.input_per_mtok = 0.55, .cached_input_per_mtok = 0.14, .output_per_mtok = 2.19};
  c.models.push_back(m);
  c.models.push_back({.spec = "sim:r1-like"});
  return c;
}

void check_same(const RunConfig& a, const RunConfig& b)
{
  CHECK(a.name == b.name);
  CHECK(a.db == b.db);
  CHECK(a.samples == b.samples);
  CHECK(a.limit == b.limit);
  CHECK(a.concurrency == b.concurrency);
  CHECK(a.seed == b.seed);
  CHECK(a.cache == b.cache);
  CHECK(a.report == b.report);
  REQUIRE(a.suites.size() == b.suites.size());
  for (std::size_t i = 0; i < a.suites.size(); ++i) {
    CHECK(a.suites[i].name == b.suites[i].name);
    CHECK(a.suites[i].data == b.suites[i].data);
    CHECK(a.suites[i].prompt == b.suites[i].prompt);
    CHECK(a.suites[i].limit == b.suites[i].limit);
  }
  REQUIRE(a.models.size() == b.models.size());
  for (std::size_t i = 0; i < a.models.size(); ++i) {
    const auto& x = a.models[i];
    const auto& y = b.models[i];
    CHECK(x.spec == y.spec);
    CHECK(x.label == y.label);
    CHECK(x.base_url == y.base_url);
    CHECK(x.api_key_env == y.api_key_env);
    CHECK(x.params == y.params);
    CHECK(x.stream == y.stream);
    CHECK(x.concurrency == y.concurrency);
    CHECK(x.max_retries == y.max_retries);
    CHECK(x.request_timeout_s == y.request_timeout_s);
    CHECK(x.connect_timeout_s == y.connect_timeout_s);
    CHECK(x.idle_timeout_s == y.idle_timeout_s);
    CHECK(x.prices.input_per_mtok == y.prices.input_per_mtok);
    CHECK(x.prices.cached_input_per_mtok == y.prices.cached_input_per_mtok);
    CHECK(x.prices.output_per_mtok == y.prices.output_per_mtok);
  }
}

}  // namespace

TEST_CASE("validate names the flag or the file line of the offending value", "[config]")
{
  RunConfig c = minimal();
  c.samples = 0;
  CHECK(validate_error(c) == "[run] samples: must be at least 1 (got 0)");  // a default: no origin
  c.origin["run.samples"] = "cfg.toml:4";
  CHECK(validate_error(c) == "cfg.toml:4: [run] samples: must be at least 1 (got 0)");
  c.origin["run.samples"] = "--samples";
  CHECK(validate_error(c) == "--samples: must be at least 1 (got 0)");

  c = minimal();
  c.concurrency = 5000;
  c.origin["run.concurrency"] = "--concurrency";
  CHECK(validate_error(c) == "--concurrency: must be at most 4096 (got 5000)");
  c = minimal();
  c.limit = -1;
  c.origin["run.limit"] = "--limit";
  CHECK(validate_error(c) == "--limit: must be at least 0 (got -1)");
  c = minimal();
  c.models[1].params.temperature = 3;
  c.origin["model[1].temperature"] = "cfg.toml:17";
  CHECK(validate_error(c) == "cfg.toml:17: [[model]] #2 temperature: must be at most 2 (got 3.0)");
  c = minimal();
  c.suites[0].name = "";
  c.origin["suite"] = "--suite";
  CHECK(validate_error(c) == "--suite #1: name must not be empty");
}

TEST_CASE("validate requires a suite and a model", "[config]")
{
  RunConfig c = minimal();
  c.suites.clear();
  CHECK(validate_error(c) == "no suite: pass --suite NAME or add a [[suite]] table");
  c = minimal();
  c.models.clear();
  CHECK(validate_error(c) == "no model: pass --model SPEC or add a [[model]] table");
}

TEST_CASE("validate fills labels from specs and requires them unique", "[config]")
{
  RunConfig c = minimal();
  c.models[0].label = "R1";
  validate(c);
  CHECK(c.models[0].label == "R1");
  CHECK(c.models[1].label == "sim:o1-like");

  c = load_string(
      "[[suite]]\nname = \"s\"\n[[model]]\nspec = \"a\"\nlabel = \"X\"\n[[model]]\nspec = \"b\"\nlabel = "
      "\"X\"\n",
      "cfg.toml");
  CHECK(validate_error(c) ==
        "cfg.toml:8: [[model]] #2 label: 'X' is also the label of model #1; labels must be unique: set label "
        "= \"...\"");

  c = load_string("[[suite]]\nname = \"s\"\n[[model]]\nspec = \"a\"\n[[model]]\nspec = \"a\"\n", "cfg.toml");
  CHECK(validate_error(c) ==
        "cfg.toml:6: [[model]] #2 label: 'a' is also the label of model #1 (no label set, so the spec is "
        "used); "
        "labels must be unique: set label = \"...\"");

  // --model replaced the file's list: the flag is named, not the stale file lines.
  c.origin["model"] = "--model";
  CHECK(validate_error(c).starts_with("--model #2: label 'a' is also the label of model #1"));
}

TEST_CASE("validate lists a suite once per prompt variant", "[config]")
{
  RunConfig c = load_string(
      "[[suite]]\nname = \"s\"\nprompt = \"cot\"\n[[suite]]\nname = \"s\"\nprompt = \"direct\"\n"
      "[[model]]\nspec = \"a\"\n",
      "cfg.toml");
  validate(c);  // one suite, two prompts: distinct keys
  CHECK(suite_key(c.suites[0]) == "s [cot]");
  CHECK(suite_key(c.suites[1]) == "s [direct]");
  c = load_string("[[suite]]\nname = \"s\"\n[[suite]]\nname = \"s\"\n[[model]]\nspec = \"a\"\n", "cfg.toml");
  CHECK(validate_error(c) ==
        "cfg.toml:4: [[suite]] #2 name: 's' is also suite #1 with the same prompt; list a suite once per "
        "prompt variant");
  c.origin["suite"] = "--suite";
  CHECK(validate_error(c).starts_with("--suite #2: name 's' is also suite #1"));
}

TEST_CASE("a loaded example passes validate unchanged except for labels", "[config]")
{
  RunConfig c = load_string(R"([run]
samples = 2
[[suite]]
name = "gen:arith?n=40&seed=7"
[[model]]
spec = "sim:r1-like"
label = "R1-like"
[[model]]
spec = "sim:distill-7b"
)",
                            "cfg.toml");
  validate(c);
  CHECK(c.models[1].label == "sim:distill-7b");
}

TEST_CASE("to_json and from_json round-trip every field", "[config]")
{
  const RunConfig original = everything();
  const std::string json = to_json(original);
  const RunConfig back = from_json(json);
  check_same(original, back);
  CHECK(to_json(back) == json);  // deterministic
  CHECK(json.find("\"VLLM_KEY\"") != std::string::npos);
  CHECK(json.starts_with(R"({"run":{"name":"nightly","db":"out/r.db","samples":16,)"));

  // Unset optional values stay unset; defaults survive.
  const RunConfig plain = minimal();
  const RunConfig plain_back = from_json(to_json(plain));
  check_same(plain, plain_back);
  CHECK_FALSE(plain_back.models[0].params.temperature.has_value());
  CHECK(plain_back.models[0].prices.cached_input_per_mtok < 0);
  CHECK(to_json(plain).find("temperature") == std::string::npos);

  // A file's configuration survives too.
  const RunConfig loaded =
      load_string("[[suite]]\nname = \"s\"\n[[model]]\nspec = \"a\"\ntemperature = 1\n", "f");
  check_same(loaded, from_json(to_json(loaded)));
}

TEST_CASE("from_json refuses malformed or mistyped input with one line", "[config]")
{
  const auto error = [](std::string_view json) {
    try {
      from_json(json);
    } catch (const ConfigError& e) {
      return std::string(e.what());
    }
    return std::string("(no error)");
  };
  CHECK(error("{").starts_with("stored run configuration: invalid JSON: "));
  CHECK(error("[]") == "stored run configuration: (top): expected an object");
  CHECK(error(R"({"run":{"samples":"4"}})") == "stored run configuration: run.samples: expected an integer");
  CHECK(error(R"({"run":{"samples":0}})") ==
        "stored run configuration: run.samples: must be at least 1 (got 0)");
  CHECK(error(R"({"model":{}})") == "stored run configuration: model: expected an array");
  CHECK(error(R"({"model":[{"spec":"a","prices":{"input_per_mtok":"x"}}]})") ==
        "stored run configuration: model[0].prices.input_per_mtok: expected a number");
  CHECK(error(R"({"run":{"seed":18446744073709551615}})") ==
        "stored run configuration: run.seed: expected an integer");
  CHECK(error(R"({"run":{"future_key":1},"extra":[]})") == "(no error)");  // newer versions' keys are ignored
}

TEST_CASE("the plan fingerprint ignores how a run is executed, not what it asks", "[config]")
{
  const RunConfig base = everything();
  const std::string fingerprint = plan_fingerprint(base);
  CHECK(fingerprint.size() == 64);
  CHECK(plan_fingerprint(from_json(to_json(base))) == fingerprint);

  const auto same = [&](auto&& change) {
    RunConfig c = base;
    change(c);
    return plan_fingerprint(c) == fingerprint;
  };
  CHECK(same([](RunConfig& c) { c.concurrency = 1; }));
  CHECK(same([](RunConfig& c) { c.models[0].concurrency = 99; }));
  CHECK(same([](RunConfig& c) { c.models[0].max_retries = 50; }));
  CHECK(same([](RunConfig& c) { c.models[0].request_timeout_s = 1; }));
  CHECK(same([](RunConfig& c) { c.models[0].connect_timeout_s = 1; }));
  CHECK(same([](RunConfig& c) { c.models[0].idle_timeout_s = 1; }));
  CHECK(same([](RunConfig& c) { c.models[0].prices.output_per_mtok = 60; }));
  CHECK(same([](RunConfig& c) { c.models[0].api_key_env = "OTHER"; }));
  CHECK(same([](RunConfig& c) { c.db = "other.db"; }));
  CHECK(same([](RunConfig& c) { c.name = "other"; }));
  CHECK(same([](RunConfig& c) { c.report = "x.csv"; }));
  CHECK(same([](RunConfig& c) { c.cache = true; }));
  CHECK(same([](RunConfig& c) { c.origin["run.samples"] = "--samples"; }));

  CHECK_FALSE(same([](RunConfig& c) { c.seed = 2; }));
  CHECK_FALSE(same([](RunConfig& c) { c.samples = 17; }));
  CHECK_FALSE(same([](RunConfig& c) { c.limit = 31; }));
  CHECK_FALSE(same([](RunConfig& c) { c.suites[0].limit = 3; }));
  CHECK_FALSE(same([](RunConfig& c) { c.suites[0].data = "e.jsonl"; }));
  CHECK_FALSE(same([](RunConfig& c) { c.suites[1].prompt = "direct"; }));
  CHECK_FALSE(same([](RunConfig& c) { c.suites.pop_back(); }));
  CHECK_FALSE(same([](RunConfig& c) { c.models[0].spec = "sim:r1-like-2"; }));
  CHECK_FALSE(same([](RunConfig& c) { c.models[0].label = "QwQ-32B"; }));
  CHECK_FALSE(same([](RunConfig& c) { c.models[0].base_url = "http://x/v1"; }));
  CHECK_FALSE(same([](RunConfig& c) { c.models[0].params.temperature = 0.7; }));
  CHECK_FALSE(same([](RunConfig& c) { c.models[0].params.top_p.reset(); }));
  CHECK_FALSE(same([](RunConfig& c) { c.models[0].params.max_tokens = 1024; }));
  CHECK_FALSE(same([](RunConfig& c) { c.models[0].stream = true; }));
  CHECK_FALSE(same([](RunConfig& c) { std::swap(c.models[0], c.models[1]); }));

  // validate() filling a label from the spec does not change the plan.
  RunConfig unlabelled = base;
  const std::string before = plan_fingerprint(unlabelled);
  validate(unlabelled);
  CHECK(plan_fingerprint(unlabelled) == before);
}

TEST_CASE("docs/config.md carries the key reference generated from the key tables", "[config]")
{
  const std::string docs = test::read_file(test::source_dir() + "/docs/config.md");
  const std::string reference = key_reference_markdown();
  INFO("regenerate the key reference in docs/config.md from rb::config::key_reference_markdown()");
  CHECK(docs.find(reference) != std::string::npos);
  for (const auto& key : model_keys()) {
    CHECK(reference.find("| `" + std::string(key.name) + "` |") != std::string::npos);
  }

  // The commented example in the docs is a valid configuration.
  const auto begin = docs.find("```toml\n");
  REQUIRE(begin != std::string::npos);
  const auto end = docs.find("```\n", begin + 8);
  REQUIRE(end != std::string::npos);
  RunConfig example = load_string(docs.substr(begin + 8, end - begin - 8), "docs/config.md");
  validate(example);
  CHECK(example.samples == 4);
  CHECK(example.models.size() == 2);
  CHECK(example.models[0].prices.output_per_mtok == 2.19);
}
