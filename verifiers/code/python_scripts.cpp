#include "verifiers/code/python_scripts.hpp"

namespace rb::verifiers::code {

namespace {
constexpr std::string_view k_prologue = "import json as _rb_json\nimport math as _rb_math\n";
}  // namespace

std::string python_driver_program()
{
  return std::string(k_prologue) + std::string(python_codec_source()) + "\n" + std::string(python_driver_source());
}

std::string python_splitter_program()
{
  return std::string(k_prologue) + std::string(python_codec_source()) + "\n" + std::string(python_splitter_source());
}

}  // namespace rb::verifiers::code
