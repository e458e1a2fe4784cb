#include "verifiers/puzzles/cruxeval_verifier.hpp"

#include "harness/util/strings.hpp"
#include "verifiers/puzzles/answer_extract.hpp"
#include "verifiers/puzzles/cruxeval_check.hpp"
#include "verifiers/puzzles/puzzle_verdict.hpp"
#include "verifiers/sandbox/sandbox.hpp"

namespace rb::verifiers {

namespace {

constexpr std::chrono::milliseconds k_wall{5000};
constexpr std::int64_t k_memory_bytes = 512 * sandbox::k_mib;

/// Position of the last "==" outside string literals, or npos.
std::size_t top_level_equals(std::string_view s)
{
  std::size_t found = std::string_view::npos;
  char quote = 0;
  for (std::size_t i = 0; i + 1 < s.size(); ++i) {
    const char c = s[i];
    if (quote != 0) {
      if (c == '\\') {
        ++i;
      } else if (c == quote) {
        quote = 0;
      }
    } else if (c == '\'' || c == '"') {
      quote = c;
    } else if (c == '=' && s[i + 1] == '=') {
      found = i;
      ++i;
    }
  }
  return found;
}

std::string_view strip_call(std::string_view s)
{
  s = util::trim(s);
  if (s.starts_with("f(") && s.ends_with(")")) {
    return s.substr(2, s.size() - 3);
  }
  return s;
}

}  // namespace

std::string cruxeval_prediction(std::string_view answer, bool input_mode)
{
  std::string_view s = util::trim(answer);
  if (s.starts_with("python\n") || s.starts_with("python ")) {
    s = util::trim(s.substr(6));
  }
  if (s.starts_with("assert ")) {
    s = util::trim(s.substr(7));
  }
  const std::size_t eq = top_level_equals(s);
  if (eq != std::string_view::npos && util::trim(s.substr(0, eq)).starts_with("f(")) {
    return std::string(input_mode ? strip_call(s.substr(0, eq)) : util::trim(s.substr(eq + 2)));
  }
  return std::string(input_mode ? strip_call(s) : s);
}

Verdict CruxevalVerifier::verify(const Problem& problem, const Response& response) const
{
  const nlohmann::json cd = checker_json(problem, "cruxeval");
  const std::string mode = cd.at("mode").get<std::string>();
  const bool input_mode = mode == "input";
  const auto span = extract_answer(response.text, AnswerShape::line);
  if (!span) {
    return make_verdict(VerdictKind::no_answer, std::nullopt, "no answer in the response");
  }
  const std::string prediction = cruxeval_prediction(span->text, input_mode);
  sandbox::RunSpec spec;
  spec.language = sandbox::Language::python;
  spec.source = std::string(cruxeval_checker_source());
  spec.files = {{"code.py", cd.at("code").get<std::string>()},
                {"mode.txt", mode},
                {"input.txt", cd.at("input").get<std::string>()},
                {"output.txt", cd.at("output").get<std::string>()},
                {"prediction.txt", prediction}};
  spec.limits.wall = k_wall;
  spec.limits.memory_bytes = k_memory_bytes;
  const sandbox::RunResult run = m_sandbox.run(spec);
  const CheckReport report = parse_check_report(run.stdout_text);
  const std::string call = input_mode ? "f(" + util::shorten(prediction, 80) + ")"
                                      : "f(" + util::shorten(cd.at("input").get<std::string>(), 80) + ")";
  nlohmann::json data{{"mode", mode},
                      {"status", std::string(sandbox::to_string(run.status))},
                      {"check", report.status},
                      {"returned", report.detail},
                      {"wall_ms", run.wall.count()}};
  const auto verdict = [&](VerdictKind kind, const std::string& why, const std::string& vote = "") {
    return make_verdict(kind, prediction, span->rule + ": " + why, vote, data.dump());
  };
  if (report.status.empty()) {
    if (run.status == sandbox::Status::sandbox_error) {
      return make_verdict(VerdictKind::error, prediction, "sandbox error: " + run.detail, "", data.dump());
    }
    if (input_mode) {  // the model's input made f loop, blow memory or print without end
      return verdict(VerdictKind::incorrect,
                     call + " did not finish: " + std::string(sandbox::to_string(run.status)) +
                         (run.detail.empty() ? "" : " (" + run.detail + ")"));
    }
    return make_verdict(
        VerdictKind::error, prediction,
        "the checker did not finish on the gold input: " + std::string(sandbox::to_string(run.status)) + " " +
            util::shorten(run.stderr_text, 200),
        "", data.dump());
  }
  if (report.status == "bad_gold") {
    return make_verdict(VerdictKind::error, prediction, "problem '" + problem.id + "': " + report.detail, "",
                        data.dump());
  }
  if (report.status == "equal") {
    return verdict(VerdictKind::correct,
                   input_mode ? call + " returns the expected output"
                              : call + " == the prediction (" + util::shorten(report.detail, 80) + ")",
                   report.vote);
  }
  if (report.status == "different") {
    return verdict(VerdictKind::incorrect,
                   call + " returns " + util::shorten(report.detail, 80) +
                       (input_mode ? ", not the expected output" : ", not the prediction"),
                   report.vote);
  }
  if (report.status == "not_literal") {
    return verdict(VerdictKind::incorrect, "'" + util::shorten(prediction, 60) + "' is not a Python literal");
  }
  if (report.status == "refused") {
    return verdict(VerdictKind::incorrect, "the predicted input " + report.detail + ", which is not allowed");
  }
  return verdict(VerdictKind::incorrect, call + " raised " + util::shorten(report.detail, 120));
}

}  // namespace rb::verifiers
