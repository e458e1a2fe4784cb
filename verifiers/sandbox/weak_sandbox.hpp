#pragma once
// The explicitly weaker sandbox, for machines without user namespaces: rlimits, seccomp, an
// empty environment, a private temporary work dir, a per-slot uid when the harness is root,
// and the whole process tree killed (the supervisor is a child subreaper). It does NOT hide
// the host's files or network namespace (seccomp still refuses non-Unix sockets). Chosen only
// by the user (`?sandbox=weak`, `sandbox run --weak`); every verdict and report names it.
#include <string>

#include "verifiers/sandbox/sandbox.hpp"
#include "verifiers/sandbox/slots.hpp"

namespace rb::sandbox {

class WeakSandbox : public Sandbox {
 public:
  WeakSandbox();
  RunResult run(const RunSpec& spec) override;
  Isolation isolation() const override { return Isolation::weak; }
  std::string describe() const override;

 private:
  bool m_rootful = false;
  detail::UidBlock m_uids;
  detail::SlotPool m_slots{detail::k_max_slots};
};

}  // namespace rb::sandbox
