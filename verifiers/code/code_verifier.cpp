#include "verifiers/code/code_verifier.hpp"

#include "verifiers/code/task.hpp"

namespace rb::verifiers::code {

CodeVerifier::CodeVerifier(sandbox::Isolation isolation) : m_sandbox(sandbox::shared_sandbox(isolation)) {}

CodeVerifier::CodeVerifier(sandbox::Sandbox& sandbox) : m_sandbox(sandbox) {}

std::string_view CodeVerifier::name() const
{
  return m_sandbox.isolation() == sandbox::Isolation::weak ? "code-weak" : "code";
}

Verdict CodeVerifier::verify(const Problem& problem, const Response& response) const
{
  const json task = json::parse(problem.checker_data, nullptr, false);
  if (!task.is_object()) {
    return harness_error("problem '" + problem.id + "': checker_data is not a JSON object");
  }
  json with_id = task;
  with_id["id"] = problem.id;
  Context context{m_sandbox};
  const std::string kind = task.value("kind", "");
  Verdict verdict;
  if (kind == "python_call") {
    verdict = verify_python_call(with_id, response.text, context);
  } else if (kind == "cpp_call") {
    verdict = verify_cpp_call(with_id, response.text, context);
  } else if (kind == "stdio") {
    verdict = verify_stdio(with_id, response.text, context);
  } else {
    return harness_error("problem '" + problem.id + "': unknown code task kind '" + kind + "'");
  }
  if (m_sandbox.isolation() == sandbox::Isolation::weak) {
    verdict.detail = "[WEAK sandbox: no namespaces] " + verdict.detail;
  }
  return verdict;
}

}  // namespace rb::verifiers::code
