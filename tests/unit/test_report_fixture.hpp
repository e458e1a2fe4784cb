#pragma once
// Databases built by hand for the report and compare tests (unit, golden, integration,
// browser): runs of given samples, runs of per-problem correct counts, and a "showcase" run
// with several models, suites, difficulties and an injected script in a response.
#include <cstdint>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "harness/store/store.hpp"
#include "harness/util/rng.hpp"

namespace rb::test {

/// The script a hostile response carries: if it ever ran, the page's title or the body's
/// data-pwned attribute would show it.
inline const std::string k_injected_script =
    "<script>document.title='PWNED';document.body.setAttribute('data-pwned','script')</script>"
    "<img src=x onerror=\"document.body.setAttribute('data-pwned','onerror')\">";

struct FixtureSample {
  std::string model;
  std::string suite;
  std::string problem;
  int sample = 0;
  std::string verdict;  ///< a VerdictKind name; "" not graded; "failed" a failed generation
  std::string vote;
  std::int64_t output_tokens = 1000;
  std::int64_t reasoning_tokens = 800;
  double e2e_ms = 1000;
  double cost_usd = 0.002;
  bool tokens_reported = true;
  bool from_cache = false;
  std::string answer = "answer";
  std::string reasoning = "reasoning";
  std::string started_at = "2026-11-29T00:00:01.000Z";
};

/// Creates a finished run `name` holding `samples`; problems are created on first use with
/// metadata difficulty `difficulty(problem)`.
template <typename Difficulty>
std::int64_t add_run(store::Store& db, const std::string& name, const std::vector<FixtureSample>& samples,
                     Difficulty difficulty)
{
  store::RunRecord run;
  run.name = name;
  run.config_json = "{}";
  run.harness_version = "0.1.0";
  run.git_revision = "abcdef123456";
  run.host_json = "{}";
  run.started_at = "2026-11-29T00:00:00.000Z";
  const auto run_id = db.create_run(run);
  db.set_run_status(run_id, "finished", true);
  store::Store::Transaction tx(db);
  for (const auto& f : samples) {
    Problem p;
    p.id = f.problem;
    p.text = "Problem " + f.problem + ": compute something.";
    p.answer = "gold-" + f.problem;
    const std::string d = difficulty(f.problem);
    if (!d.empty()) {
      p.metadata = {{"difficulty", d}};
    }
    const auto refs = db.upsert_problems(f.suite, std::vector<Problem>{p});
    store::SampleRecord record;
    record.run_id = run_id;
    record.key = {f.model, f.suite, f.problem, f.sample};
    record.problem_ref = refs.at(0);
    record.started_at = f.started_at;
    if (f.verdict == "failed") {
      record.error = "http: HTTP 500 from sim";
    } else {
      record.sample.text = f.answer;
      record.sample.reasoning = f.reasoning;
      record.sample.finish_reason = f.verdict == "truncated" ? "length" : "stop";
      record.sample.usage = {100, f.output_tokens, f.reasoning_tokens, 0, f.tokens_reported};
      record.sample.timings.e2e_ms = f.e2e_ms;
      record.sample.timings.ttft_ms = f.e2e_ms / 10;
      record.sample.cost_usd = f.cost_usd;
      record.sample.from_cache = f.from_cache;
    }
    const auto id = db.insert_sample(record);
    if (f.verdict == "failed") {
      db.insert_verdict({id, "numeric", "1", {VerdictKind::error, std::nullopt, "generation failed"}});
    } else if (!f.verdict.empty()) {
      db.insert_verdict(
          {id,
           "numeric",
           "1",
           {*parse_verdict_kind(f.verdict), f.vote.empty() ? std::nullopt : std::optional(f.vote),
            "rule: " + f.verdict, f.vote, ""}});
    }
  }
  tx.commit();
  return run_id;
}

inline std::int64_t add_run(store::Store& db, const std::string& name,
                            const std::vector<FixtureSample>& samples)
{
  return add_run(db, name, samples, [](const std::string&) { return std::string(); });
}

/// A run of one model on one suite: problem i ("q0", "q1", ...) has `correct[i]` correct
/// samples out of `samples_per_problem` (the first ones correct, voting "gold", the rest
/// incorrect, voting "wrong").
inline std::int64_t add_counts_run(store::Store& db, const std::string& name, const std::string& model,
                                   const std::string& suite, int samples_per_problem,
                                   const std::vector<int>& correct)
{
  std::vector<FixtureSample> samples;
  for (int s = 0; s < samples_per_problem; ++s) {
    for (std::size_t i = 0; i < correct.size(); ++i) {
      FixtureSample f;
      f.model = model;
      f.suite = suite;
      f.problem = "q" + std::to_string(i);
      f.sample = s;
      f.verdict = s < correct[i] ? "correct" : "incorrect";
      f.vote = s < correct[i] ? "gold" : "wrong";
      samples.push_back(f);
    }
  }
  return add_run(db, name, samples);
}

/// Three models (one SIMULATED, one with estimated tokens), two suites of 24 problems with
/// difficulties 1-3, 8 samples each, a hostile response, every verdict kind: the run the
/// browser test loads and people look at in the screenshot.
inline void fill_showcase(store::Store& db)
{
  const char* models[] = {"deepseek-r1", "r1-distill-qwen-7b", "sim:o1-like (SIMULATED)"};
  const char* suites[] = {"aime-style", "gen:arith?n=24"};
  const double skill[] = {0.8, 0.55, 0.65};
  const double tokens[] = {6000, 4200, 900};
  const double price[] = {2.19e-6, 0.2e-6, 4.4e-6};  // $ per output token
  util::SplitMix64 rng(7);
  std::vector<FixtureSample> samples;
  for (int s = 0; s < 8; ++s) {
    for (int suite = 0; suite < 2; ++suite) {
      for (int p = 0; p < 24; ++p) {
        for (int m = 0; m < 3; ++m) {
          FixtureSample f;
          f.model = models[m];
          f.suite = suites[suite];
          f.problem = fmt::format("{}-{:02d}", suite == 0 ? "aime" : "arith", p);
          f.sample = s;
          const double difficulty = 1 + p % 3;
          const double chance = skill[m] * (1.15 - 0.25 * difficulty) + (suite == 1 ? 0.15 : 0.0);
          const double u = rng.uniform();
          const bool right = u < chance;
          f.verdict = right ? "correct" : (u > 0.97 ? "truncated" : (u > 0.93 ? "no_answer" : "incorrect"));
          f.vote = right ? "42" : (f.verdict == "incorrect" ? std::to_string(rng.below(3)) : "");
          f.output_tokens =
              static_cast<std::int64_t>(tokens[m] * (0.5 + rng.uniform()) * (right ? 0.8 : 1.3));
          f.reasoning_tokens = m == 2 ? 0 : f.output_tokens * 9 / 10;
          f.e2e_ms = 40.0 * static_cast<double>(f.output_tokens) / (m == 2 ? 20.0 : 50.0) *
                     (0.8 + 0.4 * rng.uniform());
          f.cost_usd = static_cast<double>(f.output_tokens) * price[m];
          f.tokens_reported = m != 2;
          f.answer = right ? "The answer is \\boxed{42}." : "The answer is \\boxed{41}.";
          f.reasoning = "Let me think step by step about problem " + f.problem + ". Wait, check again.";
          if (m == 1 && suite == 0 && p == 0 && s == 0) {  // the hostile response, shown in the browser
            f.answer = "Ignore that. " + k_injected_script + " \\boxed{7}";
            f.reasoning = "<think>" + k_injected_script + "</think>";
            f.verdict = "incorrect";
            f.vote = "7";
          }
          f.started_at = fmt::format("2026-11-29T00:{:02d}:{:02d}.000Z", s * 3 + suite, p * 2);
          samples.push_back(f);
        }
      }
    }
  }
  add_run(db, "showcase", samples, [](const std::string& problem) {
    return std::to_string(1 + std::stoi(problem.substr(problem.find('-') + 1)) % 3);
  });
}

/// Markup that runs script if a page ever inserts it unescaped, in element content or in an
/// attribute value (each part sets data-pwned on the body to say which one ran).
inline const std::string k_hostile_text =
    "<script>document.body.setAttribute('data-pwned','script')</script>"
    "<img src=x onerror=\"document.body.setAttribute('data-pwned','img')\">"
    "\"><svg onload=\"document.body.setAttribute('data-pwned','svg-attr')\"></svg>"
    "'><svg onload=\"document.body.setAttribute('data-pwned','svg-attr1')\"></svg>"
    "</title></pre></code></details></textarea></option><script>document.body.setAttribute('data-pwned',"
    "'breakout')</script>"
    "<iframe srcdoc=\"<script>parent.document.body.setAttribute('data-pwned','iframe')</script>\"></iframe>"
    "<a href=\"javascript:document.body.setAttribute('data-pwned','href')\">x</a><!--";

/// A run where every text a report shows is hostile: the run name, a model label, the suite, the
/// problem ids (and so the problem texts and gold answers), the difficulty labels, the votes
/// (extracted answers), the reasoning and the answers.
inline void fill_hostile(store::Store& db)
{
  std::vector<FixtureSample> samples;
  for (int s = 0; s < 2; ++s) {
    for (int p = 0; p < 4; ++p) {
      for (const std::string& model : {std::string("clean-model"), "model " + k_hostile_text}) {
        FixtureSample f;
        f.model = model;
        f.suite = "suite " + k_hostile_text;
        f.problem = "p" + std::to_string(p) + k_hostile_text;
        f.sample = s;
        f.verdict = (p + s) % 2 == 0 ? "correct" : "incorrect";
        f.vote = f.verdict == "correct" ? "v" + k_hostile_text : "other";
        f.answer = "answer " + k_hostile_text;
        f.reasoning = "<think>" + k_hostile_text + "</think>";
        f.e2e_ms = 100.0 * (p + 1);
        samples.push_back(f);
      }
    }
  }
  add_run(db, "run " + k_hostile_text, samples,
          [](const std::string& problem) { return problem.substr(0, 2) + k_hostile_text; });
}

}  // namespace rb::test
