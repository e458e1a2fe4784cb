#include <catch2/catch.hpp>

#include <cstdlib>
#include <string>

#include "adapters/registry.hpp"
#include "adapters/sim/scenario.hpp"
#include "harness/core/error.hpp"

using namespace rb::adapters;
using rb::ConfigError;
using rb::config::ModelConfig;

namespace {

ModelConfig model(const std::string& spec, const std::string& label = "")
{
  ModelConfig m;
  m.spec = spec;
  m.label = label;
  return m;
}

/// Sets (or with nullptr unsets) an environment variable for one scope.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, const char* value) : m_name(name)
  {
    if (const char* old = std::getenv(name)) {
      m_old = old;
      m_had = true;
    }
    value != nullptr ? setenv(name, value, 1) : unsetenv(name);
  }
  ~ScopedEnv() { m_had ? setenv(m_name.c_str(), m_old.c_str(), 1) : unsetenv(m_name.c_str()); }

 private:
  std::string m_name;
  std::string m_old;
  bool m_had = false;
};

std::string config_error(const ModelConfig& m)
{
  try {
    (void)make_adapter(m);
  } catch (const ConfigError& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("registry: the table lists every kind and each example works", "[registry]")
{
  ScopedEnv key("OPENAI_API_KEY", "sk-example");
  ScopedEnv anthropic("ANTHROPIC_API_KEY", "sk-ant-example");
  ScopedEnv deepseek("DEEPSEEK_API_KEY", "sk-ds-example");
  std::vector<std::string> names;
  for (const AdapterKind& kind : adapter_kinds()) {
    names.emplace_back(kind.name);
  }
  CHECK(names == std::vector<std::string>{"openai", "anthropic", "deepseek", "vllm", "sglang", "llamacpp", "ollama",
                                          "tgi", "openai-compatible", "sim", "cmd", "replay"});
  for (const AdapterKind& kind : adapter_kinds()) {
    CHECK_FALSE(kind.description.empty());
    if (kind.name == "cmd" || kind.name == "replay") {
      continue;  // their examples name a program and a file: test_cmd_adapter, test_replay_adapter
    }
    const auto adapter = make_adapter(model(std::string(kind.example)));
    REQUIRE(adapter != nullptr);
    CHECK(adapter->identity().starts_with(std::string(kind.name) + ":"));
  }
}

TEST_CASE("registry: specs are taken apart into kind and base URL and model", "[registry]")
{
  ScopedEnv sim_url("REASONBENCH_SIM_URL", nullptr);
  const ModelSpec compatible = parse_spec(model("openai-compatible:http://localhost:8000/v1/#org/Qwen:7b"));
  CHECK(compatible.kind == "openai-compatible");
  CHECK(compatible.base_url == "http://localhost:8000/v1");
  CHECK(compatible.model == "org/Qwen:7b");
  CHECK(parse_spec(model("openai:o3-mini")).base_url == "https://api.openai.com/v1");
  CHECK(parse_spec(model("sim:r1-like")).base_url == "http://127.0.0.1:8377/v1");
  CHECK(parse_spec(model("sim:http://10.0.0.2:9000/v1#o1-like")).base_url == "http://10.0.0.2:9000/v1");
  {
    ScopedEnv env("REASONBENCH_SIM_URL", "http://127.0.0.1:4242/v1");
    CHECK(parse_spec(model("sim:r1-like")).base_url == "http://127.0.0.1:4242/v1");
  }
  ModelConfig overridden = model("openai-compatible:my-model");
  overridden.base_url = "https://proxy.example/v1/";
  CHECK(parse_spec(overridden).base_url == "https://proxy.example/v1");
  CHECK(parse_spec(overridden).model == "my-model");
}

TEST_CASE("registry: malformed specs and unknown kinds name the label and the spec", "[registry]")
{
  const std::string kinds =
      "(kinds: openai, anthropic, deepseek, vllm, sglang, llamacpp, ollama, tgi, openai-compatible, sim, cmd, replay)";
  CHECK(config_error(model("gpt-4o")) == "model 'gpt-4o': spec 'gpt-4o': expected KIND:NAME " + kinds);
  CHECK(config_error(model("opnai:gpt-4o", "fast")) ==
        "model 'fast': spec 'opnai:gpt-4o': unknown kind 'opnai', did you mean 'openai'? " + kinds);
  CHECK(config_error(model("openai-compatible:qwq")).find("expected openai-compatible:BASE_URL#MODEL") !=
        std::string::npos);
  CHECK(config_error(model("openai-compatible:ftp://host/v1#m")).find("must start with http://") !=
        std::string::npos);
  CHECK(config_error(model("sim:")).find("the model name is empty") != std::string::npos);
  CHECK(config_error(model("openai:http://x/v1#m")).find("expected openai:MODEL") != std::string::npos);
  CHECK(config_error(model("vllm:http://host:8000/v1")).find("expected vllm:BASE_URL#MODEL") != std::string::npos);
  CHECK(config_error(model("anthropic:")).find("expected anthropic:MODEL") != std::string::npos);
  CHECK(config_error(model("cmd:")).find("the command is empty") != std::string::npos);
  CHECK(config_error(model("cmd:/no/such/program --x")).find("program '/no/such/program' not found") !=
        std::string::npos);
  CHECK(config_error(model("replay:/no/such/file.jsonl")).find("cannot read replay file") != std::string::npos);
}

TEST_CASE("registry: engine presets know their base URL, API, key and reasoning fields", "[registry]")
{
  ScopedEnv anthropic("ANTHROPIC_API_KEY", "sk-ant-x");
  ScopedEnv deepseek("DEEPSEEK_API_KEY", "sk-ds-x");
  ScopedEnv openai("OPENAI_API_KEY", "sk-x");
  const auto options = [](const std::string& spec) { return http_options(model(spec)); };
  CHECK(options("vllm:Qwen/QwQ-32B").base_url == "http://localhost:8000/v1");
  CHECK(options("vllm:http://gpu:9000/v1#Qwen/QwQ-32B").base_url == "http://gpu:9000/v1");
  CHECK(options("vllm:Qwen/QwQ-32B").reasoning_fields == std::vector<std::string>{"reasoning", "reasoning_content"});
  CHECK(options("sglang:m").base_url == "http://localhost:30000/v1");
  CHECK(options("llamacpp:m").base_url == "http://localhost:8080/v1");
  CHECK(options("ollama:qwq").base_url == "http://localhost:11434/v1");
  CHECK(options("ollama:qwq:32b").model == "qwq:32b");
  CHECK(options("ollama:qwq").reasoning_fields.front() == "reasoning");
  CHECK(options("tgi:tgi").api == Api::chat);
  const HttpAdapterOptions claude = options("anthropic:claude-sonnet-4-5");
  CHECK(claude.api == Api::messages);
  CHECK(claude.base_url == "https://api.anthropic.com/v1");
  CHECK(claude.api_key == "sk-ant-x");
  const HttpAdapterOptions reasoner = options("deepseek:deepseek-reasoner");
  CHECK(reasoner.base_url == "https://api.deepseek.com/v1");
  CHECK(reasoner.reasoning_fields == std::vector<std::string>{"reasoning_content"});
  CHECK(reasoner.token_limit_field == TokenLimitField::max_tokens);
  CHECK(options("openai:o3-mini").token_limit_field == TokenLimitField::max_completion_tokens);
  {
    ScopedEnv unset("ANTHROPIC_API_KEY", nullptr);
    CHECK(config_error(model("anthropic:claude-x", "c")) == "model 'c': environment variable ANTHROPIC_API_KEY is not set");
  }
  CHECK(make_adapter(model("anthropic:claude-x"))->identity() == "anthropic:https://api.anthropic.com/v1#claude-x");
}

TEST_CASE("registry: API keys come from the environment and are required where needed", "[registry][secrets]")
{
  {
    ScopedEnv key("OPENAI_API_KEY", nullptr);
    CHECK(config_error(model("openai:gpt-4o-mini", "mini")) ==
          "model 'mini': environment variable OPENAI_API_KEY is not set");
    CHECK(config_error(model("openai-compatible:http://localhost:8000/v1#m")).empty());  // optional there
    ModelConfig named = model("openai-compatible:http://localhost:8000/v1#m");
    named.api_key_env = "RB_TEST_KEY_THAT_IS_UNSET";
    CHECK(config_error(named) ==
          "model 'openai-compatible:http://localhost:8000/v1#m': environment variable "
          "RB_TEST_KEY_THAT_IS_UNSET is not set");
  }
  ScopedEnv key("RB_TEST_KEY", "sk-registry-secret");
  ModelConfig m = model("openai:gpt-4o-mini");
  m.api_key_env = "RB_TEST_KEY";
  CHECK(chat_options(m).api_key == "sk-registry-secret");
  const auto adapter = make_adapter(m);
  CHECK(adapter->identity() == "openai:https://api.openai.com/v1#gpt-4o-mini");
  rb::Request request;
  request.messages = {{"user", "hi"}};
  CHECK(adapter->request_body(request).find("sk-registry-secret") == std::string::npos);
}

TEST_CASE("registry: chat options follow the model configuration", "[registry]")
{
  ModelConfig m = model("sim:r1-like");
  m.stream = false;
  m.max_retries = 2;
  m.idle_timeout_s = 0.25;
  m.connect_timeout_s = 3;
  m.request_timeout_s = 60;
  m.params.temperature = 0.6;
  const openai::ChatOptions o = chat_options(m);
  CHECK(o.kind == "sim");
  CHECK(o.send_oracle);
  CHECK_FALSE(o.stream);
  CHECK(o.max_retries == 2);
  CHECK(o.idle_timeout == http::Milliseconds(250));
  CHECK(o.connect_timeout == http::Milliseconds(3000));
  CHECK(o.total_timeout == http::Milliseconds(60'000));
  CHECK(o.defaults.temperature == 0.6);
  CHECK(o.token_limit_field == openai::TokenLimitField::max_tokens);
  CHECK_FALSE(chat_options(model("openai-compatible:http://h/v1#m")).send_oracle);
  CHECK(is_simulated(m));
  CHECK_FALSE(is_simulated(model("openai-compatible:http://h/v1#sim")));

  ScopedEnv key("OPENAI_API_KEY", "sk-x");
  ModelConfig o3 = model("openai:o3-mini");
  o3.params.max_tokens = 100;
  const auto adapter = make_adapter(o3);
  CHECK(adapter->request_body(rb::Request{}).find("\"max_completion_tokens\":100") != std::string::npos);
}

TEST_CASE("registry: simulated models take their prices from the built-in scenario", "[registry]")
{
  const rb::sim::SimModel* r1 = rb::sim::find_model(rb::sim::default_scenario(), "r1-like");
  REQUIRE(r1 != nullptr);
  ModelConfig m = model("sim:r1-like");
  apply_spec_defaults(m);
  CHECK(m.prices.input_per_mtok == r1->prices.input_per_mtok);
  CHECK(m.prices.output_per_mtok == r1->prices.output_per_mtok);

  ModelConfig priced = model("sim:r1-like");
  priced.prices.output_per_mtok = 99;
  apply_spec_defaults(priced);
  CHECK(priced.prices.output_per_mtok == 99);
  CHECK(priced.prices.input_per_mtok == 0);

  ModelConfig unknown = model("sim:no-such-model");
  apply_spec_defaults(unknown);
  CHECK_FALSE(unknown.prices.known());
  ModelConfig real = model("openai-compatible:http://h/v1#r1-like");
  apply_spec_defaults(real);
  CHECK_FALSE(real.prices.known());
}
