#pragma once
// Turns a RunSpec into the payload plans of its phases (shared by both sandboxes).
#include <optional>
#include <string>

#include "verifiers/sandbox/init_process.hpp"
#include "verifiers/sandbox/sandbox.hpp"

namespace rb::sandbox::detail {

/// Descriptor numbers inside the supervisor after pin_fds (status 3, out 4, err 5, cc 6).
constexpr int k_fd_status = 3;
constexpr int k_fd_out = 4;
constexpr int k_fd_err = 5;
constexpr int k_fd_cc = 6;

struct Identity {
  bool change_ids = false;  ///< switch to uid/gid (else stay, capabilities dropped)
  uid_t uid = 0;
  gid_t gid = 0;
};

/// The phases of `spec`. `work_dir` is the program's cwd and HOME; `stdin_path` its stdin
/// file ("" = /dev/null); `pch_dir` where the compiler finds the precompiled header ("" = none).
PhasePlan plan_phases(const RunSpec& spec, const Identity& who, const std::string& work_dir,
                      const std::string& stdin_path, const std::string& pch_dir, bool namespace_init);

/// Empty when every file name in `spec` is a plain name, else what is wrong with one.
std::string check_file_names(const RunSpec& spec);

}  // namespace rb::sandbox::detail
