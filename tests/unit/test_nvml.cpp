// The NVML meter on a real GPU: runs where a GPU exists, skips with a message elsewhere.
// (The 30-second agreement check against nvidia-smi is bench/energy_nvml_check.sh, run on a
// GPU machine; its figures are in bench/RESULTS.md.)
#include <catch2/catch.hpp>

#include <thread>

#include "harness/meters/nvml_source.hpp"

using namespace rb::meters;

TEST_CASE("NVML meter reads energy on a GPU machine", "[meters][gpu]")
{
  auto source = NvmlEnergySource::open({});
  if (!source) {
    WARN("SKIPPED: no NVIDIA GPU: " << source.error().why);
    return;
  }
  const auto first = (*source)->read();
  REQUIRE_FALSE(first.empty());
  std::this_thread::sleep_for(std::chrono::milliseconds(1500));
  const auto second = (*source)->read();
  REQUIRE(second.size() == first.size());
  for (std::size_t i = 0; i < second.size(); ++i) {
    INFO(second[i].device);
    CHECK(second[i].joules > first[i].joules);  // an idle GPU still draws tens of watts
    CHECK(second[i].joules - first[i].joules < 1.5 * 1500.0);  // below 1.5 kW per GPU
  }
  const auto watts = (*source)->power_watts();
  for (const double w : watts) {
    CHECK(w > 0.0);
  }
  CHECK(((*source)->method() == "nvml-energy" || (*source)->method() == "nvml-power"));
}
