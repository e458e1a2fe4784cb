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
  out.reasoning_tokens = int_field(usage, "reasoning_tokens");
  if (const Json* details = member(usage, "completion_tokens_details")) {
    out.reasoning_tokens = std::max(out.reasoning_tokens, int_field(*details, "reasoning_tokens"));
  }
  if (const Json* details = member(usage, "prompt_tokens_details")) {
    out.cached_tokens = int_field(*details, "cached_tokens");
  }
  if (out.cached_tokens == 0) {
    out.cached_tokens = int_field(usage, "prompt_cache_hit_tokens");  // DeepSeek
  }
  out.reported = true;
  return out;
}

void apply_timings(const Json& timings, std::optional<Usage>& usage)
{
  if (!timings.is_object()) {
    return;
  }
  if (!usage) {
    usage = Usage{};
    usage->prompt_tokens = int_field(timings, "prompt_n") + int_field(timings, "cache_n");
    usage->completion_tokens = int_field(timings, "predicted_n");
    usage->reported = true;
  }
  if (usage->cached_tokens == 0) {
    usage->cached_tokens = int_field(timings, "cache_n");
  }
}

std::string reasoning_field(const Json& obj, const std::vector<std::string>& fields, std::string& field)
{
  for (const std::string& name : fields) {
    std::string text = text_field(obj, name);
    if (!text.empty()) {
      field = name;
      return text;
    }
  }
  return "";
}

std::optional<std::int64_t> budget(const Request& request, const WireOptions& options)
{
  return request.params.max_tokens ? request.params.max_tokens : options.defaults.max_tokens;
}

void put_sampling(Json& body, const Request& request, const WireOptions& options, std::string_view limit_key,
                  bool with_seed)
{
  const SamplingParams& p = request.params;
  const SamplingParams& d = options.defaults;
  if (const auto v = p.temperature ? p.temperature : d.temperature) {
    body["temperature"] = *v;
  }
  if (const auto v = p.top_p ? p.top_p : d.top_p) {
    body["top_p"] = *v;
  }
  if (const auto v = budget(request, options); v && !limit_key.empty()) {
    body[std::string(limit_key)] = *v;
  }
  if (const auto v = p.seed ? p.seed : d.seed; v && with_seed) {
    body["seed"] = *v;
  }
}

void merge_params(Json& body, std::string_view extra_json)
{
  if (extra_json.empty()) {
    return;
  }
  const Json extra = Json::parse(extra_json, nullptr, false);
  if (!extra.is_object()) {
    return;  // the config layer only stores objects
  }
  for (auto it = extra.begin(); it != extra.end(); ++it) {
    if (!body.contains(it.key())) {
      body[it.key()] = it.value();
    }
  }
}

std::string normalise_finish(std::string reason)
{
  if (reason == "end_turn" || reason == "stop_sequence" || reason == "eos_token" || reason == "eos") {
    return "stop";
  }
  if (reason == "max_tokens") {
    return "length";
  }
  return reason;
}

}  // namespace rb::adapters::openai::detail
