#include "verifiers/math/units.hpp"

#include <cctype>
#include <unordered_map>
#include <vector>

namespace rb::verifiers::math {

namespace {

struct BaseUnit {
  const char* name;
  const char* dimension;
  mpq_class factor;
};

const std::unordered_map<std::string, BaseUnit>& unit_table()
{
  static const std::unordered_map<std::string, BaseUnit> k_table = [] {
    std::unordered_map<std::string, BaseUnit> t;
    auto add = [&](std::initializer_list<const char*> names, const char* name, const char* dimension, mpq_class factor) {
      factor.canonicalize();
      for (const char* n : names) {
        t.emplace(n, BaseUnit{name, dimension, factor});
      }
    };
    add({"m", "meter", "meters", "metre", "metres"}, "meter", "length", 1);
    add({"cm", "centimeter", "centimeters", "centimetre", "centimetres"}, "centimeter", "length", mpq_class(1, 100));
    add({"mm", "millimeter", "millimeters", "millimetre", "millimetres"}, "millimeter", "length", mpq_class(1, 1000));
    add({"km", "kilometer", "kilometers", "kilometre", "kilometres"}, "kilometer", "length", 1000);
    add({"in", "inch", "inches"}, "inch", "length", mpq_class(254, 10000));
    add({"ft", "foot", "feet"}, "foot", "length", mpq_class(3048, 10000));
    add({"yd", "yard", "yards"}, "yard", "length", mpq_class(9144, 10000));
    add({"mi", "mile", "miles"}, "mile", "length", mpq_class(1609344, 1000));
    add({"s", "sec", "secs", "second", "seconds"}, "second", "time", 1);
    add({"min", "mins", "minute", "minutes"}, "minute", "time", 60);
    add({"h", "hr", "hrs", "hour", "hours"}, "hour", "time", 3600);
    add({"day", "days"}, "day", "time", 86400);
    add({"week", "weeks", "wk"}, "week", "time", 604800);
    add({"g", "gram", "grams"}, "gram", "mass", 1);
    add({"kg", "kilogram", "kilograms"}, "kilogram", "mass", 1000);
    add({"mg", "milligram", "milligrams"}, "milligram", "mass", mpq_class(1, 1000));
    add({"lb", "lbs", "pound", "pounds"}, "pound", "mass", mpq_class(45359237, 100000));
    add({"oz", "ounce", "ounces"}, "ounce", "mass", mpq_class(28349523125, 1000000000));
    add({"l", "liter", "liters", "litre", "litres"}, "liter", "volume", 1);
    add({"ml", "milliliter", "milliliters", "millilitre", "millilitres"}, "milliliter", "volume", mpq_class(1, 1000));
    add({"dollar", "dollars", "usd", "$"}, "dollar", "money", 100);
    add({"cent", "cents"}, "cent", "money", 1);
    add({"euro", "euros", "eur"}, "euro", "money:eur", 1);
    add({"pound sterling"}, "pound sterling", "money:gbp", 1);
    add({"mph", "miles per hour", "mile/hour", "mi/h", "mi/hr"}, "mph", "speed", mpq_class(1609344, 3600000));
    add({"km/h", "kph", "kilometers per hour", "km/hr"}, "km/h", "speed", mpq_class(1000, 3600));
    add({"m/s", "meters per second"}, "m/s", "speed", 1);
    add({"degree", "degrees", "deg"}, "degree", "angle", 1);
    add({"am", "a.m."}, "am", "time of day:am", 1);
    add({"pm", "p.m."}, "pm", "time of day:pm", 1);
    add({"j", "joule", "joules"}, "joule", "energy", 1);
    add({"n", "newton", "newtons"}, "newton", "force", 1);
    add({"w", "watt", "watts"}, "watt", "power", 1);
    add({"v", "volt", "volts"}, "volt", "voltage", 1);
    add({"k", "kelvin"}, "kelvin", "temperature:k", 1);
    return t;
  }();
  return k_table;
}

bool neutral(const std::string& text)
{
  return text == "unit" || text == "units" || text == "square units" || text == "sq units" || text == "cubic units" ||
         text == "units^2" || text == "units^3" || text == "u" || text == "radian" || text == "radians" ||
         text == "rad";
}

std::string lower(std::string_view text)
{
  std::string out;
  for (char c : text) {
    if (c == '~') {
      c = ' ';
    }
    if (c == ' ' && (out.empty() || out.back() == ' ')) {
      continue;
    }
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  while (!out.empty() && (out.back() == ' ' || out.back() == '.')) {
    out.pop_back();
  }
  return out;
}

std::optional<Unit> lookup(const std::string& name, int power)
{
  const auto& table = unit_table();
  const auto it = table.find(name);
  if (it == table.end()) {
    return std::nullopt;
  }
  Unit u;
  u.name = it->second.name;
  u.dimension = it->second.dimension;
  mpz_class num;
  mpz_class den;
  mpz_pow_ui(num.get_mpz_t(), it->second.factor.get_num_mpz_t(), static_cast<unsigned long>(power));
  mpz_pow_ui(den.get_mpz_t(), it->second.factor.get_den_mpz_t(), static_cast<unsigned long>(power));
  u.factor = mpq_class(num, den);
  if (power != 1) {
    u.name += "^" + std::to_string(power);
    u.dimension += "^" + std::to_string(power);
  }
  return u;
}

}  // namespace

std::optional<Unit> read_unit(std::string_view text)
{
  std::string t = lower(text);
  if (t.empty() || neutral(t)) {
    return std::nullopt;
  }
  int power = 1;
  for (const char* prefix : {"square ", "sq ", "sq. "}) {
    if (t.starts_with(prefix)) {
      t = t.substr(std::string_view(prefix).size());
      power = 2;
    }
  }
  for (const char* prefix : {"cubic ", "cu "}) {
    if (t.starts_with(prefix)) {
      t = t.substr(std::string_view(prefix).size());
      power = 3;
    }
  }
  if (t.size() > 2 && t[t.size() - 2] == '^' && (t.back() == '2' || t.back() == '3')) {
    power = t.back() - '0';
    t.resize(t.size() - 2);
  }
  if (auto u = lookup(t, power)) {
    return u;
  }
  // "hours ago", "miles from A": the first word, when it is a unit.
  if (const std::size_t space = t.find(' '); space != std::string::npos) {
    if (auto u = lookup(t.substr(0, space), power)) {
      return u;
    }
  }
  // An unknown word: equal only to itself (singular and plural alike).
  std::string word = t;
  if (word.size() > 3 && word.back() == 's') {
    word.pop_back();
  }
  return Unit{word, "word:" + word, 1};
}

}  // namespace rb::verifiers::math
