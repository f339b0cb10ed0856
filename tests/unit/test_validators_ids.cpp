// National identifiers outside Denmark (validators_nordic.cpp, validators_eu.cpp): the
// checksums on published examples, the rules through the real Detector, the overlap with
// the Danish CPR number, and Presidio's recognizer test vectors (../shared/vectors), each
// row met or its difference recorded with the reason.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <set>
#include <sstream>

#include "test_helpers.h"
#include "checksums.h"
#include "validators_ids.h"

namespace gdprscan {
namespace {

using testing::unescape;
using testing::split;

namespace fs = std::filesystem;
using testing::findings_in;

// ---- Checksums on published examples ---------------------------------------------------

TEST(IdChecksums, SwedishLuhn) {
  EXPECT_TRUE(checksum::luhn_ok("8112189876"));  // Skatteverket's example 811218-9876
  EXPECT_FALSE(checksum::luhn_ok("8112189875"));
  EXPECT_TRUE(checksum::luhn_ok("8712202384"));
}

TEST(IdChecksums, NorwegianTwoCheckDigits) {
  EXPECT_TRUE(ids::no_fnr_checks_ok("01018010018"));
  EXPECT_FALSE(ids::no_fnr_checks_ok("01018010019"));  // second digit off
  EXPECT_FALSE(ids::no_fnr_checks_ok("01018010028"));  // first digit off
  EXPECT_TRUE(ids::no_fnr_checks_ok("41018012365"));   // a D-number
}

TEST(IdChecksums, FinnishCheckCharacter) {
  EXPECT_EQ(ids::fi_hetu_check_char("131052308"), 'T');  // DVV's example 131052-308T
  EXPECT_EQ(ids::fi_hetu_check_char("010594903"), '2');
}

TEST(IdChecksums, IcelandicKennitala) {
  EXPECT_TRUE(ids::is_kennitala_check_ok("1201743399"));  // the example 120174-3399
  EXPECT_FALSE(ids::is_kennitala_check_ok("1201743389"));
}

TEST(IdChecksums, DutchElevenProof) {
  EXPECT_TRUE(ids::nl_bsn_ok("111222333"));
  EXPECT_TRUE(ids::nl_bsn_ok("123456782"));
  EXPECT_FALSE(ids::nl_bsn_ok("123456781"));
}

TEST(IdChecksums, PolishPesel) {
  EXPECT_TRUE(ids::pl_pesel_check_ok("44051401458"));  // the example 44051401458
  EXPECT_FALSE(ids::pl_pesel_check_ok("44051401459"));
  auto born = ids::pl_pesel_birth_date("02221501236");  // month 22: February 2002
  ASSERT_TRUE(born);
  EXPECT_EQ(born->year, 2002);
  EXPECT_EQ(born->month, 2);
  EXPECT_EQ(ids::pl_pesel_birth_date("99851501236")->year, 1899);
  EXPECT_FALSE(ids::pl_pesel_birth_date("99131501236"));
}

TEST(IdChecksums, GermanSteuerId) {
  EXPECT_TRUE(ids::de_steuer_id_check_ok("86095742719"));  // the BZSt's example 86 095 742 719
  EXPECT_TRUE(ids::de_steuer_id_digits_ok("86095742719"));
  EXPECT_FALSE(ids::de_steuer_id_check_ok("86095742718"));
  EXPECT_FALSE(ids::de_steuer_id_digits_ok("12345678903"));  // no digit repeated
  EXPECT_FALSE(ids::de_steuer_id_digits_ok("11185742711"));  // three in a row
  EXPECT_TRUE(ids::de_steuer_id_digits_ok("11213456789"));   // three, not in a row
  EXPECT_FALSE(ids::de_steuer_id_digits_ok("11285742719"));  // two digits repeated
  EXPECT_FALSE(ids::de_steuer_id_digits_ok("06095742719"));  // leading zero
}

TEST(IdChecksums, SpanishControlLetter) {
  EXPECT_EQ(ids::es_control_letter("12345678"), 'Z');
  EXPECT_EQ(ids::es_control_letter("01234567"), 'L');  // NIE X1234567L: X counts as 0
  EXPECT_EQ(ids::es_control_letter("18063915"), 'Z');  // NIE Y8063915Z: Y counts as 1
}

TEST(IdChecksums, ItalianCheckLetter) {
  EXPECT_EQ(ids::it_cf_check_char("RSSMRA85M01H501"), 'Q');  // the "Mario Rossi" example
  EXPECT_EQ(ids::it_cf_check_char("AAAAAA00B11C333"), 'Y');
}

TEST(IdChecksums, FrenchNirKey) {
  EXPECT_EQ(ids::fr_nir_key("2550814168025"), 38);  // 2 55 08 14 168 025 38
  EXPECT_EQ(ids::fr_nir_key("1850578006084"), 91);
  EXPECT_EQ(ids::fr_nir_key("269052A123456"), 88);  // Corsica: 2A read as 19
  EXPECT_EQ(ids::fr_nir_key("269052B123456"), 18);  // 2B read as 18
  EXPECT_EQ(ids::fr_nir_key("269052C123456"), -1);
}

TEST(IdChecksums, UkNinoPrefixAndNhs) {
  EXPECT_TRUE(ids::uk_nino_prefix_ok('A', 'B'));
  EXPECT_FALSE(ids::uk_nino_prefix_ok('Q', 'Q'));  // HMRC's dummy QQ 12 34 56 C
  EXPECT_FALSE(ids::uk_nino_prefix_ok('A', 'O'));
  EXPECT_FALSE(ids::uk_nino_prefix_ok('G', 'B'));
  EXPECT_TRUE(ids::uk_nhs_ok("9434765919"));  // NHS Digital's example 943 476 5919
  EXPECT_FALSE(ids::uk_nhs_ok("9434765918"));
}

// ---- The rules through the real Detector -----------------------------------------------

class IdDetection : public ::testing::Test {
 protected:
  // With the spaced printed forms (scan --spaced-ids): the tests below cover them.
  static std::vector<Rule> rules_with_spaced_forms() {
    std::vector<Rule> rules = testing::shipped_rules();
    use_spaced_forms(rules);
    return rules;
  }
  Detector detector{rules_with_spaced_forms(), CivilDate{2026, 11, 26}};
  std::set<std::string> rules_in(std::string_view text, double min = 0.5) {
    std::set<std::string> out;
    for (const auto& f : findings_in(detector, text, min)) out.insert(f.detector);
    return out;
  }
  const Finding* first(std::string_view text, const std::string& rule) {
    static std::vector<Finding> kept;
    kept = findings_in(detector, text, 0);
    for (const auto& f : kept)
      if (f.detector == rule) return &f;
    return nullptr;
  }
};

TEST_F(IdDetection, SwedishFormsNormaliseToTwelveDigits) {
  for (const char* text : {"811218-9876", "19811218-9876", "198112189876", "Personnummer 8112189876"}) {
    const Finding* f = first(text, "se.personnummer");
    ASSERT_TRUE(f) << text;
    EXPECT_EQ(f->value, "198112189876") << text;
  }
  EXPECT_EQ(first("121212+1212", "se.personnummer")->value, "191212121212");  // '+': 100 or older
  EXPECT_EQ(first("121212-1212", "se.personnummer")->value, "201212121212");
  EXPECT_EQ(first("811278-9873", "se.samordningsnummer")->value, "198112789873");
}

TEST_F(IdDetection, StructureAloneAndWithKeyword) {
  EXPECT_DOUBLE_EQ(first("811218-9876", "se.personnummer")->confidence, 0.55);
  EXPECT_DOUBLE_EQ(first("19811218-9876", "se.personnummer")->confidence, 0.6);
  EXPECT_DOUBLE_EQ(first("personnummer 811218-9876", "se.personnummer")->confidence, 0.85);
  EXPECT_DOUBLE_EQ(first("010594Y9032", "fi.hetu")->confidence, 0.65);
  EXPECT_DOUBLE_EQ(first("01018010018", "no.fodselsnummer")->confidence, 0.6);
  // Keyword required: below 0.5 alone, above with the keyword.
  EXPECT_EQ(rules_in("111222333").count("nl.bsn"), 0u);
  EXPECT_DOUBLE_EQ(first("BSN 111222333", "nl.bsn")->confidence, 0.65);
  EXPECT_EQ(rules_in("AB123456C").count("uk.nino"), 0u);
  EXPECT_EQ(rules_in("National Insurance number AB123456C").count("uk.nino"), 1u);
  EXPECT_EQ(rules_in("9434765919").count("uk.nhs"), 0u);
  EXPECT_EQ(rules_in("NHS number 9434765919").count("uk.nhs"), 1u);
  // Ten unbroken digits that are also a CPR number are the Danish one's, even after "NHS";
  // the spaced print is no CPR shape and stays an NHS number.
  EXPECT_EQ(rules_in("NHS number 2812721391").count("uk.nhs"), 0u);
  EXPECT_EQ(rules_in("NHS number 2812721391").count("dk.cpr"), 1u);
  EXPECT_EQ(rules_in("NHS number 281 272 1391").count("uk.nhs"), 1u);
  EXPECT_EQ(rules_in("120174-3399").count("is.kennitala"), 0u);
  EXPECT_EQ(rules_in("kennitala 120174-3399").count("is.kennitala"), 1u);
}

TEST_F(IdDetection, MasksKeepTheShapeNotTheNumber) {
  EXPECT_EQ(first("19811218-9876", "se.personnummer")->match, "19811218-****");
  EXPECT_EQ(first("811218-9876", "se.personnummer")->match, "811218-****");
  EXPECT_EQ(first("010180 10018", "no.fodselsnummer")->match, "010180 *****");
  EXPECT_EQ(first("010594Y9032", "fi.hetu")->match, "010594Y****");
  EXPECT_EQ(first("RSSMRA85M01H501Q", "it.codice_fiscale")->match, "******85M01*****");
  EXPECT_EQ(first("1 85 05 78 006 084 91", "fr.nir")->match, "1 85 05 ** *** *** **");
  EXPECT_EQ(first("86 095 742 719", "de.steuer_id")->match, "86 *** *** ***");
  EXPECT_EQ(first("X1234567L", "es.nie")->match, "X1*******");
}

TEST_F(IdDetection, NormalisedValuesKeepLettersInUpperCase) {
  EXPECT_EQ(first("z8078221m", "es.nie")->value, "Z8078221M");
  EXPECT_EQ(first("1111111-G", "es.dni")->value, "01111111G");
  EXPECT_EQ(first("131052-308T", "fi.hetu")->value, "131052-308T");
  EXPECT_EQ(first("2 69 05 2A 123 456 88", "fr.nir")->value, "269052A12345688");
  EXPECT_EQ(first("AB 12 34 56 C", "uk.nino")->value, "AB123456C");
}

TEST_F(IdDetection, NorwegianDAndHNumbersAreSignalled) {
  const Finding* d = first("41018012365", "no.fodselsnummer");
  ASSERT_TRUE(d);
  EXPECT_NE(std::find(d->signals.begin(), d->signals.end(), "d_number"), d->signals.end());
  const Finding* h = first("01418012354", "no.fodselsnummer");
  ASSERT_TRUE(h);
  EXPECT_NE(std::find(h->signals.begin(), h->signals.end(), "h_number"), h->signals.end());
}

// ---- The Danish CPR number and the numbers of the same shape ---------------------------

std::string two(int n) { return std::string(1, char('0' + n / 10)).append(1, char('0' + n % 10)); }

// Valid CPR numbers (1900s, mod-11 passed): a real date and the first serial that passes.
std::vector<std::string> valid_cprs(int count) {
  std::mt19937 rng(2026);
  std::vector<std::string> out;
  while (static_cast<int>(out.size()) < count) {
    int year = 1900 + static_cast<int>(rng() % 100), month = 1 + static_cast<int>(rng() % 12),
        day = 1 + static_cast<int>(rng() % 28);
    for (int serial = static_cast<int>(rng() % 4000); serial < 4000; ++serial) {
      std::string s = two(day) + two(month) + two(year % 100) + two(serial / 100) + two(serial % 100);
      if (cpr::mod11_ok(s)) {
        out.push_back(s);
        break;
      }
    }
  }
  return out;
}

TEST_F(IdDetection, ValidCprTextYieldsOnlyDanishRules) {
  // Some of these are also valid Swedish, Icelandic or Finnish-shaped numbers; every one is
  // reported as dk.cpr and nothing else, with or without a keyword the others share.
  int foreign_shapes = 0;
  for (const auto& cpr : valid_cprs(3000)) {
    std::string hyphen = cpr.substr(0, 6) + "-" + cpr.substr(6);
    foreign_shapes += checksum::luhn_ok(cpr) || ids::is_kennitala_check_ok(cpr);
    for (const std::string& text : {cpr, hyphen, "personnummer " + hyphen, "kennitala " + cpr, "CPR-nr. " + cpr}) {
      auto rules = rules_in(text);
      EXPECT_EQ(rules, std::set<std::string>{"dk.cpr"}) << text;
    }
  }
  EXPECT_GT(foreign_shapes, 200);  // the overlap is real, not avoided by the sample
  // A 1 January number without a check digit is a CPR number too (DETECTION.md).
  EXPECT_EQ(rules_in("personnummer 0101901234"), std::set<std::string>{"dk.cpr"});
}

TEST_F(IdDetection, ElevenAndTwelveDigitNumbersDoNotYieldCpr) {
  for (const char* text : {"01018010018", "23059850105", "44051401458", "86095742719", "198112189876",
                           "19811218-9876", "185057800608491"}) {
    for (const auto& f : findings_in(detector, text, 0)) EXPECT_NE(f.detector.rfind("dk.", 0), 0u) << text;
  }
  // Every valid Norwegian number of a sample, with a keyword next to it.
  std::mt19937 rng(7);
  int tried = 0;
  while (tried < 500) {
    std::string d = two(1 + static_cast<int>(rng() % 28)) + two(1 + static_cast<int>(rng() % 12)) +
                    two(static_cast<int>(rng() % 100)) + two(static_cast<int>(rng() % 50)) +
                    two(static_cast<int>(rng() % 100)) + std::string(1, char('0' + rng() % 10));
    if (!ids::no_fnr_checks_ok(d)) continue;
    ++tried;
    for (const auto& f : findings_in(detector, "CPR-nr. " + d, 0)) EXPECT_NE(f.detector.rfind("dk.", 0), 0u) << d;
  }
}

// Bare random numbers: how many each rule reports alone at the default threshold. A bare
// reading must stay rare, as for the CPR number (0.1-0.5%, test_vectors.cpp).
TEST_F(IdDetection, FewRandomNumbersAreReportedBare) {
  std::mt19937_64 rng(2026);
  std::map<std::string, int> reported;
  const int n = 10000;
  for (int length : {9, 10, 11, 12}) {
    for (int i = 0; i < n; ++i) {
      std::string digits;
      for (int k = 0; k < length; ++k) digits.push_back(static_cast<char>('0' + rng() % 10));
      for (const auto& rule : rules_in(digits)) ++reported[rule + "/" + std::to_string(length)];
    }
  }
  for (const auto& [what, count] : reported) {
    if (what.rfind("dk.", 0) == 0) continue;
    EXPECT_LE(count, n / 100) << what << " reported " << count << " of " << n;
  }
  EXPECT_EQ(reported.count("nl.bsn/9"), 0u);
  EXPECT_EQ(reported.count("uk.nhs/10"), 0u);
}

// ---- Presidio's recognizer test vectors -------------------------------------------------

const fs::path kPresidio = fs::path(GDPRSCAN_SOURCE_DIR) / ".." / "shared" / "vectors" / "presidio_vectors.tsv";

struct Difference {
  std::string input;
  std::set<std::string> missing;  // Presidio reports it, we do not
  const char* why;
};

const char* const kGlued =
    "glued to a word ('is030594W903B'): every rule here needs the number to stand free, or any "
    "digit run inside a longer token would be reported";
const char* const kSteuerIdDigits =
    "all ten leading digits differ: the BZSt's digit rule requires exactly one digit twice or three times "
    "(python-stdnum's de.idnr checks the same); Presidio checks only the check digit";
const char* const kCfCheck =
    "the check letter of AAAAAA00B11C333 is Y, not N: Presidio reports a failed check at a low score (its "
    "expected range starts at 0.3), we reject it";

const std::vector<Difference> kDifferences = {
    {"My swedish id code is199003052397.", {"199003052397"}, kGlued},
    {"9201232387", {"9201232387"},
     "bare ten digits without sign or century: on a Danish share mostly invoice and customer numbers, so "
     "se.personnummer needs its keyword there (0.45 alone)"},
    {"My finnish id code is030594W903B.", {"030594W903B"}, kGlued},
    {"12345678903", {"12345678903"}, kSteuerIdDigits},
    {"98765432106", {"98765432106"}, kSteuerIdDigits},
    {"Meine Steuer-ID: 12345678903.", {"12345678903"}, kSteuerIdDigits},
    {"IdNr. 98765432106 liegt vor.", {"98765432106"}, kSteuerIdDigits},
    {"AAAAAA00B11C333N", {"AAAAAA00B11C333N"}, kCfCheck},
    {"AAAAAA00B11C333Y and AAAAAA00B11C333N", {"AAAAAA00B11C333N"}, kCfCheck},
};

const std::map<std::string, std::string> kRuleFor = {
    {"SE_PERSONNUMMER", "se."},       {"FI_PERSONAL_IDENTITY_CODE", "fi.hetu"}, {"PL_PESEL", "pl.pesel"},
    {"DE_TAX_ID", "de.steuer_id"},    {"ES_NIE", "es.nie"},                     {"ES_NIF", "es.dni"},
    {"IT_FISCAL_CODE", "it.codice_fiscale"},
};

TEST(PresidioVectors, NationalIdentifiers) {
  if (!fs::exists(kPresidio)) GTEST_SKIP() << "no " << kPresidio << " (a clone outside the workspace)";
  Detector detector(testing::shipped_rules(), CivilDate{2026, 11, 26});
  std::ifstream in(kPresidio);
  std::string line;
  std::getline(in, line);  // header
  std::map<std::string, int> rows;
  std::set<std::string> differences_used;
  while (std::getline(in, line)) {
    auto cols = split(line, '\t');
    auto rule = kRuleFor.find(cols.at(0));
    if (rule == kRuleFor.end()) continue;
    ++rows[cols[0]];
    std::string text = unescape(cols.at(1));
    std::set<std::string> want;
    for (const auto& e : split(unescape(cols.at(2)), '|'))
      if (!e.empty()) want.insert(e);
    for (const auto& d : kDifferences) {
      if (d.input != text) continue;
      for (const auto& m : d.missing) want.erase(m);
      differences_used.insert(d.input);
    }
    std::set<std::string> got;  // the spans as written, as Presidio reports them
    for (const auto& f : findings_in(detector, text))
      if (f.detector.rfind(rule->second, 0) == 0) got.insert(text.substr(f.offset, f.match.size()));
    EXPECT_EQ(got, want) << cols[0] << ": " << text;
  }
  EXPECT_EQ(rows.size(), kRuleFor.size());
  EXPECT_EQ(differences_used.size(), kDifferences.size()) << "a recorded difference matches no row";
}

}  // namespace
}  // namespace gdprscan
