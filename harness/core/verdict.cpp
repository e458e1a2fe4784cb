#include "harness/core/verdict.hpp"

#include <array>

#include "harness/core/error.hpp"

namespace rb {

namespace {
constexpr std::array<std::pair<VerdictKind, std::string_view>, 6> k_verdict_names{{
    {VerdictKind::correct, "correct"},
    {VerdictKind::incorrect, "incorrect"},
    {VerdictKind::no_answer, "no_answer"},
    {VerdictKind::truncated, "truncated"},
    {VerdictKind::timeout, "timeout"},
    {VerdictKind::error, "error"},
}};
}  // namespace

std::string_view to_string(VerdictKind kind)
{
  for (const auto& [k, name] : k_verdict_names) {
    if (k == kind) {
      return name;
    }
  }
  return "error";
}

std::optional<VerdictKind> parse_verdict_kind(std::string_view name)
{
  for (const auto& [k, n] : k_verdict_names) {
    if (n == name) {
      return k;
    }
  }
  return std::nullopt;
}

std::string_view to_string(ErrorKind kind)
{
  switch (kind) {
    case ErrorKind::transport: return "transport";
    case ErrorKind::http: return "http";
    case ErrorKind::protocol: return "protocol";
    case ErrorKind::timeout: return "timeout";
    case ErrorKind::cancelled: return "cancelled";
    case ErrorKind::rejected: return "rejected";
    case ErrorKind::internal: return "internal";
  }
  return "internal";
}

}  // namespace rb
