#include "verifiers/code/cpp_programs.hpp"

#include <algorithm>
#include <cctype>

#include "verifiers/code/cpp_emit.hpp"
#include "verifiers/code/extract.hpp"
#include "harness/util/strings.hpp"

namespace rb::verifiers::code {

namespace {

/// The PCH works only when <bits/stdc++.h> is the first thing compiled.
std::string opening() { return "#include <bits/stdc++.h>\n" + std::string(cpp_emit_header()) + "\n"; }

/// "auto candidate = NAME;" (MultiPL-E): without a definition the expected program may not
/// take the function's address, so the name becomes a macro for NAME there.
bool alias_statement(const std::string& text, std::string& alias, std::string& target)
{
  const std::string prefix = "auto ";
  const std::size_t eq = text.find('=');
  if (!text.starts_with(prefix) || eq == std::string::npos) {
    return false;
  }
  alias = std::string(util::trim(text.substr(prefix.size(), eq - prefix.size())));
  target = std::string(util::trim(text.substr(eq + 1, text.size() - eq - 2)));
  for (const char c : alias + target) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_') {
      return false;
    }
  }
  return !alias.empty() && !target.empty();
}

/// The length of the comment or string/character literal starting at `i`, or 0.
std::size_t non_code_length(std::string_view text, std::size_t i)
{
  const std::string_view rest = text.substr(i);
  if (rest.starts_with("//")) {
    const std::size_t nl = rest.find('\n');
    return nl == std::string_view::npos ? rest.size() : nl + 1;
  }
  if (rest.starts_with("/*")) {
    const std::size_t end = rest.find("*/", 2);
    return end == std::string_view::npos ? rest.size() : end + 2;
  }
  if (rest.starts_with('"') || rest.starts_with('\'')) {
    std::size_t k = 1;
    while (k < rest.size() && rest[k] != rest[0] && rest[k] != '\n') {
      k += rest[k] == '\\' ? 2 : 1;
    }
    return std::min(k + 1, rest.size());
  }
  return 0;
}

/// The header without the functions the candidate's code defines again (chat models often
/// repeat a prompt's helper functions; two definitions would not compile).
std::string strip_redefined(const std::string& header, std::string_view code)
{
  std::string out;
  std::size_t i = 0;
  int depth = 0;
  std::size_t statement_start = 0;
  while (i < header.size()) {
    // Comments and literals are copied as they are: their braces and names are not code
    // (MultiPL-E's prompts show calls such as `add((std::vector<long>({(long)4})))` in comments).
    if (const std::size_t skip = non_code_length(header, i); skip > 0) {
      out.append(header, i, skip);
      i += skip;
      if (depth == 0) {
        statement_start = i;
      }
      continue;
    }
    const char c = header[i];
    if (c == '{') {
      if (depth == 0) {
        // A top-level body: a function definition when its head has NAME( ... ).
        const std::string head = header.substr(statement_start, i - statement_start);
        const std::size_t paren = head.find('(');
        std::size_t end = paren == std::string::npos ? 0 : paren;
        while (end > 0 && head[end - 1] == ' ') {
          --end;
        }
        std::size_t begin = end;
        while (begin > 0 && (std::isalnum(static_cast<unsigned char>(head[begin - 1])) != 0 || head[begin - 1] == '_')) {
          --begin;
        }
        int body_depth = 0;
        std::size_t close = i;
        for (; close < header.size(); ++close) {
          body_depth += header[close] == '{' ? 1 : (header[close] == '}' ? -1 : 0);
          if (body_depth == 0) {
            break;
          }
        }
        const std::string name = head.substr(begin, end - begin);
        if (!name.empty() && paren != std::string::npos && defines(code, sandbox::Language::cpp, name)) {
          out.erase(out.size() - (i - statement_start));  // drop the head already copied
          i = close + 1;
          statement_start = i;
          continue;
        }
      }
      ++depth;
    } else if (c == '}') {
      --depth;
    }
    out += c;
    ++i;
    if (depth == 0 && (c == ';' || c == '}' || c == '\n')) {
      statement_start = i;
    }
  }
  return out;
}

}  // namespace

std::string cpp_expected_program(const json& task, const CppSplit& split)
{
  const std::string reference = task.value("reference_body", "");
  const std::string signature = task.value("signature", "");
  std::string program = opening() + task.value("header", "") + "\n";
  if (reference.empty()) {
    std::string declaration = signature;
    const std::size_t brace = declaration.rfind('{');
    declaration = brace == std::string::npos ? declaration : declaration.substr(0, brace) + ";";
    program += declaration + "\n";
  } else {
    program += signature + "\n" + reference + "\n";
  }
  program += split.prelude + "\nint main() {\n  long long rb_reference_us = 0;\n";
  for (const auto& statement : split.statements) {
    if (statement.test < 0) {
      std::string alias;
      std::string target;
      if (reference.empty() && alias_statement(statement.text, alias, target)) {
        program += "#define " + alias + " " + target + "\n";
      } else {
        program += "  " + statement.text + "\n";
      }
      continue;
    }
    const CppTest& t = split.tests[static_cast<std::size_t>(statement.test)];
    const std::string i = std::to_string(statement.test);
    program += "  {\n";
    if (!t.expected_expr.empty()) {
      program += "    using R = std::decay_t<decltype(" + t.call + ")>;\n";
      program += "    rb_emit::call(" + i + ", \"i\", [&]() -> R { return " + t.expected_expr + "; });\n";
    }
    if (!reference.empty()) {
      program += "    const auto rb_start = std::clock();\n";
      program += "    rb_emit::call(" + i + ", \"r\", [&] { return " + t.call + "; });\n";
      program += "    rb_reference_us += (std::clock() - rb_start) * 1000000LL / CLOCKS_PER_SEC;\n";
    }
    program += "  }\n";
  }
  program += "  rb_emit::done(" + std::to_string(split.tests.size()) + ", rb_reference_us);\n}\n";
  return program;
}

std::string cpp_driver_program(const json& task, const json& statements, const json& tests, std::string_view code)
{
  const std::string entry = task.value("entry", "");
  std::string program = opening() + "#define main rb_candidate_main\n" + strip_redefined(task.value("header", ""), code) +
                        "\n#line 1 \"solution.cpp\"\n";
  if (defines(code, sandbox::Language::cpp, entry)) {
    program += std::string(code);
  } else {
    // A body without its signature (a completion-style answer): close what it leaves open.
    program += task.value("signature", "") + "\n" + std::string(code);
    int depth = 1;
    for (const char c : code) {
      depth += c == '{' ? 1 : (c == '}' ? -1 : 0);
    }
    program += "\n" + std::string(static_cast<std::size_t>(std::max(depth, 0)), '}');
  }
  program += "\n#undef main\nint main() {\n";
  for (const auto& statement : statements) {
    if (statement.value("test", -1) < 0) {
      program += "  " + statement.value("text", "") + "\n";
      continue;
    }
    const int i = statement["test"].get<int>();
    program += "  rb_emit::call(" + std::to_string(i) + ", [&] { return " + tests[static_cast<std::size_t>(i)].value("call", "") + "; });\n";
  }
  program += "  rb_emit::done(" + std::to_string(tests.size()) + ");\n}\n";
  return program;
}

}  // namespace rb::verifiers::code
