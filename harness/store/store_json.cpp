#include "harness/store/store_json.hpp"

#include <cmath>
#include <limits>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "harness/core/chunk_times.hpp"

namespace rb::store {

namespace {

using nlohmann::json;

// As strict as nlohmann's own check (no overlong forms, no surrogates, nothing above U+10FFFF),
// so that everything accepted here can be dumped.
bool is_valid_utf8(std::string_view text)
{
  std::size_t i = 0;
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t length = 0;
    unsigned char lo = 0x80;
    unsigned char hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) {
      length = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      length = 3;
      lo = c == 0xE0 ? 0xA0 : 0x80;
      hi = c == 0xED ? 0x9F : 0xBF;
    } else if (c >= 0xF0 && c <= 0xF4) {
      length = 4;
      lo = c == 0xF0 ? 0x90 : 0x80;
      hi = c == 0xF4 ? 0x8F : 0xBF;
    } else {
      return false;
    }
    if (i + length > text.size()) {
      return false;
    }
    const auto second = static_cast<unsigned char>(text[i + 1]);
    if (second < lo || second > hi) {
      return false;
    }
    for (std::size_t k = 2; k < length; ++k) {
      const auto next = static_cast<unsigned char>(text[i + k]);
      if (next < 0x80 || next > 0xBF) {
        return false;
      }
    }
    i += length;
  }
  return true;
}

json encode_text(const std::string& text)
{
  if (is_valid_utf8(text)) {
    return text;
  }
  static constexpr char k_digits[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(text.size() * 2);
  for (const char ch : text) {
    const auto byte = static_cast<unsigned char>(ch);
    hex += k_digits[byte >> 4];
    hex += k_digits[byte & 0x0F];
  }
  return json{{"hex", hex}};
}

int hex_value(char c)
{
  if (c >= '0' && c <= '9') {
    return c - '0';
  }
  if (c >= 'a' && c <= 'f') {
    return c - 'a' + 10;
  }
  throw std::runtime_error("bad hex digit in stored text");
}

std::string decode_text(const json& value)
{
  if (value.is_string()) {
    return value.get<std::string>();
  }
  const auto hex = value.at("hex").get<std::string>();
  if (hex.size() % 2 != 0) {
    throw std::runtime_error("odd-length hex in stored text");
  }
  std::string text;
  text.reserve(hex.size() / 2);
  for (std::size_t i = 0; i < hex.size(); i += 2) {
    text += static_cast<char>(hex_value(hex[i]) * 16 + hex_value(hex[i + 1]));
  }
  return text;
}

json encode_double(double value)
{
  if (std::isfinite(value)) {
    return value;
  }
  if (std::isnan(value)) {
    return "nan";
  }
  return value > 0 ? "inf" : "-inf";
}

double decode_double(const json& value)
{
  if (value.is_number()) {
    return value.get<double>();
  }
  const auto name = value.get<std::string>();
  if (name == "nan") {
    return std::numeric_limits<double>::quiet_NaN();
  }
  if (name == "inf" || name == "-inf") {
    return name == "inf" ? std::numeric_limits<double>::infinity() : -std::numeric_limits<double>::infinity();
  }
  throw std::runtime_error("bad number '" + name + "' in stored JSON");
}

// Readers of optional fields: a missing field keeps the default already in `out`.
void read(const json& object, const char* key, std::string& out)
{
  if (const auto it = object.find(key); it != object.end()) {
    out = decode_text(*it);
  }
}

void read(const json& object, const char* key, double& out)
{
  if (const auto it = object.find(key); it != object.end()) {
    out = decode_double(*it);
  }
}

template <typename T>
void read(const json& object, const char* key, T& out)
{
  if (const auto it = object.find(key); it != object.end()) {
    out = it->get<T>();
  }
}

json parse_object(std::string_view text, const char* what)
{
  json object = json::parse(text.begin(), text.end());
  if (!object.is_object()) {
    throw std::runtime_error(std::string("stored ") + what + " is not a JSON object");
  }
  return object;
}

}  // namespace

std::string sample_to_json(const Sample& sample)
{
  json usage{{"prompt_tokens", sample.usage.prompt_tokens},
             {"completion_tokens", sample.usage.completion_tokens},
             {"reasoning_tokens", sample.usage.reasoning_tokens},
             {"cached_tokens", sample.usage.cached_tokens},
             {"reported", sample.usage.reported},
             {"method", encode_text(sample.usage.method)}};
  json timings{{"ttft_ms", encode_double(sample.timings.ttft_ms)},
               {"first_answer_ms", encode_double(sample.timings.first_answer_ms)},
               {"e2e_ms", encode_double(sample.timings.e2e_ms)},
               {"chunks", sample.timings.chunks},
               {"chunk_times_us", decode_chunk_times(sample.timings.chunk_times)}};
  json object{{"text", encode_text(sample.text)},
              {"reasoning", encode_text(sample.reasoning)},
              {"reasoning_unclosed", sample.reasoning_unclosed},
              {"finish_reason", encode_text(sample.finish_reason)},
              {"usage", std::move(usage)},
              {"timings", std::move(timings)},
              {"request_json", encode_text(sample.request_json)},
              {"response_json", encode_text(sample.response_json)},
              {"model_reported", encode_text(sample.model_reported)},
              {"retries", sample.retries},
              {"from_cache", sample.from_cache},
              {"cost_usd", encode_double(sample.cost_usd)}};
  return object.dump();
}

Sample sample_from_json(std::string_view text)
{
  try {
    const json object = parse_object(text, "sample");
    Sample sample;
    read(object, "text", sample.text);
    read(object, "reasoning", sample.reasoning);
    read(object, "reasoning_unclosed", sample.reasoning_unclosed);
    read(object, "finish_reason", sample.finish_reason);
    if (const auto usage = object.find("usage"); usage != object.end()) {
      read(*usage, "prompt_tokens", sample.usage.prompt_tokens);
      read(*usage, "completion_tokens", sample.usage.completion_tokens);
      read(*usage, "reasoning_tokens", sample.usage.reasoning_tokens);
      read(*usage, "cached_tokens", sample.usage.cached_tokens);
      read(*usage, "reported", sample.usage.reported);
      read(*usage, "method", sample.usage.method);
    }
    if (const auto timings = object.find("timings"); timings != object.end()) {
      read(*timings, "ttft_ms", sample.timings.ttft_ms);
      read(*timings, "first_answer_ms", sample.timings.first_answer_ms);
      read(*timings, "e2e_ms", sample.timings.e2e_ms);
      read(*timings, "chunks", sample.timings.chunks);
      if (const auto times = timings->find("chunk_times_us"); times != timings->end() && times->is_array()) {
        sample.timings.chunk_times = encode_chunk_times(times->get<std::vector<std::uint64_t>>());
      }
    }
    read(object, "request_json", sample.request_json);
    read(object, "response_json", sample.response_json);
    read(object, "model_reported", sample.model_reported);
    read(object, "retries", sample.retries);
    read(object, "from_cache", sample.from_cache);
    read(object, "cost_usd", sample.cost_usd);
    return sample;
  } catch (const json::exception& e) {
    throw std::runtime_error(std::string("stored sample JSON is malformed: ") + e.what());
  }
}

std::string problem_to_json(const Problem& problem)
{
  json metadata = json::array();
  for (const auto& [key, value] : problem.metadata) {
    metadata.push_back(json::array({encode_text(key), encode_text(value)}));
  }
  json object{{"id", encode_text(problem.id)},
              {"text", encode_text(problem.text)},
              {"answer", encode_text(problem.answer)},
              {"reference", encode_text(problem.reference)},
              {"checker_data", encode_text(problem.checker_data)},
              {"metadata", std::move(metadata)}};
  return object.dump();
}

Problem problem_from_json(std::string_view text)
{
  try {
    const json object = parse_object(text, "problem");
    Problem problem;
    read(object, "id", problem.id);
    read(object, "text", problem.text);
    read(object, "answer", problem.answer);
    read(object, "reference", problem.reference);
    read(object, "checker_data", problem.checker_data);
    if (const auto metadata = object.find("metadata"); metadata != object.end()) {
      for (const json& pair : *metadata) {
        problem.metadata.emplace_back(decode_text(pair.at(0)), decode_text(pair.at(1)));
      }
    }
    return problem;
  } catch (const json::exception& e) {
    throw std::runtime_error(std::string("stored problem JSON is malformed: ") + e.what());
  }
}

}  // namespace rb::store
