#pragma once
// Splitting a C++ test program (MultiPL-E, HumanEval-X) in the harness: each assert(...) in
// main becomes a call (the side holding the function under test) and an expected expression
// (the other side), with the dataset's comparison (==, issame, abs(a - b) < tol, truthiness).
// Other statements of main (input declarations) are kept in order. Loops, branches and any
// other assertion form are refused, naming the statement.
#include <string>
#include <string_view>
#include <vector>

namespace rb::verifiers::code {

struct CppTest {
  std::string call;           ///< C++ expression evaluating the function under test
  std::string expected_expr;  ///< C++ expression of the expected value ("" for poly_root)
  std::string cmp = "eq";     ///< eq | close | poly_root
  double abs_tol = 0;
  bool strict = true;
};

struct CppStatement {
  std::string text;  ///< kept verbatim (when test < 0)
  int test = -1;     ///< index into CppSplit::tests when this statement is an assertion
};

struct CppSplit {
  std::string prelude;  ///< the test file's text before main (helpers such as issame)
  std::vector<CppStatement> statements;
  std::vector<CppTest> tests;
  std::string error;    ///< non-empty: the test cannot be split, and why
};

/// `entry` is the name calls use (the function's name, or "candidate" for MultiPL-E).
CppSplit split_cpp_test(std::string_view test, std::string_view entry);

}  // namespace rb::verifiers::code
