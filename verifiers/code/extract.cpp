#include "verifiers/code/extract.hpp"

#include <cctype>
#include <functional>
#include <optional>
#include <span>
#include <vector>

#include "harness/util/strings.hpp"

namespace rb::verifiers::code {

namespace {

enum class Tag { task, untagged, other };

struct Block {
  std::string code;
  Tag tag = Tag::other;
};

Tag classify(std::string_view info, sandbox::Language language)
{
  std::string word = util::to_lower(util::trim(info));
  word = word.substr(0, word.find_first_of(" \t{"));
  if (word.empty()) {
    return Tag::untagged;
  }
  static const char* const k_python[] = {"python", "py", "python3", "py3"};
  static const char* const k_cpp[] = {"cpp", "c++", "cc", "cxx", "c"};
  const std::span<const char* const> names = language == sandbox::Language::python
                                                  ? std::span<const char* const>(k_python)
                                                  : std::span<const char* const>(k_cpp);
  for (const char* name : names) {
    if (word == name) {
      return Tag::task;
    }
  }
  return Tag::other;
}

/// A fence that opens after prose on the same line ("Here is the code: ```python"): the
/// line's last ``` followed by a language word alone. Its tag, or nothing.
std::optional<std::string_view> inline_opening(std::string_view line)
{
  const std::size_t at = line.rfind("```");
  if (at == std::string_view::npos || at == 0) {
    return std::nullopt;
  }
  const std::string_view tag = util::trim(line.substr(at + 3));
  if (tag.empty()) {
    return std::nullopt;  // the end of inline code ("use ```x```"), not an opening
  }
  for (const char c : tag) {
    if (std::isalnum(static_cast<unsigned char>(c)) == 0 && c != '+' && c != '#' && c != '_' && c != '-') {
      return std::nullopt;
    }
  }
  return tag;
}

std::vector<Block> fenced_blocks(std::string_view text, sandbox::Language language)
{
  std::vector<Block> blocks;
  const auto lines = util::split(text, '\n');
  std::optional<Block> open;
  std::size_t fence_width = 0;
  for (const auto& raw : lines) {
    const std::string_view line = util::trim(raw);
    std::size_t ticks = 0;
    while (ticks < line.size() && (line[ticks] == '`' || line[ticks] == '~')) {
      ++ticks;
    }
    const bool fence = ticks >= 3;
    if (!open) {
      if (fence) {
        open = Block{"", classify(line.substr(ticks), language)};
        fence_width = ticks;
      } else if (const auto tag = inline_opening(line)) {
        open = Block{"", classify(*tag, language)};  // "... the final answer is ```python"
        fence_width = 3;
      }
      continue;
    }
    if (fence && ticks >= fence_width && util::trim(line.substr(ticks)).empty()) {
      blocks.push_back(std::move(*open));
      open.reset();
      continue;
    }
    open->code += std::string(raw) + "\n";
  }
  if (open && !open->code.empty()) {
    blocks.push_back(std::move(*open));  // an answer cut inside its last block
  }
  return blocks;
}

bool is_identifier_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_'; }

/// Whether `line` (leading blanks removed) starts with `word` followed by a blank.
bool starts_with_word(std::string_view line, std::string_view word)
{
  return line.starts_with(word) && line.size() > word.size() && (line[word.size()] == ' ' || line[word.size()] == '\t');
}

bool python_defines(std::string_view code, std::string_view name)
{
  for (const auto& raw : util::split(code, '\n')) {
    std::string_view line = util::trim(raw);
    if (starts_with_word(line, "async")) {
      line = util::trim(line.substr(5));
    }
    for (const std::string_view keyword : {std::string_view("def"), std::string_view("class")}) {
      if (starts_with_word(line, keyword)) {
        const std::string_view rest = util::trim(line.substr(keyword.size()));
        if (rest.starts_with(name) && (rest.size() == name.size() || !is_identifier_char(rest[name.size()]))) {
          return true;
        }
      }
    }
  }
  return false;
}

/// A definition: a return type before NAME, then ( ... ), then (after qualifiers or a trailing
/// return type) the body's '{'. A call such as `if (NAME(x)) {` is not one.
bool cpp_defines(std::string_view code, std::string_view name)
{
  for (std::size_t at = code.find(name); at != std::string_view::npos; at = code.find(name, at + 1)) {
    if ((at > 0 && is_identifier_char(code[at - 1])) ||
        (at + name.size() < code.size() && is_identifier_char(code[at + name.size()]))) {
      continue;
    }
    std::size_t before = at;
    while (before > 0 && (code[before - 1] == ' ' || code[before - 1] == '\t' || code[before - 1] == '\n')) {
      --before;
    }
    if (before == 0 || !(is_identifier_char(code[before - 1]) || std::string_view("*&>:").find(code[before - 1]) != std::string_view::npos)) {
      continue;
    }
    std::size_t i = at + name.size();
    while (i < code.size() && std::isspace(static_cast<unsigned char>(code[i])) != 0) {
      ++i;
    }
    if (i >= code.size() || code[i] != '(') {
      continue;
    }
    int depth = 0;
    for (; i < code.size(); ++i) {
      depth += code[i] == '(' ? 1 : (code[i] == ')' ? -1 : 0);
      if (depth == 0) {
        break;
      }
    }
    // Between ')' and '{' only qualifiers and a trailing return type may appear.
    std::size_t j = i + 1;
    while (j < code.size() && (is_identifier_char(code[j]) || std::isspace(static_cast<unsigned char>(code[j])) != 0 ||
                               std::string_view(":<>*&,-").find(code[j]) != std::string_view::npos)) {
      ++j;
    }
    if (j < code.size() && code[j] == '{') {
      return true;
    }
  }
  return false;
}

bool looks_like_code(std::string_view text, sandbox::Language language)
{
  if (language == sandbox::Language::cpp) {
    return text.find("#include") != std::string_view::npos || text.find('{') != std::string_view::npos;
  }
  for (const auto& raw : util::split(text, '\n')) {
    const std::string_view line(raw);
    if (starts_with_word(line, "def") || starts_with_word(line, "class") || starts_with_word(line, "import") ||
        (starts_with_word(line, "from") && line.find(" import ") != std::string_view::npos)) {
      return true;
    }
  }
  return false;
}

}  // namespace

bool defines(std::string_view code, sandbox::Language language, std::string_view name)
{
  if (name.empty()) {
    return true;
  }
  return language == sandbox::Language::python ? python_defines(code, name) : cpp_defines(code, name);
}

std::optional<ExtractedCode> extract_code(std::string_view answer, sandbox::Language language, std::string_view entry)
{
  const auto blocks = fenced_blocks(answer, language);
  auto last = [&](auto&& predicate) -> const Block* {
    for (auto it = blocks.rbegin(); it != blocks.rend(); ++it) {
      if (predicate(*it)) {
        return &*it;
      }
    }
    return nullptr;
  };
  const std::pair<const char*, std::function<bool(const Block&)>> rules[] = {
      {"last fenced block in the task's language defining the entry point",
       [&](const Block& b) { return b.tag == Tag::task && defines(b.code, language, entry); }},
      {"last fenced block defining the entry point", [&](const Block& b) { return defines(b.code, language, entry); }},
      {"last fenced block in the task's language", [&](const Block& b) { return b.tag == Tag::task; }},
      {"last untagged fenced block", [&](const Block& b) { return b.tag == Tag::untagged; }},
  };
  for (const auto& [rule, predicate] : rules) {
    if (const Block* b = last(predicate); b != nullptr && !util::trim(b->code).empty()) {
      return ExtractedCode{b->code, rule};
    }
  }
  if (blocks.empty() && looks_like_code(answer, language)) {
    return ExtractedCode{std::string(answer), "unfenced code"};
  }
  return std::nullopt;
}

}  // namespace rb::verifiers::code
