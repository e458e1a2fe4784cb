#pragma once
// Attributing measured energy to samples. The rule (docs/meters.md): the energy of each
// interval between two meter readings is split among the samples in flight during it, in
// proportion to each sample's output tokens per second times its overlap with the interval —
// "by token share of the overlapping window". Energy in intervals with no tokens in flight is
// idle energy: counted for the run, attributed to no sample.
#include <cstddef>
#include <span>
#include <vector>

#include "harness/meters/energy_sampler.hpp"

namespace rb::meters {

struct SampleWindow {
  double start_s = 0;  ///< on the sampler's clock (EnergySampler::seconds_now)
  double end_s = 0;
  double tokens = 0;   ///< output tokens (reasoning included)
};

struct Attribution {
  std::vector<double> joules;  ///< per window, in input order
  double total = 0;            ///< energy over the whole timeline
  double attributed = 0;       ///< sum of `joules`
  double idle = 0;             ///< total - attributed
};

Attribution attribute(std::span<const EnergyPoint> timeline, std::span<const SampleWindow> windows);

}  // namespace rb::meters
