#include "suites/loaders/code_cpp_overrides.hpp"

#include <nlohmann/json.hpp>

#include "harness/util/rng.hpp"

namespace rb::suites {

namespace {

constexpr std::uint64_t k_seed = 20240601;
constexpr int k_random_cases = 100;

std::string literal(const std::string& s) { return nlohmann::json(s).dump(); }  // letters only: JSON == C++

/// The dataset's asserts before its `for` loop (the part the harness can split as written).
std::string head_asserts(const std::string& test)
{
  const std::size_t main_at = test.find("int main");
  const std::size_t open = test.find('{', main_at);
  const std::size_t loop = test.find("for", open);
  std::string head = test.substr(open + 1, (loop == std::string::npos ? test.rfind('}') : loop) - open - 1);
  // CPP/151 declares its loop's variables before the loop: keep assertions only.
  std::string kept;
  std::size_t start = 0;
  for (std::size_t semi = head.find(';'); semi != std::string::npos; semi = head.find(';', start)) {
    const std::string statement = head.substr(start, semi - start + 1);
    if (statement.find("assert") != std::string::npos) {
      kept += statement + "\n";
    }
    start = semi + 1;
  }
  return kept;
}

std::string random_word(util::SplitMix64& rng)
{
  std::string s;
  const auto length = rng.range(10, 20);
  for (int j = 0; j < length; ++j) {
    s += static_cast<char>('a' + rng.below(26));
  }
  return s;
}

/// HumanEval-X's own encoders (declared in the prompts), to write the decoders' inputs.
std::string encode_cyclic(const std::string& s)
{
  std::string out;
  for (std::size_t i = 0; i < s.size(); i += 3) {
    std::string x = s.substr(i, 3);
    if (x.size() == 3) {
      x = x.substr(1) + x[0];
    }
    out += x;
  }
  return out;
}

std::string encode_shift(const std::string& s)
{
  std::string out;
  for (const char c : s) {
    out += static_cast<char>((c + 5 - 'a') % 26 + 'a');
  }
  return out;
}

std::string wrap_main(const std::string& body) { return "int main(){\n" + body + "}\n"; }

}  // namespace

bool apply_humaneval_x_override(const std::string& task_id, const std::string& test, nlohmann::json& task)
{
  util::SplitMix64 rng(k_seed);
  std::string body;
  if (task_id == "CPP/38" || task_id == "CPP/50") {
    const bool cyclic = task_id == "CPP/38";
    for (int i = 0; i < k_random_cases; ++i) {
      const std::string word = random_word(rng);
      body += std::string("  assert (") + (cyclic ? "decode_cyclic(" : "decode_shift(") +
              literal(cyclic ? encode_cyclic(word) : encode_shift(word)) + ") == " + literal(word) + ");\n";
    }
  } else if (task_id == "CPP/44") {
    body = head_asserts(test);
    for (int x = 2; x < 8; ++x) {
      body += "  assert (change_base(" + std::to_string(x) + ", " + std::to_string(x + 1) + ") == \"" +
              std::to_string(x) + "\");\n";
    }
  } else if (task_id == "CPP/53") {
    body = head_asserts(test);
    for (int i = 0; i < k_random_cases; ++i) {
      const auto x = rng.below(1000);
      const auto y = rng.below(1000);
      body += "  assert (add(" + std::to_string(x) + ", " + std::to_string(y) + ") == " + std::to_string(x + y) + ");\n";
    }
  } else if (task_id == "CPP/151") {
    body = head_asserts(test);
    std::string list;
    long long odd_sum = 0;
    for (int i = -99; i < 100; i += 2) {
      list += (list.empty() ? "" : ", ") + std::to_string(i);
      odd_sum += i > 0 ? static_cast<long long>(i) * i : 0;
    }
    body += "  assert (double_the_difference({" + list + "}) == " + std::to_string(odd_sum) + ");\n";
  } else if (task_id == "CPP/32") {
    // Any root is correct, so the harness checks |poly(x)| < 1e-3 (the dataset's own bound).
    nlohmann::json split = nlohmann::json::array();
    for (int i = 0; i < k_random_cases; ++i) {
      const auto count = 2 * rng.range(1, 4);
      nlohmann::json coefficients = nlohmann::json::array();
      std::string list;
      for (int j = 0; j < count; ++j) {
        auto c = rng.range(-10, 10);
        c = c == 0 ? 1 : c;
        coefficients.push_back(c);
        list += (list.empty() ? "" : ", ") + std::to_string(c);
      }
      split.push_back({{"call", "find_zero(std::vector<double>{" + list + "})"},
                       {"cmp", "poly_root"},
                       {"abs_tol", 1e-3},
                       {"args", {coefficients}}});
    }
    task["split"] = split;
    return true;
  } else {
    return false;
  }
  task["test"] = wrap_main(body);
  return true;
}

}  // namespace rb::suites
