// Splitting C++ test mains into calls and expected expressions (verifiers/code/cpp_split.hpp).
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "verifiers/code/cpp_programs.hpp"
#include "verifiers/code/cpp_split.hpp"

using namespace rb::verifiers::code;

TEST_CASE("MultiPL-E asserts split into call and expected", "[code]")
{
  const auto split = split_cpp_test(
      "int main() {\n    auto candidate = strlen2;\n    assert(candidate((\"x\")) == (1));\n"
      "    assert(candidate((std::vector<long>({(long)1, (long)2}))) == (std::vector<long>({(long)2})));\n}\n",
      "candidate");
  REQUIRE(split.error.empty());
  REQUIRE(split.tests.size() == 2);
  CHECK(split.statements[0].text == "auto candidate = strlen2;");
  CHECK(split.tests[0].call == "candidate((\"x\"))");
  CHECK(split.tests[0].expected_expr == "1");
  CHECK(split.tests[1].expected_expr == "std::vector<long>({(long)2})");
}

TEST_CASE("HumanEval-X forms: issame with float tolerance, abs(a - b) < t, truthiness", "[code]")
{
  const std::string prelude = "bool issame(vector<float> a,vector<float>b){\n  for (int i=0;i<a.size();i++)\n"
                              "  if (abs(a[i]-b[i])>1e-4) return false;\n  return true;\n}\n";
  const auto split = split_cpp_test(prelude + "int main(){\n  assert (issame(f({1,2}) , {0.5, 1.0}));\n"
                                              "  assert (abs(g(3)- 1.5)<1e-4);\n  assert (abs(g(1) +1)<0.01);\n"
                                              "  assert (not(h(3)));\n  assert (h(4));\n}\n",
                                    "f");
  // g and h are not the entry: those asserts are refused, naming the statement.
  CHECK_FALSE(split.error.empty());
  const auto ok = split_cpp_test(prelude + "int main(){\n  assert (issame(f({1,2}) , {0.5, 1.0}));\n"
                                           "  assert (abs(f(3)- 1.5)<1e-4);\n  assert (abs(f(1) +1)<0.01);\n"
                                           "  assert (not(f(3)));\n  assert (f(4));\n}\n",
                                 "f");
  REQUIRE(ok.error.empty());
  REQUIRE(ok.tests.size() == 5);
  CHECK(ok.tests[0].cmp == "close");
  CHECK(ok.tests[0].abs_tol == Approx(1e-4));
  CHECK_FALSE(ok.tests[0].strict);
  CHECK(ok.tests[1].cmp == "close");
  CHECK(ok.tests[1].expected_expr == "1.5");
  CHECK(ok.tests[2].expected_expr == "-(1)");
  CHECK(ok.tests[3].call == "static_cast<bool>(f(3))");
  CHECK(ok.tests[3].expected_expr == "false");
  CHECK(ok.tests[4].expected_expr == "true");
}

TEST_CASE("loops and unknown assertion forms are refused", "[code]")
{
  CHECK_FALSE(split_cpp_test("int main(){ for (int i=0;i<3;i++) assert (f(i) == i); }", "f").error.empty());
  CHECK_FALSE(split_cpp_test("int main(){ assert (f(1) > 2); }", "f").error.empty());
  CHECK_FALSE(split_cpp_test("no main here", "f").error.empty());
}

TEST_CASE("string literals with operators inside do not confuse the split", "[code]")
{
  const auto split = split_cpp_test("int main(){ assert (f(\"a==b;\") == \"x)(\"); }", "f");
  REQUIRE(split.error.empty());
  CHECK(split.tests[0].call == "f(\"a==b;\")");
  CHECK(split.tests[0].expected_expr == "\"x)(\"");
}

TEST_CASE("the driver keeps a header's comments whole, braces and the function's name included", "[code]")
{
  // MultiPL-E's prompts show calls in comments; a candidate that defines the function again
  // once made the harness cut the comment as if it were that function's body.
  const nlohmann::json task{{"entry", "add"},
                            {"header", "#include<bits/stdc++.h>\n// >>> add((std::vector<long>({(long)4, (long)2})))\n// (2)\n"
                                       "/* add({1}) */\nlong helper(long x) { return x; }\n"},
                            {"signature", "long add(std::vector<long> lst) {"}};
  const std::string code = "long add(std::vector<long> lst) { return lst[0]; }\n";
  const std::string program =
      rb::verifiers::code::cpp_driver_program(task, nlohmann::json::array(), nlohmann::json::array(), code);
  CHECK(program.find("// >>> add((std::vector<long>({(long)4, (long)2})))\n") != std::string::npos);
  CHECK(program.find("/* add({1}) */") != std::string::npos);
  CHECK(program.find("long helper(long x) { return x; }") != std::string::npos);
  CHECK(program.find(code) != std::string::npos);
}
