#include "adapters/openai/json_fields.hpp"

namespace rb::adapters::openai::detail {

namespace {
const Json* member(const Json& obj, std::string_view key)
{
  if (!obj.is_object()) {
    return nullptr;
  }
  const auto it = obj.find(key);
  return it == obj.end() ? nullptr : &*it;
}
}  // namespace

std::string text_field(const Json& obj, std::string_view key)
{
  const Json* value = member(obj, key);
  if (value == nullptr) {
    return "";
  }
  if (value->is_string()) {
    return value->get<std::string>();
  }
  std::string out;
  if (value->is_array()) {  // [{"type": "text", "text": "..."}, ...]
    for (const Json& part : *value) {
      out += text_field(part, "text");
    }
  }
  return out;
}

std::int64_t int_field(const Json& obj, std::string_view key)
{
  const Json* value = member(obj, key);
  if (value == nullptr || !value->is_number()) {
    return 0;
  }
  if (value->is_number_float()) {
    return static_cast<std::int64_t>(value->get<double>());
  }
  return value->get<std::int64_t>();
}

Usage parse_usage(const Json& usage)
{
  Usage out;
  out.prompt_tokens = int_field(usage, "prompt_tokens");
  out.completion_tokens = int_field(usage, "completion_tokens");
  if (const Json* details = member(usage, "completion_tokens_details")) {
    out.reasoning_tokens = int_field(*details, "reasoning_tokens");
  }
  if (const Json* details = member(usage, "prompt_tokens_details")) {
    out.cached_tokens = int_field(*details, "cached_tokens");
  }
  out.reported = true;
  return out;
}

std::string reasoning_field(const Json& obj, std::string& field)
{
  for (const std::string_view name : {"reasoning_content", "reasoning"}) {
    std::string text = text_field(obj, name);
    if (!text.empty()) {
      field = name;
      return text;
    }
  }
  return "";
}

}  // namespace rb::adapters::openai::detail
