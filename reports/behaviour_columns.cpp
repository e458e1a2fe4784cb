// The behaviour figures as CSV columns (docs/behaviour.md, "In reports"): those of all analysed
// samples, and the mean reasoning tokens of the correct and wrong ones. Appended to the summary
// columns by columns() (columns.cpp) after the meters'; CSV positions 57 onwards. Empty fields
// when the row has no analysed samples (or, for the means of visible reasoning, none visible).
#include "reports/behaviour_render.hpp"

namespace rb::reports {

namespace {

Value rate(const RowRef& r, double BehaviourGroup::*field)
{
  return r.row.behaviour.any() ? Value(r.row.behaviour.all.*field) : Value();
}

Value maybe(const std::optional<double>& value)
{
  return value ? Value(*value) : Value();
}

Value mean_tokens(const BehaviourGroup& g)
{
  return g.samples > 0 ? Value(g.mean_reasoning_tokens) : Value();
}

const Column k_behaviour_columns[] = {
    {.key = "behaviour_samples", .definition = "samples with a behaviour analysis", .csv = 57,
     .value = [](const RowRef& r) -> Value { return r.row.behaviour.all.samples; }},
    {.key = "format_ok_rate", .definition = "share with one closed reasoning block before an answer of the asked form",
     .csv = 58, .value = [](const RowRef& r) { return rate(r, &BehaviourGroup::format_ok_rate); }},
    {.key = "behaviour_truncation_rate",
     .definition = "share cut off: finish_reason length, unclosed reasoning, or no answer after it", .csv = 59,
     .value = [](const RowRef& r) { return rate(r, &BehaviourGroup::truncation_rate); }},
    {.key = "mixing_rate", .definition = "share with language mixing", .csv = 60,
     .value = [](const RowRef& r) { return rate(r, &BehaviourGroup::mixing_rate); }},
    {.key = "language_consistency", .definition = "mean target-language share of the visible reasoning", .csv = 61,
     .value = [](const RowRef& r) { return maybe(r.row.behaviour.all.consistency); }},
    {.key = "reflections_per_1k_tokens", .definition = "reflection markers per 1,000 visible reasoning tokens",
     .csv = 62, .csv_decimals = 3,
     .value = [](const RowRef& r) { return maybe(r.row.behaviour.all.reflections_per_1k_tokens); }},
    {.key = "repeated_ngram_ratio", .definition = "mean share of repeated word 4-grams in the visible reasoning",
     .csv = 63, .value = [](const RowRef& r) { return maybe(r.row.behaviour.all.repeated_ngram_ratio); }},
    {.key = "loop_rate", .definition = "share ending in one phrase repeated", .csv = 64,
     .value = [](const RowRef& r) { return rate(r, &BehaviourGroup::loop_rate); }},
    {.key = "overthinking_tokens",
     .definition = "mean reasoning tokens after the first correct intermediate answer, where there is one",
     .csv = 65, .csv_decimals = 1, .value = [](const RowRef& r) { return maybe(r.row.behaviour.all.overthinking_tokens); }},
    {.key = "reasoning_tokens_correct", .definition = "mean reasoning tokens of correct analysed samples", .csv = 66,
     .csv_decimals = 1, .value = [](const RowRef& r) { return mean_tokens(r.row.behaviour.correct); }},
    {.key = "reasoning_tokens_incorrect", .definition = "mean reasoning tokens of wrong analysed samples", .csv = 67,
     .csv_decimals = 1, .value = [](const RowRef& r) { return mean_tokens(r.row.behaviour.incorrect); }},
};

}  // namespace

std::span<const Column> behaviour_csv_columns()
{
  return k_behaviour_columns;
}

}  // namespace rb::reports
