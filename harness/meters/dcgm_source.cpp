#include "harness/meters/dcgm_source.hpp"

#include <curl/curl.h>

#include "harness/util/strings.hpp"

namespace rb::meters {

namespace {

/// Parses `name{a="x",b="y"} value [timestamp]`; nothing on malformed input.
std::optional<PromSample> parse_line(std::string_view line)
{
  PromSample s;
  std::size_t i = 0;
  while (i < line.size() && (std::isalnum(static_cast<unsigned char>(line[i])) != 0 || line[i] == '_' || line[i] == ':')) {
    ++i;
  }
  if (i == 0) {
    return std::nullopt;
  }
  s.name = std::string(line.substr(0, i));
  if (i < line.size() && line[i] == '{') {
    ++i;
    while (i < line.size() && line[i] != '}') {
      const std::size_t eq = line.find('=', i);
      if (eq == std::string_view::npos || eq + 1 >= line.size() || line[eq + 1] != '"') {
        return std::nullopt;
      }
      const std::string key(util::trim(line.substr(i, eq - i)));
      std::string value;
      std::size_t j = eq + 2;
      for (; j < line.size() && line[j] != '"'; ++j) {
        if (line[j] == '\\' && j + 1 < line.size()) {
          ++j;
          value += line[j] == 'n' ? '\n' : line[j];
        } else {
          value += line[j];
        }
      }
      if (j >= line.size()) {
        return std::nullopt;
      }
      s.labels[key] = value;
      i = j + 1;
      if (i < line.size() && line[i] == ',') {
        ++i;
      }
    }
    if (i >= line.size()) {
      return std::nullopt;
    }
    ++i;  // '}'
  }
  const auto rest = util::split(util::trim(line.substr(i)), ' ');
  if (rest.empty()) {
    return std::nullopt;
  }
  const auto value = util::parse_double(rest.front());
  if (!value) {
    return std::nullopt;
  }
  s.value = *value;
  return s;
}

std::size_t write_body(char* data, std::size_t size, std::size_t count, void* out)
{
  static_cast<std::string*>(out)->append(data, size * count);
  return size * count;
}

}  // namespace

std::vector<PromSample> parse_prometheus(std::string_view text)
{
  std::vector<PromSample> out;
  for (const auto& raw : util::split(text, '\n')) {
    const std::string_view line = util::trim(raw);
    if (line.empty() || line.front() == '#') {
      continue;
    }
    if (auto sample = parse_line(line)) {
      out.push_back(std::move(*sample));
    }
  }
  return out;
}

std::expected<std::unique_ptr<DcgmEnergySource>, Unavailable> DcgmEnergySource::open(Fetch fetch, std::string endpoint)
{
  auto source = std::unique_ptr<DcgmEnergySource>(new DcgmEnergySource(std::move(fetch), std::move(endpoint)));
  const auto text = source->m_fetch();
  if (!text) {
    return std::unexpected(Unavailable{"dcgm", source->m_endpoint + ": " + text.error()});
  }
  bool found = false;
  for (const auto& s : parse_prometheus(*text)) {
    found = found || s.name == k_dcgm_energy_metric;
  }
  if (!found) {
    return std::unexpected(
        Unavailable{"dcgm", source->m_endpoint + ": no " + std::string(k_dcgm_energy_metric) + " metric"});
  }
  source->read();  // baseline
  return source;
}

std::vector<DeviceEnergy> DcgmEnergySource::read()
{
  if (const auto text = m_fetch()) {
    for (const auto& s : parse_prometheus(*text)) {
      if (s.name != k_dcgm_energy_metric || s.value < 0) {
        continue;
      }
      const auto gpu = s.labels.find("gpu");
      const auto model = s.labels.find("modelName");
      const std::string device = "gpu" + (gpu != s.labels.end() ? gpu->second : std::string("?")) +
                                 (model != s.labels.end() ? " " + model->second : std::string());
      auto [it, inserted] = m_counters.try_emplace(device, 1e-3, 0);
      it->second.add(static_cast<std::uint64_t>(s.value));
    }
  }
  std::vector<DeviceEnergy> out;
  for (const auto& [device, counter] : m_counters) {
    out.push_back({device, counter.total_joules()});
  }
  return out;
}

std::expected<std::string, std::string> http_fetch(const std::string& url)
{
  CURL* curl = curl_easy_init();
  if (curl == nullptr) {
    return std::unexpected("curl_easy_init failed");
  }
  std::string body;
  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, 5000L);
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, write_body);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &body);
  const CURLcode rc = curl_easy_perform(curl);
  long status = 0;
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
  curl_easy_cleanup(curl);
  if (rc != CURLE_OK) {
    return std::unexpected(std::string(curl_easy_strerror(rc)));
  }
  if (status != 200) {
    return std::unexpected("HTTP " + std::to_string(status));
  }
  return body;
}

}  // namespace rb::meters
