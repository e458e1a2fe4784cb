#pragma once
// The default sandbox: each run gets new user, PID, network, mount, IPC, UTS and cgroup
// namespaces, a root filesystem of its own (fs_view.hpp), a per-slot uid, rlimits, seccomp and
// an empty environment; the harness holds the wall clock and the output caps.
//
// Processes: the harness thread forks a supervisor, which unshares the namespaces (the harness
// then writes its uid map) and forks the PID namespace's init; init builds the filesystem and
// runs the phases (init_process.hpp). Killing init kills the whole namespace: nothing survives.
#include <memory>
#include <mutex>
#include <string>

#include "verifiers/sandbox/fs_view.hpp"
#include "verifiers/sandbox/sandbox.hpp"
#include "verifiers/sandbox/slots.hpp"

namespace rb::sandbox {

class NamespaceSandbox : public Sandbox {
 public:
  NamespaceSandbox();
  ~NamespaceSandbox() override;
  RunResult run(const RunSpec& spec) override;
  Isolation isolation() const override { return Isolation::namespaces; }
  std::string describe() const override;

 private:
  int pch_fd();

  bool m_rootful = false;           ///< per-slot host uids (else one uid, mapped as 0)
  detail::UidBlock m_uids;
  detail::FsPlan m_fs;
  detail::SlotPool m_slots{detail::k_max_slots};
  std::once_flag m_pch_once;
  int m_pch_fd = -1;
};

}  // namespace rb::sandbox
