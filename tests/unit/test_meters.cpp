#include <catch2/catch.hpp>

#include <filesystem>
#include <thread>

#include "harness/meters/attribution.hpp"
#include "harness/meters/dcgm_source.hpp"
#include "harness/meters/energy_counter.hpp"
#include "harness/meters/rapl_source.hpp"
#include "tests/support/test_env.hpp"

using namespace rb;
using namespace rb::meters;
using Catch::Detail::Approx;

TEST_CASE("energy counters difference readings, count wraps and resets", "[meters]")
{
  EnergyCounter rapl(1e-6, 1'000'000);  // wraps at 1 J
  CHECK(rapl.add(900'000) == 0.0);      // baseline
  CHECK(rapl.add(950'000) == Approx(0.05));
  CHECK(rapl.add(100'000) == Approx(0.15));  // 50,000 to the wrap, then 100,000
  CHECK(rapl.wraps() == 1);
  CHECK(rapl.total_joules() == Approx(0.2));

  EnergyCounter nvml(1e-3, 0);  // never wraps: a smaller reading is a reset
  nvml.add(5'000'000);
  CHECK(nvml.add(5'001'000) == Approx(1.0));
  CHECK(nvml.add(400) == Approx(0.4));  // driver reloaded: 400 mJ since the reset
  CHECK(nvml.resets() == 1);
  CHECK(nvml.total_joules() == Approx(1.4));
}

TEST_CASE("power integration is trapezoidal", "[meters]")
{
  PowerIntegrator p;
  CHECK(p.add(0.0, 100) == 0.0);
  CHECK(p.add(1.0, 300) == Approx(200.0));
  CHECK(p.add(3.0, 300) == Approx(600.0));
  CHECK(p.add(2.0, 999) == 0.0);  // out of order: ignored
  CHECK(p.total_joules() == Approx(800.0));
}

TEST_CASE("RAPL reads package and dram domains and handles the wrap", "[meters]")
{
  test::TempDir dir;
  namespace fs = std::filesystem;
  const auto zone = [&](const std::string& path, const std::string& name, std::uint64_t energy, std::uint64_t range) {
    fs::create_directories(dir.path() / path);
    test::write_file((dir.path() / path / "name").string(), name + "\n");
    test::write_file((dir.path() / path / "energy_uj").string(), std::to_string(energy) + "\n");
    test::write_file((dir.path() / path / "max_energy_range_uj").string(), std::to_string(range) + "\n");
  };
  zone("intel-rapl:0", "package-0", 999'000'000, 1'000'000'000);
  zone("intel-rapl:0/intel-rapl:0:0", "core", 5, 1'000'000'000);
  zone("intel-rapl:0/intel-rapl:0:1", "dram", 10'000'000, 1'000'000'000);
  auto source = RaplEnergySource::open(dir.path().string());
  REQUIRE(source.has_value());
  auto first = (*source)->read();
  REQUIRE(first.size() == 2);  // package and dram; core is inside the package
  test::write_file((dir.path() / "intel-rapl:0/energy_uj").string(), "2000000\n");  // wrapped: +3 J
  test::write_file((dir.path() / "intel-rapl:0/intel-rapl:0:1/energy_uj").string(), "12500000\n");  // +2.5 J
  const auto second = (*source)->read();
  double cpu = 0;
  double dram = 0;
  for (const auto& d : second) {
    (d.device.starts_with("cpu") ? cpu : dram) = d.joules;
  }
  CHECK(cpu == Approx(3.0));
  CHECK(dram == Approx(2.5));
}

TEST_CASE("RAPL absent or unreadable is reported, not hidden", "[meters]")
{
  test::TempDir dir;
  const auto missing = RaplEnergySource::open((dir.path() / "nope").string());
  REQUIRE_FALSE(missing.has_value());
  CHECK_THAT(missing.error().why, Catch::Contains("absent"));
  const auto empty = RaplEnergySource::open(dir.path().string());
  REQUIRE_FALSE(empty.has_value());
  CHECK_THAT(empty.error().why, Catch::Contains("no package or dram domain"));
}

TEST_CASE("Prometheus text and the DCGM energy counter", "[meters]")
{
  const std::string text =
      "# HELP DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION Total energy consumption since boot (in mJ).\n"
      "# TYPE DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION counter\n"
      "DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION{gpu=\"0\",UUID=\"GPU-1\",modelName=\"NVIDIA H100 80GB HBM3\",Hostname=\"a\\\"b\"} 1000000\n"
      "DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION{gpu=\"1\",modelName=\"NVIDIA H100 80GB HBM3\"} 2000000 1700000000000\n"
      "DCGM_FI_DEV_POWER_USAGE{gpu=\"0\"} 350.5\n"
      "garbage{ line\n";
  const auto samples = parse_prometheus(text);
  REQUIRE(samples.size() == 3);
  CHECK(samples[0].labels.at("Hostname") == "a\"b");
  CHECK(samples[1].value == 2000000);
  CHECK(samples[2].value == Approx(350.5));

}

TEST_CASE("DCGM source differences each GPU's energy counter", "[meters]")
{
  long long step = 0;
  auto fetch = [&]() -> std::expected<std::string, std::string> {
    const long long a = 1'000'000 + step * 1500;  // +1.5 J per read
    const long long b = 2'000'000 + step * 500;   // +0.5 J per read
    ++step;
    return "DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION{gpu=\"0\",modelName=\"H100\"} " + std::to_string(a) +
           "\nDCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION{gpu=\"1\",modelName=\"H100\"} " + std::to_string(b) + "\n";
  };
  auto source = DcgmEnergySource::open(fetch, "http://gpu-host:9400/metrics");
  REQUIRE(source.has_value());
  (*source)->read();
  const auto totals = (*source)->read();
  REQUIRE(totals.size() == 2);
  CHECK(totals[0].device == "gpu0 H100");
  CHECK(totals[0].joules == Approx(3.0));
  CHECK(totals[1].joules == Approx(1.0));

  auto failing = DcgmEnergySource::open([]() -> std::expected<std::string, std::string> {
    return std::unexpected("Couldn't connect to server");
  }, "http://gpu-host:9400/metrics");
  REQUIRE_FALSE(failing.has_value());
  CHECK(failing.error().why == "http://gpu-host:9400/metrics: Couldn't connect to server");
  auto wrong = DcgmEnergySource::open([]() -> std::expected<std::string, std::string> { return "up 1\n"; }, "x");
  REQUIRE_FALSE(wrong.has_value());
  CHECK_THAT(wrong.error().why, Catch::Contains("no DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION"));
}

TEST_CASE("attribution splits each interval by token rate times overlap", "[meters]")
{
  // Two intervals: [0,1] 100 J and [1,2] 60 J.
  const std::vector<EnergyPoint> timeline{{0, 0}, {1, 100}, {2, 160}};
  // A: [0,2], 200 tokens (100 tok/s). B: [0,1], 300 tokens (300 tok/s). C: [1.5,2], 0 tokens.
  const std::vector<SampleWindow> windows{{0, 2, 200}, {0, 1, 300}, {1.5, 2, 0}};
  const auto a = attribute(timeline, windows);
  // Interval 1: A 100*1, B 300*1 -> A 25 J, B 75 J. Interval 2: only A has tokens -> 60 J.
  CHECK(a.joules[0] == Approx(85.0));
  CHECK(a.joules[1] == Approx(75.0));
  CHECK(a.joules[2] == 0.0);
  CHECK(a.total == Approx(160.0));
  CHECK(a.attributed == Approx(160.0));
  CHECK(a.idle == Approx(0.0));
}

TEST_CASE("attribution leaves energy with no tokens in flight idle", "[meters]")
{
  const std::vector<EnergyPoint> timeline{{0, 0}, {1, 50}, {2, 100}, {3, 130}};
  const std::vector<SampleWindow> windows{{1.25, 1.75, 10}};
  const auto a = attribute(timeline, windows);
  CHECK(a.joules[0] == Approx(50.0));  // alone in [1,2]
  CHECK(a.idle == Approx(80.0));
  CHECK(attribute(std::vector<EnergyPoint>{{0, 5}}, windows).total == 0.0);
}

namespace {
class FakeSource : public EnergySource {
 public:
  std::string method() const override { return "fake"; }
  std::vector<DeviceEnergy> read() override
  {
    m_joules += 2.0;
    return {{"dev0", m_joules}};
  }

 private:
  double m_joules = 0;
};
}  // namespace

TEST_CASE("the sampler keeps a timeline and per-device totals", "[meters]")
{
  std::vector<std::unique_ptr<EnergySource>> sources;
  sources.push_back(std::make_unique<FakeSource>());
  EnergySampler sampler(std::move(sources), std::chrono::milliseconds(10));
  sampler.start();
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  sampler.stop();
  const auto timeline = sampler.timeline();
  REQUIRE(timeline.size() >= 4);
  for (std::size_t i = 1; i < timeline.size(); ++i) {
    CHECK(timeline[i].seconds >= timeline[i - 1].seconds);
    CHECK(timeline[i].joules == Approx(timeline[i - 1].joules + 2.0));
  }
  const auto totals = sampler.totals();
  REQUIRE(totals.size() == 1);
  CHECK(totals[0].joules == Approx(2.0 * static_cast<double>(timeline.size() - 1)));
  CHECK(sampler.methods() == "fake");
  CHECK(sampler.thread_cpu_seconds() >= 0.0);
}

#include "harness/meters/price_book.hpp"

TEST_CASE("the price book matches model names exactly or by dated suffix", "[meters][cost]")
{
  const auto mini = book_prices("gpt-4o-mini");
  REQUIRE(mini);
  CHECK(mini->input_per_mtok == 0.15);
  CHECK(mini->output_per_mtok == 0.60);
  CHECK_THAT(mini->source, Catch::StartsWith("price book: ") && Catch::Contains("read 2026-11-29"));
  CHECK(book_prices("gpt-4o-2024-08-06")->input_per_mtok == 2.50);  // not gpt-4o-mini's
  CHECK(book_prices("claude-sonnet-4-20250514")->output_per_mtok == 15.00);
  CHECK(book_prices("claude-opus-4-1-20250805")->input_per_mtok == 15.00);
  CHECK(book_prices("o1")->output_per_mtok == 60.00);
  CHECK_FALSE(book_prices("o1x").has_value());        // no '-' after the prefix
  CHECK_FALSE(book_prices("my-local-model").has_value());
  // A sample's cost at book prices: 1,000 prompt tokens (200 cached) and 10,000 output tokens.
  Usage usage;
  usage.prompt_tokens = 1000;
  usage.cached_tokens = 200;
  usage.completion_tokens = 10000;
  CHECK(cost_usd(usage, *book_prices("deepseek-reasoner")) == Approx((800 * 0.56 + 200 * 0.07 + 10000 * 1.68) / 1e6));
}
