#include "suites/loaders/code_common.hpp"

#include <nlohmann/json.hpp>

#include "harness/core/error.hpp"
#include "harness/util/sha256.hpp"
#include "harness/util/strings.hpp"
#include "suites/loaders/dataset_file.hpp"
#include "suites/prompts.hpp"

namespace rb::suites {

namespace {

/// Python's json module writes NaN, Infinity and -Infinity, which JSON has not (MBPP+'s inputs
/// hold them): outside strings they become the tagged floats the code verifier reads.
std::string tag_non_finite(const std::string& text)
{
  static const std::pair<std::string_view, std::string_view> k_words[] = {
      {"-Infinity", R"({"$f":"-inf"})"}, {"Infinity", R"({"$f":"inf"})"}, {"NaN", R"({"$f":"nan"})"}};
  std::string out;
  out.reserve(text.size());
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      out += c;
      if (c == '\\' && i + 1 < text.size()) {
        out += text[++i];
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    if (c == '"') {
      in_string = true;
      out += c;
      continue;
    }
    bool replaced = false;
    for (const auto& [word, tagged] : k_words) {
      if (std::string_view(text).substr(i, word.size()) == word) {
        out += tagged;
        i += word.size() - 1;
        replaced = true;
        break;
      }
    }
    if (!replaced) {
      out += c;
    }
  }
  return out;
}

}  // namespace

CodeDataset read_code_dataset(std::string_view suite, const std::string& path)
{
  CodeDataset d;
  d.path = path;
  const std::string raw = read_dataset_text(suite, path);
  d.tag = std::string(suite) + "-" + util::sha256_hex(raw).substr(0, 16);
  const std::string text = raw.find("Infinity") != std::string::npos || raw.find("NaN") != std::string::npos
                               ? tag_non_finite(raw)
                               : raw;
  const std::string_view trimmed = util::trim(text);
  if (trimmed.starts_with("[")) {
    nlohmann::json array;
    try {
      array = nlohmann::json::parse(trimmed);
    } catch (const nlohmann::json::parse_error& e) {
      throw ConfigError(where(suite, path) + "not valid JSON (" + util::shorten(e.what(), 120) + ")");
    }
    for (std::size_t i = 0; i < array.size(); ++i) {
      if (!array[i].is_object()) {
        throw ConfigError(where(suite, path, i + 1) + "record " + std::to_string(i + 1) + " is not a JSON object");
      }
      d.records.push_back(std::move(array[i]));
      d.lines.push_back(i + 1);
    }
    return d;
  }
  std::size_t line_number = 0;
  for (const auto& raw : util::split(text, '\n')) {
    ++line_number;
    const std::string_view line = util::trim(raw);
    if (line.empty()) {
      continue;
    }
    nlohmann::json record = nlohmann::json::parse(line, nullptr, false);
    if (!record.is_object()) {
      throw ConfigError(where(suite, path, line_number) + "not a JSON object");
    }
    d.records.push_back(std::move(record));
    d.lines.push_back(line_number);
  }
  return d;
}

std::span<const PromptTemplate> code_prompts()
{
  static const std::vector<PromptTemplate> k_prompts{
      {"cot", "", "{problem}\n\nThink the problem through, then give your complete solution in a single fenced code block."},
      {"direct", "", "{problem}\n\nGive only your complete solution, in a single fenced code block, with no explanation."},
  };
  return k_prompts;
}

std::string fence(std::string_view language, std::string_view code)
{
  std::string body(code);
  while (!body.empty() && (body.back() == '\n' || body.back() == ' ')) {
    body.pop_back();
  }
  return "```" + std::string(language) + "\n" + body + "\n```";
}

std::string code_verifier(SuiteParams& params)
{
  const std::string mode = params.get_string("sandbox", "namespaces");
  if (mode == "namespaces") {
    return "code";
  }
  if (mode == "weak") {
    return "code-weak";
  }
  throw ConfigError("suite '" + params.spec() + "': parameter 'sandbox' must be 'namespaces' or 'weak', got '" + mode + "'");
}

std::string_view leetcode_python_preamble()
{
  return "import math, collections, heapq, bisect, itertools, functools, string, re, random, operator\n"
         "from typing import *\nfrom collections import *\nfrom heapq import *\nfrom bisect import *\n"
         "from itertools import *\nfrom functools import *\nfrom math import *\ninf = float('inf')\n";
}

Suite make_code_suite(SuiteParams& params, const LoadOptions& options, std::vector<Problem> problems)
{
  Suite suite;
  suite.verifier = code_verifier(params);
  suite.prompt = select_prompt(code_prompts(), options.prompt, params.spec());
  suite.problems = std::move(problems);
  return suite;
}

}  // namespace rb::suites
