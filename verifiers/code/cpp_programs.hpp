#pragma once
// The two C++ programs built around a split test (cpp_split.hpp): the trusted expected-value
// program (dataset declarations and reference only) and the candidate's driver program (the
// candidate's code and the calls, never an expected value).
#include <string>
#include <string_view>

#include "verifiers/code/cpp_split.hpp"
#include "verifiers/code/task.hpp"

namespace rb::verifiers::code {

/// Emits each test's expected value ({"i": k, "v": ...}) and, when the task has a reference,
/// the reference's own results ({"r": k, ...}) and its CPU time (done.reference_us).
std::string cpp_expected_program(const json& task, const CppSplit& split);

/// The candidate's program: its code (its main renamed away) and a main emitting each call.
std::string cpp_driver_program(const json& task, const json& statements, const json& tests, std::string_view code);

}  // namespace rb::verifiers::code
