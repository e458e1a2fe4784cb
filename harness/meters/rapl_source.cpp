#include "harness/meters/rapl_source.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "harness/util/strings.hpp"

namespace rb::meters {

namespace {

std::optional<std::string> read_line(const std::filesystem::path& path)
{
  std::ifstream in(path);
  std::string line;
  if (!in || !std::getline(in, line)) {
    return std::nullopt;
  }
  return std::string(util::trim(line));
}

std::optional<std::uint64_t> read_number(const std::filesystem::path& path)
{
  const auto line = read_line(path);
  if (!line) {
    return std::nullopt;
  }
  const auto value = util::parse_int(*line);
  if (!value || *value < 0) {
    return std::nullopt;
  }
  return static_cast<std::uint64_t>(*value);
}

}  // namespace

std::expected<std::unique_ptr<RaplEnergySource>, Unavailable> RaplEnergySource::open(const std::string& root)
{
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(root, ec)) {
    return std::unexpected(Unavailable{"rapl", root + " absent (no RAPL on this machine or in this container)"});
  }
  std::vector<fs::path> zones;
  for (const auto& entry : fs::recursive_directory_iterator(root, fs::directory_options::follow_directory_symlink, ec)) {
    const std::string name = entry.path().filename().string();
    if (name.starts_with("intel-rapl:") && fs::exists(entry.path() / "energy_uj", ec)) {
      zones.push_back(entry.path());
    }
    if (zones.size() > 64) {
      break;
    }
  }
  std::sort(zones.begin(), zones.end());
  zones.erase(std::unique(zones.begin(), zones.end()), zones.end());
  std::vector<Domain> domains;
  std::string unreadable;
  for (const auto& zone : zones) {
    const auto name = read_line(zone / "name");
    if (!name) {
      continue;
    }
    const bool package = name->starts_with("package");
    const bool dram = *name == "dram";
    if (!package && !dram) {
      continue;  // core, uncore, psys: included in package or overlapping it
    }
    const auto range = read_number(zone / "max_energy_range_uj");
    if (!read_number(zone / "energy_uj")) {
      unreadable = (zone / "energy_uj").string();
      continue;
    }
    const std::string parent = zone.parent_path().filename().string();
    const std::string label = package ? "cpu " + *name : "dram " + (parent.starts_with("intel-rapl:") ? parent : *name);
    domains.push_back({label, (zone / "energy_uj").string(), EnergyCounter(1e-6, range.value_or(0))});
  }
  if (domains.empty()) {
    return std::unexpected(Unavailable{"rapl", unreadable.empty() ? "no package or dram domain under " + root
                                                                  : unreadable + " is not readable (needs root)"});
  }
  auto source = std::unique_ptr<RaplEnergySource>(new RaplEnergySource(std::move(domains)));
  source->read();  // baseline
  return source;
}

std::vector<DeviceEnergy> RaplEnergySource::read()
{
  std::vector<DeviceEnergy> out;
  for (auto& domain : m_domains) {
    if (const auto raw = read_number(domain.energy_path)) {
      domain.counter.add(*raw);
    }
    out.push_back({domain.name, domain.counter.total_joules()});
  }
  return out;
}

}  // namespace rb::meters
