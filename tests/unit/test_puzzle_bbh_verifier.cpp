#include <catch2/catch.hpp>

#include "tests/unit/test_puzzle_support.hpp"
#include "verifiers/exact/bbh_verifier.hpp"

using namespace rb;

namespace {

Problem bbh(const std::string& form, const std::string& answer, const std::string& extra = "")
{
  Problem p;
  p.id = "t";
  p.answer = answer;
  // Appended piece by piece: g++ 12 warns (-Wrestrict, a false positive) on the '+' chain.
  p.checker_data = "{\"form\":\"";
  p.checker_data.append(form).append("\"").append(extra).append("}");
  return p;
}

Verdict grade(const Problem& p, const std::string& text)
{
  return test::grade_text(verifiers::BbhVerifier(), p, text);
}

}  // namespace

TEST_CASE("bbh verifier: multiple choice letters in every common spelling", "[puzzles][bbh]")
{
  const Problem p = bbh("choice", "(B)", R"(,"options":{"A":"12/11/1937","B":"12/25/1937"})");
  for (const std::string text :
       {"So the answer is (B).", "<answer>(B)</answer>", "<answer>B</answer>", "Answer: B)", "\\boxed{B}",
        "The answer is Option B.", "<answer>(B) 12/25/1937</answer>", "<answer>12/25/1937</answer>",
        "the answer is **(B)**"}) {
    INFO(text);
    CHECK(grade(p, text).kind == VerdictKind::correct);
    CHECK(grade(p, text).vote == "(B)");
  }
  CHECK(grade(p, "So the answer is (A).").detail == "answer phrase: (A) != gold (B)");
  CHECK(grade(p, "<answer>(A) or (B)</answer>").detail ==
        "answer tag: '(A) or (B)' gives several answers (AB)");
  CHECK(grade(p, "<answer>Christmas</answer>").kind == VerdictKind::incorrect);
  CHECK(grade(p, "").kind == VerdictKind::no_answer);
}

TEST_CASE("bbh verifier: a choice task whose gold is text is graded as text", "[puzzles][bbh]")
{
  const Problem p = bbh("choice", "Monsters, Inc", R"(,"options":{"A":"Monsters","B":"Inc"})");
  CHECK(grade(p, "So the answer is Monsters, Inc.").kind == VerdictKind::correct);
  CHECK(grade(p, "So the answer is (A).").kind == VerdictKind::incorrect);
}

TEST_CASE("bbh verifier: binary answers, integers, brackets, words, shapes and time slots", "[puzzles][bbh]")
{
  CHECK(grade(bbh("true_false", "False"), "So the answer is False.").kind == VerdictKind::correct);
  CHECK(grade(bbh("true_false", "False"), "<answer>false</answer>").kind == VerdictKind::correct);
  CHECK(grade(bbh("true_false", "False"), "<answer>True</answer>").detail ==
        "answer tag: true != gold false");
  CHECK(grade(bbh("true_false", "False"), "<answer>True or False</answer>").kind == VerdictKind::incorrect);
  CHECK(grade(bbh("yes_no", "No"), "So the answer is no.").kind == VerdictKind::correct);
  CHECK(grade(bbh("yes_no", "yes"), "<answer>Yes</answer>").kind == VerdictKind::correct);
  CHECK(grade(bbh("valid_invalid", "invalid"), "So the answer is invalid.").kind == VerdictKind::correct);
  CHECK(grade(bbh("valid_invalid", "invalid"), "<answer>The argument is not valid</answer>").kind ==
        VerdictKind::correct);
  CHECK(grade(bbh("valid_invalid", "valid"), "So the answer is invalid.").kind == VerdictKind::incorrect);
  CHECK(grade(bbh("integer", "-50"), "So the answer is -50.").kind == VerdictKind::correct);
  CHECK(grade(bbh("integer", "8"), "<answer>You have 8 instruments</answer>").kind == VerdictKind::correct);
  CHECK(grade(bbh("integer", "8"), "<answer>9</answer>").detail == "answer tag: 9 != gold 8");
  CHECK(grade(bbh("integer", "14687"), "\\boxed{14,687}").kind == VerdictKind::correct);
  const Problem dyck = bbh("dyck", "] ] >", R"(,"prefix":"< [ [")");
  CHECK(grade(dyck, "So the answer is ] ] >.").kind == VerdictKind::correct);
  CHECK(grade(dyck, "<answer>]]></answer>").kind == VerdictKind::correct);
  CHECK(grade(dyck, "<answer>< [ [ ] ] ></answer>").kind == VerdictKind::correct);  // the whole sequence
  CHECK(grade(dyck, "<answer>] ></answer>").detail == "answer tag: ]> != gold ]]>");
  const Problem words = bbh("words", "apple banana cherry");
  CHECK(grade(words, "So the answer is apple banana cherry.").kind == VerdictKind::correct);
  CHECK(grade(words, "<answer>Apple, banana, cherry</answer>").kind == VerdictKind::correct);
  CHECK(grade(words, "<answer>banana apple cherry</answer>").kind == VerdictKind::incorrect);
  CHECK(grade(bbh("shape", "(2,3)"), "So the answer is (2, 3).").kind == VerdictKind::correct);
  CHECK(grade(bbh("shape", "(2,3)"), "<answer>(3,2)</answer>").kind == VerdictKind::incorrect);
  const Problem slot = bbh("time_slot", "09:30 - 11:00");
  CHECK(grade(slot, "So the answer is 9:30-11:00.").kind == VerdictKind::correct);
  CHECK(grade(slot, "<answer>09:30 to 11:00</answer>").kind == VerdictKind::correct);
  CHECK(grade(slot, "<answer>10:30 - 12:00</answer>").kind == VerdictKind::incorrect);
  const Problem none = bbh("time_slot", "No time slot works.");
  CHECK(grade(none, "So the answer is: no time slot works.").kind == VerdictKind::correct);
  CHECK(grade(none, "<answer>None</answer>").kind == VerdictKind::correct);
  CHECK(grade(none, "<answer>09:30 - 11:00</answer>").kind == VerdictKind::incorrect);
}
