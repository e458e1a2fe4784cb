#include "harness/meters/attribution.hpp"

#include <algorithm>
#include <numeric>

namespace rb::meters {

namespace {
constexpr double k_min_duration_s = 1e-3;  // a window shorter than this counts as 1 ms
}

Attribution attribute(std::span<const EnergyPoint> timeline, std::span<const SampleWindow> windows)
{
  Attribution out;
  out.joules.assign(windows.size(), 0.0);
  if (timeline.size() < 2) {
    return out;
  }
  out.total = std::max(0.0, timeline.back().joules - timeline.front().joules);
  std::vector<std::size_t> order(windows.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return windows[a].start_s < windows[b].start_s; });
  std::vector<double> density(windows.size());
  for (std::size_t w = 0; w < windows.size(); ++w) {
    density[w] = windows[w].tokens / std::max(windows[w].end_s - windows[w].start_s, k_min_duration_s);
  }
  std::vector<std::size_t> active;
  std::size_t next = 0;
  std::vector<double> weights;
  for (std::size_t i = 0; i + 1 < timeline.size(); ++i) {
    const double a = timeline[i].seconds;
    const double b = timeline[i + 1].seconds;
    const double energy = std::max(0.0, timeline[i + 1].joules - timeline[i].joules);
    while (next < order.size() && windows[order[next]].start_s < b) {
      active.push_back(order[next++]);
    }
    std::erase_if(active, [&](std::size_t w) { return windows[w].end_s <= a; });
    weights.assign(active.size(), 0.0);
    double sum = 0;
    for (std::size_t k = 0; k < active.size(); ++k) {
      const SampleWindow& w = windows[active[k]];
      const double overlap = std::min(b, w.end_s) - std::max(a, w.start_s);
      if (overlap > 0) {
        weights[k] = density[active[k]] * overlap;
        sum += weights[k];
      }
    }
    if (sum <= 0) {
      continue;  // idle interval
    }
    for (std::size_t k = 0; k < active.size(); ++k) {
      out.joules[active[k]] += energy * weights[k] / sum;
    }
  }
  out.attributed = std::accumulate(out.joules.begin(), out.joules.end(), 0.0);
  out.idle = std::max(0.0, out.total - out.attributed);
  return out;
}

}  // namespace rb::meters
