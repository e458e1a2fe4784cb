#pragma once
// gen:shortest_path — seeded weighted undirected graphs (a random spanning tree plus extra
// edges, nodes named A, B, ...) with a source and target whose shortest path is unique and has at
// least two edges. Difficulty 1..5: 5, 7, 9, 12, 15 nodes; weights up to 9 (1-2) or 20.
#include <vector>

#include "harness/core/problem.hpp"
#include "suites/generators/gen_common.hpp"

namespace rb::suites {

struct ShortestPathOptions {
  GenOptions gen;
  int nodes = 0;  ///< 4..26; 0: from the difficulty
};

std::vector<Problem> generate_shortest_path(const ShortestPathOptions& options);

}  // namespace rb::suites
