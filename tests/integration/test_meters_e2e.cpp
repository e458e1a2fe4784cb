// The meters end to end: a run of the real binary against serve-sim with [slo] and [energy]
// stores chunk times, token provenance, a run window and estimated energy, and every report
// format shows the latency, throughput, goodput and energy figures with their labels.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "tests/support/test_env.hpp"

using namespace rb::test;

namespace {

// Streams of 8-token chunks at 4000 tokens/s after a 30 ms TTFT: every request has ITL gaps.
constexpr const char* k_scenario = R"(seed = 5
chunk_tokens = 8

[[model]]
name = "r1-like"
accuracy = 0.7
reasoning = "think_tags"
reasoning_tokens_mean = 60
reasoning_tokens_sd = 10
answer_tokens_mean = 10
ttft_ms = 30
tokens_per_s = 4000
)";

constexpr const char* k_config = R"([run]
name = "meters"
samples = 2
concurrency = 4

[[suite]]
name = "gen:arith?n=6&seed=3"

[[model]]
spec = "sim:r1-like"
label = "local"

[[model]]
spec = "sim:r1-like"
label = "api-estimate"
energy_j_per_output_token = 0.5

[slo]
ttft_ms = 10000
e2e_ms = 60000

[energy]
gpus = "none"
rapl = false
pue = 1.5
grid_gco2_per_kwh = 400
)";

}  // namespace

TEST_CASE("meters end to end: timings, windows, estimated energy and their report figures", "[e2e][meters]")
{
  TempDir dir;
  write_file(dir.file("scenario.toml"), k_scenario);
  write_file(dir.file("config.toml"), k_config);
  SimServerProcess sim(dir.file("scenario.toml"), dir.path().string());
  const std::string db = dir.file("results.db");
  const auto r = run_command({binary(), "run", dir.file("config.toml"), "--db", db},
                             {"REASONBENCH_SIM_URL=" + sim.url()});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(count_rows(db, "SELECT count(*) FROM samples") == 24);
  // Every streamed sample has its chunk times, a place in the window and a token method.
  CHECK(count_rows(db, "SELECT count(*) FROM samples WHERE chunk_times IS NULL OR length(chunk_times) < 2") == 0);
  CHECK(count_rows(db, "SELECT count(*) FROM samples WHERE window_id IS NULL OR end_s < start_s") == 0);
  CHECK(count_rows(db, "SELECT count(*) FROM samples WHERE tokens_method = ''") == 0);
  // One window; nothing metered (gpus none, rapl off): the measured model is not measured, the
  // estimated one is, at 0.5 J per output token.
  CHECK(count_rows(db, "SELECT count(*) FROM run_windows WHERE ended_at != '' AND max_concurrency BETWEEN 1 AND 4") == 1);
  CHECK(count_rows(db, "SELECT count(*) FROM run_windows WHERE energy_j IS NULL AND pue = 1.5") == 1);
  CHECK(count_rows(db, "SELECT count(*) FROM samples WHERE model LIKE 'local%' AND energy_j IS NOT NULL") == 0);
  CHECK(count_rows(db, "SELECT count(*) FROM samples WHERE model LIKE 'api-estimate%' AND "
                       "abs(energy_j - 0.5 * completion_tokens) < 1e-9 AND energy_method LIKE 'estimated:%'") == 12);

  const std::string json_path = dir.file("report.json");
  const auto rep = run_command({binary(), "report", "--db", db, "--out", json_path});
  INFO(rep.err);
  REQUIRE(rep.exit_code == 0);
  const auto doc = nlohmann::json::parse(read_file(json_path));
  const auto& run = doc.at("runs").at(0);
  const auto& meters = run.at("meters");
  CHECK(meters.at("requests") == 24);
  CHECK(meters.at("ttft_ms").at("p50").get<double>() >= 25);
  CHECK(meters.at("itl_ms").at("count").get<int>() > 24);
  CHECK(meters.at("requests_per_s").get<double>() > 0);
  CHECK(meters.at("good_requests") == 24);
  CHECK(meters.at("measured_energy_joules").is_null());
  CHECK(meters.at("energy_estimated") == true);
  CHECK(meters.at("co2_grams").get<double>() > 0);
  for (const auto& row : run.at("rows")) {
    const bool estimated = row.at("model").get<std::string>().starts_with("api-estimate");  // + " (SIMULATED)"
    CHECK(row.at("energy_status") == (estimated ? "estimated" : "not measured"));
    CHECK(row.at("energy_joules").is_null() == !estimated);
    CHECK(row.at("tpot_p50_ms").get<double>() > 0);
    CHECK(row.at("goodput_per_s").get<double>() > 0);
    CHECK(row.at("tokens_method").get<std::string>().starts_with("server"));
  }

  const std::string md_path = dir.file("report.md");
  REQUIRE(run_command({binary(), "report", "--db", db, "--out", md_path}).exit_code == 0);
  const std::string md = read_file(md_path);
  CHECK_THAT(md, Catch::Contains("### Latency, throughput and energy"));
  CHECK_THAT(md, Catch::Contains("- TTFT (first token of any kind): p50 "));
  CHECK_THAT(md, Catch::Contains("- Goodput (TTFT <= 10000 ms, E2E <= 60000 ms): 24 good of 24 requests"));
  CHECK_THAT(md, Catch::Contains("- Energy measured: not measured"));
  CHECK_THAT(md, Catch::Contains("(est.)"));
  CHECK_THAT(md, Catch::Contains("- Meters not available: no meter configured"));
}
