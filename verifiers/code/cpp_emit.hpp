#pragma once
// The C++ side of the value format (value.hpp): a header compiled into C++ driver programs
// (candidate's, in the sandbox) and into the trusted expected-value programs, so both write
// returned values the same way. Also the program layouts built around it.
#include <string>
#include <string_view>

namespace rb::verifiers::code {

/// rb_emit: put(value) for bool, integers, floats, strings, vector, optional, tuple, pair, map,
/// set; call(i, f) writes {"i": i, "v": value} (or "error") on a private copy of stdout (the
/// program's own output goes to /dev/null); done(n) ends the program without destructors.
std::string_view cpp_emit_header();

}  // namespace rb::verifiers::code
