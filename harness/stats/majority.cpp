#include "harness/stats/majority.hpp"

#include <map>
#include <vector>

namespace rb::stats {

namespace {
struct Tally {
  double weight = 0;
  std::size_t first = 0;  // index of the first ballot
  bool correct = false;
};
}  // namespace

std::string_view to_string(TieRule rule)
{
  switch (rule) {
    case TieRule::first_seen: return "first_seen";
    case TieRule::fractional: return "fractional";
    case TieRule::incorrect: return "incorrect";
  }
  return "first_seen";
}

bool parse_tie_rule(std::string_view name, TieRule& rule)
{
  for (const TieRule r : {TieRule::first_seen, TieRule::fractional, TieRule::incorrect}) {
    if (to_string(r) == name) {
      rule = r;
      return true;
    }
  }
  return false;
}

MajorityOutcome majority(std::span<const Ballot> ballots, TieRule rule, bool weighted)
{
  std::map<std::string, Tally> tallies;
  for (std::size_t i = 0; i < ballots.size(); ++i) {
    const Ballot& b = ballots[i];
    if (b.vote.empty()) {
      continue;
    }
    auto [it, inserted] = tallies.try_emplace(b.vote);
    if (inserted) {
      it->second.first = i;
      it->second.correct = b.correct;
    }
    it->second.weight += weighted ? b.weight : 1.0;
  }
  MajorityOutcome out;
  if (tallies.empty()) {
    return out;
  }
  double top = -1;
  for (const auto& [vote, t] : tallies) {
    top = std::max(top, t.weight);
  }
  std::vector<const std::pair<const std::string, Tally>*> leaders;
  for (const auto& entry : tallies) {
    if (entry.second.weight == top) {
      leaders.push_back(&entry);
    }
  }
  out.tied = static_cast<int>(leaders.size());
  const auto* first = leaders.front();
  int correct_leaders = 0;
  for (const auto* l : leaders) {
    if (l->second.first < first->second.first) {
      first = l;
    }
    correct_leaders += l->second.correct ? 1 : 0;
  }
  out.winner = first->first;
  if (leaders.size() == 1) {
    out.score = first->second.correct ? 1.0 : 0.0;
    return out;
  }
  switch (rule) {
    case TieRule::first_seen: out.score = first->second.correct ? 1.0 : 0.0; break;
    case TieRule::fractional: out.score = static_cast<double>(correct_leaders) / static_cast<double>(leaders.size()); break;
    case TieRule::incorrect: out.score = 0.0; break;
  }
  return out;
}

std::string_view to_string(Selector selector)
{
  switch (selector) {
    case Selector::reward: return "reward";
    case Selector::shortest: return "shortest";
    case Selector::longest: return "longest";
    case Selector::oracle: return "oracle";
  }
  return "reward";
}

bool parse_selector(std::string_view name, Selector& selector)
{
  for (const Selector s : {Selector::reward, Selector::shortest, Selector::longest, Selector::oracle}) {
    if (to_string(s) == name) {
      selector = s;
      return true;
    }
  }
  return false;
}

double best_of_n(std::span<const Candidate> candidates, Selector selector)
{
  if (selector == Selector::oracle) {
    for (const auto& c : candidates) {
      if (c.correct) {
        return 1.0;
      }
    }
    return 0.0;
  }
  const Candidate* pick = nullptr;
  for (const auto& c : candidates) {
    if (selector != Selector::reward && !c.has_answer) {
      continue;
    }
    const bool better = pick == nullptr || (selector == Selector::reward && c.score > pick->score) ||
                        (selector == Selector::shortest && c.tokens < pick->tokens) ||
                        (selector == Selector::longest && c.tokens > pick->tokens);
    if (better) {
      pick = &c;
    }
  }
  return pick != nullptr && pick->correct ? 1.0 : 0.0;
}

}  // namespace rb::stats
