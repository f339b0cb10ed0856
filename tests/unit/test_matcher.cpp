// The Hyperscan stage must report every candidate wherever the text lies in memory.
// Regression test for the Vectorscan 5.4.9 AVX-512 bug worked around in matcher.cpp:
// with the AVX-512 variant, identifiers were missed depending on buffer alignment.
#include <gtest/gtest.h>

#include <cstdlib>
#include <cstring>
#include <memory>
#include <random>
#include <set>
#include <tuple>

#include "test_helpers.h"

namespace gdprscan {
namespace {

struct Planted {
  std::string rule_id;
  std::string text;
};

TEST(Matcher, ReportsPlantedCandidatesAtEveryAlignment) {
  std::vector<Rule> rules = testing::shipped_rules();
  auto index_of = [&](const std::string& id) {
    for (size_t i = 0; i < rules.size(); ++i)
      if (rules[i].id == id) return static_cast<uint32_t>(i);
    throw std::runtime_error("no rule " + id);
  };
  Matcher matcher(rules);
  MatchScratch scratch;
  const Planted items[] = {{"email", "a.b@herning.dk"}, {"dk.cpr", "010180-0008"}, {"dk.cpr", "0101800008"},
                           {"dk.cpr_replacement", "710180 0007"}, {"dk.ecpr", "0203291WQ3"}};
  std::mt19937 rng(1);
  std::unique_ptr<char[], void (*)(void*)> memory(static_cast<char*>(std::aligned_alloc(64, 1 << 16)), std::free);
  int missed = 0, scans = 0;
  for (int trial = 0; trial < 300; ++trial) {
    std::string text;
    std::set<std::pair<uint32_t, size_t>> want;
    for (int k = 1 + rng() % 4; k > 0; --k) {
      for (int n = rng() % 120; n > 0; --n) text += "abc def\n"[rng() % 8];
      const Planted& p = items[rng() % 5];
      text += ' ' + p.text;
      want.insert({index_of(p.rule_id), text.size()});
      text += " \n"[rng() % 2];
    }
    for (int offset = 0; offset < 64; ++offset) {
      std::memcpy(memory.get() + offset, text.data(), text.size());
      std::vector<Candidate> got;
      matcher.scan(std::string_view(memory.get() + offset, text.size()), scratch, got);
      std::set<std::pair<uint32_t, size_t>> ends;
      for (const auto& c : got) ends.insert({c.rule, c.end});
      ++scans;
      for (const auto& w : want)
        if (!ends.count(w)) {
          ++missed;
          break;
        }
    }
  }
  EXPECT_EQ(missed, 0) << "of " << scans << " scans";
}

// Rules with `separate_database` are compiled into a second database: their candidates are
// reported as before, to every rule sharing the pattern, with the start where asked for.
TEST(Matcher, ReportsCandidatesOfBothDatabases) {
  auto rule = [](const char* id, const char* pattern, const char* validator, bool separate) {
    Rule r;
    r.id = id;
    r.pattern = pattern;
    r.validator = validator;
    r.separate_database = separate;
    return r;
  };
  std::vector<Rule> rules = {rule("a", "\\d{4}", "dk_cpr", false), rule("b", "[a-z]+@x", "email", true),
                             rule("c", "[a-z]+@x", "email", false), rule("d", "SAG-\\d+", "regex", true)};
  Matcher matcher(rules);
  MatchScratch scratch;
  std::vector<Candidate> got;
  matcher.scan("ab@x 1234 SAG-7", scratch, got);
  std::set<std::tuple<uint32_t, size_t, size_t>> ends;
  for (const auto& c : got) ends.insert({c.rule, c.end, c.rule == 3 ? c.start : 0});
  EXPECT_EQ(ends, (std::set<std::tuple<uint32_t, size_t, size_t>>{{0, 9, 0}, {1, 4, 0}, {2, 4, 0}, {3, 15, 10}}));
  std::vector<ExpressionMatch> expressions;
  matcher.scan_expressions("ab@x 1234", scratch, expressions);
  ASSERT_EQ(expressions.size(), 2u);
  const std::vector<uint32_t> digits_owners{0}, mail_owners{1, 2};
  for (const auto& m : expressions) EXPECT_EQ(matcher.owners(m.expression), m.end == 9 ? digits_owners : mail_owners);
}

}  // namespace
}  // namespace gdprscan
