#include "harness/runner/host_info.hpp"

#include <sys/utsname.h>

#include <filesystem>
#include <fstream>
#include <thread>

#include <nlohmann/json.hpp>

#include "harness/util/strings.hpp"

namespace rb::runner {

namespace {

/// The value of the first "key: value" line starting with `key` in `path`, or "".
std::string field_of(const std::string& path, const std::string& key)
{
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    if (line.starts_with(key)) {
      const std::size_t colon = line.find(':');
      if (colon != std::string::npos) {
        return std::string(util::trim(line.substr(colon + 1)));
      }
    }
  }
  return "";
}

nlohmann::json gpu_names()
{
  nlohmann::json gpus = nlohmann::json::array();
  const std::filesystem::path root("/proc/driver/nvidia/gpus");
  std::error_code ec;
  if (!std::filesystem::is_directory(root, ec)) {
    return gpus;
  }
  for (const auto& entry : std::filesystem::directory_iterator(root, ec)) {
    const std::string model = field_of((entry.path() / "information").string(), "Model");
    if (!model.empty()) {
      gpus.push_back(model);
    }
  }
  return gpus;
}

}  // namespace

std::string host_info_json()
{
  nlohmann::json host;
  host["cpu"] = field_of("/proc/cpuinfo", "model name");
  host["cores"] = std::thread::hardware_concurrency();
  const std::string mem_kb = field_of("/proc/meminfo", "MemTotal");
  host["memory_bytes"] = util::parse_int(util::split(mem_kb, ' ').front()).value_or(0) * 1024;
  host["gpus"] = gpu_names();
  struct utsname uts {};
  if (::uname(&uts) == 0) {
    host["os"] = std::string(uts.sysname) + " " + uts.release + " " + uts.machine;
  }
  return host.dump();
}

}  // namespace rb::runner
