#include <catch2/catch.hpp>

#include <vector>

#include "harness/stats/majority.hpp"

using namespace rb::stats;

TEST_CASE("majority picks the most common equivalent answer", "[stats]")
{
  const std::vector<Ballot> ballots{{"1/2", true}, {"3", false}, {"1/2", true}, {"", false}, {"3", false},
                                    {"1/2", true}};
  const auto m = majority(ballots, TieRule::first_seen);
  CHECK(m.winner == "1/2");
  CHECK(m.score == 1.0);
  CHECK(m.tied == 1);
}

TEST_CASE("majority ties follow the declared rule", "[stats]")
{
  // a (correct) and b (wrong) two votes each; a appears first.
  const std::vector<Ballot> a_first{{"a", true}, {"b", false}, {"b", false}, {"a", true}};
  CHECK(majority(a_first, TieRule::first_seen).score == 1.0);
  CHECK(majority(a_first, TieRule::first_seen).winner == "a");
  CHECK(majority(a_first, TieRule::fractional).score == 0.5);
  CHECK(majority(a_first, TieRule::incorrect).score == 0.0);
  CHECK(majority(a_first, TieRule::fractional).tied == 2);
  const std::vector<Ballot> b_first{{"b", false}, {"a", true}, {"a", true}, {"b", false}};
  CHECK(majority(b_first, TieRule::first_seen).score == 0.0);
  // Three-way tie with one correct answer.
  const std::vector<Ballot> three{{"x", false}, {"y", true}, {"z", false}};
  CHECK(majority(three, TieRule::fractional).score == Approx(1.0 / 3.0));
}

TEST_CASE("samples without an answer do not vote", "[stats]")
{
  const std::vector<Ballot> none{{"", false}, {"", false}};
  const auto m = majority(none, TieRule::first_seen);
  CHECK(m.score == 0.0);
  CHECK(m.winner.empty());
  CHECK(m.tied == 0);
  const std::vector<Ballot> one{{"", false}, {"", false}, {"7", true}};
  CHECK(majority(one, TieRule::first_seen).score == 1.0);
  CHECK(majority(std::vector<Ballot>{}, TieRule::fractional).score == 0.0);
}

TEST_CASE("weighted majority sums scores", "[stats]")
{
  const std::vector<Ballot> ballots{{"a", true, 0.9}, {"b", false, 0.5}, {"b", false, 0.5}};
  CHECK(majority(ballots, TieRule::first_seen, false).winner == "b");
  CHECK(majority(ballots, TieRule::first_seen, true).winner == "b");  // 1.0 > 0.9
  const std::vector<Ballot> heavy{{"a", true, 1.2}, {"b", false, 0.5}, {"b", false, 0.5}};
  CHECK(majority(heavy, TieRule::first_seen, true).winner == "a");
  CHECK(majority(heavy, TieRule::first_seen, true).score == 1.0);
}

TEST_CASE("best-of-N selectors", "[stats]")
{
  const std::vector<Candidate> c{{0.2, 900, true, true}, {0.8, 300, true, false}, {0.5, 100, false, false},
                                 {0.8, 50, true, true}};
  CHECK(best_of_n(c, Selector::reward) == 0.0);    // 0.8 tie: the earliest (wrong) wins
  CHECK(best_of_n(c, Selector::shortest) == 1.0);  // 50 tokens (the 100-token one has no answer)
  CHECK(best_of_n(c, Selector::longest) == 1.0);   // 900 tokens
  CHECK(best_of_n(c, Selector::oracle) == 1.0);
  const std::vector<Candidate> wrong{{0.1, 10, true, false}};
  CHECK(best_of_n(wrong, Selector::oracle) == 0.0);
  CHECK(best_of_n(std::vector<Candidate>{}, Selector::reward) == 0.0);
}

TEST_CASE("tie rules and selectors parse by name", "[stats]")
{
  TieRule rule = TieRule::first_seen;
  CHECK(parse_tie_rule("fractional", rule));
  CHECK(rule == TieRule::fractional);
  CHECK_FALSE(parse_tie_rule("random", rule));
  Selector s = Selector::reward;
  CHECK(parse_selector("shortest", s));
  CHECK(s == Selector::shortest);
  CHECK_FALSE(parse_selector("best", s));
}
