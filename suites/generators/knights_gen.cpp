#include "suites/generators/knights_gen.hpp"

#include <cctype>
#include <cstdint>
#include <stdexcept>

namespace rb::suites {

namespace {

const std::vector<std::string> k_names{
    "Aria", "Ben",    "Chloe", "David",  "Ella",   "Finn",  "Grace",  "Henry", "Isla", "Jack",
    "Kate", "Liam",   "Mia",   "Noah",   "Olivia", "Peter", "Quinn",  "Ruby",  "Sam",  "Tara",
    "Uma",  "Victor", "Wendy", "Xavier", "Yara",   "Zack",  "Amelia", "Oscar", "Lily", "Hugo"};
constexpr double k_compound_probability[5] = {0.2, 0.35, 0.5, 0.6, 0.7};
constexpr int k_max_attempts = 100000;

/// A statement: a leaf (person, claims knight?, negated?) or two leaves joined by `op`.
struct Leaf {
  int person = 0;
  bool knight = true;
  bool negated = false;
};
struct Statement {
  std::string op;  ///< "" (one leaf), "and", "or", "implies", "iff"
  Leaf a;
  Leaf b;
};

bool eval(const Leaf& leaf, std::uint32_t mask)
{
  const bool is_knight = ((mask >> leaf.person) & 1U) != 0;
  return (is_knight == leaf.knight) != leaf.negated;
}

bool eval(const Statement& s, std::uint32_t mask)
{
  const bool a = eval(s.a, mask);
  if (s.op.empty()) {
    return a;
  }
  const bool b = eval(s.b, mask);
  if (s.op == "and") {
    return a && b;
  }
  if (s.op == "or") {
    return a || b;
  }
  if (s.op == "implies") {
    return !a || b;
  }
  return a == b;
}

Leaf random_leaf(int people, util::SplitMix64& rng)
{
  return {static_cast<int>(rng.below(static_cast<std::uint64_t>(people))), rng.below(2) == 0,
          rng.below(5) == 0};
}

std::string leaf_text(const Leaf& leaf, const std::vector<std::string>& names)
{
  return names[static_cast<std::size_t>(leaf.person)] + (leaf.negated ? " is not a " : " is a ") +
         (leaf.knight ? "knight" : "knave");
}

std::string statement_text(const Statement& s, const std::vector<std::string>& names)
{
  const std::string a = leaf_text(s.a, names);
  if (s.op.empty()) {
    return a;
  }
  const std::string b = leaf_text(s.b, names);
  if (s.op == "implies") {
    return "if " + a + " then " + b;
  }
  return a + (s.op == "iff" ? " if and only if " : " " + s.op + " ") + b;
}

std::string leaf_json(const Leaf& leaf)
{
  const std::string atom =
      std::string("[\"") + (leaf.knight ? "knight" : "knave") + "\"," + std::to_string(leaf.person) + "]";
  return leaf.negated ? "[\"not\"," + atom + "]" : atom;
}

std::string statement_json(const Statement& s)
{
  return s.op.empty() ? leaf_json(s.a) : "[\"" + s.op + "\"," + leaf_json(s.a) + "," + leaf_json(s.b) + "]";
}

std::string capitalized(std::string text)
{
  text[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(text[0])));
  return text;
}

std::string saying(const std::string& speaker, const std::string& claim, util::SplitMix64& rng)
{
  switch (rng.below(4)) {
    case 0:
      return speaker + " says, \"" + capitalized(claim) + ".\"";
    case 1:
      return speaker + " tells you that " + claim + ".";
    case 2:
      return speaker + " claims that " + claim + ".";
    default:
      return "In " + speaker + "'s words: \"" + capitalized(claim) + "\".";
  }
}

std::string name_list(const std::vector<std::string>& names)
{
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    out +=
        (i == 0 ? "" : (i + 1 == names.size() ? (names.size() > 2 ? ", and " : " and ") : ", ")) + names[i];
  }
  return out;
}

}  // namespace

std::string knights_answer_lines(const std::vector<std::string>& names, const std::vector<bool>& knights)
{
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    out += (i > 0 ? "\n" : "") + names[i] + " is a " + (knights[i] ? "knight" : "knave");
  }
  return out;
}

std::string knights_checker_data(const std::vector<std::string>& names, const std::vector<bool>& knights,
                                 const std::string& statements_json)
{
  std::string out = "{\"names\":[";
  for (std::size_t i = 0; i < names.size(); ++i) {
    out += (i > 0 ? ",\"" : "\"") + names[i] + "\"";
  }
  out += "],\"solution\":[";
  for (std::size_t i = 0; i < knights.size(); ++i) {
    out += (i > 0 ? "," : "") + std::string(knights[i] ? "true" : "false");
  }
  out += "]";
  if (!statements_json.empty()) {
    out += ",\"statements\":" + statements_json;
  }
  return out + "}";
}

std::vector<Problem> generate_knights(const KnightsOptions& options)
{
  const int d = options.gen.difficulty - 1;
  const int people = options.people > 0 ? options.people : options.gen.difficulty + 1;
  std::vector<Problem> problems;
  for (std::int64_t i = 0; i < options.gen.n; ++i) {
    auto rng = problem_rng("gen:knights_and_knaves", options.gen, i);
    std::vector<std::string> names;
    for (const int k : sample_indices(static_cast<int>(k_names.size()), people, rng)) {
      names.push_back(k_names[static_cast<std::size_t>(k)]);
    }
    std::vector<Statement> statements(static_cast<std::size_t>(people));
    std::uint32_t solution = 0;
    for (int attempt = 0;; ++attempt) {
      if (attempt == k_max_attempts) {
        throw std::logic_error("gen:knights_and_knaves: no unique puzzle found");  // never seen
      }
      for (auto& s : statements) {
        s = {};
        s.a = random_leaf(people, rng);
        if (rng.uniform() < k_compound_probability[d]) {
          static const std::vector<std::string> k_ops{"and", "or", "implies", "iff"};
          s.op = pick(k_ops, rng);
          do {
            s.b = random_leaf(people, rng);
          } while (s.b.person == s.a.person);
        }
      }
      int consistent = 0;
      for (std::uint32_t mask = 0; mask < (1U << people) && consistent < 2; ++mask) {
        bool ok = true;
        for (int p = 0; p < people && ok; ++p) {
          ok = eval(statements[static_cast<std::size_t>(p)], mask) == (((mask >> p) & 1U) != 0);
        }
        if (ok) {
          ++consistent;
          solution = mask;
        }
      }
      if (consistent == 1) {
        break;
      }
    }
    std::vector<bool> knights;
    std::string text =
        "A very special island is inhabited only by knights and knaves. Knights always tell the truth, "
        "and knaves always lie. You meet " +
        std::to_string(people) + " inhabitants: " + name_list(names) + ".";
    std::string json = "[";
    for (int p = 0; p < people; ++p) {
      knights.push_back(((solution >> p) & 1U) != 0);
      text += " " + saying(names[static_cast<std::size_t>(p)],
                           statement_text(statements[static_cast<std::size_t>(p)], names), rng);
      json += (p > 0 ? "," : "") + statement_json(statements[static_cast<std::size_t>(p)]);
    }
    text += std::string(" So who is a knight and who is a knave? ") + k_knights_format;
    Problem p;
    p.id = problem_id("knights", i);
    p.text = text;
    p.answer = knights_answer_lines(names, knights);
    p.reference = "<answer>\n" + p.answer + "\n</answer>";
    p.checker_data = knights_checker_data(names, knights, json + "]");
    p.metadata = {{"source", "gen:knights_and_knaves"},
                  {"difficulty", std::to_string(options.gen.difficulty)},
                  {"people", std::to_string(people)}};
    problems.push_back(std::move(p));
  }
  return problems;
}

}  // namespace rb::suites
