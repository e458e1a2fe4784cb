#include "suites/generators/shortest_path_gen.hpp"

#include <algorithm>
#include <climits>
#include <string>

namespace rb::suites {

namespace {

constexpr int k_nodes[5] = {5, 7, 9, 12, 15};

struct Edge {
  int u = 0;
  int v = 0;
  int weight = 0;
};

std::string node_name(int v)
{
  return std::string(1, static_cast<char>('A' + v));
}

/// Dijkstra (dense, O(n^2)) from `source`: distances, one predecessor, and the number of shortest
/// paths to each node (capped at 2).
struct Paths {
  std::vector<long long> dist;
  std::vector<int> previous;
  std::vector<int> count;
};

Paths shortest_paths(int n, const std::vector<std::vector<int>>& w, int source)
{
  Paths p{std::vector<long long>(static_cast<std::size_t>(n), LLONG_MAX),
          std::vector<int>(static_cast<std::size_t>(n), -1),
          std::vector<int>(static_cast<std::size_t>(n), 0)};
  std::vector<bool> done(static_cast<std::size_t>(n), false);
  p.dist[static_cast<std::size_t>(source)] = 0;
  p.count[static_cast<std::size_t>(source)] = 1;
  for (int round = 0; round < n; ++round) {
    int u = -1;
    for (int v = 0; v < n; ++v) {
      if (!done[static_cast<std::size_t>(v)] && p.dist[static_cast<std::size_t>(v)] != LLONG_MAX &&
          (u < 0 || p.dist[static_cast<std::size_t>(v)] < p.dist[static_cast<std::size_t>(u)])) {
        u = v;
      }
    }
    if (u < 0) {
      break;
    }
    done[static_cast<std::size_t>(u)] = true;
    for (int v = 0; v < n; ++v) {
      const int weight = w[static_cast<std::size_t>(u)][static_cast<std::size_t>(v)];
      if (weight == 0 || done[static_cast<std::size_t>(v)]) {
        continue;
      }
      const long long through = p.dist[static_cast<std::size_t>(u)] + weight;
      if (through < p.dist[static_cast<std::size_t>(v)]) {
        p.dist[static_cast<std::size_t>(v)] = through;
        p.previous[static_cast<std::size_t>(v)] = u;
        p.count[static_cast<std::size_t>(v)] = p.count[static_cast<std::size_t>(u)];
      } else if (through == p.dist[static_cast<std::size_t>(v)]) {
        p.count[static_cast<std::size_t>(v)] =
            std::min(2, p.count[static_cast<std::size_t>(v)] + p.count[static_cast<std::size_t>(u)]);
      }
    }
  }
  return p;
}

}  // namespace

std::vector<Problem> generate_shortest_path(const ShortestPathOptions& options)
{
  const int d = options.gen.difficulty - 1;
  const int n = options.nodes > 0 ? options.nodes : k_nodes[d];
  const int max_weight = d <= 1 ? 9 : 20;
  std::vector<Problem> problems;
  for (std::int64_t i = 0; i < options.gen.n; ++i) {
    auto rng = problem_rng("gen:shortest_path", options.gen, i);
    while (true) {
      std::vector<std::vector<int>> w(static_cast<std::size_t>(n),
                                      std::vector<int>(static_cast<std::size_t>(n), 0));
      std::vector<Edge> edges;
      const auto add = [&](int u, int v) {
        if (u == v || w[static_cast<std::size_t>(u)][static_cast<std::size_t>(v)] != 0) {
          return;
        }
        const int weight = static_cast<int>(rng.range(1, max_weight));
        w[static_cast<std::size_t>(u)][static_cast<std::size_t>(v)] = weight;
        w[static_cast<std::size_t>(v)][static_cast<std::size_t>(u)] = weight;
        edges.push_back({std::min(u, v), std::max(u, v), weight});
      };
      const auto order = sample_indices(n, n, rng);
      for (int k = 1; k < n; ++k) {  // a random spanning tree keeps the graph connected
        add(order[static_cast<std::size_t>(k)],
            order[static_cast<std::size_t>(rng.below(static_cast<std::uint64_t>(k)))]);
      }
      const int extra = n / 2 + options.gen.difficulty;
      for (int k = 0; k < extra; ++k) {
        add(static_cast<int>(rng.below(static_cast<std::uint64_t>(n))),
            static_cast<int>(rng.below(static_cast<std::uint64_t>(n))));
      }
      const auto ends = sample_indices(n, 2, rng);
      const int source = std::min(ends[0], ends[1]);
      const int target = std::max(ends[0], ends[1]);
      const Paths paths = shortest_paths(n, w, source);
      std::vector<int> path{target};
      while (path.back() != source) {
        path.push_back(paths.previous[static_cast<std::size_t>(path.back())]);
      }
      std::reverse(path.begin(), path.end());
      if (paths.count[static_cast<std::size_t>(target)] != 1 || path.size() < 3) {
        continue;  // not unique, or a single edge: draw another graph
      }
      std::sort(edges.begin(), edges.end(),
                [](const Edge& a, const Edge& b) { return a.u != b.u ? a.u < b.u : a.v < b.v; });
      std::string text = "An undirected graph has " + std::to_string(n) + " nodes, " + node_name(0) + " to " +
                         node_name(n - 1) + ", and these edges with their weights:\n";
      std::string edges_json;
      for (const Edge& e : edges) {
        text += node_name(e.u) + " - " + node_name(e.v) + ": " + std::to_string(e.weight) + "\n";
        edges_json += std::string(edges_json.empty() ? "" : ",") + "[\"" + node_name(e.u) + "\",\"" +
                      node_name(e.v) + "\"," + std::to_string(e.weight) + "]";
      }
      text += "\nFind the shortest path from " + node_name(source) + " to " + node_name(target) +
              " (the path whose edge weights add up to the least). Write the path as its nodes in order, "
              "separated by "
              "\" -> \", starting with " +
              node_name(source) + " and ending with " + node_name(target) + ".";
      std::string answer;
      for (const int v : path) {
        answer += (answer.empty() ? "" : " -> ") + node_name(v);
      }
      std::string nodes_json;
      for (int v = 0; v < n; ++v) {
        nodes_json += std::string(v > 0 ? "," : "") + "\"" + node_name(v) + "\"";
      }
      Problem p;
      p.id = problem_id("shortest_path", i);
      p.text = text;
      p.answer = answer;
      p.reference = "<answer>" + answer + "</answer>";
      p.checker_data = "{\"nodes\":[" + nodes_json + "],\"edges\":[" + edges_json + "],\"source\":\"" +
                       node_name(source) + "\",\"target\":\"" + node_name(target) +
                       "\",\"distance\":" + std::to_string(paths.dist[static_cast<std::size_t>(target)]) +
                       "}";
      p.metadata = {{"source", "gen:shortest_path"},
                    {"difficulty", std::to_string(options.gen.difficulty)},
                    {"nodes", std::to_string(n)},
                    {"edges", std::to_string(edges.size())}};
      problems.push_back(std::move(p));
      break;
    }
  }
  return problems;
}

}  // namespace rb::suites
