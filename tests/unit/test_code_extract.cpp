// Finding the program in a model's answer (verifiers/code/extract.hpp).
#include <catch2/catch.hpp>

#include "verifiers/code/extract.hpp"

using namespace rb::verifiers::code;
using rb::sandbox::Language;

TEST_CASE("the block defining the entry point wins over a later usage example", "[code]")
{
  const std::string answer =
      "Here it is:\n```python\ndef add(a, b):\n    return a + b\n```\nUsage:\n```python\nprint(add(1, 2))\n```\n";
  const auto code = extract_code(answer, Language::python, "add");
  REQUIRE(code);
  CHECK(code->code == "def add(a, b):\n    return a + b\n");
}

TEST_CASE("the last block in the task's language, then the last untagged block", "[code]")
{
  const std::string answer = "```python\nx = 1\n```\n```python\ny = 2\n```\n```text\nnot code\n```\n";
  REQUIRE(extract_code(answer, Language::python, "missing"));
  CHECK(extract_code(answer, Language::python, "missing")->code == "y = 2\n");
  CHECK(extract_code("```\ndef f(): pass\n```", Language::python, "g")->rule == "last untagged fenced block");
  CHECK_FALSE(extract_code("```text\nhello\n```", Language::python, "f"));
}

TEST_CASE("unfenced code is accepted only when it looks like code", "[code]")
{
  CHECK(extract_code("def f(x):\n    return x\n", Language::python, "f")->rule == "unfenced code");
  CHECK_FALSE(extract_code("The answer is 42.", Language::python, "f"));
  CHECK(extract_code("#include <cstdio>\nint main() {}\n", Language::cpp, "")->rule == "unfenced code");
}

TEST_CASE("an answer cut inside its last block still yields that block", "[code]")
{
  const auto code = extract_code("```python\ndef f():\n    return 1\n", Language::python, "f");
  REQUIRE(code);
  CHECK(code->code.find("return 1") != std::string::npos);
}

TEST_CASE("C++ definitions are told apart from calls and declarations", "[code]")
{
  CHECK(defines("long f(std::vector<long> v) {\n return 1; }", Language::cpp, "f"));
  CHECK(defines("auto f(int x) -> int { return x; }", Language::cpp, "f"));
  CHECK(defines("bool is_p(string s) const {", Language::cpp, "is_p"));
  CHECK_FALSE(defines("if (is_p(s)) {\n}", Language::cpp, "is_p"));
  CHECK_FALSE(defines("long f(int x);", Language::cpp, "f"));
  CHECK_FALSE(defines("long ff(int x) {}", Language::cpp, "f"));
  CHECK(defines("class Solution:\n    def go(self): pass\n", Language::python, "Solution"));
  CHECK(defines("async def go():\n    pass", Language::python, "go"));
  CHECK_FALSE(defines("result = go()", Language::python, "go"));
}

TEST_CASE("C++ fences accept the usual language tags", "[code]")
{
  for (const char* tag : {"cpp", "c++", "C++", "cc"}) {
    const std::string answer = std::string("```") + tag + "\nint f() { return 1; }\n```";
    REQUIRE(extract_code(answer, Language::cpp, "f"));
    CHECK(extract_code(answer, Language::cpp, "f")->rule.find("task's language") != std::string::npos);
  }
}

TEST_CASE("a fence opened after prose on the same line still opens a block", "[code]")
{
  const std::string answer = "So the final answer is ```python\ndef f(x):\n    return x\n```";
  const auto code = extract_code(answer, Language::python, "f");
  REQUIRE(code);
  CHECK(code->code == "def f(x):\n    return x\n");
  CHECK(code->rule == "last fenced block in the task's language defining the entry point");
  // Inline code that closes on its line opens nothing.
  CHECK_FALSE(extract_code("Use ```x``` here.\nThe answer is 42.", Language::python, "f"));
}
