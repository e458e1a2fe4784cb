#include "harness/cli/grade_file.hpp"

#include <cstdio>
#include <cstring>
#include <fstream>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "harness/cli/grade_rewards.hpp"
#include "harness/core/error.hpp"
#include "harness/core/reasoning.hpp"
#include "harness/util/strings.hpp"
#include "harness/util/task_pool.hpp"
#include "suites/registry.hpp"
#include "verifiers/registry.hpp"

namespace rb::cli {

namespace {

struct Generation {
  std::string problem_id;
  std::int64_t sample = 0;
  std::string response;  ///< as given, reasoning tags included
  std::string text;
  std::string reasoning;
  std::string finish_reason;
  bool unclosed = false;
  const Problem* problem = nullptr;
};

std::string field_string(const nlohmann::json& line, const char* key, const std::string& where, bool required)
{
  const auto it = line.find(key);
  if (it == line.end() || it->is_null()) {
    if (required) {
      throw ConfigError(where + ": field '" + key + "' missing");
    }
    return "";
  }
  if (it->is_string()) {
    return it->get<std::string>();
  }
  if (std::string(key) == "problem_id" && it->is_number_integer()) {
    return std::to_string(it->get<std::int64_t>());
  }
  throw ConfigError(where + ": field '" + key + "' must be a string, got " + it->type_name());
}

Generation parse_line(const std::string& text, const std::string& where,
                      const std::unordered_map<std::string, const Problem*>& problems, const std::string& suite)
{
  nlohmann::json line;
  try {
    line = nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    throw ConfigError(where + ": not valid JSON (" + util::shorten(e.what(), 120) + ")");
  }
  if (!line.is_object()) {
    throw ConfigError(where + ": expected a JSON object, got " + std::string(line.type_name()));
  }
  Generation g;
  g.problem_id = field_string(line, "problem_id", where, true);
  const auto problem = problems.find(g.problem_id);
  if (problem == problems.end()) {
    throw ConfigError(where + ": problem_id '" + g.problem_id + "' is not in suite '" + suite + "'");
  }
  g.problem = problem->second;
  g.response = field_string(line, "response", where, true);
  const ReasoningSplit split = split_reasoning(g.response);
  g.text = split.answer;
  g.unclosed = split.unclosed;
  g.reasoning = field_string(line, "reasoning", where, false);
  if (!split.reasoning.empty()) {
    g.reasoning += (g.reasoning.empty() ? "" : "\n") + split.reasoning;
  }
  g.finish_reason = field_string(line, "finish_reason", where, false);
  if (const auto it = line.find("sample"); it != line.end() && !it->is_null()) {
    if (!it->is_number_integer()) {
      throw ConfigError(where + ": field 'sample' must be an integer");
    }
    g.sample = it->get<std::int64_t>();
  }
  return g;
}

}  // namespace

int grade_file(const GradeFlags& flags)
{
  const Suite suite = suites::load_suite(flags.suite, {flags.data, "", 0});
  const auto verifier = verifiers::make_verifier(suite.verifier);
  const std::optional<RewardLine> rewards = flags.rewards ? std::optional<RewardLine>(*flags.rewards) : std::nullopt;
  std::unordered_map<std::string, const Problem*> problems;
  for (const auto& p : suite.problems) {
    problems.emplace(p.id, &p);
  }
  std::ifstream in(flags.in);
  if (!in) {
    throw ConfigError("--in: cannot read '" + flags.in + "': " + std::strerror(errno));
  }
  std::vector<Generation> generations;
  std::string line;
  for (long number = 1; std::getline(in, line); ++number) {
    if (util::trim(line).empty()) {
      continue;
    }
    generations.push_back(parse_line(line, flags.in + ":" + std::to_string(number), problems, flags.suite));
  }

  std::vector<Verdict> verdicts(generations.size());
  {
    util::TaskPool pool(0);
    for (std::size_t i = 0; i < generations.size(); ++i) {
      pool.submit([&, i] {
        const Generation& g = generations[i];
        verdicts[i] = grade(*verifier, *g.problem, Response{g.text, g.reasoning, g.finish_reason, g.unclosed});
      });
    }
  }

  std::FILE* out = stdout;
  if (!flags.out.empty() && flags.out != "-") {
    out = std::fopen(flags.out.c_str(), "w");
    if (out == nullptr) {
      throw ConfigError("--out: cannot write '" + flags.out + "': " + std::strerror(errno));
    }
  }
  std::int64_t correct = 0;
  for (std::size_t i = 0; i < generations.size(); ++i) {
    const Verdict& v = verdicts[i];
    correct += v.correct() ? 1 : 0;
    nlohmann::json row{{"problem_id", generations[i].problem_id},
                             {"sample", generations[i].sample},
                             {"verdict", to_string(v.kind)},
                             {"correct", v.correct()},
                             {"extracted", v.extracted ? nlohmann::json(*v.extracted) : nlohmann::json(nullptr)},
                             {"detail", v.detail}};
    if (rewards) {
      const Generation& g = generations[i];
      rewards->add(row, suite.prompt, *g.problem, {g.response, g.reasoning, g.text, g.finish_reason, g.unclosed},
                   *verifier, v);
    }
    std::fprintf(out, "%s\n", row.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
  }
  if (out != stdout && std::fclose(out) != 0) {
    throw ConfigError("--out: cannot write '" + flags.out + "'");
  }
  std::fprintf(stderr, "reasonbench: graded %zu generation(s) of suite '%s': %lld correct\n", generations.size(),
               flags.suite.c_str(), static_cast<long long>(correct));
  return 0;
}

}  // namespace rb::cli
