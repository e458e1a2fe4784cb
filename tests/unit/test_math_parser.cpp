// Reading answers into expression trees (verifiers/math/parser.hpp, lexer.hpp).
#include <catch2/catch.hpp>

#include "verifiers/math/parser.hpp"

using namespace rb::verifiers::math;

namespace {
/// The tree's canonical print, or "FAIL: reason".
std::string tree(const std::string& text)
{
  std::string error;
  const auto t = parse_answer(text, &error);
  return t ? print(*t, t->root) : "FAIL: " + error;
}
}  // namespace

TEST_CASE("numbers: decimals, separators, repeating digits, scientific notation", "[math][parser]")
{
  CHECK(tree("7,425,000") == "7425000");
  CHECK(tree("10,\\!080") == "10080");
  CHECK(tree("14{,}916") == "14916");
  CHECK(tree("14 {, }916") == "14916");
  CHECK(tree("1\\,000\\,000") == "1000000");
  CHECK(tree("1 000") == "1000");
  CHECK(tree(".5") == "1/2");
  CHECK(tree("100.50") == "201/2");
  CHECK(tree("33.\\overline{3}") == "100/3");
  CHECK(tree("0.1\\overline{6}") == "1/6");
  CHECK(tree("1.6e-19") == "1/6250000000000000000");
  CHECK(tree("(1,234)") == "(1,234)");  // a pair, not one thousand two hundred
  CHECK(tree("1, 234") == "1,234");     // a list
  CHECK(tree("\u22127") == "-(7)");      // Unicode minus
}

TEST_CASE("fractions, roots and mixed numbers", "[math][parser]")
{
  CHECK(tree("\\frac12") == "(1/2)");
  CHECK(tree("\\dfrac{3}{4}") == "(3/4)");
  CHECK(tree("\\frac 59") == "(5/9)");
  CHECK(tree("\\frac{270}7") == "(270/7)");
  CHECK(tree("\\sqrt3") == "sqrt(3)");
  CHECK(tree("\\sqrt[3]{x}") == "root(x,3)");
  CHECK(tree("\u221a12") == "sqrt(12)");
  CHECK(tree("2\\frac{1}{4}") == "(2+(1/4))");
  CHECK(tree("7 3/4") == "(7+(3/4))");
  CHECK(tree("2\\sqrt{3}") == "(2*sqrt(3))");
}

TEST_CASE("operators, functions and implicit products", "[math][parser]")
{
  CHECK(tree("2 \\times 3 \\cdot 4 \\div 6") == "((2*3*4)/6)");
  CHECK(tree("-x^2") == "-((x^2))");
  CHECK(tree("\\sin 2x") == "sin((2*x))");
  CHECK(tree("2\\sin x\\cos x") == "(2*sin(x)*cos(x))");
  CHECK(tree("\\sin^2 x") == "(sin(x)^2)");
  CHECK(tree("\\sin^{-1} x") == "arcsin(x)");
  CHECK(tree("\\log_2 8") == "log(8,2)");
  CHECK(tree("\\left( \\frac{1}{2} \\right)^2") == "((1/2)^2)");
  CHECK(tree("(x+3)(x+2)") == "((x+3)*(x+2))");
  CHECK(tree("f(x)") == "f(x)");
  CHECK(tree("x(x+1)") == "(x*(x+1))");
  CHECK(tree("5!") == "(5)!");
  CHECK(tree("|3+4i|") == "abs((3+(4*i)))");
  CHECK(tree("\\lfloor \\pi \\rfloor") == "floor(\\pi)");
  CHECK(tree("\\binom{5}{2}") == "binom(5,2)");
  CHECK(tree("np.arcsin(10/13)") == "arcsin((10/13))");
}

TEST_CASE("structures: tuples, intervals, sets, matrices, unions", "[math][parser]")
{
  CHECK(tree("(1, 2)") == "(1,2)");
  CHECK(tree("[1, 2]") == "[1,2]");
  CHECK(tree("[0, 7)") == "[0,7)");
  CHECK(tree("\\{1, 2\\}") == "\\{1,2\\}");
  CHECK(tree("\\{\\}") == "\\emptyset");
  CHECK(tree("(0;0;6)") == "(0,0,6)");
  CHECK(tree("\\{-1\\} \\cup [0,7)") == "(\\{-(1)\\}\\cup[0,7))");
  CHECK(tree("\\begin{pmatrix} 1 & 2 \\\\ 3 & 4 \\end{pmatrix}") == "[(1,2);(3,4)]");
  CHECK(tree("\\left[\\begin{array}{cc}1 & 2 \\\\3 & 4\\end{array}\\right]") == "[(1,2);(3,4)]");
  CHECK(tree("\\begin{pmatrix} -1/3 \\\\ 2/3 \\end{pmatrix}") == "[((-(1)/3));((2/3))]");
}

TEST_CASE("relations, several answers, +-", "[math][parser]")
{
  CHECK(tree("x \\geq 5") == "x g 5");
  CHECK(tree("x != 3") == "x n 3");
  CHECK(tree("-2 \\le x \\le 7") == "-(2) l x l 7");
  CHECK(tree("x = 10/2 = 5") == "x = (10/2) = 5");
  CHECK(tree("1 and 2 and 3") == "1,2,3");
  CHECK(tree("12\\text{ and }13") == "12,13");
  CHECK(tree("19, 46, \\text{ and } 82") == "19,46,82");
  CHECK(tree("1 \\pm \\sqrt{19}") == "(1\\pmsqrt(19))");
  CHECK(tree("\\pm 2021") == "\\pm(2021)");
  CHECK(tree("V_{1}:V_{2}=11:21") == "V_{1}:V_{2} = 11:21");
}

TEST_CASE("units, percent, degrees, currency, bases, choices, text", "[math][parser]")
{
  CHECK(tree("5 cm") == "5 [cm]");
  CHECK(tree("864 \\mbox{ inches}^2") == "864 [inches^2]");
  CHECK(tree("1.6 \\mathrm{~cm}") == "8/5 [cm]");
  CHECK(tree("1,000.99m\u00b2") == "100099/100 [m^2]");
  CHECK(tree("2m") == "(2*m)");             // a product: no space, no decimals
  CHECK(tree("\\frac{3 m}{2}") == "((3*m)/2)");  // not a unit inside a fraction
  CHECK(tree("28\\%") == "(28)%");
  CHECK(tree("28 pct") == "(28)%");
  CHECK(tree("90^\\circ") == "(90)deg");
  CHECK(tree("\\$18.90") == "189/10 [dollar]");
  CHECK(tree("204_5") == "204_5");
  CHECK(tree("4210_{5}") == "4210_5");
  CHECK(tree("\\textbf{(C)}") == "C");
  CHECK(tree("\\text{The midpoints form a regular hexagon}") == "\\text{the midpoints form a regular hexagon}");
  CHECK(tree("4:30 p.m.") == "4:30 [pm]");
  CHECK(tree("\\frac{aM^{1/3}}{GM^{2/3}+b}") == "((a*(M^(1/3)))/((G*(M^(2/3)))+b))");  // letters, not "am"
}

TEST_CASE("bad input is refused, not crashed on", "[math][parser]")
{
  CHECK(tree("").starts_with("FAIL"));
  CHECK(tree("(1, 2").starts_with("FAIL"));
  CHECK(tree(std::string(5000, '1')).starts_with("FAIL"));               // too long
  CHECK(tree(std::string(100, '(') + "1" + std::string(100, ')')).starts_with("FAIL"));  // too deep
  CHECK(tree("1e100000").starts_with("FAIL"));                          // exponent too large
}
