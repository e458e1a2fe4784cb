#pragma once
// Helpers of the code suites' real-data tests: grading many answers on a few threads, and the
// mutants a wrong solution is made of (return None, off by one, a swapped branch).
#include <catch2/catch.hpp>

#include <cstdlib>
#include <algorithm>
#include <fstream>
#include <atomic>
#include <functional>
#include <mutex>
#include <regex>
#include <string>
#include <thread>
#include <vector>

#include "harness/core/verifier.hpp"
#include "harness/util/strings.hpp"
#include "tests/support/test_env.hpp"
#include "verifiers/sandbox/sandbox.hpp"

namespace rb::test {

struct Graded {
  std::string problem_id;
  Verdict verdict;
};

/// Grades answer(problem) for every problem on `threads` threads; results in problem order.
/// Problems whose answer is empty are skipped (no mutant of that kind exists for them).
inline std::vector<Graded> grade_each(const Verifier& verifier, const std::vector<Problem>& problems,
                                      const std::function<std::string(const Problem&)>& answer, int threads = 2)
{
  std::vector<Graded> out(problems.size());
  std::atomic<std::size_t> next{0};
  const auto work = [&] {
    for (std::size_t i = next++; i < problems.size(); i = next++) {
      const std::string text = answer(problems[i]);
      out[i].problem_id = problems[i].id;
      if (!text.empty()) {
        out[i].verdict = verifier.verify(problems[i], Response{text, "", "stop", false});
      } else {
        out[i].verdict.kind = VerdictKind::no_answer;
        out[i].verdict.detail = "(skipped)";
      }
    }
  };
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t) {
    pool.emplace_back(work);
  }
  for (auto& t : pool) {
    t.join();
  }
  return out;
}

/// "id: detail" lines of the graded answers whose verdict is (or is not) correct.
inline std::vector<std::string> where(const std::vector<Graded>& graded, bool correct)
{
  std::vector<std::string> ids;
  for (const auto& g : graded) {
    if (g.verdict.detail != "(skipped)" && (g.verdict.kind == VerdictKind::correct) == correct) {
      ids.push_back(g.problem_id + ": " + std::string(to_string(g.verdict.kind)) + ": " +
                    util::shorten(g.verdict.detail, 300));
    }
  }
  return ids;
}

/// Whether the slowest real-data checks run (each takes 3-6 minutes of 2 cores: every reference
/// and mutant of a large suite through the sandbox). Off by default so CI stays under its time
/// limit; REASONBENCH_SLOW_TESTS=1 runs them (docs/code.md records their last results).
inline bool slow_tests_wanted()
{
  const char* wanted = std::getenv("REASONBENCH_SLOW_TESTS");
  if (wanted != nullptr && std::string(wanted) == "1") {
    return true;
  }
  WARN("SKIPPED: slow (minutes); set REASONBENCH_SLOW_TESTS=1 to run it");
  return false;
}

/// Sets REASONBENCH_DATA to ../shared/data and says yes when the data and the namespace sandbox
/// are both here; otherwise prints why the test is skipped.
inline bool code_data_prepared()
{
  if (shared_data_dir().empty()) {
    WARN("SKIPPED: ../shared/data absent");
    return false;
  }
  if (!sandbox::probe_namespaces().available) {
    WARN("SKIPPED: the namespace sandbox is unavailable here: " << sandbox::probe_namespaces().why);
    return false;
  }
  ::setenv("REASONBENCH_DATA", shared_data_dir().c_str(), 1);
  return true;
}

/// Whether this machine is oversubscribed now (1-minute load over twice its cores): its wall
/// clocks cannot be honoured, and a correct but slow program may end as `timeout`.
inline bool oversubscribed()
{
  std::ifstream in("/proc/loadavg");
  double load = 0;
  in >> load;
  return load > 2.0 * std::max(1U, std::thread::hardware_concurrency());
}

/// `lines` (from where()) without the timeouts, which are reported instead when the machine is
/// oversubscribed (a timeout verdict is never confused with a wrong answer).
inline std::vector<std::string> unless_load(const std::vector<std::string>& lines)
{
  if (!oversubscribed()) {
    return lines;
  }
  std::vector<std::string> kept;
  for (const auto& line : lines) {
    if (line.find(": timeout: ") == std::string::npos) {
      kept.push_back(line);
    } else {
      WARN("timeout tolerated, the machine is oversubscribed: " << line);
    }
  }
  return kept;
}

inline std::size_t graded_count(const std::vector<Graded>& graded)
{
  return static_cast<std::size_t>(std::count_if(graded.begin(), graded.end(),
                                                [](const Graded& g) { return g.verdict.detail != "(skipped)"; }));
}

inline std::string joined(const std::vector<std::string>& lines)
{
  std::string out;
  for (const auto& l : lines) {
    out += l + "\n";
  }
  return out;
}

/// The code inside the first fenced block of `text` (a Problem's reference).
inline std::string unfence(const std::string& text)
{
  const std::size_t open = text.find("```");
  const std::size_t body = text.find('\n', open);
  const std::size_t close = text.rfind("```");
  if (open == std::string::npos || body == std::string::npos || close <= body) {
    return text;
  }
  return text.substr(body + 1, close - body - 1);
}

inline std::string fenced(const std::string& language, const std::string& code)
{
  return "```" + language + "\n" + code + "\n```";
}

enum class Mutant { return_none, off_by_one, swapped_branch };

/// A Python reference made wrong. return_none and off_by_one wrap the entry point (a function,
/// or Solution's method `method` when `method` is set): the first returns None, the second
/// shifts the result (numbers +1, bools negated, strings and sequences changed at the end).
/// swapped_branch negates the first `if` condition; "" when the code has none.
inline std::string python_mutant(const std::string& code, const std::string& entry, bool method, Mutant kind)
{
  if (kind == Mutant::swapped_branch) {
    static const std::regex k_if(R"(^([ \t]*)if (.+):[ \t]*$)", std::regex::multiline);
    std::smatch m;
    if (!std::regex_search(code, m, k_if)) {
      return "";
    }
    return code.substr(0, static_cast<std::size_t>(m.position(0))) + m[1].str() + "if not (" + m[2].str() + "):" +
           code.substr(static_cast<std::size_t>(m.position(0) + m.length(0)));
  }
  const std::string shift =
      "def _rb_shift(r):\n"
      "    if isinstance(r, bool): return not r\n"
      "    if isinstance(r, (int, float)): return r + 1\n"
      "    if isinstance(r, str): return r + 'x'\n"
      "    if isinstance(r, list): return r[:-1] if r else [0]\n"
      "    if isinstance(r, tuple): return r[:-1] if r else (0,)\n"
      "    if isinstance(r, (set, frozenset, dict)): return type(r)() if r else None\n"
      "    return 0 if r is None else None\n";
  const std::string result = kind == Mutant::return_none ? "None" : "_rb_shift(_rb_r)";
  if (method) {
    return code + "\n\n" + shift + "_rb_ref = Solution." + entry + "\ndef _rb_mut(self, *a, **k):\n" +
           "    _rb_r = _rb_ref(self, *a, **k)\n    return " + result + "\nSolution." + entry + " = _rb_mut\n";
  }
  return code + "\n\n" + shift + "_rb_ref = " + entry + "\ndef " + entry + "(*a, **k):\n" +
         "    _rb_r = _rb_ref(*a, **k)\n    return " + result + "\n";
}

/// A C++ function body made wrong: `return {};` first (the default value), or the first
/// comparison operator of an `if` swapped; "" when there is nothing to mutate.
inline std::string cpp_mutant(const std::string& body, Mutant kind)
{
  if (kind == Mutant::return_none) {
    return "  return {};\n" + body;  // the body follows the signature's opening brace
  }
  static const std::regex k_if(R"(if\s*\(([^()]*?)(==|!=|<=|>=|<|>)([^()]*?)\))");
  std::smatch m;
  if (!std::regex_search(body, m, k_if)) {
    return "";
  }
  const std::string op = m[2].str();
  const std::string swapped = op == "==" ? "!=" : op == "!=" ? "==" : op == "<" ? ">=" : op == ">" ? "<=" : op == "<=" ? ">" : "<";
  return body.substr(0, static_cast<std::size_t>(m.position(0))) + "if (" + m[1].str() + swapped + m[3].str() + ")" +
         body.substr(static_cast<std::size_t>(m.position(0) + m.length(0)));
}

}  // namespace rb::test
