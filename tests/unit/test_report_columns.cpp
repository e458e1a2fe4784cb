// The report's column table (reports/columns.cpp) and the stability of the CSV and JSON formats:
// the first-release CSV columns keep their positions, every JSON field of schema
// "reasonbench.report/1" is still written with its type, and every key is documented in docs/
// (docs/reports.md, or the page of the subsystem that adds it). Fields may be added (at the end,
// for CSV); none may be renamed or removed.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "reports/columns.hpp"
#include "reports/render.hpp"
#include "tests/support/test_env.hpp"
#include "tests/unit/test_report_fixture.hpp"

using namespace rb;

namespace {

/// The CSV columns of the first release, in order (docs/reports.md, "CSV").
const std::vector<std::string> k_csv_v1 = {
    "run", "model", "suite", "simulated", "problems", "samples", "accuracy", "ci95_low", "ci95_high",
    "correct", "incorrect", "no_answer", "truncated", "timeout", "errors", "ungraded", "mean_output_tokens",
    "mean_reasoning_tokens", "cost_usd", "cost_per_correct_usd", "latency_p50_ms", "latency_p99_ms",
    "samples_per_problem", "pass_at_k_max", "pass_at_k_max_ci95_low", "pass_at_k_max_ci95_high",
    "maj_at_k_max", "maj_at_k_max_ci95_low", "maj_at_k_max_ci95_high", "mean_answer_tokens",
    "truncation_rate", "no_answer_rate", "tokens_estimated", "energy_joules", "energy_per_correct_joules",
    "output_tokens_per_s"};

/// JSON row fields of "reasonbench.report/1" with their JSON types ("number?" may be null).
const std::vector<std::pair<std::string, std::string>> k_json_row_v1 = {
    {"model", "string"},
    {"suite", "string"},
    {"simulated", "boolean"},
    {"problems", "number"},
    {"samples", "number"},
    {"correct", "number"},
    {"incorrect", "number"},
    {"no_answer", "number"},
    {"truncated", "number"},
    {"timeout", "number"},
    {"errors", "number"},
    {"ungraded", "number"},
    {"from_cache", "number"},
    {"tokens_estimated", "number"},
    {"accuracy", "number"},
    {"accuracy_std_error", "number"},
    {"accuracy_ci95", "array"},
    {"samples_per_problem", "number"},
    {"pass_at_k", "array"},
    {"maj_at_k", "array"},
    {"mean_output_tokens", "number"},
    {"mean_reasoning_tokens", "number"},
    {"mean_answer_tokens", "number"},
    {"truncation_rate", "number"},
    {"no_answer_rate", "number"},
    {"cost_usd", "number"},
    {"cost_per_correct_usd", "number?"},
    {"mean_cost_per_sample_usd", "number"},
    {"energy_joules", "number?"},
    {"energy_per_correct_joules", "number?"},
    {"energy_status", "string"},
    {"latency_p50_ms", "number"},
    {"latency_p99_ms", "number"},
    {"ttft_p50_ms", "number?"},
    {"output_tokens_per_s", "number?"},
    {"by_difficulty", "array"},
    {"length_tokens", "object"},
};

bool has_type(const nlohmann::json& value, const std::string& type)
{
  if (type == "number?") {
    return value.is_null() || value.is_number();
  }
  return std::string(value.type_name()) == type;
}

bool documented(const std::string& docs, const std::string& key)
{
  return std::regex_search(docs, std::regex("(^|[^a-z0-9_])" + key + "([^a-z0-9_]|$)"));
}

}  // namespace

TEST_CASE("the column table is consistent", "[reports][columns]")
{
  std::set<std::string> keys;
  for (const auto& c : reports::columns()) {
    INFO(std::string(c.key) + " / " + std::string(c.label));
    CHECK((!c.key.empty() || !c.label.empty()));
    CHECK(c.definition.size() > 5);
    if (!c.key.empty()) {
      CHECK(keys.insert(std::string(c.key)).second);  // unique keys
      CHECK(c.value != nullptr);
      CHECK((c.csv >= 0 || (c.where & reports::k_in_json) != 0));  // a key goes somewhere
    } else {
      CHECK(c.csv < 0);
      CHECK((c.where & reports::k_in_json) == 0);
    }
    if (!c.label.empty()) {
      CHECK(c.display != nullptr);
    }
  }
  for (const auto table : {reports::k_in_md_accuracy, reports::k_in_md_cost, reports::k_in_html}) {
    std::set<std::string> labels;
    for (const auto* c : reports::table_columns(table)) {
      CHECK(labels.insert(std::string(c->label)).second);  // unique headers within a table
    }
    REQUIRE(reports::table_columns(table).size() >= 2);
    CHECK(reports::table_columns(table)[0]->key == "model");
  }
}

TEST_CASE("CSV columns are only ever appended", "[reports][columns]")
{
  const auto csv = reports::csv_columns();  // throws on a gap or a position taken twice
  REQUIRE(csv.size() >= k_csv_v1.size());
  for (std::size_t i = 0; i < k_csv_v1.size(); ++i) {
    CHECK(csv[i]->key == k_csv_v1[i]);
  }
  test::TempDir dir;
  store::Store db(dir.file("r.db"));
  test::fill_showcase(db);
  const auto text = reports::to_csv(reports::summarize(db, {}));
  const std::string header = text.substr(0, text.find('\n'));
  std::string v1;
  for (const auto& k : k_csv_v1) {
    v1 += (v1.empty() ? "" : ",") + k;
  }
  CHECK(header.rfind(v1, 0) == 0);
}

TEST_CASE("JSON report schema 1 keeps every field and its type", "[reports][columns]")
{
  test::TempDir dir;
  store::Store db(dir.file("r.db"));
  test::fill_showcase(db);
  const auto doc = nlohmann::json::parse(reports::to_json(reports::summarize(db, {})));
  CHECK(doc.at("schema") == "reasonbench.report/1");
  for (const char* key : {"accuracy", "interval", "bootstrap_resamples", "bootstrap_seed", "pass_at_k",
                          "maj_at_k", "maj_tie_rule"}) {
    CHECK(doc.at("methods").contains(key));
  }
  REQUIRE(!doc.at("runs").empty());
  for (const auto& run : doc.at("runs")) {
    for (const char* key : {"name", "status", "started_at", "ended_at", "harness_version", "git_revision"}) {
      CHECK(run.at(key).is_string());
    }
    REQUIRE(!run.at("rows").empty());
    for (const auto& row : run.at("rows")) {
      for (const auto& [key, type] : k_json_row_v1) {
        INFO(key);
        REQUIRE(row.contains(key));
        CHECK(has_type(row.at(key), type));
      }
      for (const auto& p : row.at("pass_at_k")) {
        for (const char* key : {"k", "value", "std_error", "ci95", "tokens_per_problem", "cost_per_problem_usd"}) {
          CHECK(p.contains(key));
        }
      }
      for (const auto& b : row.at("by_difficulty")) {
        for (const char* key : {"difficulty", "problems", "accuracy", "std_error", "ci95"}) {
          CHECK(b.contains(key));
        }
      }
      const auto& lengths = row.at("length_tokens");
      CHECK(lengths.at("unit").is_string());
      for (const char* part : {"correct", "incorrect"}) {
        for (const char* key : {"count", "mean", "p25", "p50", "p75"}) {
          CHECK(lengths.at(part).contains(key));
        }
      }
    }
  }
}

TEST_CASE("every CSV column and JSON field is documented in docs/", "[reports][columns]")
{
  std::string docs;
  for (const auto& entry : std::filesystem::directory_iterator(std::string(RB_SOURCE_DIR) + "/docs")) {
    if (entry.path().extension() == ".md") {
      docs += test::read_file(entry.path().string()) + "\n";
    }
  }
  REQUIRE(docs.find("reasonbench.report/1") != std::string::npos);
  for (const auto& c : reports::columns()) {
    if (!c.key.empty()) {
      INFO("document '" << c.key << "' in docs/ (docs/reports.md: CSV list and JSON schema)");
      CHECK(documented(docs, std::string(c.key)));
    }
  }
  test::TempDir dir;
  store::Store db(dir.file("r.db"));
  test::fill_showcase(db);
  const auto doc = nlohmann::json::parse(reports::to_json(reports::summarize(db, {})));
  for (const auto& [key, value] : doc.at("runs").at(0).at("rows").at(0).items()) {
    INFO("document JSON field '" << key << "' in docs/ (docs/reports.md: JSON schema)");
    CHECK(documented(docs, key));
  }
}
