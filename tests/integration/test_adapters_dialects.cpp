// The real binary against `reasonbench serve-sim` in every dialect at once: OpenAI chat,
// DeepSeek, vLLM, SGLang, llama.cpp, Ollama, TGI, legacy completions and Anthropic messages,
// each through its own model spec. Every sample is stored with its reasoning apart and its
// tokens as reported; with every fault class injected the verdicts do not change; and the API
// key never reaches the store, the logs or a report.
#include <catch2/catch.hpp>

#include "tests/support/sim_fixture.hpp"
#include "tests/support/test_env.hpp"

using namespace rb::test;

namespace {

constexpr const char* k_key = "sk-integration-secret-0123456789abcdef";

const char* k_verdicts =
    "SELECT s.model, s.problem_id, v.verdict, coalesce(v.extracted, ''), s.answer_text, s.reasoning_text, "
    "s.completion_tokens FROM samples s JOIN verdicts v ON v.sample_id = s.id ORDER BY 1, 2";

/// (label, spec and keys) of one model per dialect (simulated specs' labels say SIMULATED, as the run requires); `url` is serve-sim's base, e.g. http://127.0.0.1:P/v1.
std::vector<std::pair<std::string, std::string>> models(const std::string& url, const std::string& key_file)
{
  const std::string root = url.substr(0, url.size() - 3);  // without "/v1"
  return {
      {"chat (SIMULATED)", "spec = \"sim:" + url + "#r1-like\""},
      {"completions (SIMULATED)", "spec = \"sim:" + url + "#r1-like\"\napi = \"completions\""},
      {"messages (SIMULATED)", "spec = \"sim:" + url + "#distill\"\napi = \"messages\"\nthinking_budget = 1024"},
      {"openai", "spec = \"openai:distill\"\nbase_url = \"" + url + "\""},
      {"anthropic", "spec = \"anthropic:distill\"\nbase_url = \"" + url + "\"\nthinking_budget = 2048\n"
                    "api_key_file = \"" + key_file + "\""},
      {"deepseek", "spec = \"deepseek:distill\"\nbase_url = \"" + root + "/deepseek/v1\""},
      {"vllm", "spec = \"vllm:" + root + "/vllm/v1#distill\""},
      {"sglang", "spec = \"sglang:" + root + "/sglang/v1#distill\""},
      {"llamacpp", "spec = \"llamacpp:" + root + "/llamacpp/v1#distill\"\nstream = false"},
      {"ollama", "spec = \"ollama:distill\"\nbase_url = \"" + root + "/ollama/v1\""},
      {"tgi", "spec = \"tgi:" + root + "/tgi/v1#r1-like\"\nstream = false"},
  };
}

std::string config(const std::string& db, const std::string& url, const std::string& key_file)
{
  std::string text = "[run]\nname = \"dialects\"\ndb = \"" + db + "\"\nconcurrency = 32\n"
                     "[[suite]]\nname = \"gen:arith?n=20&seed=4\"\n";
  for (const auto& [label, lines] : models(url, key_file)) {
    text += "[[model]]\nlabel = \"" + label + "\"\n" + lines +
            "\napi_key_env = \"RB_TEST_KEY\"\nmax_retries = 8\nidle_timeout_s = 1\n";
    if (label == "anthropic") {  // api_key_file instead
      text.erase(text.rfind("api_key_env = \"RB_TEST_KEY\"\n"), 28);
    }
  }
  return text;
}

}  // namespace

TEST_CASE("adapters: every dialect against serve-sim, with and without faults, keys kept secret", "[adapters]")
{
  TempDir dir;
  write_file(dir.file("key.txt"), std::string(k_key) + "\n");
  write_file(dir.file("clean.toml"), sim_scenario({.require_api_key = k_key}));
  write_file(dir.file("faulty.toml"), sim_scenario({.fault_rate = 0.05, .stall_ms = 3000, .require_api_key = k_key}));
  TempDir clean_logs;
  TempDir faulty_logs;
  SimServerProcess clean(dir.file("clean.toml"), clean_logs.path().string());
  SimServerProcess faulty(dir.file("faulty.toml"), faulty_logs.path().string());
  write_file(dir.file("clean-run.toml"), config(dir.file("clean.db"), clean.url(), dir.file("key.txt")));
  write_file(dir.file("faulty-run.toml"), config(dir.file("faulty.db"), faulty.url(), dir.file("key.txt")));
  const std::vector<std::string> env = {std::string("RB_TEST_KEY=") + k_key};
  const auto a = run_command({binary(), "run", dir.file("clean-run.toml"), "--report", dir.file("report.md")}, env);
  INFO(a.err);
  REQUIRE(a.exit_code == 0);
  const auto b = run_command({binary(), "run", dir.file("faulty-run.toml")}, env);
  INFO(b.err);
  REQUIRE(b.exit_code == 0);

  const std::string db = dir.file("clean.db");
  CHECK(count_rows(db, "SELECT count(*) FROM samples") == 220);
  CHECK(count_rows(db, "SELECT count(*) FROM samples WHERE error != ''") == 0);
  for (const auto& [label, lines] : models(clean.url(), "")) {
    INFO(label);
    const std::string where = " FROM samples WHERE model = '" + label + "'";
    CHECK(count_rows(db, "SELECT count(*)" + where) == 20);
    CHECK(count_rows(db, "SELECT count(*)" + where + " AND reasoning_text = ''") == 0);
    CHECK(count_rows(db, "SELECT count(*)" + where + " AND answer_text LIKE '%<think>%'") == 0);
    CHECK(count_rows(db, "SELECT count(*)" + where + " AND tokens_reported = 1 AND reasoning_tokens > 0") == 20);
    CHECK(count_rows(db, "SELECT count(*)" + where + " AND finish_reason = 'stop'") == 20);
  }
  // Simulated specs get the oracle, so they are right as often as configured; the others are not.
  CHECK(count_rows(db, "SELECT count(*) FROM samples s JOIN verdicts v ON v.sample_id = s.id WHERE s.model = "
                       "'chat (SIMULATED)' AND v.verdict = 'correct'") > 5);

  const std::string faulty_db = dir.file("faulty.db");
  CHECK(count_rows(faulty_db, "SELECT count(*) FROM samples WHERE error != ''") == 0);
  CHECK(count_rows(faulty_db, "SELECT count(*) FROM samples WHERE retries > 0") > 30);
  CHECK(query_rows(faulty_db, k_verdicts) == query_rows(db, k_verdicts));

  // The key was sent (serve-sim required it) but is nowhere in what the runs left behind.
  for (const std::string& text : {read_file(db), read_file(faulty_db), read_file(dir.file("report.md")), a.out, a.err,
                                  b.out, b.err, read_file(dir.file("clean-run.toml"))}) {
    CHECK(text.find(k_key) == std::string::npos);
    CHECK(text.find("sk-integration") == std::string::npos);
  }
}

TEST_CASE("adapters: a wrong key and an unknown model become error verdicts naming the server's reason",
          "[adapters]")
{
  TempDir dir;
  write_file(dir.file("scenario.toml"), sim_scenario({.require_api_key = k_key}));
  SimServerProcess sim(dir.file("scenario.toml"), dir.path().string());
  const std::string db = dir.file("r.db");
  const std::string root = sim.url().substr(0, sim.url().size() - 3);
  write_file(dir.file("run.toml"), "[run]\nname = \"refused\"\ndb = \"" + db +
                                       "\"\n[[suite]]\nname = \"gen:arith?n=3&seed=1\"\n"
                                       "[[model]]\nlabel = \"wrong-key\"\nspec = \"vllm:" + root +
                                       "/vllm/v1#r1-like\"\napi_key_env = \"RB_TEST_WRONG\"\n"
                                       "[[model]]\nlabel = \"anthropic-wrong\"\nspec = \"anthropic:r1-like\"\n"
                                       "base_url = \"" + sim.url() + "\"\napi_key_env = \"RB_TEST_WRONG\"\n"
                                       "[[model]]\nlabel = \"unknown (SIMULATED)\"\nspec = \"sim:" + sim.url() + "#r2-like\"\n"
                                       "api_key_env = \"RB_TEST_KEY\"\n");
  const std::string wrong = "sk-wrong-key-that-must-not-leak-42";
  const auto r = run_command({binary(), "run", dir.file("run.toml")},
                             {"RB_TEST_WRONG=" + wrong, std::string("RB_TEST_KEY=") + k_key});
  INFO(r.err);
  CHECK(r.exit_code == 0);  // failed items are error verdicts; the run finishes
  CHECK(count_rows(db, "SELECT count(*) FROM verdicts WHERE verdict = 'error'") == 9);
  CHECK(count_rows(db, "SELECT count(*) FROM verdicts WHERE verdict = 'incorrect'") == 0);
  CHECK(count_rows(db, "SELECT count(*) FROM samples WHERE model = 'wrong-key' AND error LIKE '%HTTP 401%'") == 3);
  CHECK(count_rows(db, "SELECT count(*) FROM samples WHERE model = 'anthropic-wrong' AND error LIKE "
                       "'%HTTP 401%x-api-key%'") == 3);
  CHECK(count_rows(db, "SELECT count(*) FROM samples WHERE model = 'unknown (SIMULATED)' AND error LIKE "
                       "'%HTTP 404%did you mean%'") == 3);
  CHECK(count_rows(db, "SELECT count(*) FROM samples WHERE retries > 0") == 0);  // refusals are not retried
  for (const std::string& text : {read_file(db), r.out, r.err}) {
    CHECK(text.find(wrong) == std::string::npos);
    CHECK(text.find(k_key) == std::string::npos);
  }
}

TEST_CASE("adapters: answers cut by a small token budget are truncated verdicts and a named warning", "[adapters]")
{
  TempDir dir;
  write_file(dir.file("scenario.toml"), sim_scenario({}));
  SimServerProcess sim(dir.file("scenario.toml"), dir.path().string());
  const std::string db = dir.file("r.db");
  write_file(dir.file("run.toml"), "[run]\nname = \"cut\"\ndb = \"" + db +
                                       "\"\n[[suite]]\nname = \"gen:arith?n=4&seed=2\"\n"
                                       "[[model]]\nlabel = \"small budget (SIMULATED)\"\nspec = \"sim:" + sim.url() +
                                       "#r1-like\"\nmax_tokens = 20\n"
                                       "[[model]]\nlabel = \"enough (SIMULATED)\"\nspec = \"sim:" + sim.url() +
                                       "#r1-like\"\nmax_tokens = 100000\n");
  const auto r = run_command({binary(), "run", dir.file("run.toml")});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(count_rows(db, "SELECT count(*) FROM samples s JOIN verdicts v ON v.sample_id = s.id WHERE s.model = "
                       "'small budget (SIMULATED)' AND s.finish_reason = 'length' AND v.verdict = 'truncated'") == 4);
  CHECK(count_rows(db, "SELECT count(*) FROM verdicts WHERE verdict = 'incorrect' AND sample_id IN (SELECT id FROM "
                       "samples WHERE model = 'small budget (SIMULATED)')") == 0);
  CHECK(r.err.find("warning: model 'small budget (SIMULATED)' on suite 'gen:arith?n=4&seed=2': 4 of 4 answer(s) "
                   "cut off") != std::string::npos);
  CHECK(r.err.find("max_tokens = 20)") != std::string::npos);
  CHECK(r.err.find("warning: model 'enough (SIMULATED)'") == std::string::npos);
}
