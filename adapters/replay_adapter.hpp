#pragma once
// replay:FILE serves recorded generations instead of calling a model: for grade-only runs, demos
// and re-scoring with a new verifier or new reasoning tags. FILE is JSON Lines, one generation a
// line: {"prompt": "..." or "messages": [...], "sample"?: 0, "response": "...", "reasoning"?,
// "finish_reason"?, "usage"?, "model"?}. A request finds its generation by its messages (or its
// last user message, for "prompt") and its sample index; records without "sample" are samples
// 0, 1, ... of their prompt in file order. A request with no recording fails with an error
// (stored as an `error` verdict), never as a wrong answer.
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "adapters/registry.hpp"
#include "adapters/reasoning_tags.hpp"

namespace rb::adapters {

/// Reads the file now. Throws ConfigError "FILE:LINE: ..." for unreadable or malformed records.
std::unique_ptr<Adapter> make_replay_adapter(const config::ModelConfig& model, const ModelSpec& spec);

class ReplayAdapter : public Adapter {
 public:
  /// One recorded generation.
  struct Record {
    std::string text;
    std::string reasoning;
    std::string finish_reason = "stop";
    std::optional<Usage> usage;
    std::string model;
    std::string json;  ///< the line as recorded, stored as the response
  };

  ReplayAdapter(std::string path, std::vector<TagPair> tags, Prices prices);
  /// Adds a record under its prompt key; `sample` < 0: the next free index of that prompt.
  void add(const std::string& key, int sample, Record record);

  std::string identity() const override { return "replay:" + m_path; }
  std::string request_body(const Request& request) const override;
  /// Answers at once, before returning.
  void start(const Request& request, SampleCallback done) override;
  void cancel_all() override {}
  AdapterStats stats() const override;

  /// The key of a request's full conversation and of a "prompt" record (its last user message).
  static std::string messages_key(const std::vector<Message>& messages);
  static std::string prompt_key(std::string_view prompt);

  std::size_t size() const { return m_count; }

 private:
  std::string m_path;
  ReasoningTags m_tags;
  Prices m_prices;
  std::map<std::string, std::map<int, Record>> m_records;
  std::size_t m_count = 0;
  std::atomic<std::int64_t> m_started{0};
};

}  // namespace rb::adapters
