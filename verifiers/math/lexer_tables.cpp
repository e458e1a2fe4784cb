#include "verifiers/math/lexer_tables.hpp"

#include <algorithm>
#include <array>
#include <unordered_map>
#include <unordered_set>
#include <utility>

namespace rb::verifiers::math {

namespace {

using namespace std::string_view_literals;

const std::unordered_map<std::string_view, MacroInfo>& macro_table()
{
  static const std::unordered_map<std::string_view, MacroInfo> k_table{
      {"times", {Tok::times, ""}},     {"cdot", {Tok::times, ""}},      {"ast", {Tok::times, ""}},
      {"div", {Tok::divide, ""}},      {"over", {Tok::divide, ""}},     {"pm", {Tok::pm, ""}},
      {"mp", {Tok::mp, ""}},           {"le", {Tok::relop, "l"}},       {"leq", {Tok::relop, "l"}},
      {"leqslant", {Tok::relop, "l"}}, {"leqq", {Tok::relop, "l"}},     {"ge", {Tok::relop, "g"}},
      {"geq", {Tok::relop, "g"}},      {"geqslant", {Tok::relop, "g"}}, {"geqq", {Tok::relop, "g"}},
      {"lt", {Tok::relop, "<"}},       {"gt", {Tok::relop, ">"}},       {"ne", {Tok::relop, "n"}},
      {"neq", {Tok::relop, "n"}},      {"approx", {Tok::relop, "a"}},   {"simeq", {Tok::relop, "a"}},
      {"approxeq", {Tok::relop, "a"}}, {"in", {Tok::relop, "i"}},       {"equiv", {Tok::relop, "="}},
      {"cup", {Tok::cup, ""}},         {"cap", {Tok::cap, ""}},         {"setminus", {Tok::setminus, ""}},
      {"infty", {Tok::infinity, ""}},  {"infin", {Tok::infinity, ""}},  {"ldots", {Tok::ellipsis, ""}},
      {"cdots", {Tok::ellipsis, ""}},  {"dots", {Tok::ellipsis, ""}},   {"dotsc", {Tok::ellipsis, ""}},
      {"dotsb", {Tok::ellipsis, ""}},  {"emptyset", {Tok::empty_set, ""}},
      {"varnothing", {Tok::empty_set, ""}},                             {"circ", {Tok::degree, ""}},
      {"degree", {Tok::degree, ""}},   {"lfloor", {Tok::lfloor, ""}},   {"rfloor", {Tok::rfloor, ""}},
      {"lceil", {Tok::lceil, ""}},     {"rceil", {Tok::rceil, ""}},     {"lvert", {Tok::bar, ""}},
      {"rvert", {Tok::bar, ""}},       {"vert", {Tok::bar, ""}},        {"mid", {Tok::bar, ""}},
      {"lVert", {Tok::bar, ""}},       {"rVert", {Tok::bar, ""}},       {"langle", {Tok::lparen, ""}},
      {"rangle", {Tok::rparen, ""}},   {"lbrace", {Tok::lset, ""}},     {"rbrace", {Tok::rset, ""}},
      {"lbrack", {Tok::lbrack, ""}},   {"rbrack", {Tok::rbrack, ""}},   {"prime", {Tok::prime, ""}},
      {"sum", {Tok::big_op, "sum"}},   {"prod", {Tok::big_op, "prod"}}, {"int", {Tok::big_op, "int"}},
      {"iint", {Tok::big_op, "int"}},  {"oint", {Tok::big_op, "int"}},  {"lim", {Tok::big_op, "lim"}},
      {"pi", {Tok::ident, "pi"}},      {"to", {Tok::relop, "t"}},       {"rightarrow", {Tok::relop, "t"}},
      {"euro", {Tok::currency, "euro"}},                                {"pounds", {Tok::currency, "pound sterling"}},
  };
  return k_table;
}

const std::unordered_set<std::string_view>& greek()
{
  static const std::unordered_set<std::string_view> k_greek{
      "alpha", "beta",  "gamma", "delta",  "epsilon", "varepsilon", "zeta",  "eta",     "theta", "vartheta",
      "iota",  "kappa", "lambda", "mu",    "nu",      "xi",         "rho",   "varrho",  "sigma", "varsigma",
      "tau",   "upsilon", "phi", "varphi", "chi",     "psi",        "omega", "Gamma",   "Delta", "Theta",
      "Lambda", "Xi",   "Pi",    "Sigma",  "Upsilon", "Phi",        "Psi",   "Omega",   "ell",   "hbar",
      "odot",  "star",  "nabla", "partial", "aleph"};
  return k_greek;
}

const std::unordered_map<std::string_view, std::string_view>& functions()
{
  static const std::unordered_map<std::string_view, std::string_view> k_functions{
      {"sin", "sin"},       {"cos", "cos"},       {"tan", "tan"},       {"cot", "cot"},       {"sec", "sec"},
      {"csc", "csc"},       {"cosec", "csc"},     {"arcsin", "arcsin"}, {"arccos", "arccos"}, {"arctan", "arctan"},
      {"asin", "arcsin"},   {"acos", "arccos"},   {"atan", "arctan"},   {"arccot", "arccot"}, {"sinh", "sinh"},
      {"cosh", "cosh"},     {"tanh", "tanh"},     {"ln", "ln"},         {"log", "log"},       {"lg", "lg"},
      {"exp", "exp"},       {"gcd", "gcd"},       {"lcm", "lcm"},       {"max", "max"},       {"min", "min"},
      {"sqrt", "sqrt"},     {"abs", "abs"},       {"arg", "arg"},       {"det", "det"},       {"tg", "tan"},
      {"floor", "floor"},   {"ceil", "ceil"},     {"sgn", "sgn"},       {"sign", "sgn"},      {"re", "re"},
      {"im", "im"},
  };
  return k_functions;
}

/// Two- and three-letter runs that are words or units, not products of symbols.
const std::unordered_set<std::string_view>& short_words()
{
  static const std::unordered_set<std::string_view> k_words{
      "cm",  "mm",  "km",  "kg",  "mg",  "ml",  "ft",  "in",  "yd",  "mi",  "hr",  "hrs", "min", "sec", "mph", "kph",
      "lb",  "lbs", "oz",  "am",  "pm",  "no",  "yes", "is",  "it",  "the", "of",  "to",  "an",  "be",  "on",  "at",
      "by",  "as",  "so",  "we",  "if",  "are", "was", "not", "but", "for", "all", "any", "can", "has", "per", "its",
      "nor", "one", "two", "six", "ten", "odd", "sum", "cent", "ms",  "kb",  "mb",  "gb",  "sq",  "cu",  "gal", "qt",
      "pt",  "day", "yr",  "yrs", "wk",  "cup", "usd", "eur", "and", "or",  "nm",  "um",  "kj",  "kw",  "hz",  "khz",
      "mhz", "ghz", "ev",  "kev", "mev", "mol", "atm", "kpa", "mpa", "pa",  "dm",  "cc",  "deg", "rad", "red", "big",
      "new", "old", "end", "men", "boy", "her", "his", "our", "you", "she", "him", "who", "why", "how", "way", "out",
      "has", "had", "did", "get", "got", "let", "may", "own", "say", "see", "use", "now", "too", "yet", "up",  "do",
      "go",  "he",  "me",  "my",  "of",  "or",  "us",  "hi",  "ok",  "vs",  "via", "etc", "blue", "hot", "sun", "mon",
      "tue", "wed", "thu", "fri", "sat", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
      "north", "east", "west", "south", "pct", "lcm", "gcd", "mod", "exp", "log", "sin", "cos", "tan", "cot", "csc"};
  return k_words;
}

struct UnicodeRule {
  std::string_view utf8;
  std::string_view latex;
};

constexpr std::array k_unicode{
    UnicodeRule{"\u2212", "-"},          UnicodeRule{"\u2013", "-"},          UnicodeRule{"\u2014", "-"},
    UnicodeRule{"\u00d7", "\\times "},   UnicodeRule{"\u00b7", "\\cdot "},    UnicodeRule{"\u22c5", "\\cdot "},
    UnicodeRule{"\u00f7", "\\div "},     UnicodeRule{"\u221a", "\\usqrt "},   UnicodeRule{"\u03c0", "\\pi "},
    UnicodeRule{"\u221e", "\\infty "},   UnicodeRule{"\u2264", "\\le "},      UnicodeRule{"\u2265", "\\ge "},
    UnicodeRule{"\u2260", "\\ne "},      UnicodeRule{"\u2248", "\\approx "},  UnicodeRule{"\u00b1", "\\pm "},
    UnicodeRule{"\u2213", "\\mp "},      UnicodeRule{"\u00b0", "^\\circ "},   UnicodeRule{"\u00b2", "^2 "},
    UnicodeRule{"\u00b3", "^3 "},        UnicodeRule{"\u00b9", "^1 "},        UnicodeRule{"\u2074", "^4 "},
    UnicodeRule{"\u00bd", "(1/2)"},      UnicodeRule{"\u00bc", "(1/4)"},      UnicodeRule{"\u00be", "(3/4)"},
    UnicodeRule{"\u222a", "\\cup "},     UnicodeRule{"\u2229", "\\cap "},     UnicodeRule{"\u2208", "\\in "},
    UnicodeRule{"\u211d", "\\mathbb{R}"}, UnicodeRule{"\u2205", "\\emptyset "}, UnicodeRule{"\u2026", "\\ldots "},
    UnicodeRule{"\u20ac", "\\euro "},    UnicodeRule{"\u00a3", "\\pounds "},  UnicodeRule{"\u00a0", " "},
    UnicodeRule{"\u2009", " "},          UnicodeRule{"\u202f", " "},          UnicodeRule{"\u2032", "'"},
    UnicodeRule{"\u03b1", "\\alpha "},   UnicodeRule{"\u03b2", "\\beta "},    UnicodeRule{"\u03b3", "\\gamma "},
    UnicodeRule{"\u03b4", "\\delta "},   UnicodeRule{"\u03b8", "\\theta "},   UnicodeRule{"\u03bb", "\\lambda "},
    UnicodeRule{"\u03bc", "\\mu "},      UnicodeRule{"\u03c3", "\\sigma "},   UnicodeRule{"\u03c6", "\\phi "},
    UnicodeRule{"\u03c9", "\\omega "},   UnicodeRule{"\u0394", "\\Delta "},   UnicodeRule{"\u2061", ""},
    UnicodeRule{"\u200b", ""},           UnicodeRule{"\u221b", "\\usqrt[3]"},
};

}  // namespace

std::optional<MacroInfo> find_macro(std::string_view name)
{
  const auto& table = macro_table();
  if (const auto it = table.find(name); it != table.end()) {
    return it->second;
  }
  if (greek().contains(name)) {
    return MacroInfo{Tok::ident, name};
  }
  if (const auto f = function_name(name)) {
    return MacroInfo{Tok::func, *f};
  }
  return std::nullopt;
}

bool is_ignored_macro(std::string_view name)
{
  static const std::unordered_set<std::string_view> k_ignored{
      "left",  "right",      "big",     "Big",       "bigg",     "Bigg",    "bigl",   "bigr",   "Bigl",
      "Bigr",  "biggl",      "biggr",   "displaystyle", "textstyle", "scriptstyle", "limits", "nolimits", "quad",
      "qquad", "hline",      "nonumber", "notag",    "middle",   "allowbreak", "cr",  "newline", "relax",
      "noindent", "hfill",   "centering", "smallskip", "medskip", "bigskip", "therefore", "because", "implies",
      "Rightarrow", "Longrightarrow", "iff", "qed",  "blacksquare", "square", "dollar"};
  return k_ignored.contains(name);
}

bool is_wrapper_macro(std::string_view name)
{
  static const std::unordered_set<std::string_view> k_wrappers{
      "text",   "textnormal", "textrm", "mbox",   "textit", "textbf",  "mathrm",  "mathbf",  "mathit", "boldsymbol",
      "bm",     "mathsf",     "mathtt", "emph",   "hbox",   "textsf",  "texttt",  "textup",  "boxed",  "fbox",
      "framebox", "mathnormal", "pmb",  "underline", "phantom_keep", "displaylines", "ensuremath", "textmd", "mathcal",
      "mathscr", "mathfrak"};
  return k_wrappers.contains(name);
}

bool is_accent_macro(std::string_view name)
{
  static const std::unordered_set<std::string_view> k_accents{"dot",   "ddot",  "hat",      "bar",        "vec",
                                                              "tilde", "widehat", "widetilde", "check", "breve",
                                                              "acute", "grave", "mathring", "overrightarrow"};
  return k_accents.contains(name);
}

std::optional<std::string_view> function_name(std::string_view name)
{
  const auto& table = functions();
  if (const auto it = table.find(name); it != table.end()) {
    return it->second;
  }
  return std::nullopt;
}

WordKind classify_word(std::string_view lower)
{
  if (lower == "pi") {
    return WordKind::constant_pi;
  }
  if (lower == "and" || lower == "or") {
    return WordKind::list_sep;
  }
  if (lower == "infinity" || lower == "inf" || lower == "infty") {
    return WordKind::infinity;
  }
  if (lower == "pct" || lower == "percent" || lower == "percents" || lower == "percentage") {
    return WordKind::percent;
  }
  if (lower == "degree" || lower == "degrees" || lower == "deg") {
    return WordKind::degree;
  }
  if (function_name(lower) && lower != "min" && lower != "sec" && lower != "re" && lower != "im" &&
      lower != "arg" && lower != "sign") {
    return WordKind::function;
  }
  if (lower.size() >= 4 || short_words().contains(lower)) {
    return WordKind::word;
  }
  return WordKind::letters;
}

std::string replace_unicode(std::string_view text)
{
  if (std::none_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; })) {
    return std::string(text);
  }
  std::string out;
  out.reserve(text.size() + 16);
  std::size_t i = 0;
  while (i < text.size()) {
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      out += text[i++];
      continue;
    }
    bool replaced = false;
    for (const auto& rule : k_unicode) {
      if (text.substr(i, rule.utf8.size()) == rule.utf8) {
        out += rule.latex;
        i += rule.utf8.size();
        replaced = true;
        break;
      }
    }
    if (!replaced) {
      out += text[i++];
    }
  }
  return out;
}

}  // namespace rb::verifiers::math
