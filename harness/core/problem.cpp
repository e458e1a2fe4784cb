#include "harness/core/problem.hpp"

#include "harness/util/sha256.hpp"
#include "harness/util/strings.hpp"

namespace rb {

std::string Problem::content_hash() const
{
  // Length-prefixed fields, so that moving text between fields changes the hash.
  std::string buffer;
  const auto add = [&buffer](const std::string& field) {
    buffer += std::to_string(field.size());
    buffer += ':';
    buffer += field;
  };
  add(id);
  add(text);
  add(answer);
  add(reference);
  add(checker_data);
  for (const auto& [key, value] : metadata) {
    add(key);
    add(value);
  }
  return util::sha256_hex(buffer);
}

std::vector<Message> PromptTemplate::render(const Problem& problem) const
{
  std::vector<Message> messages;
  if (!system.empty()) {
    messages.push_back({"system", system});
  }
  messages.push_back({"user", util::replace_all(user, "{problem}", problem.text)});
  return messages;
}

}  // namespace rb
