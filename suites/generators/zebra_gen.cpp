#include "suites/generators/zebra_gen.hpp"

#include <cctype>
#include <cstdlib>
#include <string>

#include "suites/generators/zebra_solver.hpp"

namespace rb::suites {

namespace {

struct Category {
  const char* name;
  const char* before;  ///< noun phrase around the value: before + value + after
  const char* after;
  std::vector<std::string> values;
};

const std::vector<Category>& categories()
{
  static const std::vector<Category> k_categories{
      {"color", "the person in the ", " house", {"red", "green", "blue", "yellow", "white", "purple"}},
      {"nationality", "the ", "", {"Brit", "Swede", "Dane", "Norwegian", "German", "Spaniard"}},
      {"pet", "the person who keeps the ", "", {"dog", "cat", "bird", "fish", "horse", "rabbit"}},
      {"drink", "the person who drinks ", "", {"tea", "coffee", "milk", "water", "juice", "soda"}},
      {"hobby",
       "the person who enjoys ",
       "",
       {"painting", "chess", "gardening", "reading", "hiking", "cooking"}},
      {"car", "the person who drives the ", "", {"Ford", "Toyota", "Honda", "Tesla", "Volvo", "Fiat"}},
  };
  return k_categories;
}

constexpr int k_houses[5] = {3, 4, 4, 5, 5};
constexpr int k_attributes[5] = {3, 3, 4, 4, 5};

const char* kind_name(ZebraClueKind kind)
{
  switch (kind) {
    case ZebraClueKind::same:
      return "same";
    case ZebraClueKind::not_same:
      return "not_same";
    case ZebraClueKind::at:
      return "at";
    case ZebraClueKind::not_at:
      return "not_at";
    case ZebraClueKind::left_of:
      return "left_of";
    case ZebraClueKind::before:
      return "before";
    case ZebraClueKind::next_to:
      return "next_to";
  }
  return "";
}

/// The puzzle being built: chosen categories and values, and the secret arrangement.
struct Grid {
  int houses = 0;
  int attributes = 0;
  std::vector<int> category;                     ///< per attribute: index into categories()
  std::vector<std::vector<std::string>> values;  ///< per attribute: its H values
  std::vector<int> house_of;                     ///< per value id
  std::vector<std::vector<int>> at;              ///< at[attr][house] = value id

  std::string phrase(int v) const
  {
    const Category& c =
        categories()[static_cast<std::size_t>(category[static_cast<std::size_t>(v / houses)])];
    return c.before + values[static_cast<std::size_t>(v / houses)][static_cast<std::size_t>(v % houses)] +
           c.after;
  }
  const std::string& value(int v) const
  {
    return values[static_cast<std::size_t>(v / houses)][static_cast<std::size_t>(v % houses)];
  }
};

/// A random clue that is true of the arrangement.
ZebraClue random_clue(const Grid& g, util::SplitMix64& rng)
{
  static const std::vector<ZebraClueKind> k_kinds{
      ZebraClueKind::same,    ZebraClueKind::same,   ZebraClueKind::same,    ZebraClueKind::not_same,
      ZebraClueKind::at,      ZebraClueKind::at,     ZebraClueKind::not_at,  ZebraClueKind::left_of,
      ZebraClueKind::left_of, ZebraClueKind::before, ZebraClueKind::next_to, ZebraClueKind::next_to};
  const int values = g.houses * g.attributes;
  while (true) {
    ZebraClue c;
    c.kind = pick(k_kinds, rng);
    c.a = static_cast<int>(rng.below(static_cast<std::uint64_t>(values)));
    c.b = static_cast<int>(rng.below(static_cast<std::uint64_t>(values)));
    c.house = static_cast<int>(rng.below(static_cast<std::uint64_t>(g.houses)));
    const int ha = g.house_of[static_cast<std::size_t>(c.a)];
    const int attr_b = c.b / g.houses;
    if (c.kind == ZebraClueKind::same) {
      if (attr_b == c.a / g.houses) {
        continue;
      }
      c.b = g.at[static_cast<std::size_t>(attr_b)][static_cast<std::size_t>(ha)];
    } else if (c.kind == ZebraClueKind::at) {
      c.house = ha;
    } else if (c.kind == ZebraClueKind::left_of) {
      if (ha + 1 >= g.houses) {
        continue;
      }
      c.b = g.at[static_cast<std::size_t>(attr_b)][static_cast<std::size_t>(ha + 1)];
    } else if (c.kind == ZebraClueKind::not_same && attr_b == c.a / g.houses) {
      continue;  // two values of one attribute are never in one house: says nothing
    }
    if ((c.kind == ZebraClueKind::at || c.kind == ZebraClueKind::not_at) || c.a != c.b) {
      if (zebra_clue_holds(c, g.house_of)) {
        return c;
      }
    }
  }
}

std::string capitalized(std::string text)
{
  text[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(text[0])));
  return text;
}

std::string clue_text(const ZebraClue& c, const Grid& g)
{
  const std::string a = g.phrase(c.a);
  const std::string b = g.phrase(c.b);
  const std::string k = std::to_string(c.house + 1);
  switch (c.kind) {
    case ZebraClueKind::same:
      return capitalized(a) + " is " + b + ".";
    case ZebraClueKind::not_same:
      return capitalized(a) + " is not " + b + ".";
    case ZebraClueKind::at:
      return capitalized(a) + " lives in house " + k + ".";
    case ZebraClueKind::not_at:
      return capitalized(a) + " does not live in house " + k + ".";
    case ZebraClueKind::left_of:
      return capitalized(a) + " lives directly to the left of " + b + ".";
    case ZebraClueKind::before:
      return capitalized(a) + " lives somewhere to the left of " + b + ".";
    case ZebraClueKind::next_to:
      return capitalized(a) + " and " + b + " live next to each other.";
  }
  return "";
}

Grid random_grid(int houses, int attributes, util::SplitMix64& rng)
{
  Grid g;
  g.houses = houses;
  g.attributes = attributes;
  g.category = sample_indices(static_cast<int>(categories().size()), attributes, rng);
  g.house_of.assign(static_cast<std::size_t>(houses * attributes), 0);
  for (int attr = 0; attr < attributes; ++attr) {
    const auto& pool =
        categories()[static_cast<std::size_t>(g.category[static_cast<std::size_t>(attr)])].values;
    std::vector<std::string> chosen;
    for (const int k : sample_indices(static_cast<int>(pool.size()), houses, rng)) {
      chosen.push_back(pool[static_cast<std::size_t>(k)]);
    }
    g.values.push_back(chosen);  // listed in this order in the text; houses come from a shuffle
    const auto houses_perm = sample_indices(houses, houses, rng);
    g.at.emplace_back(static_cast<std::size_t>(houses));
    for (int i = 0; i < houses; ++i) {
      const int h = houses_perm[static_cast<std::size_t>(i)];
      g.house_of[static_cast<std::size_t>(attr * houses + i)] = h;
      g.at.back()[static_cast<std::size_t>(h)] = attr * houses + i;
    }
  }
  return g;
}

std::string json_string(const std::string& s)
{
  return "\"" + s + "\"";
}

std::string checker_json(const Grid& g, const std::vector<ZebraClue>& clues)
{
  std::string out = "{\"houses\":" + std::to_string(g.houses) + ",\"attributes\":[";
  for (int attr = 0; attr < g.attributes; ++attr) {
    out +=
        std::string(attr > 0 ? "," : "") + "{\"name\":" +
        json_string(categories()[static_cast<std::size_t>(g.category[static_cast<std::size_t>(attr)])].name) +
        ",\"values\":[";
    for (int i = 0; i < g.houses; ++i) {
      out += (i > 0 ? "," : "") + json_string(g.value(attr * g.houses + i));
    }
    out += "]}";
  }
  out += "],\"clues\":[";
  for (std::size_t i = 0; i < clues.size(); ++i) {
    const ZebraClue& c = clues[i];
    out += std::string(i > 0 ? "," : "") + "{\"kind\":\"" + kind_name(c.kind) +
           "\",\"a\":" + json_string(g.value(c.a));
    if (c.kind == ZebraClueKind::at || c.kind == ZebraClueKind::not_at) {
      out += ",\"house\":" + std::to_string(c.house + 1);
    } else {
      out += ",\"b\":" + json_string(g.value(c.b));
    }
    out += "}";
  }
  out += "],\"solution\":[";
  for (int h = 0; h < g.houses; ++h) {
    out += h > 0 ? ",[" : "[";
    for (int attr = 0; attr < g.attributes; ++attr) {
      out += (attr > 0 ? "," : "") +
             json_string(g.value(g.at[static_cast<std::size_t>(attr)][static_cast<std::size_t>(h)]));
    }
    out += "]";
  }
  return out + "]}";
}

}  // namespace

std::vector<Problem> generate_zebra(const ZebraOptions& options)
{
  const int d = options.gen.difficulty - 1;
  const int houses = options.houses > 0 ? options.houses : k_houses[d];
  const int attributes = options.attributes > 0 ? options.attributes : k_attributes[d];
  const ZebraShape shape{houses, attributes};
  std::vector<Problem> problems;
  for (std::int64_t i = 0; i < options.gen.n; ++i) {
    auto rng = problem_rng("gen:zebra", options.gen, i);
    const Grid g = random_grid(houses, attributes, rng);
    std::vector<ZebraClue> clues;
    while (count_zebra_solutions(shape, clues, 2, nullptr) > 1) {
      clues.push_back(random_clue(g, rng));
    }
    // Remove clues in random order while the solution stays unique.
    std::vector<bool> keep(clues.size(), true);
    for (const int k : sample_indices(static_cast<int>(clues.size()), static_cast<int>(clues.size()), rng)) {
      keep[static_cast<std::size_t>(k)] = false;
      std::vector<ZebraClue> trial;
      for (std::size_t j = 0; j < clues.size(); ++j) {
        if (keep[j]) {
          trial.push_back(clues[j]);
        }
      }
      if (count_zebra_solutions(shape, trial, 2, nullptr) != 1) {
        keep[static_cast<std::size_t>(k)] = true;
      }
    }
    std::vector<ZebraClue> final_clues;
    for (std::size_t j = 0; j < clues.size(); ++j) {
      if (keep[j]) {
        final_clues.push_back(clues[j]);
      }
    }
    std::string text =
        "There are " + std::to_string(houses) + " houses in a row, numbered 1 to " + std::to_string(houses) +
        " from left to right. Each house has one occupant, and the occupants differ in every attribute "
        "below: each value belongs to exactly one house.\n";
    std::string format = "House 1:";
    for (int attr = 0; attr < attributes; ++attr) {
      const Category& c = categories()[static_cast<std::size_t>(g.category[static_cast<std::size_t>(attr)])];
      text += std::string("- ") + c.name + ": ";
      for (int k = 0; k < houses; ++k) {
        text += (k > 0 ? ", " : "") + g.values[static_cast<std::size_t>(attr)][static_cast<std::size_t>(k)];
      }
      text += "\n";
      format += std::string(attr > 0 ? ", " : " ") + "<" + c.name + ">";
    }
    text += "\nClues:\n";
    for (std::size_t k = 0; k < final_clues.size(); ++k) {
      text += std::to_string(k + 1) + ". " + clue_text(final_clues[k], g) + "\n";
    }
    text += "\nWork out who lives where. Answer with one line per house, in the form: " + format;
    std::string answer;
    for (int h = 0; h < houses; ++h) {
      answer += (h > 0 ? "\nHouse " : "House ") + std::to_string(h + 1) + ":";
      for (int attr = 0; attr < attributes; ++attr) {
        answer += (attr > 0 ? ", " : " ") +
                  g.value(g.at[static_cast<std::size_t>(attr)][static_cast<std::size_t>(h)]);
      }
    }
    Problem p;
    p.id = problem_id("zebra", i);
    p.text = text;
    p.answer = answer;
    p.reference = "<answer>\n" + answer + "\n</answer>";
    p.checker_data = checker_json(g, final_clues);
    p.metadata = {{"source", "gen:zebra"},
                  {"difficulty", std::to_string(options.gen.difficulty)},
                  {"houses", std::to_string(houses)},
                  {"attributes", std::to_string(attributes)},
                  {"clues", std::to_string(final_clues.size())}};
    problems.push_back(std::move(p));
  }
  return problems;
}

}  // namespace rb::suites
