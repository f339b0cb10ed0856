// The rules that only anchor (personal names, unless asked for) are matched only where they
// can change the output (Detector::detect_anchors): in the pairing windows of the terms and
// in the masked contexts of the findings that are written. That must give exactly the
// findings of matching them over all text: the same terms paired with the same name, the
// same names masked in the same contexts.
#include <gtest/gtest.h>

#include "window_equivalence.h"

namespace gdprscan {
namespace {

using testing::lorem;
using testing::same;
using testing::seen;
using testing::Seen;

std::vector<Finding> scan(const Detector& detector, const std::string& text, bool anchors_everywhere,
                          double min_confidence = 0.5, size_t chunk = 1 << 20, size_t write_size = 1 << 20,
                          double lift = 0) {
  return testing::scan_windows(detector, text, {false, anchors_everywhere, min_confidence, chunk, write_size, lift});
}

// Letters where names, identifiers, terms and other findings fall at every distance from
// each other: names in running text and in list form, names that start other words, terms
// with no identifier but a name, findings below the threshold, and fillers of random length.
std::string sample_text(size_t size, unsigned seed) {
  // 0-700 bytes of filler: around the 300-byte pairing window, the 60-byte context and the
  // 200-byte longest name.
  return testing::pieces_with_fillers({"Jens Peter Hansen ",    "\nHansen, Jens\n",       "Anne-Marie Østergaard ",
                                       "Mette K. Nielsen ",     "Bo Jensen ",             "Borger ",
                                       "Ole Olesen ",           "Jens Baggesens Vej 4 ",  "CPR 010180-0008 ",
                                       "jens@kommune.dk ",      "23 45 67 89 ",           "Reg.nr. 1234 kontonr. 0012345678 ",
                                       "behandling ",           "er indlagt. ",           "diabetes ",
                                       "medicin ",              "betinget dom ",          "underretning ",
                                       "\n",                    "ÆØÅ æøå ",               "Kære Karen Holm, "},
                                      size, seed, 4, 700);
}

size_t count_if_contains(const std::vector<Seen>& all, auto&& pred) {
  return static_cast<size_t>(std::count_if(all.begin(), all.end(), pred));
}

TEST(AnchorWindows, SameFindingsAsMatchingNamesEverywhere) {
  Detector detector(testing::shipped_rules(), CivilDate{2026, 11, 26});
  for (unsigned seed : {1u, 2u, 3u}) {
    const std::string text = sample_text(150000, seed);
    for (double threshold : {0.3, 0.5, 0.8}) {
      auto everywhere = seen(scan(detector, text, true, threshold));
      // The sample must exercise both uses of a name: pairing and masking.
      size_t paired = count_if_contains(everywhere, [](const Seen& f) { return f.paired_detector == "person.name"; });
      size_t masked = count_if_contains(everywhere, [](const Seen& f) { return f.context.find("H***") != std::string::npos; });
      if (threshold < 0.75) {
        ASSERT_GT(paired, 50u) << seed << " " << threshold;
      }
      ASSERT_GT(masked, 100u) << seed << " " << threshold;
      EXPECT_TRUE(same(seen(scan(detector, text, false, threshold)), everywhere)) << seed << " " << threshold;
      // Chunk boundaries cut windows too.
      const size_t chunk = 4 * detector.reach() + 101;
      EXPECT_TRUE(same(seen(scan(detector, text, false, threshold, chunk, 977)), seen(scan(detector, text, true, threshold, chunk, 977))))
          << seed << " " << threshold;
    }
  }
}

// A detection below the threshold that the caller lifts above it after detection is
// reported with its masked context, names included.
TEST(AnchorWindows, SameFindingsWhenTheCallerMovesConfidences) {
  Detector detector(testing::shipped_rules(), CivilDate{2026, 11, 26});
  const std::string text = sample_text(100000, 9);
  for (double lift : {0.4, -0.2}) {
    auto everywhere = seen(scan(detector, text, true, 0.5, 1 << 20, 1 << 20, lift));
    ASSERT_GT(everywhere.size(), 200u);
    EXPECT_TRUE(same(seen(scan(detector, text, false, 0.5, 1 << 20, 1 << 20, lift)), everywhere)) << lift;
  }
}

// A name at every distance from a term, on both sides: paired within the window, not beyond.
TEST(AnchorWindows, ANameAtTheEdgeOfTheTermsWindow) {
  Detector detector(testing::shipped_rules(), CivilDate{2026, 11, 26});
  for (size_t pad = 280; pad < 320; pad += 3) {
    for (bool name_first : {true, false}) {
      const std::string gap(pad, ' ');
      const std::string text = lorem(700) + (name_first ? " Jens Hansen" + gap + "diabetes " : " diabetes" + gap + "Jens Hansen ") + lorem(700);
      auto windowed = seen(scan(detector, text, false)), everywhere = seen(scan(detector, text, true));
      EXPECT_TRUE(same(windowed, everywhere)) << pad << " " << name_first;
      EXPECT_EQ(windowed.size(), pad + 1 <= 300 ? 1u : 0u) << pad << " " << name_first;
    }
  }
}

// A name cut by the edge of a finding's context is masked there as far as it reaches.
TEST(AnchorWindows, ANameCutByTheEdgeOfAContext) {
  Detector detector(testing::shipped_rules(), CivilDate{2026, 11, 26});
  for (size_t pad = 40; pad < 80; ++pad) {
    const std::string text = lorem(700) + " Anne-Marie Holm-Østergaard" + std::string(pad, ' ') + "CPR 010180-0008 " + lorem(700);
    auto windowed = seen(scan(detector, text, false));
    ASSERT_EQ(windowed.size(), 1u) << pad;
    EXPECT_TRUE(same(windowed, seen(scan(detector, text, true)))) << pad;
  }
}

// Asked for, names are findings of their own and are matched everywhere.
TEST(AnchorWindows, NamesAskedForAreFoundEverywhere) {
  auto rules = testing::shipped_rules();
  for (Rule& r : rules) r.reported = true;
  Detector detector(std::move(rules), CivilDate{2026, 11, 26});
  auto findings = scan(detector, lorem(2000) + " Jens Peter Hansen " + lorem(2000), false);
  EXPECT_EQ(testing::values_of(findings, "person.name"), std::vector<std::string>{"Jens Peter Hansen"});
}

}  // namespace
}  // namespace gdprscan
