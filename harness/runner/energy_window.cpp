#include "harness/runner/energy_window.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <nlohmann/json.hpp>

#include "harness/core/error.hpp"
#include "harness/meters/attribution.hpp"
#include "harness/meters/dcgm_source.hpp"
#include "harness/meters/nvml_source.hpp"
#include "harness/meters/rapl_source.hpp"
#include "harness/util/strings.hpp"
#include "harness/util/time.hpp"

namespace rb::runner {

namespace {

constexpr double k_seconds_per_hour = 3600;
constexpr double k_joules_per_kwh = 3.6e6;

/// The host of the first URL in `identity` ("kind:http://host:port/path#model"), lower case.
std::string url_host(std::string_view identity)
{
  const auto scheme = identity.find("://");
  if (scheme == std::string_view::npos) {
    return "";
  }
  std::string_view rest = identity.substr(scheme + 3);
  rest = rest.substr(0, rest.find_first_of("/#?"));
  if (const auto at = rest.rfind('@'); at != std::string_view::npos) {
    rest = rest.substr(at + 1);
  }
  if (rest.starts_with('[')) {
    return util::to_lower(rest.substr(0, rest.find(']') + 1));
  }
  return util::to_lower(rest.substr(0, rest.find(':')));
}

bool is_loopback(std::string_view host)
{
  return host == "localhost" || host.starts_with("127.") || host == "[::1]" || host == "0.0.0.0";
}

/// Hosts of public APIs: never the engine a dcgm-exporter meters.
bool is_public_api(std::string_view host)
{
  static constexpr std::string_view k_public[] = {"openai.com",   "anthropic.com", "deepseek.com",
                                                  "googleapis.com", "openrouter.ai", "together.xyz",
                                                  "groq.com",     "fireworks.ai",  "mistral.ai"};
  for (const std::string_view domain : k_public) {
    if (host == domain || host.ends_with("." + std::string(domain))) {
      return true;
    }
  }
  return false;
}

std::string number(double value)
{
  char buffer[32];
  const auto end = std::to_chars(buffer, buffer + sizeof buffer, value).ptr;
  return std::string(buffer, end);
}

}  // namespace

EnergyShare energy_share(const config::ModelConfig& model, std::string_view identity, bool simulated,
                         bool dcgm_configured)
{
  if (model.energy_j_per_output_token) {
    return EnergyShare::estimated;
  }
  const std::string host = url_host(identity);
  if (simulated || identity.starts_with("cmd:") || is_loopback(host)) {
    return EnergyShare::measured;
  }
  if (dcgm_configured && !host.empty() && !is_public_api(host)) {
    return EnergyShare::measured;
  }
  return EnergyShare::not_measured;
}

GpuSelection parse_gpu_selection(std::string_view text)
{
  GpuSelection out;
  const std::string trimmed(util::trim(text));
  if (trimmed == "all" || trimmed.empty()) {
    return out;
  }
  if (trimmed == "none") {
    out.none = true;
    return out;
  }
  for (const std::string& part : util::split(trimmed, ',')) {
    const std::string_view index = util::trim(part);
    int value = -1;
    const auto [end, ec] = std::from_chars(index.data(), index.data() + index.size(), value);
    if (ec != std::errc{} || end != index.data() + index.size() || value < 0) {
      throw ConfigError("[energy] gpus: expected \"all\", \"none\" or GPU indexes like \"0,2\" (got \"" +
                        util::shorten(text, 40) + "\")");
    }
    out.indexes.push_back(value);
  }
  return out;
}

std::vector<WindowModel> window_models(const std::vector<config::ModelConfig>& configs,
                                       const std::vector<std::string>& identities,
                                       const std::vector<bool>& simulated, const config::EnergyConfig* energy)
{
  std::vector<WindowModel> out;
  const bool dcgm = energy != nullptr && energy->enabled && !energy->dcgm_url.empty();
  for (std::size_t m = 0; m < configs.size(); ++m) {
    const config::ModelConfig& c = configs[m];
    WindowModel w;
    w.share = energy_share(c, identities[m], simulated[m], dcgm);
    w.j_per_output_token = c.energy_j_per_output_token;
    w.usd_per_gpu_hour = c.usd_per_gpu_hour;
    w.gpu_count = c.gpu_count;
    w.usd_per_kwh = c.usd_per_kwh;
    out.push_back(w);
  }
  return out;
}

std::unique_ptr<EnergyWindow> open_energy_window(store::Store& store, const Plan& plan, std::int64_t run_id,
                                                 const std::optional<config::EnergyConfig>& energy)
{
  std::vector<config::ModelConfig> configs;
  std::vector<std::string> identities;
  std::vector<bool> simulated;
  for (const PlannedModel& model : plan.models) {
    configs.push_back(model.config);
    identities.push_back(model.adapter->identity());
    simulated.push_back(model.simulated);
  }
  const config::EnergyConfig* meter = energy ? &*energy : nullptr;
  return std::make_unique<EnergyWindow>(store, run_id, meter, window_models(configs, identities, simulated, meter));
}

EnergyWindow::EnergyWindow(store::Store& store, std::int64_t run_id, const config::EnergyConfig* energy,
                           std::vector<WindowModel> models)
    : m_store(store), m_models(std::move(models))
{
  m_record.run_id = run_id;
  std::vector<std::unique_ptr<meters::EnergySource>> sources;
  std::vector<std::string> unavailable;
  if (energy == nullptr || !energy->enabled) {
    unavailable.emplace_back("metering off");
  } else {
    const GpuSelection gpus = parse_gpu_selection(energy->gpus);
    const auto note = [&](const meters::Unavailable& u) { unavailable.push_back(u.source + ": " + u.why); };
    if (!gpus.none) {
      if (auto nvml = meters::NvmlEnergySource::open(gpus.indexes)) {
        sources.push_back(std::move(*nvml));
      } else {
        note(nvml.error());
      }
    }
    if (energy->rapl) {
      if (auto rapl = meters::RaplEnergySource::open()) {
        sources.push_back(std::move(*rapl));
      } else {
        note(rapl.error());
      }
    }
    if (!energy->dcgm_url.empty()) {
      const std::string url = energy->dcgm_url;
      if (auto dcgm = meters::DcgmEnergySource::open([url] { return meters::http_fetch(url); }, url)) {
        sources.push_back(std::move(*dcgm));
      } else {
        note(dcgm.error());
      }
    }
  }
  if (sources.empty() && unavailable.empty()) {
    unavailable.emplace_back("no meter configured ([energy] gpus = \"none\", rapl = false, no dcgm_url)");
  }
  m_record.unavailable = util::join(unavailable, "; ");
  open(std::move(sources), energy);
}

EnergyWindow::EnergyWindow(store::Store& store, std::int64_t run_id,
                           std::vector<std::unique_ptr<meters::EnergySource>> sources,
                           std::vector<WindowModel> models, const config::EnergyConfig& energy)
    : m_store(store), m_models(std::move(models))
{
  m_record.run_id = run_id;
  open(std::move(sources), &energy);
}

void EnergyWindow::open(std::vector<std::unique_ptr<meters::EnergySource>> sources,
                        const config::EnergyConfig* energy)
{
  const auto interval = std::chrono::milliseconds(energy != nullptr ? energy->interval_ms
                                                                     : config::k_default_energy_interval_ms);
  m_sampler = std::make_unique<meters::EnergySampler>(std::move(sources), interval);
  if (energy != nullptr) {
    m_record.pue = energy->pue;
    m_record.grid_gco2_per_kwh = energy->grid_gco2_per_kwh;
  }
  m_record.started_at = util::iso8601_now();
  m_record.energy_method = m_sampler->methods();
  m_record.id = m_store.insert_window(m_record);
  m_sampler->start();
}

EnergyWindow::~EnergyWindow() = default;  // the sampler's destructor stops its thread

void EnergyWindow::started(std::size_t item)
{
  m_started[item] = m_sampler->seconds_now();
  ++m_in_flight;
  m_record.max_concurrency = std::max(m_record.max_concurrency, m_in_flight);
}

void EnergyWindow::finished(std::size_t item, store::SampleRecord& record)
{
  const auto node = m_started.extract(item);
  if (node.empty()) {
    return;
  }
  --m_in_flight;
  record.window_id = m_record.id;
  record.start_s = node.mapped();
  record.end_s = m_sampler->seconds_now();
}

void EnergyWindow::stored(std::int64_t sample_id, std::size_t model, const store::SampleRecord& record)
{
  if (record.window_id != m_record.id || !record.error.empty() || model >= m_models.size()) {
    return;
  }
  m_stored.push_back({sample_id, model,
                      {record.start_s, record.end_s, static_cast<double>(record.sample.usage.completion_tokens)}});
}

std::vector<store::SampleEnergy> EnergyWindow::energies(const std::vector<meters::EnergyPoint>& timeline) const
{
  std::vector<meters::SampleWindow> windows;
  std::vector<std::size_t> measured;  // index into m_stored
  for (std::size_t i = 0; i < m_stored.size(); ++i) {
    if (m_models[m_stored[i].model].share == EnergyShare::measured) {
      measured.push_back(i);
      windows.push_back(m_stored[i].window);
    }
  }
  const bool metered = timeline.size() >= 2;
  const meters::Attribution attribution = meters::attribute(timeline, windows);
  std::vector<std::optional<double>> joules(m_stored.size());
  std::vector<std::string> methods(m_stored.size());
  if (metered) {
    for (std::size_t k = 0; k < measured.size(); ++k) {
      joules[measured[k]] = attribution.joules[k];
      methods[measured[k]] = "measured: " + m_record.energy_method + ", token share of the overlapping window";
    }
  }
  // GPU-hour pricing: each model's GPU time over the window, shared by its output tokens.
  std::vector<double> model_tokens(m_models.size(), 0.0);
  std::vector<double> model_samples(m_models.size(), 0.0);
  for (const Stored& s : m_stored) {
    model_tokens[s.model] += s.window.tokens;
    model_samples[s.model] += 1;
  }
  std::vector<store::SampleEnergy> out;
  for (std::size_t i = 0; i < m_stored.size(); ++i) {
    const Stored& s = m_stored[i];
    const WindowModel& model = m_models[s.model];
    if (model.share == EnergyShare::estimated && model.j_per_output_token) {
      joules[i] = *model.j_per_output_token * s.window.tokens;
      methods[i] = "estimated: " + number(*model.j_per_output_token) + " J/output token (config)";
    }
    double cost = 0;
    if (model.usd_per_gpu_hour) {
      const double share = model_tokens[s.model] > 0 ? s.window.tokens / model_tokens[s.model]
                                                     : 1.0 / model_samples[s.model];
      cost += m_record.wall_s / k_seconds_per_hour * model.gpu_count * *model.usd_per_gpu_hour * share;
    }
    if (model.usd_per_kwh && joules[i]) {
      cost += *joules[i] * m_record.pue / k_joules_per_kwh * *model.usd_per_kwh;
    }
    if (joules[i] || cost > 0) {
      out.push_back({s.sample_id, joules[i], methods[i], cost});
    }
  }
  return out;
}

void EnergyWindow::close()
{
  if (m_closed) {
    return;
  }
  m_closed = true;
  m_sampler->stop();
  m_record.wall_s = m_sampler->seconds_now();
  const std::vector<meters::EnergyPoint> timeline = m_sampler->timeline();
  if (timeline.size() >= 2) {
    m_record.energy_joules = std::max(0.0, timeline.back().joules - timeline.front().joules);
    nlohmann::json devices = nlohmann::json::array();
    for (const auto& device : m_sampler->totals()) {
      devices.push_back({{"device", device.device}, {"joules", device.joules}});
    }
    m_record.devices_json = devices.dump();
  }
  const std::vector<store::SampleEnergy> energies = this->energies(timeline);
  double attributed = 0;
  for (const auto& e : energies) {
    attributed += e.method.starts_with("measured") && e.joules ? *e.joules : 0.0;
  }
  if (m_record.energy_joules) {
    m_record.idle_joules = std::max(0.0, *m_record.energy_joules - attributed);
  }
  m_record.ended_at = util::iso8601_now();
  store::Store::Transaction transaction(m_store);
  m_store.set_sample_energy(energies);
  m_store.update_window(m_record);
  transaction.commit();
}

}  // namespace rb::runner
