// What the corpus generator plants (generator/identifiers.h), checked with the real
// detector built from rules/: every positive snippet yields exactly its truth, every decoy
// leaves its detector silent, and a seed always gives the same snippets.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "identifiers.h"
#include "planters.h"
#include "test_helpers.h"
#include "values.h"
#include "values_ids.h"
#include "vocabulary.h"

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

// A corpus generated now is scanned for years: its truth must still hold at the end of 2029
// (Swedish numbers without the century, future birth dates).
const Detector& detector_in_2029() {
  static const Detector d(testing::shipped_rules(), CivilDate{2029, 12, 31});
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
void expect_truth_matches(const Snippet& s, const Detector& d = detector()) {
  auto found = testing::findings_in(d, s.text);
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

// A rule added to the catalogue must be planted too, or the corpus cannot measure it.
TEST(GeneratorValues, EveryCatalogueDetectorIsPlantable) {
  std::set<std::string> catalogue, plantable(corpus::plantable_detectors().begin(), corpus::plantable_detectors().end());
  for (const Rule& rule : testing::shipped_rules())
    if (!rule.report_on_request) catalogue.insert(rule.id);  // person.name: an anchor, not reported by default
  EXPECT_EQ(plantable, catalogue);
}

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
                         "art10.criminal", "dk.social_case", "art9.health_code"})
    EXPECT_TRUE(decoyed.count(id)) << id;
  EXPECT_GT(isolated, 100);
}

// Documents put snippets a few hundred bytes apart (generator/content.cpp: 200 bytes of
// prose, kIsolationBytes around an isolated one). A snippet's truth must not depend on its
// neighbours: no keyword of one may make another's value a finding, nor pair its terms.
TEST(GeneratorValues, NeighbouringSnippetsKeepTheirTruth) {
  const auto& ids = corpus::plantable_detectors();
  for (int doc = 0; doc < 60; ++doc) {
    Rng rng = Rng(31).fork("doc" + std::to_string(doc));
    std::string text;
    std::set<std::pair<std::string, std::string>> positives, allowed, decoys;
    bool last_isolated = false;
    for (int k = 0; k < 40; ++k) {
      Snippet s = rng.chance(0.5) ? corpus::plant_positive(ids[rng.below(ids.size())], rng) : corpus::plant_decoy(rng);
      size_t gap = s.isolate || last_isolated ? corpus::kIsolationBytes + 32 : corpus::kSnippetGapBytes;
      text.append("\n").append(corpus::vocab::fillers(rng, gap)).append("\n").append(s.text);
      last_isolated = s.isolate;
      for (const auto& t : s.truth) {
        auto key = std::make_pair(t.detector, t.value);
        if (t.kind == TruthKind::decoy) decoys.insert(key);
        else allowed.insert(key);
        if (t.kind == TruthKind::positive) positives.insert(key);
      }
    }
    std::set<std::pair<std::string, std::string>> found;
    for (const Finding& f : testing::findings_in(detector(), text)) found.insert({f.detector, f.value});
    for (const auto& p : positives) EXPECT_TRUE(found.count(p)) << "missed " << p.first << "=" << p.second << " in doc " << doc;
    for (const auto& f : found) {
      EXPECT_TRUE(allowed.count(f)) << (decoys.count(f) ? "decoy reported " : "unplanted ") << f.first << "=" << f.second
                                    << " in doc " << doc;
    }
  }
}

TEST(GeneratorValues, TruthStillHoldsInLaterYears) {
  for (const std::string& id : corpus::plantable_detectors()) {
    Rng rng = Rng(19).fork(id);
    for (int i = 0; i < kSeeds / 3; ++i) expect_truth_matches(corpus::plant_positive(id, rng), detector_in_2029());
  }
  Rng rng(23);
  for (int i = 0; i < 3 * kSeeds; ++i) expect_truth_matches(corpus::plant_decoy(rng), detector_in_2029());
}

TEST(GeneratorValues, SameSeedSameSnippets) {
  auto flat = [](const Snippet& s) {
    std::string out = s.text + (s.isolate ? "|isolate" : "");
    for (const auto& t : s.truth) out.append("|").append(t.detector).append("=").append(t.value).append("/").append(t.note);
    return out;
  };
  auto run = [&](uint64_t seed) {
    Rng rng(seed);
    std::vector<std::string> out;
    for (const std::string& id : corpus::plantable_detectors()) {
      out.push_back(flat(corpus::plant_positive(id, rng)));
      if (corpus::keyword_free_in_tables(id)) out.push_back(flat(corpus::plant_cell(id, rng)));
    }
    for (int i = 0; i < 50; ++i) out.push_back(flat(corpus::plant_decoy(rng)));
    return out;
  };
  EXPECT_EQ(run(42), run(42));
  EXPECT_NE(run(42), run(43));
}

// The generator's own check-digit arithmetic (written apart from the scanner's, so a shared
// mistake cannot hide) against the published examples in rules/*.toml and DETECTION.md.
TEST(GeneratorArithmetic, MatchesPublishedExamples) {
  namespace v = corpus::values;
  EXPECT_TRUE(v::cpr_mod11_ok("0101800008"));
  EXPECT_FALSE(v::cpr_mod11_ok("0101901234"));
  EXPECT_TRUE(v::is_mod11_exception_date({1990, 1, 1}));
  EXPECT_EQ(v::cpr_century_year(37, 9), 1937);  // not 2037 (DETECTION.md: a known mistake)
  EXPECT_EQ(v::cpr_century_year(0, 4), 2000);
  EXPECT_EQ(v::cpr_century_year(60, 6), 1860);
  EXPECT_TRUE(v::luhn_ok("4571123456789016"));
  EXPECT_FALSE(v::luhn_ok("4571123456789017"));
  EXPECT_EQ(v::luhn_check_digit("811218987"), '6');  // Swedish 811218-9876
  EXPECT_EQ(v::mod97("00400440116243132050"), 1);    // DK50 0040 0440 1162 43, rearranged
  EXPECT_TRUE(v::no_fnr_ok("01018010018"));
  EXPECT_FALSE(v::no_fnr_ok("01018010019"));
  EXPECT_EQ(v::fi_check_char("131052308"), 'T');
  EXPECT_EQ(v::is_check_digit("01020336"), 8);  // kennitala 010203-3689
  EXPECT_TRUE(v::nl_bsn_ok("111222333"));
  EXPECT_EQ(v::pl_check_digit("4405140145"), '8');
  EXPECT_TRUE(v::pl_pesel_ok("02221501236"));
  EXPECT_TRUE(v::de_steuer_id_ok("86095742719"));
  EXPECT_FALSE(v::de_steuer_id_ok("11185742711"));  // a digit three times in a row
  EXPECT_EQ(v::es_control_letter("12345678"), 'Z');
  EXPECT_EQ(v::it_check_char("RSSMRA85M01H501"), 'Q');
  EXPECT_EQ(v::fr_nir_key("1850578006084"), 91);
  EXPECT_EQ(v::fr_nir_key("269052A123456"), 88);  // Corsica: 2A read as 19
  EXPECT_EQ(v::uk_nhs_check_digit("943476591"), 9);
  EXPECT_FALSE(v::uk_nino_prefix_ok('B', 'G'));
  EXPECT_TRUE(v::reads_as_swedish("8112189876"));
  EXPECT_TRUE(v::reads_as_hetu("0105949032", 'Y'));  // HETU 010594Y9032
  EXPECT_TRUE(v::reads_as_hetu("0105949032", '-'));  // also with the older 1900s sign
  EXPECT_FALSE(v::reads_as_hetu("0105949032", 'A'));  // 2094: not born yet
  EXPECT_FALSE(v::reads_as_hetu("0105949033", '-'));  // check character off
  EXPECT_TRUE(v::reads_as_cpr("0101800008"));
  EXPECT_FALSE(v::reads_as_cpr("3002111111"));  // 30 February
}

}  // namespace
}  // namespace gdprscan
