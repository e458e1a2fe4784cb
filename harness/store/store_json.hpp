#pragma once
// JSON forms of a Sample (the response cache) and a Problem (problems.problem_json), holding
// every field so that either can be rebuilt from the store alone. Round trips are exact: a
// string that is not valid UTF-8 (a reply cut inside a character) is written as {"hex": "..."},
// and a non-finite double as the string "nan", "inf" or "-inf".
#include <string>
#include <string_view>

#include "harness/core/problem.hpp"
#include "harness/core/sample.hpp"

namespace rb::store {

std::string sample_to_json(const Sample& sample);
/// Throws std::runtime_error when `json` is not a JSON object of the expected shape. Missing
/// fields keep their defaults (older writers); unknown fields are ignored (newer writers).
Sample sample_from_json(std::string_view json);

std::string problem_to_json(const Problem& problem);
/// Throws std::runtime_error as sample_from_json does.
Problem problem_from_json(std::string_view json);

}  // namespace rb::store
