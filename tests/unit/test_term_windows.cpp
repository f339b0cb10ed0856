// The word lists are matched only in the windows where a term can be reported or shown
// (Detector::detect_terms). That must give exactly the findings of matching them over all
// text: the same terms paired, the same weak terms with a partner, the same masked contexts.
#include <gtest/gtest.h>

#include "window_equivalence.h"

namespace gdprscan {
namespace {

using testing::lorem;
using testing::seen;

// Names found everywhere: with names found in windows the terms are matched in all text
// (test_anchor_windows.cpp), and the term windows would go untested.
std::vector<Finding> scan_terms(const Detector& detector, const std::string& text, bool terms_everywhere,
                                double min_confidence = 0.5, size_t chunk = 1 << 20, size_t write_size = 1 << 20,
                                double lift = 0) {
  return testing::scan_windows(detector, text, {terms_everywhere, true, min_confidence, chunk, write_size, lift});
}

// Municipal-looking text where identifiers, terms and other findings fall at every distance
// from each other: strong and weak terms, terms glued to letters, a term inside a longer
// one, identifiers below the threshold (a phone number without its keyword), findings that
// anchor no term (a bank account) and fillers of random length between them.
std::string sample_text(size_t size, unsigned seed) {
  // 0-400 bytes of filler: around the 300-byte pairing window and the 60-byte context
  // each side.
  return testing::pieces_with_fillers({"CPR 010180-0008 ",  "jens@kommune.dk ",    "tlf. 23 45 67 89 ",
                                       "23 45 67 89 ",      "Reg.nr. 1234 kontonr. 0012345678 ",
                                       "behandling ",       "Behandling, ",        "læge ",
                                       "medicin ",          "sygdom ",             "diabetes ",
                                       "indlagt. ",         "alkoholmisbrug ",     "misbrug ",
                                       "xbehandling ",      "behandlingen ",       "substance abuse ",
                                       "underretning ",     "bøde ",               "retten ",
                                       "dom ",              "\n",                  "ÆØÅ æøå ",
                                       "betinget dom ",     "CPR 010180-0008 betinget dom "},
                                      size, seed, 5, 400);
}

TEST(TermWindows, SameFindingsAsMatchingTermsEverywhere) {
  Detector detector(testing::shipped_rules(), CivilDate{2026, 11, 26});
  for (unsigned seed : {1u, 2u, 3u, 4u}) {
    const std::string text = sample_text(120000, seed);
    // At 0.3 identifiers below the default threshold anchor terms too; at 0.8 weak terms
    // (0.7) are not reported, strong ones are.
    for (double threshold : {0.3, 0.5, 0.8}) {
      auto everywhere = seen(scan_terms(detector, text, true, threshold));
      size_t weak_paired = 0, terms = 0;
      for (const auto& f : everywhere) {
        terms += f.detector.rfind("art", 0) == 0 || f.detector == "dk.social_case";
        weak_paired += std::find(f.signals.begin(), f.signals.end(), "weak_term_with_another") != f.signals.end();
      }
      ASSERT_GT(terms, 200u) << seed << " " << threshold;  // the sample must exercise the pairing
      if (threshold < 0.7) {
        ASSERT_GT(weak_paired, 50u) << seed << " " << threshold;
      }
      EXPECT_EQ(seen(scan_terms(detector, text, false, threshold)), everywhere) << seed << " " << threshold;
      // Chunk boundaries cut windows too.
      const size_t chunk = 4 * detector.reach() + 101;
      EXPECT_EQ(seen(scan_terms(detector, text, false, threshold, chunk, 977)), seen(scan_terms(detector, text, true, threshold, chunk, 977)))
          << seed << " " << threshold;
    }
  }
}

// A detection below the threshold that the caller lifts above it after detection (a sheet's
// column header) is reported with its masked context, terms included.
TEST(TermWindows, SameFindingsWhenTheCallerMovesConfidences) {
  Detector detector(testing::shipped_rules(), CivilDate{2026, 11, 26});
  const std::string text = sample_text(60000, 9);
  for (double lift : {0.4, -0.2}) {
    auto everywhere = seen(scan_terms(detector, text, true, 0.5, 1 << 20, 1 << 20, lift));
    ASSERT_GT(everywhere.size(), 200u);
    EXPECT_EQ(seen(scan_terms(detector, text, false, 0.5, 1 << 20, 1 << 20, lift)), everywhere) << lift;
  }
  // A phone number without its keyword is below the threshold until lifted; a term cut by
  // the edge of its context is masked there.
  for (size_t pad = 0; pad < 20; ++pad) {
    const std::string lone = lorem(500) + " diabetes" + std::string(pad, ' ') + lorem(40) + " 23 45 67 89 " + lorem(500);
    auto windowed = scan_terms(detector, lone, false, 0.5, 1 << 20, 1 << 20, 0.4);
    ASSERT_EQ(windowed.size(), 1u) << pad;
    EXPECT_EQ(seen(windowed), seen(scan_terms(detector, lone, true, 0.5, 1 << 20, 1 << 20, 0.4))) << pad;
  }
}

// A weak term counts with a partner within its window, which can lie twice as far from the
// identifier: the partner must be found although it is outside the identifier's window.
TEST(TermWindows, WeakTermsPartnerBeyondTheIdentifiersWindow) {
  Detector detector(testing::shipped_rules(), CivilDate{2026, 11, 26});
  const std::string text = "CPR 010180-0008 " + lorem(250) + " behandling " + lorem(250) + " medicin.";
  for (bool everywhere : {false, true}) {
    auto findings = scan_terms(detector, text, everywhere);
    auto terms = testing::values_of(findings, "art9.health");
    EXPECT_EQ(terms, std::vector<std::string>{"behandling"}) << everywhere;  // medicin: too far from the CPR number
  }
  // Without the partner the weak term stands alone and is not reported.
  const std::string alone = "CPR 010180-0008 " + lorem(250) + " behandling " + lorem(250) + " lorem.";
  EXPECT_TRUE(testing::values_of(scan_terms(detector, alone, false), "art9.health").empty());
}

// Every term is a Hyperscan expression of its own; where two end together the longer one is
// the finding, as when each rule's terms were one alternation with start of match.
TEST(TermWindows, TheLongerOfTwoTermsEndingTogether) {
  Detector detector(testing::shipped_rules(), CivilDate{2026, 11, 26});
  const std::string text = "CPR 010180-0008 fik en betinget dom i 2019.";
  for (bool everywhere : {false, true})
    EXPECT_EQ(testing::values_of(scan_terms(detector, text, everywhere), "art10"), std::vector<std::string>{"betinget dom"})
        << everywhere;
}

// An empty term in a user's list was an empty alternative, harmless; alone it would be a
// Hyperscan expression matching the empty buffer, which Hyperscan rejects.
TEST(TermWindows, AnEmptyTermIsIgnored) {
  auto rules = testing::shipped_rules();
  for (Rule& r : rules)
    if (r.id == "art9.health") r.terms.push_back("");
  Detector detector(std::move(rules), CivilDate{2026, 11, 26});
  auto findings = scan_terms(detector, "CPR 010180-0008 er indlagt.", false);
  EXPECT_EQ(testing::values_of(findings, "art9"), std::vector<std::string>{"indlagt"});
}

// A term cut by the edge of another finding's context is masked there, even when no
// identifier is near enough to pair with it.
TEST(TermWindows, TermCutByTheContextOfAFindingWithoutIdentifier) {
  Detector detector(testing::shipped_rules(), CivilDate{2026, 11, 26});
  const std::string account = "Reg.nr. 1234 kontonr. 0012345678";
  for (size_t pad = 0; pad < 20; ++pad) {
    const std::string text = lorem(500) + " diabetes" + std::string(pad, ' ') + lorem(40) + " " + account + " " + lorem(500);
    auto windowed = scan_terms(detector, text, false), everywhere = scan_terms(detector, text, true);
    ASSERT_EQ(windowed.size(), 1u) << pad;
    EXPECT_EQ(seen(windowed), seen(everywhere)) << pad;
  }
}

}  // namespace
}  // namespace gdprscan
