#pragma once
// Finding the program in a model's answer (the part after the reasoning). In order:
// 1. the last fenced block in the task's language that defines the entry point;
// 2. the last fenced block of any tag that defines it;
// 3. the last fenced block in the task's language; 4. the last untagged fenced block;
// 5. no fence at all: the whole answer, when it looks like code.
// A usage example after the solution (```python\nprint(f(3))```) does not hide the solution.
#include <optional>
#include <string>
#include <string_view>

#include "verifiers/sandbox/sandbox.hpp"

namespace rb::verifiers::code {

struct ExtractedCode {
  std::string code;
  std::string rule;  ///< which rule found it, for the verdict's detail
};

/// `entry` is the function (or class) the program must define; "" accepts any block.
std::optional<ExtractedCode> extract_code(std::string_view answer, sandbox::Language language, std::string_view entry);

/// Whether `code` defines `name` (Python: def/class NAME; C++: NAME( ... ) followed by a body).
bool defines(std::string_view code, sandbox::Language language, std::string_view name);

}  // namespace rb::verifiers::code
