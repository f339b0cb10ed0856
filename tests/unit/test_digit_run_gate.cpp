// The detector calls a validator on a candidate end only if the end passes the validator's
// declared screens (validators.h): no digit right after it (rejects_digit_after) and a final
// digit run of a declared length (final_digit_run). A screen that is too narrow would lose
// identifiers silently, so here every validator is called directly, at every end of many
// texts near its identifiers (the rules' examples, Presidio's vectors, the spaced printed
// forms, each mutated at random), and every span it confirms must pass its screens.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <random>

#include "test_helpers.h"

namespace gdprscan {
namespace {

namespace fs = std::filesystem;

int digit_run_before(std::string_view text, size_t end) {
  int run = 0;
  while (end > 0 && text[end - 1] >= '0' && text[end - 1] <= '9') --end, ++run;
  return run;
}

// Texts that hold identifiers of every validator in many written forms.
std::vector<std::string> seed_texts() {
  std::vector<std::string> seeds = {
      // Spaced forms that only `scan --spaced-ids` matches, and phone prefixes.
      "NHS 943 476 5919", "NINO AB 12 34 56 C", "NIR 1 85 05 78 006 084 36", "NIR 185052A00608436",
      "Steuer-ID 12 345 678 901", "BSN 1234.56.782", "fnr 010180 10018", "tlf +4520123456", "tlf 004520123456",
      "tlf 0045 2012 3456", "(+45) 20 12 34 56", "+358 40 123 4567", "00358401234567", "kort 3782 822463 10005",
      "kort 3056 930902 5904", "6011000990139424", "reg. 1234 kto 12345678", "Momsnummer DK-29876541",
  };
  for (const Rule& r : testing::shipped_rules()) {
    seeds.insert(seeds.end(), r.examples.begin(), r.examples.end());
    seeds.insert(seeds.end(), r.negative_examples.begin(), r.negative_examples.end());
  }
  std::ifstream presidio(fs::path(GDPRSCAN_SOURCE_DIR) / ".." / "shared" / "vectors" / "presidio_vectors.tsv");
  std::string line;
  while (std::getline(presidio, line)) {
    size_t tab = line.find('\t');
    if (tab != std::string::npos) seeds.push_back(line.substr(tab + 1, line.find('\t', tab + 1) - tab - 1));
  }
  return seeds;
}

// One to three random edits (replace, insert, delete) with characters that change how a
// number is delimited: digits, letters, separators and signs.
std::string mutated(std::string text, std::mt19937& rng) {
  static constexpr std::string_view kAlphabet = "0123456789AXBzk -./+:#\t";
  int edits = 1 + static_cast<int>(rng() % 3);
  for (int i = 0; i < edits; ++i) {
    size_t at = text.empty() ? 0 : rng() % (text.size() + 1);
    char c = kAlphabet[rng() % kAlphabet.size()];
    switch (rng() % 3) {
      case 0: if (at < text.size()) text[at] = c; break;
      case 1: text.insert(text.begin() + static_cast<long>(at), c); break;
      default: if (at < text.size()) text.erase(at, 1); break;
    }
  }
  return text;
}

TEST(DigitRunGate, EveryConfirmedSpanPassesItsValidatorsScreens) {
  const ValidationEnv env{CivilDate{2026, 11, 26}};
  std::vector<const Validator*> screened;
  for (const Validator& v : all_validators())
    if (v.final_digit_run != kAnyDigitRun || v.rejects_digit_after) screened.push_back(&v);
  std::map<std::string, int> confirmed;
  std::mt19937 rng(2026);
  for (const std::string& seed : seed_texts()) {
    for (int round = 0; round < 60; ++round) {
      std::string text = round == 0 ? seed : mutated(seed, rng);
      for (size_t end = 1; end <= text.size(); ++end) {
        bool digit_after = end < text.size() && text[end] >= '0' && text[end] <= '9';
        for (const Validator* v : screened) {
          if (!v->confirm(text, end, env)) continue;
          ++confirmed[v->name];
          EXPECT_FALSE(digit_after && v->rejects_digit_after) << v->name << " confirmed before a digit in: " << text;
          EXPECT_TRUE(v->accepts_final_digit_run(digit_run_before(text, end)))
              << v->name << " confirmed a final digit run of " << digit_run_before(text, end) << " in: " << text;
        }
      }
    }
  }
  // Not vacuous: every screened validator confirmed something.
  for (const Validator* v : screened) EXPECT_GT(confirmed[v->name], 0) << v->name;
}

}  // namespace
}  // namespace gdprscan
