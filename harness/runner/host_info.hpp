#pragma once
// A description of the machine a run ran on (CPU model, cores, memory, GPUs, OS), stored with
// the run as JSON so figures can be compared knowing where they were measured.
#include <string>

namespace rb::runner {

/// {"cpu": "...", "cores": 2, "memory_bytes": ..., "gpus": ["NVIDIA H100 ..."], "os": "..."}
std::string host_info_json();

}  // namespace rb::runner
