// The model keys added for the adapters (harness/config): loading, checks, JSON round trips, the
// plan fingerprint, and how the registry turns them into adapter options. Secrets are named,
// never quoted.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>

#include "adapters/registry.hpp"
#include "harness/config/config.hpp"
#include "harness/core/error.hpp"
#include "tests/support/test_env.hpp"

using namespace rb;
using namespace rb::config;

namespace {

const std::string k_full = R"([[suite]]
name = "gen:arith"
[[model]]
spec = "vllm:http://gpu:8000/v1#Qwen/QwQ-32B"
api = "completions"
reasoning_field = "reasoning"
reasoning_tags = [["<think>", "</think>"], ["<seed:think>", "</seed:think>"]]
first_byte_timeout_s = 30
requests_per_min = 600
tokens_per_min = 200000
adaptive_concurrency = true
retry_budget = 0.5
[model.params]
top_k = 20
chat_template_kwargs = { enable_thinking = true }
[model.headers]
X-Team = "evals"
Authorization = "${RB_TEST_GATEWAY_TOKEN}"
[[model]]
spec = "anthropic:claude-sonnet-4-5"
thinking_budget = 4096
api_key_file = "/run/secrets/anthropic"
[[model]]
spec = "openai:o3-mini"
reasoning_effort = "high"
)";

std::string load_error(const std::string& text)
{
  try {
    load_string(text, "cfg.toml");
  } catch (const ConfigError& e) {
    return e.what();
  }
  return "(no error)";
}

std::string model_toml(const std::string& lines)
{
  return "[[suite]]\nname = \"s\"\n[[model]]\nspec = \"sim:r1-like\"\n" + lines;
}

}  // namespace

TEST_CASE("adapter keys: a file sets every new model key", "[config][adapters]")
{
  const RunConfig c = load_string(k_full, "cfg.toml");
  const ModelConfig& vllm = c.models[0];
  CHECK(vllm.api == "completions");
  CHECK(vllm.reasoning_field == "reasoning");
  CHECK(vllm.reasoning_tags.size() == 2);
  CHECK(vllm.reasoning_tags[1].first == "<seed:think>");
  CHECK(vllm.first_byte_timeout_s == 30.0);
  CHECK(vllm.requests_per_min == 600);
  CHECK(vllm.tokens_per_min == 200000);
  CHECK(vllm.adaptive_concurrency);
  CHECK(vllm.retry_budget == 0.5);
  CHECK(vllm.params_json == R"({"chat_template_kwargs":{"enable_thinking":true},"top_k":20})");
  CHECK(vllm.headers.at("X-Team") == "evals");
  CHECK(c.origin.at("model[0].params.top_k") == "cfg.toml:14");
  CHECK(c.origin.at("model[0].headers.X-Team") == "cfg.toml:17");
  CHECK(c.models[1].thinking_budget == 4096);
  CHECK(c.models[1].api_key_file == "/run/secrets/anthropic");
  CHECK(c.models[2].reasoning_effort == "high");
}

TEST_CASE("adapter keys: mistakes are one line naming the key, never a secret", "[config][adapters]")
{
  CHECK(load_error(model_toml("api = \"chatt\"\n")) ==
        "cfg.toml:5: [[model]] #1 api: must be one of chat, completions, messages (got \"chatt\"), did you mean "
        "'chat'?");
  CHECK(load_error(model_toml("reasoning_effort = \"max\"\n")).find("must be one of minimal, low, medium, high") !=
        std::string::npos);
  CHECK(load_error(model_toml("[model.params]\ntemperature = 0.5\n")) ==
        "cfg.toml:6: [[model]] #1 params.temperature: set by the harness; use the model key 'temperature'");
  CHECK(load_error(model_toml("[model.params]\napi_key = \"sk-live-123\"\n")).find("sk-live") == std::string::npos);
  const std::string pasted = load_error(model_toml("[model.headers]\nAuthorization = \"Bearer sk-live-123456\"\n"));
  CHECK(pasted.find("cfg.toml:6: [[model]] #1 headers.Authorization: a credential header") == 0);
  CHECK(pasted.find("sk-live") == std::string::npos);
  CHECK(load_error(model_toml("[model.headers]\nX-Api-Key = \"abc\"\n")).find("value not shown") != std::string::npos);
  CHECK(load_error(model_toml("[model.headers]\nContent-Type = \"text/plain\"\n")).find("set by the transport") !=
        std::string::npos);
  CHECK(load_error(model_toml("[model.headers]\nX-A = \"${not a name}\"\n")).find("must name an environment") !=
        std::string::npos);
  CHECK(load_error(model_toml("reasoning_tags = [\"<think>\"]\n")).find("[open, close] string pairs") !=
        std::string::npos);
  CHECK(load_error(model_toml("thinking_budget = 0\n")).find("must be at least 1") != std::string::npos);
  CHECK(load_error(model_toml("requests_per_min = -1\n")).find("must be at least 0") != std::string::npos);
}

TEST_CASE("adapter keys: to_json round-trips them and leaves defaults out", "[config][adapters]")
{
  const RunConfig c = load_string(k_full, "cfg.toml");
  const std::string json = to_json(c);
  CHECK(json.find("${RB_TEST_GATEWAY_TOKEN}") != std::string::npos);  // the reference, not a value
  const RunConfig back = from_json(json);
  CHECK(to_json(back) == json);
  CHECK(back.models[0].params_json == c.models[0].params_json);
  CHECK(back.models[0].headers == c.models[0].headers);
  CHECK(back.models[0].reasoning_tags == c.models[0].reasoning_tags);
  CHECK(back.models[0].first_byte_timeout_s == 30.0);

  RunConfig plain;
  plain.suites.push_back({.name = "s"});
  plain.models.push_back({.spec = "sim:r1-like"});
  const std::string plain_json = to_json(plain);
  for (const char* key : {"\"api\"", "retry_budget", "worker", "requests_per_min", "params", "headers"}) {
    CHECK(plain_json.find(key) == std::string::npos);
  }
}

TEST_CASE("adapter keys: what a model asks is in the plan fingerprint, how it is sent is not", "[config][adapters]")
{
  RunConfig base;
  base.suites.push_back({.name = "s"});
  base.models.push_back({.spec = "vllm:http://h/v1#m"});
  const std::string fingerprint = plan_fingerprint(base);
  const auto same = [&](auto change) {
    RunConfig c = base;
    change(c.models[0]);
    return plan_fingerprint(c) == fingerprint;
  };
  CHECK(same([](ModelConfig& m) { m.headers["X-A"] = "b"; }));
  CHECK(same([](ModelConfig& m) { m.requests_per_min = 10; }));
  CHECK(same([](ModelConfig& m) { m.retry_budget = 0; }));
  CHECK(same([](ModelConfig& m) { m.reasoning_tags = {{"<a>", "</a>"}}; }));
  CHECK_FALSE(same([](ModelConfig& m) { m.params_json = R"({"top_k":20})"; }));
  CHECK_FALSE(same([](ModelConfig& m) { m.api = "completions"; }));
  CHECK_FALSE(same([](ModelConfig& m) { m.reasoning_effort = "low"; }));
  CHECK_FALSE(same([](ModelConfig& m) { m.thinking_budget = 2048; }));
}

TEST_CASE("adapter keys: the registry turns them into adapter options", "[config][adapters]")
{
  RunConfig c = load_string(k_full, "cfg.toml");
  {
    const std::string unset = [&] {
      try {
        adapters::http_options(c.models[0]);
      } catch (const ConfigError& e) {
        return std::string(e.what());
      }
      return std::string();
    }();
    CHECK(unset == "model 'vllm:http://gpu:8000/v1#Qwen/QwQ-32B': header 'Authorization': environment variable "
                   "RB_TEST_GATEWAY_TOKEN is not set");
  }
  setenv("RB_TEST_GATEWAY_TOKEN", "gw-secret-token-987", 1);
  const adapters::HttpAdapterOptions o = adapters::http_options(c.models[0]);
  unsetenv("RB_TEST_GATEWAY_TOKEN");
  CHECK(o.api == adapters::Api::completions);
  CHECK(o.reasoning_fields == std::vector<std::string>{"reasoning"});
  CHECK(o.reasoning_tags.size() == 2);
  CHECK(o.first_byte_timeout == std::chrono::milliseconds(30'000));
  CHECK(o.limits.requests_per_min == 600);
  CHECK(o.limits.adaptive);
  CHECK(o.retry_budget == 0.5);
  CHECK(o.extra_params_json.find("top_k") != std::string::npos);
  CHECK(o.extra_headers == adapters::http::Headers{{"Authorization", "gw-secret-token-987"}, {"X-Team", "evals"}});
  CHECK(o.secrets == std::vector<std::string>{"gw-secret-token-987"});

  test::TempDir dir;
  c.models[1].api_key_file = dir.file("key");
  CHECK_THROWS_WITH(adapters::http_options(c.models[1]),
                    "model 'anthropic:claude-sonnet-4-5': api_key_file '" + dir.file("key") + "' cannot be read");
  test::write_file(dir.file("key"), "\n");
  CHECK_THROWS_WITH(adapters::http_options(c.models[1]), Catch::Contains("is empty"));
  test::write_file(dir.file("key"), "  sk-ant-from-file-42  \nsecond line\n");
  CHECK(adapters::http_options(c.models[1]).api_key == "sk-ant-from-file-42");
  CHECK(adapters::http_options(c.models[1]).thinking_budget == 4096);

  ModelConfig wrong = c.models[1];
  wrong.spec = "vllm:http://h/v1#m";
  wrong.api_key_file.clear();
  CHECK_THROWS_WITH(adapters::http_options(wrong), Catch::Contains("thinking_budget applies to Anthropic Messages"));
  setenv("OPENAI_API_KEY", "sk-x", 1);
  CHECK(adapters::http_options(c.models[2]).reasoning_effort == "high");
  unsetenv("OPENAI_API_KEY");
}

TEST_CASE("adapter keys: every example model file loads and builds its adapters", "[config][adapters]")
{
  setenv("OPENAI_API_KEY", "sk-x", 1);
  setenv("ANTHROPIC_API_KEY", "sk-ant-x", 1);
  setenv("DEEPSEEK_API_KEY", "sk-ds-x", 1);
  setenv("HF_GATEWAY_TOKEN", "hf-x", 1);
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(test::source_dir() + "/examples/models")) {
    INFO(entry.path().string());
    RunConfig c = load_file(entry.path().string());
    validate(c);
    for (const ModelConfig& model : c.models) {
      INFO(model.spec);
      CHECK(adapters::make_adapter(model) != nullptr);
    }
    ++files;
  }
  CHECK(files >= 9);
  for (const char* name : {"OPENAI_API_KEY", "ANTHROPIC_API_KEY", "DEEPSEEK_API_KEY", "HF_GATEWAY_TOKEN"}) {
    unsetenv(name);
  }
}
