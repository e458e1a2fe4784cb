#pragma once
// The Python programs the code verifiers run inside the sandbox, and how they are assembled.
#include <string>
#include <string_view>

namespace rb::verifiers::code {

std::string_view python_codec_source();     ///< tagged-JSON codec (value.hpp's format)
std::string_view python_driver_source();    ///< runs calls.json against solution.py
std::string_view python_splitter_source();  ///< splits problems.json's tests (trusted pre-pass)

/// main.py of a grading run: the codec, then the driver.
std::string python_driver_program();
/// main.py of a pre-pass run: the codec, then the splitter.
std::string python_splitter_program();

}  // namespace rb::verifiers::code
