#pragma once
// The "shortest_path" verifier: the answer is a path, checked for validity rather than against
// one string — it must start at the source, end at the target, follow existing edges, and weigh
// exactly the shortest distance (so any shortest path counts). Reads the longest run of node
// names separated by arrows, dashes, commas or spaces ("A -> C -> F"). Checker data: {"nodes",
// "edges": [[u, v, w]], "source", "target", "distance"}.
#include "harness/core/verifier.hpp"

namespace rb::verifiers {

class ShortestPathVerifier : public Verifier {
 public:
  std::string_view name() const override { return "shortest_path"; }
  std::string_view version() const override { return "1"; }
  Verdict verify(const Problem& problem, const Response& response) const override;
};

}  // namespace rb::verifiers
