#pragma once
// One run window: the span of one invocation of the run loop over a run. It records when each
// request started and ended (seconds since the window opened: throughput, concurrency), meters
// energy over the window with the configured sources (harness/meters/), and when it closes
// attributes the energy to the samples it generated and writes window and samples to the store.
//
// Which samples share measured energy (docs/meters.md): a model with energy_j_per_output_token
// gets that estimate instead (labelled estimated); otherwise a model served on this host
// (loopback URL, cmd:, serve-sim), or any self-hosted endpoint when a dcgm_url is configured,
// shares the measured energy by token share of the overlapping window; other models (remote
// APIs) are "not measured". Local pricing (usd_per_gpu_hour, usd_per_kwh) is added to the
// samples' cost when the window closes. Used by the run loop's thread only.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "harness/config/config.hpp"
#include "harness/meters/attribution.hpp"
#include "harness/meters/energy_sampler.hpp"
#include "harness/runner/plan.hpp"
#include "harness/store/store.hpp"

namespace rb::runner {

/// How a model's samples get energy.
enum class EnergyShare { measured, estimated, not_measured };

/// The rule above for one model; `identity` is Adapter::identity() ("vllm:http://127.0.0.1:8000/v1#m").
EnergyShare energy_share(const config::ModelConfig& model, std::string_view identity, bool simulated,
                         bool dcgm_configured);

/// Parses [energy] gpus: "all" -> {} with all = true, "none" -> metering off, "0,2" -> {0, 2}.
/// Throws ConfigError naming the key.
struct GpuSelection {
  bool none = false;
  std::vector<int> indexes;  ///< empty: all
};
GpuSelection parse_gpu_selection(std::string_view text);

/// One model as the window needs it.
struct WindowModel {
  EnergyShare share = EnergyShare::not_measured;
  std::optional<double> j_per_output_token;
  std::optional<double> usd_per_gpu_hour;
  int gpu_count = 1;
  std::optional<double> usd_per_kwh;
};

class EnergyWindow {
 public:
  /// Opens the sources `energy` asks for (what is unavailable is recorded, not fatal), inserts
  /// the window row and starts the sampler. `energy` null: no metering, times only.
  EnergyWindow(store::Store& store, std::int64_t run_id, const config::EnergyConfig* energy,
               std::vector<WindowModel> models);
  /// For tests: a window with the given sources.
  EnergyWindow(store::Store& store, std::int64_t run_id, std::vector<std::unique_ptr<meters::EnergySource>> sources,
               std::vector<WindowModel> models, const config::EnergyConfig& energy);
  ~EnergyWindow();
  EnergyWindow(const EnergyWindow&) = delete;
  EnergyWindow& operator=(const EnergyWindow&) = delete;

  std::int64_t id() const { return m_record.id; }
  /// A request of work item `item` was sent.
  void started(std::size_t item);
  /// The request of `item` completed: stamps the record with this window's id, start and end
  /// (a cache hit, never started, is left unstamped).
  void finished(std::size_t item, store::SampleRecord& record);
  /// A stamped sample of model `model` was stored under `sample_id`.
  void stored(std::int64_t sample_id, std::size_t model, const store::SampleRecord& record);
  /// Stops metering, attributes, writes the samples' energy and cost and the window. Once;
  /// later calls do nothing.
  void close();

  const store::WindowRecord& record() const { return m_record; }

 private:
  struct Stored {
    std::int64_t sample_id;
    std::size_t model;
    meters::SampleWindow window;
  };
  void open(std::vector<std::unique_ptr<meters::EnergySource>> sources, const config::EnergyConfig* energy);
  std::vector<store::SampleEnergy> energies(const std::vector<meters::EnergyPoint>& timeline) const;

  store::Store& m_store;
  std::vector<WindowModel> m_models;
  std::unique_ptr<meters::EnergySampler> m_sampler;
  store::WindowRecord m_record;
  std::unordered_map<std::size_t, double> m_started;  // item -> start
  std::vector<Stored> m_stored;
  std::int64_t m_in_flight = 0;
  bool m_closed = false;
};

/// The window models of a plan's model configs (see energy_share).
std::vector<WindowModel> window_models(const std::vector<config::ModelConfig>& configs,
                                       const std::vector<std::string>& identities,
                                       const std::vector<bool>& simulated, const config::EnergyConfig* energy);

/// The run loop's window for `plan`: metered as `energy` says (nothing: times only).
std::unique_ptr<EnergyWindow> open_energy_window(store::Store& store, const Plan& plan, std::int64_t run_id,
                                                 const std::optional<config::EnergyConfig>& energy);

}  // namespace rb::runner
