#include "reports/behaviour_render.hpp"

#include <array>
#include <map>

#include <fmt/format.h>

#include "reports/format.hpp"

namespace rb::reports {

namespace {

std::string optional_percent(const std::optional<double>& value)
{
  return value ? percent(*value) : "-";
}

std::string optional_number(const std::optional<double>& value, int decimals)
{
  return value ? fmt::format("{:.{}f}", *value, decimals) : "-";
}

const std::array<BehaviourColumn, 10> k_columns{{
    {"n", "analysed samples in the group", [](const BehaviourGroup& g) { return std::to_string(g.samples); }},
    {"format ok", "one closed reasoning block before an answer of the form the prompt asks for (R1 format reward)",
     [](const BehaviourGroup& g) { return percent(g.format_ok_rate); }},
    {"truncated", "finish_reason length, reasoning never closed, or no answer after the reasoning",
     [](const BehaviourGroup& g) { return percent(g.truncation_rate); }},
    {"mixing", "language mixing: below 95% target-language words, with 3 or more foreign words",
     [](const BehaviourGroup& g) { return percent(g.mixing_rate); }},
    {"consistency", "mean share of target-language words in the visible reasoning (R1 language reward)",
     [](const BehaviourGroup& g) { return optional_percent(g.consistency); }},
    {"reflections/1k tok", "reflection and self-verification markers per 1,000 visible reasoning tokens",
     [](const BehaviourGroup& g) { return optional_number(g.reflections_per_1k_tokens, 1); }},
    {"repeated 4-grams", "mean share of repeated word 4-grams in the visible reasoning",
     [](const BehaviourGroup& g) { return optional_percent(g.repeated_ngram_ratio); }},
    {"loops", "share of samples ending in one phrase repeated (stuck until the budget)",
     [](const BehaviourGroup& g) { return percent(g.loop_rate); }},
    {"reasoning tok", "mean reasoning tokens per sample (reported, else estimated; hidden reasoning included)",
     [](const BehaviourGroup& g) { return tokens(g.mean_reasoning_tokens); }},
    {"overthinking tok", "mean reasoning tokens after the first correct intermediate answer, over the samples that have one (their count in brackets)",
     [](const BehaviourGroup& g) {
       return g.overthinking_tokens ? fmt::format("{} ({})", tokens(*g.overthinking_tokens), g.overthinking_samples)
                                    : std::string("-");
     }},
}};

std::string escape_cell(const std::string& text)
{
  std::string out;
  for (const char c : text) {
    out += c == '|' ? std::string("\\|") : c == '\n' ? std::string(" ") : std::string(1, c);
  }
  return out;
}

nlohmann::json optional_json(const std::optional<double>& value)
{
  return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

nlohmann::json group_json(const BehaviourGroup& g)
{
  return {{"samples", g.samples},
          {"visible_reasoning", g.visible},
          {"format_ok_rate", g.format_ok_rate},
          {"truncation_rate", g.truncation_rate},
          {"mixing_rate", g.mixing_rate},
          {"language_consistency", optional_json(g.consistency)},
          {"reflections_per_1k_tokens", optional_json(g.reflections_per_1k_tokens)},
          {"repeated_ngram_ratio", optional_json(g.repeated_ngram_ratio)},
          {"loop_rate", g.loop_rate},
          {"mean_reasoning_tokens", g.mean_reasoning_tokens},
          {"overthinking_samples", g.overthinking_samples},
          {"overthinking_tokens", optional_json(g.overthinking_tokens)}};
}

}  // namespace

std::span<const BehaviourColumn> behaviour_columns() { return k_columns; }

std::vector<std::pair<const char*, const BehaviourGroup*>> behaviour_groups(const BehaviourSummary& s)
{
  std::vector<std::pair<const char*, const BehaviourGroup*>> out{{"all", &s.all}};
  if (s.correct.samples > 0) {
    out.emplace_back("correct", &s.correct);
  }
  if (s.incorrect.samples > 0) {
    out.emplace_back("wrong", &s.incorrect);
  }
  return out;
}

void attach_behaviour(store::Store& store, std::int64_t run_id, std::vector<SummaryRow>& rows)
{
  auto summaries = summarize_behaviour(store, run_id);
  std::map<std::pair<std::string, std::string>, BehaviourSummary*> by_key;
  for (auto& [key, summary] : summaries) {
    by_key.emplace(key, &summary);
  }
  for (auto& row : rows) {
    const auto it = by_key.find({row.model, row.suite});
    if (it != by_key.end()) {
      row.behaviour = std::move(*it->second);
    }
  }
}

std::string behaviour_markdown(const RunSummary& summary)
{
  bool any = false;
  bool difficulty = false;
  for (const auto& r : summary.rows) {
    any = any || r.behaviour.any();
    difficulty = difficulty || !r.behaviour.by_difficulty.empty();
  }
  if (!any) {
    return "";
  }
  std::string out = "### Reasoning behaviour\n\n| model | suite | samples |";
  std::string rule = "|---|---|---|";
  for (const auto& c : k_columns) {
    out += fmt::format(" {} |", c.label);
    rule += "--:|";
  }
  out += "\n" + rule + "\n";
  for (const auto& r : summary.rows) {
    if (!r.behaviour.any()) {
      continue;
    }
    for (const auto& [name, group] : behaviour_groups(r.behaviour)) {
      out += fmt::format("| {} | {} | {} |", escape_cell(r.model), escape_cell(r.suite), name);
      for (const auto& c : k_columns) {
        out += fmt::format(" {} |", c.text(*group));
      }
      out += "\n";
    }
  }
  out +=
      "\nPer sample, from the stored responses (docs/behaviour.md): wrong = graded and not correct, errors "
      "excluded. Consistency, reflections and repeated 4-grams are over samples whose reasoning was "
      "visible (\"-\": none was, e.g. hidden reasoning).\n";
  if (difficulty) {
    out += "\n| model | suite | difficulty | samples | reasoning tok | correct | wrong |\n";
    out += "|---|---|---|--:|--:|--:|--:|\n";
    for (const auto& r : summary.rows) {
      for (const auto& d : r.behaviour.by_difficulty) {
        const auto mean = [](const std::optional<double>& v) { return v ? tokens(*v) : std::string("-"); };
        out += fmt::format("| {} | {} | {} | {} | {} | {} | {} |\n", escape_cell(r.model), escape_cell(r.suite),
                           escape_cell(d.difficulty), d.samples, tokens(d.mean_reasoning_tokens),
                           mean(d.mean_reasoning_tokens_correct), mean(d.mean_reasoning_tokens_incorrect));
      }
    }
  }
  return out + "\n";
}

nlohmann::json behaviour_json(const BehaviourSummary& s)
{
  if (!s.any()) {
    return nullptr;
  }
  nlohmann::json difficulty = nlohmann::json::array();
  for (const auto& d : s.by_difficulty) {
    difficulty.push_back({{"difficulty", d.difficulty},
                          {"samples", d.samples},
                          {"mean_reasoning_tokens", d.mean_reasoning_tokens},
                          {"mean_reasoning_tokens_correct", optional_json(d.mean_reasoning_tokens_correct)},
                          {"mean_reasoning_tokens_incorrect", optional_json(d.mean_reasoning_tokens_incorrect)}});
  }
  return {{"all", group_json(s.all)},
          {"correct", group_json(s.correct)},
          {"incorrect", group_json(s.incorrect)},
          {"by_difficulty", std::move(difficulty)}};
}

}  // namespace rb::reports
