// Verdict reasons of the puzzle verifiers, on small hand-written problems.
#include <catch2/catch.hpp>

#include "tests/unit/test_puzzle_support.hpp"
#include "verifiers/puzzles/cryptarithm_verifier.hpp"
#include "verifiers/puzzles/knights_verifier.hpp"
#include "verifiers/puzzles/linear_system_verifier.hpp"
#include "verifiers/puzzles/shortest_path_verifier.hpp"
#include "verifiers/puzzles/sudoku_verifier.hpp"
#include "verifiers/puzzles/zebra_verifier.hpp"

using namespace rb;

namespace {

Problem with_checker(const std::string& checker_data)
{
  return Problem{"t", "", "", "", checker_data, {}};
}

template <typename V>
std::string why(const Problem& p, const std::string& text)
{
  return test::grade_text(V(), p, text).detail;
}

template <typename V>
VerdictKind kind(const Problem& p, const std::string& text)
{
  return test::grade_text(V(), p, text).kind;
}

}  // namespace

TEST_CASE("knights verifier: statements, lists, negations, and what is missing", "[puzzles][knights]")
{
  const Problem p = with_checker(R"({"names":["Amelia","Ben","Chloe"],"solution":[true,false,false]})");
  using V = verifiers::KnightsVerifier;
  CHECK(kind<V>(p, "<answer>(1) Amelia is a knight\n(2) Ben is a knave\n(3) Chloe is a knave</answer>") ==
        VerdictKind::correct);
  CHECK(kind<V>(p, "<answer>Ben and Chloe are knaves, Amelia is a knight.</answer>") == VerdictKind::correct);
  CHECK(kind<V>(p, "<answer>Amelia: knight; Ben: knave; Chloe: knave</answer>") == VerdictKind::correct);
  CHECK(kind<V>(p, "<answer>Amelia is a knight, Ben is not a knight, Chloe is a knave</answer>") ==
        VerdictKind::correct);
  CHECK(kind<V>(p, "So the answer is: Amelia is a knight, Ben is a knave and Chloe is a knave.") ==
        VerdictKind::correct);
  CHECK(why<V>(p, "<answer>Amelia is a knight, Ben is a knight, Chloe is a knave</answer>") ==
        "answer tag: says Ben is a knight; the unique solution makes Ben a knave");
  CHECK(why<V>(p, "<answer>Amelia is a knight, Ben is a knave</answer>") ==
        "answer tag: does not say what Chloe is");
  CHECK(why<V>(p, "<answer>Amelia is a knight, Ben is a knave, Chloe is a knave, Ben is a knight</answer>") ==
        "answer tag: says Ben is both a knight and a knave");
  CHECK(kind<V>(p, "<answer>I am not sure</answer>") == VerdictKind::incorrect);
  CHECK(kind<V>(p, "I am not sure") == VerdictKind::no_answer);
  CHECK(test::grade_text(V(), p, "<answer>Amelia is a knight\nBen is a knave\nChloe is a knave</answer>")
            .vote == "Amelia=knight,Ben=knave,Chloe=knave");
}

TEST_CASE("sudoku verifier: conflicts, givens, and grid formats", "[puzzles][sudoku]")
{
  const Problem p = with_checker(R"({"size":4,"box_rows":2,"box_cols":2,"givens":"1000001000030001"})");
  using V = verifiers::SudokuVerifier;
  CHECK(kind<V>(p, "<answer>\n1234\n3412\n2143\n4321\n</answer>") == VerdictKind::correct);
  CHECK(kind<V>(p, "\\boxed{1234341221434321}") == VerdictKind::correct);
  CHECK(kind<V>(p, "Answer:\nRow 1: 1 2 | 3 4\nRow 2: 3 4 | 1 2\n----\nRow 3: 2 1 | 4 3\nRow 4: 4 3 | 2 1") ==
        VerdictKind::correct);
  CHECK(why<V>(p, "<answer>2134\n3412\n2143\n4321</answer>") ==
        "answer tag: cell r1c1 is given as 1 but the answer has 2");
  CHECK(why<V>(p, "<answer>1234\n3412\n2143\n4320</answer>") ==
        "answer tag: cell r4c4 is 0, not a digit 1 to 4");
  CHECK(why<V>(p, "<answer>1234\n3412\n2143\n4311</answer>") ==
        "answer tag: cell r4c3 conflicts with r2c3 in its column (both 1)");
  const Problem open = with_checker(R"({"size":4,"box_rows":2,"box_cols":2,"givens":"0000000000000000"})");
  CHECK(why<V>(open, "<answer>1234\n2341\n3412\n4123</answer>") ==
        "answer tag: cell r2c1 conflicts with r1c2 in its box (both 2)");
  CHECK(why<V>(p, "<answer>1 2 3 4\n3 4 1 2</answer>") == "answer tag: no 4x4 grid of digits found");
  CHECK(kind<V>(p, "no grid here") == VerdictKind::no_answer);
  CHECK(test::grade_text(V(), p, "<answer>1234\n3412\n2143\n4321</answer>").vote == "1234341221434321");
}

TEST_CASE("zebra verifier: placements, duplicates, and broken clues", "[puzzles][zebra]")
{
  const Problem p = with_checker(R"({"houses":2,"attributes":[{"name":"color","values":["red","blue"]},
      {"name":"pet","values":["dog","cat"]}],"clues":[{"kind":"at","a":"red","house":1},{"kind":"same","a":"red","b":"cat"}],
      "solution":[["red","cat"],["blue","dog"]]})");
  using V = verifiers::ZebraVerifier;
  CHECK(kind<V>(p, "<answer>House 1: red, cat\nHouse 2: blue, dog</answer>") == VerdictKind::correct);
  CHECK(
      kind<V>(
          p,
          "<answer>| House | color | pet |\n|---|---|---|\n| 1 | Red | Cat |\n| 2 | Blue | Dog |</answer>") ==
      VerdictKind::correct);
  CHECK(
      kind<V>(
          p,
          R"(<answer>{"House 1": {"color": "red", "pet": "cat"}, "House 2": {"color": "blue", "pet": "dog"}}</answer>)") ==
      VerdictKind::correct);
  CHECK(why<V>(p, "<answer>House 1: red, dog\nHouse 2: blue, cat</answer>") ==
        "answer tag: breaks clue 2 (red and cat are in the same house)");
  CHECK(why<V>(p, "<answer>House 1: blue, dog\nHouse 2: red, cat</answer>") ==
        "answer tag: breaks clue 1 (red is in house 1)");
  CHECK(why<V>(p, "<answer>House 1: red, cat\nHouse 2: blue</answer>") == "answer tag: does not place dog");
  CHECK(why<V>(p, "<answer>House 1: red, cat, dog\nHouse 2: blue, dog</answer>") ==
        "answer tag: puts dog in houses 1 and 2");
  CHECK(why<V>(p, "<answer>House 1: red, blue, cat, dog</answer>") ==
        "answer tag: house 1 has two color values: red and blue");
  CHECK(kind<V>(p, "no idea") == VerdictKind::no_answer);
}

TEST_CASE("shortest path verifier: any shortest path counts, with reasons otherwise", "[puzzles][path]")
{
  // Two shortest paths from A to D, both of length 4: A-B-D and A-C-D; A-D directly weighs 9.
  const Problem p = with_checker(
      R"({"nodes":["A","B","C","D"],"edges":[["A","B",2],["B","D",2],["A","C",1],["C","D",3],["A","D",9]],"source":"A","target":"D","distance":4})");
  using V = verifiers::ShortestPathVerifier;
  CHECK(kind<V>(p, "<answer>A -> B -> D</answer>") == VerdictKind::correct);
  CHECK(kind<V>(p, "<answer>A → C → D</answer>") == VerdictKind::correct);
  CHECK(kind<V>(p, "The shortest path is A, C, D with total weight 4.") == VerdictKind::correct);
  CHECK(why<V>(p, "<answer>A -> D</answer>") ==
        "answer tag: the path has length 9; the shortest has length 4");
  CHECK(why<V>(p, "<answer>A -> B -> C -> D</answer>") == "answer tag: there is no edge B - C");
  CHECK(why<V>(p, "<answer>B -> D</answer>") == "answer tag: the path starts at B, not at A");
  CHECK(why<V>(p, "<answer>A -> B</answer>") == "answer tag: the path ends at B, not at D");
  CHECK(kind<V>(p, "<answer>none</answer>") == VerdictKind::incorrect);
}

TEST_CASE("cryptarithm verifier: assignments checked as rules", "[puzzles][cryptarithm]")
{
  const Problem p = with_checker(R"({"addends":["SEND","MORE"],"result":"MONEY"})");
  using V = verifiers::CryptarithmVerifier;
  CHECK(kind<V>(p, "<answer>S=9, E=5, N=6, D=7, M=1, O=0, R=8, Y=2</answer>") == VerdictKind::correct);
  CHECK(kind<V>(p, "<answer>S: 9\nE: 5\nN: 6\nD: 7\nM: 1\nO: 0\nR: 8\nY: 2</answer>") ==
        VerdictKind::correct);
  CHECK(kind<V>(p, "Answer: 9567 + 1085 = 10652") == VerdictKind::correct);
  CHECK(why<V>(p, "<answer>S=9, E=5, N=6, D=7, M=1, O=0, R=8</answer>") ==
        "answer tag: gives no digit for Y");
  CHECK(why<V>(p, "<answer>S=9, E=5, N=6, D=7, M=1, O=0, R=8, Y=9</answer>") ==
        "answer tag: S and Y both stand for 9");
  CHECK(why<V>(p, "<answer>S=9, E=5, N=6, D=7, M=1, O=0, R=8, Y=3</answer>") ==
        "answer tag: 9567 + 1085 = 10652, but MONEY is 10653");
  CHECK(why<V>(p, "<answer>S=9, E=5, N=6, D=7, M=0, O=1, R=8, Y=2</answer>") ==
        "answer tag: M begins MORE and cannot be 0");
  CHECK(why<V>(p, "<answer>S=9, S=8, E=5, N=6, D=7, M=1, O=0, R=8, Y=2</answer>") ==
        "answer tag: gives S two digits, 9 and 8");
  CHECK(kind<V>(p, "<answer>I do not know</answer>") == VerdictKind::incorrect);
}

TEST_CASE("linear system verifier: exact values checked equation by equation", "[puzzles][linear]")
{
  const Problem p = with_checker(
      R"({"variables":["x","y"],"equations":[{"coefficients":[2,3],"rhs":7},{"coefficients":[1,-1],"rhs":1}],"solution":[2,1]})");
  using V = verifiers::LinearSystemVerifier;
  CHECK(kind<V>(p, "<answer>x = 2, y = 1</answer>") == VerdictKind::correct);
  CHECK(kind<V>(p, "<answer>x = 4/2 and y = 1.0</answer>") == VerdictKind::correct);
  CHECK(kind<V>(p, "So the answer is (2, 1).") == VerdictKind::correct);
  CHECK(kind<V>(p, "<answer>From 2x + 3y = 7 we get x = 2, y = 1</answer>") == VerdictKind::correct);
  CHECK(why<V>(p, "<answer>x = 2, y = 2</answer>") == "answer tag: equation 1: the left side is 10, not 7");
  CHECK(why<V>(p, "<answer>x = 2</answer>") == "answer tag: gives no value for y");
  CHECK(why<V>(p, "<answer>x = 2, y = 1, x = 3</answer>") == "answer tag: gives x two values, 2 and 3");
  CHECK(why<V>(p, "<answer>x = two, y = 1</answer>") == "answer tag: the value of x, 'two', is not a number");
  CHECK(test::grade_text(V(), p, "<answer>x = 2, y = 1</answer>").vote == "x=2,y=1");
}
