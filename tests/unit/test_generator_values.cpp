// What the corpus generator plants (generator/identifiers.h), checked with the real
// detector built from rules/: every positive snippet yields exactly its truth, every decoy
// leaves its detector silent, and a seed always gives the same snippets.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "identifiers.h"
#include "test_helpers.h"

namespace gdprscan {
namespace {

using corpus::Rng;
using corpus::Snippet;
using corpus::TruthKind;

// A fixed "today", so the generator's future-date decoys stay in the future.
const Detector& detector() {
  static const Detector d(testing::shipped_rules(), CivilDate{2026, 11, 26});
  return d;
}

std::string describe(const Snippet& s, const std::vector<Finding>& found) {
  std::string out = "text: [" + s.text + "]\n truth:";
  for (const auto& t : s.truth) out.append(" ").append(t.detector).append("=").append(t.value).append("/").append(t.note);
  out += "\n found:";
  for (const auto& f : found) out.append(" ").append(f.detector).append("=").append(f.value);
  return out;
}

bool has_truth(const Snippet& s, const Finding& f, std::initializer_list<TruthKind> kinds) {
  return std::any_of(s.truth.begin(), s.truth.end(), [&](const corpus::TruthItem& t) {
    return t.detector == f.detector && t.value == f.value && std::find(kinds.begin(), kinds.end(), t.kind) != kinds.end();
  });
}

bool was_found(const std::vector<Finding>& found, const corpus::TruthItem& t) {
  return std::any_of(found.begin(), found.end(),
                     [&](const Finding& f) { return f.detector == t.detector && f.value == t.value; });
}

// Positives are found, decoys are not, and nothing else is reported but ambiguous items.
void expect_truth_matches(const Snippet& s) {
  auto found = testing::findings_in(detector(), s.text);
  for (const auto& t : s.truth) {
    if (t.kind == TruthKind::positive) {
      EXPECT_TRUE(was_found(found, t)) << "missed " << describe(s, found);
    } else if (t.kind == TruthKind::decoy) {
      EXPECT_FALSE(was_found(found, t)) << "decoy reported " << describe(s, found);
    }
  }
  for (const auto& f : found)
    EXPECT_TRUE(has_truth(s, f, {TruthKind::positive, TruthKind::ambiguous})) << "unplanted " << describe(s, found);
}

constexpr int kSeeds = 300;

TEST(GeneratorValues, EveryPositiveSnippetYieldsExactlyItsTruth) {
  for (const std::string& id : corpus::plantable_detectors()) {
    Rng rng = Rng(7).fork(id);
    for (int i = 0; i < kSeeds; ++i) {
      Snippet s = corpus::plant_positive(id, rng);
      ASSERT_FALSE(s.truth.empty()) << id;
      EXPECT_TRUE(std::any_of(s.truth.begin(), s.truth.end(), [&](const auto& t) { return t.detector == id; })) << id;
      expect_truth_matches(s);
    }
  }
}

TEST(GeneratorValues, TableCellsAreFoundWithoutAKeyword) {
  for (const std::string& id : corpus::plantable_detectors()) {
    if (!corpus::keyword_free_in_tables(id)) continue;
    EXPECT_FALSE(corpus::table_header(id).empty()) << id;
    Rng rng = Rng(11).fork(id);
    for (int i = 0; i < kSeeds; ++i) expect_truth_matches(corpus::plant_cell(id, rng));
  }
}

TEST(GeneratorValues, DecoysLeaveTheirDetectorSilent) {
  Rng rng(3);
  std::set<std::string> decoyed;
  int isolated = 0;
  for (int i = 0; i < 10 * kSeeds; ++i) {
    Snippet s = corpus::plant_decoy(rng);
    ASSERT_FALSE(s.truth.empty());
    for (const auto& t : s.truth) decoyed.insert(t.detector);
    isolated += s.isolate;
    if (s.isolate) {
      // Alone: a term with no person anywhere near reports nothing.
      EXPECT_TRUE(testing::findings_in(detector(), s.text).empty()) << s.text;
    }
    expect_truth_matches(s);
  }
  // CPR, card, IBAN, CVR, IPv4 decoys and isolated terms of several special categories.
  for (const char* id : {"dk.cpr", "payment_card", "iban", "dk.cvr", "ipv4", "dk.cpr_replacement", "art9.health",
                         "art10.criminal", "dk.social_case"})
    EXPECT_TRUE(decoyed.count(id)) << id;
  EXPECT_GT(isolated, 100);
}

TEST(GeneratorValues, SameSeedSameSnippets) {
  auto run = [](uint64_t seed) {
    Rng rng(seed);
    std::vector<std::string> out;
    for (const std::string& id : corpus::plantable_detectors()) out.push_back(corpus::plant_positive(id, rng).text);
    for (int i = 0; i < 50; ++i) out.push_back(corpus::plant_decoy(rng).text);
    return out;
  };
  EXPECT_EQ(run(42), run(42));
  EXPECT_NE(run(42), run(43));
}

}  // namespace
}  // namespace gdprscan
