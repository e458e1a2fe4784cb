#pragma once
// Problem and Suite: what is asked, the gold answer, and how to ask it.
// A Suite is a named set of problems + a prompt template + a verifier name (DESIGN.md).
#include <string>
#include <utility>
#include <vector>

namespace rb {

struct Message {
  std::string role;  ///< "system", "user" or "assistant"
  std::string content;
  bool operator==(const Message&) const = default;
};

struct Problem {
  std::string id;           ///< unique within its suite, as the dataset names it
  std::string text;         ///< the problem statement, inserted into the prompt template
  std::string answer;       ///< the gold answer as text (empty when checker_data decides)
  std::string reference;    ///< a complete correct final answer, as a perfect model would write it
                            ///< (used by oracle checks and by serve-sim); may be empty
  std::string checker_data; ///< verifier-specific JSON (tests, numbers...); may be empty
  std::vector<std::pair<std::string, std::string>> metadata;  ///< source, year, difficulty...

  /// SHA-256 over every field above: detects a dataset that changed under a run.
  std::string content_hash() const;
};

struct PromptTemplate {
  std::string name;    ///< the variant's name, stored with the run ("cot", "direct"...)
  std::string system;  ///< empty: no system message (the R1 recommendation)
  std::string user;    ///< "{problem}" is replaced by Problem::text

  std::vector<Message> render(const Problem& problem) const;
};

struct Suite {
  std::string name;      ///< as the user wrote it, e.g. "gen:arith?n=50&seed=7"
  std::string verifier;  ///< a name from the verifier registry
  PromptTemplate prompt;
  std::vector<Problem> problems;
};

}  // namespace rb
