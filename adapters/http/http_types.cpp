#include "adapters/http/http_types.hpp"

namespace rb::adapters::http {

std::optional<std::string_view> HttpHead::header(std::string_view lower_name) const
{
  for (const auto& [name, value] : headers) {
    if (name == lower_name) {
      return std::string_view(value);
    }
  }
  return std::nullopt;
}

std::string host_of(std::string_view url)
{
  const std::size_t scheme = url.find("://");
  if (scheme != std::string_view::npos) {
    url.remove_prefix(scheme + 3);
  }
  const std::size_t end = url.find_first_of("/?#");
  if (end != std::string_view::npos) {
    url = url.substr(0, end);
  }
  const std::size_t at = url.rfind('@');  // never show user:password@
  if (at != std::string_view::npos) {
    url.remove_prefix(at + 1);
  }
  return std::string(url);
}

std::string_view to_string(HttpOutcome outcome)
{
  switch (outcome) {
    case HttpOutcome::completed:
      return "completed";
    case HttpOutcome::transport:
      return "transport";
    case HttpOutcome::untrusted:
      return "untrusted";
    case HttpOutcome::timeout:
      return "timeout";
    case HttpOutcome::aborted:
      return "aborted";
    case HttpOutcome::cancelled:
      return "cancelled";
  }
  return "unknown";
}

}  // namespace rb::adapters::http
