// Chunked scanning must find exactly what a single pass finds: every identifier once, with
// the same offset, line and context, wherever the chunk and write boundaries fall.
#include <gtest/gtest.h>

#include <random>

#include "test_helpers.h"

namespace gdprscan {
namespace {

using testing::scan_in_pieces;

struct Seen {
  std::string detector, value, context;
  uint64_t line, offset;
  bool operator==(const Seen&) const = default;
};

std::vector<Seen> seen(const std::vector<Finding>& findings) {
  std::vector<Seen> out;
  for (const auto& f : findings) out.push_back({f.detector, f.value, f.context, f.line, f.offset});
  return out;
}

std::string sample_text(size_t size, unsigned seed) {
  std::mt19937 rng(seed);
  const char* pieces[] = {"Borger ", "cpr-nr. 010180-0008 ", "Fakturanr. 0202800009 ", "jens@kommune.dk ",
                          "æøå ", "\n", "2304516782 ", "Patient 280456-0PJ2 ", "lorem ipsum dolor "};
  std::string text;
  while (text.size() < size) text += pieces[rng() % 9];
  return text;
}

TEST(PieceScanner, ChunksFindWhatOnePassFinds) {
  Detector detector(testing::shipped_rules(), CivilDate{2026, 11, 26});
  const std::string text = sample_text(200000, 7);
  auto whole = seen(testing::findings_in(detector, text));
  ASSERT_GT(whole.size(), 100u);
  const size_t min_chunk = 4 * detector.reach();
  for (size_t chunk : {min_chunk, min_chunk + 1, min_chunk + 517, 3 * min_chunk})
    for (size_t write : {1u, 7u, 4096u, 65536u})
      EXPECT_EQ(seen(scan_in_pieces(detector, text, chunk, write)), whole) << chunk << " " << write;
}

TEST(PieceScanner, IdentifierStraddlingEveryChunkBoundary) {
  Detector detector(testing::shipped_rules(), CivilDate{2026, 11, 26});
  const size_t chunk = 4 * detector.reach();
  // Move one CPR across the first chunk boundary one byte at a time.
  for (size_t pad = chunk + detector.reach() - 30; pad < chunk + detector.reach() + 30; ++pad) {
    std::string text(pad, 'x');
    text += " 010180-0008 ";
    text += std::string(3 * chunk, 'y');
    auto f = scan_in_pieces(detector, text, chunk, 1000);
    ASSERT_EQ(f.size(), 1u) << pad;
    EXPECT_EQ(f[0].offset, pad + 1);
  }
}

TEST(ContextMasking, NumbersTheValidatorsRejectedDoNotLeak) {
  auto masked = [](std::string s) {
    mask_long_numbers(s);
    return s;
  };
  EXPECT_EQ(masked("cpr 150372-\n1003 bor"), "cpr 150372-\n**** bor");  // split across lines
  EXPECT_EQ(masked("ref 1503721003kr"), "ref 150372****kr");           // glued to letters
  EXPECT_EQ(masked("920372-1001"), "920372-****");                     // impossible date
  EXPECT_EQ(masked("150372\t1003x"), "150372\t****x");
  EXPECT_EQ(masked("tlf. 75182474"), "tlf. 751824**");                 // phone numbers too
  EXPECT_EQ(masked("12.500,00 kr. den 2019-05-02"), "12.500,00 kr. den 2019-05-02");  // not these
}

TEST(PieceScanner, LinesRunOnAcrossChunks) {
  Detector detector(testing::shipped_rules());
  std::string text;
  for (int i = 0; i < 5000; ++i) text += (i % 1000 == 999) ? "cpr 010180-0008\n" : "linje uden noget\n";
  auto f = scan_in_pieces(detector, text, 4 * detector.reach(), 333);
  ASSERT_EQ(f.size(), 5u);
  for (int k = 0; k < 5; ++k) EXPECT_EQ(f[k].line, 1000u * (k + 1));
}

}  // namespace
}  // namespace gdprscan
