#pragma once
// FakeSandbox: the Sandbox interface's fake (STYLE.md 4). It records every RunSpec and answers
// with a scripted RunResult, so code verifiers are tested without running anything.
#include <functional>
#include <mutex>
#include <vector>

#include "verifiers/sandbox/sandbox.hpp"

namespace rb::test {

class FakeSandbox : public sandbox::Sandbox {
 public:
  using Handler = std::function<sandbox::RunResult(const sandbox::RunSpec&)>;
  explicit FakeSandbox(Handler handler) : m_handler(std::move(handler)) {}

  sandbox::RunResult run(const sandbox::RunSpec& spec) override
  {
    {
      std::lock_guard lock(m_mutex);
      m_specs.push_back(spec);
    }
    return m_handler(spec);
  }
  sandbox::Isolation isolation() const override { return sandbox::Isolation::namespaces; }
  std::string describe() const override { return "fake"; }

  std::vector<sandbox::RunSpec> specs() const
  {
    std::lock_guard lock(m_mutex);
    return m_specs;
  }

  /// An `ok` result with `out` on stdout.
  static sandbox::RunResult ok(std::string out)
  {
    sandbox::RunResult r;
    r.status = sandbox::Status::ok;
    r.exit_code = 0;
    r.stdout_text = std::move(out);
    return r;
  }

 private:
  Handler m_handler;
  mutable std::mutex m_mutex;
  std::vector<sandbox::RunSpec> m_specs;
};

}  // namespace rb::test
