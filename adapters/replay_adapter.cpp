#include "adapters/replay_adapter.hpp"

#include <fstream>

#include "adapters/openai/chat_sample.hpp"
#include "adapters/openai/json_fields.hpp"
#include "adapters/registry_detail.hpp"
#include "harness/core/error.hpp"
#include "harness/util/strings.hpp"

namespace rb::adapters {

using openai::detail::Json;
namespace detail_json = openai::detail;

namespace {

/// One line of a replay file, checked. Throws ConfigError "FILE:LINE: ...".
void read_record(ReplayAdapter& adapter, const std::string& where, std::string_view line)
{
  const Json json = Json::parse(line, nullptr, false);
  if (json.is_discarded() || !json.is_object()) {
    throw ConfigError(where + ": not a JSON object");
  }
  std::string key;
  if (const auto messages = json.find("messages"); messages != json.end()) {
    if (!messages->is_array() || messages->empty()) {
      throw ConfigError(where + ": 'messages' must be a non-empty array of {role, content}");
    }
    std::vector<Message> list;
    for (const Json& message : *messages) {
      if (!message.is_object() || !message.contains("role") || !message["role"].is_string()) {
        throw ConfigError(where + ": 'messages' must be a non-empty array of {role, content}");
      }
      list.push_back({message["role"].get<std::string>(), detail_json::text_field(message, "content")});
    }
    key = ReplayAdapter::messages_key(list);
  } else if (const auto prompt = json.find("prompt"); prompt != json.end() && prompt->is_string()) {
    key = ReplayAdapter::prompt_key(prompt->get<std::string>());
  } else {
    throw ConfigError(where + ": needs 'prompt' (a string) or 'messages' (an array) to match requests");
  }
  ReplayAdapter::Record record;
  const auto response = json.contains("response") ? json.find("response") : json.find("text");
  if (response == json.end() || !response->is_string()) {
    throw ConfigError(where + ": needs 'response' (a string)");
  }
  record.text = response->get<std::string>();
  record.reasoning = detail_json::text_field(json, "reasoning");
  record.model = detail_json::text_field(json, "model");
  if (std::string reason = detail_json::text_field(json, "finish_reason"); !reason.empty()) {
    record.finish_reason = detail_json::normalise_finish(std::move(reason));
  }
  if (const auto usage = json.find("usage"); usage != json.end() && usage->is_object()) {
    record.usage = detail_json::parse_usage(*usage);
  }
  int sample = -1;
  if (const auto index = json.find("sample"); index != json.end()) {
    if (!index->is_number_integer() || index->get<std::int64_t>() < 0 || index->get<std::int64_t>() > INT32_MAX) {
      throw ConfigError(where + ": 'sample' must be an integer >= 0");
    }
    sample = index->get<int>();
  }
  record.json = std::string(util::trim(line));
  adapter.add(key, sample, std::move(record));
}

}  // namespace

ReplayAdapter::ReplayAdapter(std::string path, std::vector<TagPair> tags, Prices prices)
    : m_path(std::move(path)), m_tags(std::move(tags)), m_prices(prices)
{
}

void ReplayAdapter::add(const std::string& key, int sample, Record record)
{
  auto& samples = m_records[key];
  if (sample < 0) {
    sample = 0;
    while (samples.contains(sample)) {
      ++sample;
    }
  }
  m_count += samples.insert_or_assign(sample, std::move(record)).second ? 1 : 0;
}

std::string ReplayAdapter::messages_key(const std::vector<Message>& messages)
{
  std::string key = "M";
  for (const Message& message : messages) {
    key += "\x1f" + message.role + "\x1e" + message.content;
  }
  return key;
}

std::string ReplayAdapter::prompt_key(std::string_view prompt)
{
  return "P\x1f" + std::string(util::trim(prompt));
}

std::string ReplayAdapter::request_body(const Request& request) const
{
  Json messages = Json::array();
  for (const Message& message : request.messages) {
    messages.push_back(Json{{"role", message.role}, {"content", message.content}});
  }
  return Json{{"messages", std::move(messages)}, {"sample", request.sample_index}}.dump(
      -1, ' ', false, Json::error_handler_t::replace);
}

AdapterStats ReplayAdapter::stats() const
{
  return AdapterStats{m_started.load(), 0, 0};
}

void ReplayAdapter::start(const Request& request, SampleCallback done)
{
  m_started.fetch_add(1);
  auto found = m_records.find(messages_key(request.messages));
  if (found == m_records.end()) {
    for (auto it = request.messages.rbegin(); it != request.messages.rend(); ++it) {
      if (it->role == "user") {
        found = m_records.find(prompt_key(it->content));
        break;
      }
    }
  }
  const Record* record = nullptr;
  if (found != m_records.end()) {
    if (const auto at = found->second.find(request.sample_index); at != found->second.end()) {
      record = &at->second;
    }
  }
  if (record == nullptr) {
    const std::string prompt = request.messages.empty() ? "" : request.messages.back().content;
    done(std::unexpected(Error{ErrorKind::rejected,
                               "replay '" + m_path + "': no recorded generation for sample " +
                                   std::to_string(request.sample_index) + " of the prompt beginning '" +
                                   util::shorten(util::replace_all(prompt, "\n", " "), 60) + "'"}));
    return;
  }
  WireResponse wire;
  wire.content = record->text;
  wire.reasoning = record->reasoning;
  wire.finish_reason = record->finish_reason;
  wire.usage = record->usage;
  wire.model = record->model;
  openai::SampleParts parts;
  parts.request_json = request_body(request);
  parts.response_json = record->json;
  parts.prompt_chars = openai::prompt_chars(request.messages);
  parts.prices = m_prices;
  parts.tags = &m_tags;
  done(openai::to_sample(wire, std::move(parts)));
}

std::unique_ptr<Adapter> make_replay_adapter(const config::ModelConfig& model, const ModelSpec& spec)
{
  std::ifstream in(spec.model);
  if (!in) {
    throw ConfigError(detail::where(model) + "cannot read replay file '" + spec.model + "'");
  }
  auto adapter = std::make_unique<ReplayAdapter>(spec.model, model.reasoning_tags, model.prices);
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (util::trim(line).empty()) {
      continue;
    }
    read_record(*adapter, spec.model + ":" + std::to_string(number), line);
  }
  if (adapter->size() == 0) {
    throw ConfigError(detail::where(model) + "replay file '" + spec.model + "' holds no generations");
  }
  return adapter;
}

}  // namespace rb::adapters
