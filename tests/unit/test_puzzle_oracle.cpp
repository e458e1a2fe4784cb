// Oracle answers (the generators' references) score 100% on every generator suite and every
// difficulty; mutated answers, wrong by construction or by uniqueness, score 0%.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "harness/util/strings.hpp"
#include "tests/unit/test_puzzle_support.hpp"

using namespace rb;
using nlohmann::json;

namespace {

std::string inside_tags(const std::string& reference)
{
  const std::size_t open = reference.find("<answer>");
  const std::size_t close = reference.rfind("</answer>");
  REQUIRE(open != std::string::npos);
  REQUIRE(close != std::string::npos);
  return std::string(util::trim(std::string_view(reference).substr(open + 8, close - open - 8)));
}

std::string tagged(const std::string& body)
{
  return "<answer>\n" + body + "\n</answer>";
}

/// A wrong answer for `p`: breaks the number-use rule (countdown), or names a different solution
/// of a puzzle whose solution is unique (confirmed in test_puzzle_uniqueness.cpp).
std::string mutated(const Problem& p, const std::string& verifier)
{
  const json cd = json::parse(p.checker_data);
  const std::string body = inside_tags(p.reference);
  if (verifier == "countdown") {
    return tagged("(" + body + ") + " + std::to_string(cd["numbers"][0].get<long long>()));
  }
  if (verifier == "knights_and_knaves") {
    const std::size_t knight = body.find("knight");
    const std::size_t knave = body.find("knave");
    std::string out = body;
    if (knave == std::string::npos || (knight != std::string::npos && knight < knave)) {
      return tagged(out.replace(knight, 6, "knave"));
    }
    return tagged(out.replace(knave, 5, "knight"));
  }
  if (verifier == "sudoku") {
    const std::string givens = cd["givens"];
    std::string grid = cd["solution"];
    const int size = cd["size"];
    const std::size_t cell = givens.find('0');
    grid[cell] = static_cast<char>('1' + (grid[cell] - '0') % size);
    std::string rows;
    for (int r = 0; r < size; ++r) {
      rows += grid.substr(static_cast<std::size_t>(r * size), static_cast<std::size_t>(size)) + "\n";
    }
    return tagged(rows);
  }
  if (verifier == "zebra") {  // swap the first attribute's values of houses 1 and 2
    auto lines = util::split(body, '\n');
    const auto first_value = [](const std::string& line) {
      const std::size_t colon = line.find(':');
      const std::size_t comma = line.find(',', colon);
      return line.substr(colon + 2, comma == std::string::npos ? std::string::npos : comma - colon - 2);
    };
    const std::string a = first_value(lines[0]);
    const std::string b = first_value(lines[1]);
    lines[0].replace(lines[0].find(a), a.size(), b);
    lines[1].replace(lines[1].find(b), b.size(), a);
    return tagged(util::join(lines, "\n"));
  }
  if (verifier == "shortest_path") {  // skip the second node
    auto nodes = util::split(util::replace_all(body, " -> ", ">"), '>');
    nodes.erase(nodes.begin() + 1);
    return tagged(util::join(nodes, " -> "));
  }
  if (verifier == "cryptarithm") {  // swap the digits of the first two letters
    auto pairs = util::split(util::replace_all(body, ", ", ","), ',');
    std::swap(pairs[0].back(), pairs[1].back());
    return tagged(util::join(pairs, ", "));
  }
  if (verifier == "linear_system") {  // the first value plus one
    const json solution = cd["solution"];
    std::string out;
    for (std::size_t k = 0; k < solution.size(); ++k) {
      out += (k > 0 ? ", " : "") + cd["variables"][k].get<std::string>() + " = " +
             std::to_string(solution[k].get<long long>() + (k == 0 ? 1 : 0));
    }
    return tagged(out);
  }
  FAIL("no mutation for verifier " << verifier);
  return "";
}

}  // namespace

TEST_CASE("oracle answers score 100% and mutated answers 0% on every generator suite", "[puzzles][oracle]")
{
  for (const auto& spec : test::generator_specs()) {
    for (int difficulty = 1; difficulty <= 5; ++difficulty) {
      const bool slow = spec == "gen:sudoku?size=9" || spec == "gen:zebra";
      const Suite suite = suites::load_suite(test::with_params(spec, slow ? 8 : 40, 5, difficulty), {});
      const auto verifier = verifiers::make_verifier(suite.verifier);
      int oracle_correct = 0;
      int sim_correct = 0;
      int mutated_correct = 0;
      for (const auto& p : suite.problems) {
        const Verdict oracle = test::grade_text(*verifier, p, p.reference);
        INFO(spec << " difficulty " << difficulty << "\n"
                  << p.text << "\nreference: " << p.reference << "\n"
                  << oracle.detail);
        CHECK(oracle.kind == VerdictKind::correct);
        CHECK(!oracle.vote.empty());
        oracle_correct += oracle.correct() ? 1 : 0;
        // As serve-sim writes a correct answer: filler, then the reference.
        const Verdict sim =
            test::grade_text(*verifier, p, "We check each case. So the final answer is " + p.reference);
        sim_correct += sim.correct() ? 1 : 0;
        const std::string wrong = mutated(p, suite.verifier);
        const Verdict bad = test::grade_text(*verifier, p, wrong);
        INFO("mutated: " << wrong << "\n" << bad.detail);
        CHECK(bad.kind == VerdictKind::incorrect);
        mutated_correct += bad.correct() ? 1 : 0;
      }
      const int n = static_cast<int>(suite.problems.size());
      CHECK(oracle_correct == n);
      CHECK(sim_correct == n);
      CHECK(mutated_correct == 0);
    }
  }
}

TEST_CASE("every generated problem's reference is correct with the verifier run through grade()",
          "[puzzles][oracle]")
{
  for (const auto& spec : test::generator_specs()) {
    const Suite suite = suites::load_suite(test::with_params(spec, 3, 9, 3), {});
    const auto verifier = verifiers::make_verifier(suite.verifier);
    for (const auto& p : suite.problems) {
      INFO(spec << ": " << p.reference);
      // finish_reason "length" keeps a correct verdict; an unclosed reasoning block is truncated.
      CHECK(grade(*verifier, p, Response{p.reference, "", "length", false}).kind == VerdictKind::correct);
      CHECK(grade(*verifier, p, Response{"", "", "stop", true}).kind == VerdictKind::truncated);
      CHECK(grade(*verifier, p, Response{"", "", "stop", false}).kind == VerdictKind::no_answer);
    }
  }
}
