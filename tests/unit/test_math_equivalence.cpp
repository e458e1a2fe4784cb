// Equivalence of bare answers (verifiers/math/compare.hpp through compare_math_answers), with
// every wrong call of the reference graders that issue 3 lists.
#include <catch2/catch.hpp>

#include "harness/core/verifier.hpp"
#include "verifiers/math/math_verifier.hpp"

using rb::verifiers::compare_math_answers;

namespace {
bool same(const std::string& gold, const std::string& pred) { return compare_math_answers(gold, pred).equal; }
}  // namespace

TEST_CASE("known wrong calls of the reference graders are not repeated", "[math][equivalence]")
{
  CHECK_FALSE(same("\\frac{1}{2004!}", "\\frac{1}{2006!}"));  // Math-Verify #14: tiny values chopped to 0
  CHECK_FALSE(same("\\frac{\\pi}{2004!}", "\\frac{\\pi}{2006!}"));  // the same through balls, not exact forms
  CHECK_FALSE(same("1-\\frac{1}{e}", "1+\\frac{1}{e}"));
  CHECK_FALSE(same("1 - \\frac{1}{\\mathrm{e}}", "1 + \\frac{1}{\\mathrm{e}}"));
  CHECK_FALSE(same("4", "4\\sqrt{2}"));                        // Math-Verify #41
  CHECK_FALSE(same("5 \\text{ cm}", "5 \\text{ m}"));           // units stripped on both sides
  CHECK_FALSE(same("1, -2", "1"));                              // a subset of the answers (Math-Verify #47)
  CHECK_FALSE(same("50", "0.5"));                               // Qwen's percent rescaling
  CHECK_FALSE(same("10000", "10001"));                          // relative tolerance 1e-4
  CHECK_FALSE(same("0.0001", "0.0005"));                        // absolute tolerance 1e-3
  CHECK_FALSE(same("[1,2]", "(1,2)"));
  CHECK_FALSE(same("(1,2)", "[1,2]"));
  CHECK_FALSE(same("3x - y + 13 = 0", "3x + 4y + 14 = 0"));     // Math-Verify #60: both read as "0"
  CHECK_FALSE(same("0", "5x - 7y + 11z + 4 = 0"));
  CHECK_FALSE(same("\\frac{1}{2^{99}}", "\\frac{1}{2^{98}}"));
  CHECK_FALSE(same("\\frac{2^{2005}+1}{3 \\cdot 2^{2006}}", "\\frac{1}{3 \\cdot 2^{2006}}"));
}

TEST_CASE("no tolerance beyond the digits written", "[math][equivalence]")
{
  CHECK_FALSE(same("\\frac{1}{3}", "0.333"));
  CHECK_FALSE(same("\\frac{2}{3}", "0.6667"));
  CHECK_FALSE(same("3.14", "3.141"));
  CHECK_FALSE(same("\\frac{1+\\sqrt{5}}{2}", "1.618"));
  CHECK_FALSE(same("\\pi", "3.14159"));
  CHECK(same("\\frac{1}{12}", "0.0833333333333333"));  // a float print of the exact value
  CHECK(same("\\frac{3}{10}", "\\frac{1}{10}+\\frac{2}{10}"));  // exact, not binary floating point
  CHECK(same("0.5", "\\frac{1}{2}"));
  CHECK(same("100.5", "100.50"));
  CHECK(same("1.25 \\times 10^{-5}", "0.0000125"));
  CHECK_FALSE(same("1 \\times 10^{-7}", "0.0000002"));
  CHECK_FALSE(same("6.02 \\times 10^{23}", "6.02 \\times 10^{22}"));
}

TEST_CASE("exact forms of radicals and pi", "[math][equivalence]")
{
  CHECK(same("\\frac{\\sqrt{2}}{2}", "\\frac{1}{\\sqrt{2}}"));
  CHECK(same("2\\sqrt{3}", "\\sqrt{12}"));
  CHECK(same("\\frac{\\sqrt{6}}{3}", "\\sqrt{\\frac{2}{3}}"));
  CHECK(same("2+\\sqrt{3}", "\\frac{1}{2-\\sqrt{3}}"));
  CHECK_FALSE(same("3\\sqrt{3}", "\\sqrt{18}"));
  CHECK(same("4\\pi", "4\u03c0"));
  CHECK_FALSE(same("100\\pi", "10\\pi^2"));
  CHECK(same("1267650600228229401496703205376", "2^{100}"));
  CHECK(same("\\frac{5\\sqrt{42}}{27}", "\\frac{10\\sqrt{10.5}}{27}"));
  CHECK(same("\\frac{\\sqrt{\\sqrt{11}+\\sqrt{194}}}{15+2\\sqrt{33}}", "\\frac{\\sqrt{\\sqrt{11}+\\sqrt{194}}}{2\\sqrt{33}+15}"));
}

TEST_CASE("expressions by identity testing", "[math][equivalence]")
{
  CHECK(same("(x-2)(x+2)", "x^2-4"));
  CHECK(same("\\sin 2x", "2\\sin x\\cos x"));
  CHECK(same("\\tan^2(y)+1", "\\sec^2(y)"));
  CHECK(same("e^{x}", "\\exp(x)"));
  CHECK(same("\\sqrt{x}", "x^{1/2}"));
  CHECK(same("\\frac{1}{3\\sqrt[3]{x}^2}", "\\frac{1}{3x^{2/3}}"));
  CHECK(same("\\binom{n}{2}", "\\frac{n(n-1)}{2}"));
  CHECK_FALSE(same("(2x-1)(3x+2)", "(2x+1)(3x-2)"));
  CHECK_FALSE(same("x^{3/2}", "x^{2/3}"));
  CHECK_FALSE(same("\\lceil n/2 \\rceil + 1", "\\lfloor \\frac{2n}{3} \\rfloor + 1"));  // wide points for floors
  CHECK_FALSE(same("\\ln 8", "2\\ln 3"));
  CHECK_FALSE(same("\\log_2 3", "\\log_3 2"));
  CHECK_FALSE(same("e^{2}", "2e"));
  CHECK(same("f(x) = x^2", "x^2"));
  CHECK(same("I(0) e^{-\\frac{t}{R C}}", "I(0)e^{-t/(RC)}"));  // unknown functions are fixed functions
}

TEST_CASE("complex numbers", "[math][equivalence]")
{
  CHECK(same("1+i", "i+1"));
  CHECK_FALSE(same("3+4i", "3-4i"));
  CHECK(same("\\frac{1}{2}+\\frac{\\sqrt{3}}{2}i", "\\frac{1+i\\sqrt{3}}{2}"));
  CHECK(same("5", "|3+4i|"));
  CHECK(same("e^{i\\pi}", "-1"));
  CHECK(same("\\overline{3+4i}", "3-4i"));
}

TEST_CASE("several answers, sets, tuples, matrices", "[math][equivalence]")
{
  CHECK(same("1, -2", "-2, 1"));
  CHECK(same("\\{1,3\\} \\cup \\{2,4\\}", "\\{1,2,3,4\\}"));
  CHECK(same("\\pm 1", "\\{-1, 1\\}"));
  CHECK(same("1 \\pm \\sqrt{19}", "1+\\sqrt{19}, 1-\\sqrt{19}"));
  CHECK_FALSE(same("1, -2", "1, -2, 3"));
  CHECK_FALSE(same("(3,1)", "{1,3}"));
  CHECK_FALSE(same("(1,2)", "(2,1)"));
  CHECK_FALSE(same("(2,3)", "(2,3,0)"));
  CHECK(same("(p,q)=(3,2)", "p=3, q=2"));
  CHECK(same("(0;0;0),(0;-2;0)", "(0, -2, 0), (0, 0, 0)"));
  CHECK(same("\\begin{pmatrix} 1 \\\\ 2 \\end{pmatrix}", "(1, 2)"));
  CHECK_FALSE(same("\\begin{pmatrix} 4 \\\\ -2 \\end{pmatrix}", "\\begin{pmatrix} -4 \\\\ 2 \\end{pmatrix}"));
  CHECK(same("\\begin{pmatrix}6 & 8 \\\\ 10 & 12\\end{pmatrix}",
             "\\begin{pmatrix}1 & 2 \\\\ 3 & 4\\end{pmatrix} + \\begin{pmatrix}5 & 6 \\\\ 7 & 8\\end{pmatrix}"));
  CHECK_FALSE(same("1, 2, \\ldots, n", "1, 3, 5, \\ldots, 2n-1"));
}

TEST_CASE("intervals and inequalities", "[math][equivalence]")
{
  CHECK_FALSE(same("[2,5)", "(2,5)"));
  CHECK_FALSE(same("(2,5)", "(5,2)"));
  CHECK(same("(-\\infty,\\infty)", "\\mathbb{R}"));
  CHECK(same("[3, \\infty)", "[3, \\infty]"));
  CHECK_FALSE(same("x \\ge 2", "(2, \\infty)"));
  CHECK(same("-2 \\le x \\le 7", "x \\in [-2,7]"));
  CHECK(same("x \\in [-2,7]", "-2 \\le x \\le 7"));
  CHECK(same("1\\leq|z|\\leq \\frac{3}{2}", "z \\in \\left[-\\frac{3}{2}, -1\\right] \\cup \\left[1, \\frac{3}{2}\\right]"));
  CHECK(same("(-\\infty, 0) \\cup (0, \\infty)", "\\mathbb{R} \\setminus \\{0\\}"));
  CHECK(same("x < 1", "-x > -1"));
  CHECK_FALSE(same("x < 1", "x > -1"));
  CHECK(same("x \\geq 5", "5 \\leq x"));
}

TEST_CASE("equations up to moving terms and scaling, x = 3 answers 3", "[math][equivalence]")
{
  CHECK(same("3", "x=3"));
  CHECK(same("x=3", "3"));
  CHECK(same("y=2x+1", "2x - y + 1 = 0"));
  CHECK(same("x^2/4 + y^2/3 = 1", "x^2/16 + y^2/12 = 1/4"));
  CHECK(same("34x+45y-20z+100=0", "-34x-45y+20z-100=0"));
  CHECK_FALSE(same("y = 3x - 2", "y = -3x + 2"));
  CHECK_FALSE(same("a +3z = 0", "0"));
  CHECK(same("|AB|=1", "1"));
  CHECK(same("f^{-1}(x) = \\frac{x-3}{2}", "\\frac{x-3}{2}"));
  CHECK(same("x = 1/3", "x = 5+5+1 = 1/3 \\approx 11"));
}

TEST_CASE("percent, degrees, units, bases, choices, text", "[math][equivalence]")
{
  CHECK(same("10\\%", "10"));
  CHECK(same("0.1", "10\\%"));
  CHECK(same("33\\frac{1}{3}\\%", "33.\\overline{3}\\%"));
  CHECK(same("90^\\circ", "\\frac{\\pi}{2}"));
  CHECK_FALSE(same("45^\\circ", "135^\\circ"));
  CHECK(same("5", "5 cm"));
  CHECK(same("2 \\text{ hours}", "120 \\text{ minutes}"));
  CHECK(same("4:30 \\text{ p.m.}", "4:30 PM"));
  CHECK_FALSE(same("4:30 \\text{ p.m.}", "4:30 AM"));
  CHECK(same("204_5", "204_{5}"));
  CHECK_FALSE(same("204_5", "54"));
  CHECK_FALSE(same("123_4", "132_4"));
  CHECK(same("\\text{(E)}", "E"));
  CHECK_FALSE(same("\\text{A, C}", "A"));
  CHECK(same("\\text{Monday}", "\\text{monday}"));
  CHECK_FALSE(same("\\text{Tuesday}", "Thursday"));
  CHECK_FALSE(same("3:4", "4:3"));
  CHECK(same("1:2:3", "2:4:6"));
  CHECK_FALSE(same("1:2:3", "2:4:5"));
  CHECK_FALSE(same("36^\\circ", "\\$36"));  // a degree sign and a currency are different units
  CHECK_FALSE(same("20\\%", "\\$20"));
  CHECK(same("45^\\circ", "45 \\text{ degrees}"));
}

TEST_CASE("a % added by the answer is a value unless the problem asks for a percentage", "[math][equivalence]")
{
  CHECK_FALSE(same("\\frac{1}{2}", "\\frac{1}{2}\\%"));
  CHECK(same("0.005", "\\frac{1}{2}\\%"));
  CHECK(same("12.5\\%", "12.5"));  // the gold's % may be omitted
  rb::Problem p;
  p.id = "p";
  p.answer = "10";
  p.text = "By what percent did the area decrease?";
  const rb::verifiers::MathVerifier verifier;
  CHECK(rb::grade(verifier, p, rb::Response{"\\boxed{10\\%}", "", "stop", false}).correct());
  p.text = "What is half of 20?";
  CHECK_FALSE(rb::grade(verifier, p, rb::Response{"\\boxed{10\\%}", "", "stop", false}).correct());
}

TEST_CASE("a European decimal comma is read when no other reading matches", "[math][equivalence]")
{
  CHECK(same("1000.99", "1000,99"));
  CHECK(same("0,111", "0.111"));
  CHECK(same("2.5", "2,5"));
  CHECK_THAT(compare_math_answers("2.5", "2,5").rule, Catch::Contains("decimal comma"));
  CHECK(same("2, 5", "2,5"));       // a list when the gold is a list
  CHECK_FALSE(same("1.234", "1,234"));  // three digits after the comma: a thousands separator
  CHECK(same("1234", "1,234"));
}

TEST_CASE("a number written in words", "[math][equivalence]")
{
  CHECK(same("4", "four"));
  CHECK(same("21", "Twenty-one"));
  CHECK(same("\\text{seven}", "7"));
  CHECK_FALSE(same("4", "five"));
  CHECK_THAT(compare_math_answers("4", "four").rule, Catch::Contains("in words"));
}

TEST_CASE("huge values agree only when written the same way", "[math][equivalence]")
{
  CHECK_FALSE(same("10^{10^{10}}", "10^{10^{10}}+1"));
  CHECK_FALSE(same("10^{10^{10}}", "10^{10^{10}}-10^{10}"));
  CHECK(same("10^{10^{10}}", "10^{10^{10}}"));
  CHECK(same("e^{600}", "(e^{300})^2"));  // ~2^866: the second evaluation takes 1,030 bits
  CHECK_FALSE(same("e^{600}", "(e^{300})^2 + 1"));
  CHECK_FALSE(same("e^{2000}", "e^{2000} + 1"));  // beyond 2^1052: compared as written
  CHECK(same("\\ln(10^{300})", "300\\ln 10"));
}

TEST_CASE("step functions are tested at integers too", "[math][equivalence]")
{
  CHECK_FALSE(same("\\lfloor\\sqrt{n-1}\\rfloor", "\\lfloor\\sqrt{n-2}\\rfloor"));  // differ where n - 1 is a square
  CHECK(same("\\lfloor \\log_2 n \\rfloor + 1", "1 + \\lfloor \\log_2 n \\rfloor"));
  CHECK(same("\\lceil n/2 \\rceil", "-\\lfloor -n/2 \\rfloor"));
  CHECK_FALSE(same("\\lceil n/2 \\rceil", "\\lfloor n/2 \\rfloor + 1"));
}

TEST_CASE("an equation set to zero is not the answer 0", "[math][equivalence]")
{
  CHECK_FALSE(same("0", "x' + \\frac{r}{V} x - r c = 0"));
  CHECK_FALSE(same("0", "a + b = 0"));
  CHECK(same("10", "a + b = 10"));
}

TEST_CASE("every comparison says which rule decided", "[math][equivalence]")
{
  CHECK_THAT(compare_math_answers("\\frac{1}{2}", "0.5").rule, Catch::Contains("exact"));
  CHECK_THAT(compare_math_answers("\\sin 2x", "2\\sin x\\cos x").rule, Catch::Contains("identity test"));
  CHECK_THAT(compare_math_answers("1, 2", "1").rule, Catch::Contains("2 answers"));
  CHECK_THAT(compare_math_answers("5 cm", "5 m").rule, Catch::Contains("different units"));
  CHECK_THAT(compare_math_answers("[2,5)", "(2,5)").rule, Catch::Contains("openness"));
}
