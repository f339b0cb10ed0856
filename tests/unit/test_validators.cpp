// CPR structure as CPR-kontoret defines it, and the known mistakes of earlier scanners
// (DETECTION.md) pinned as regressions.
#include <gtest/gtest.h>

#include "test_helpers.h"
#include "validators.h"

namespace gdprscan {
namespace {

using testing::findings_in;
using testing::values_of;

TEST(CprCentury, FollowsTheTable) {
  EXPECT_EQ(cpr::full_year(36, 0), 1936);
  EXPECT_EQ(cpr::full_year(99, 3), 1999);
  EXPECT_EQ(cpr::full_year(36, 4), 2036);
  EXPECT_EQ(cpr::full_year(37, 4), 1937);
  EXPECT_EQ(cpr::full_year(0, 9), 2000);
  EXPECT_EQ(cpr::full_year(58, 9), 1958);
  EXPECT_EQ(cpr::full_year(36, 5), 2036);
  EXPECT_EQ(cpr::full_year(57, 8), 2057);
  EXPECT_EQ(cpr::full_year(58, 5), 1858);
  EXPECT_EQ(cpr::full_year(99, 8), 1899);
}

TEST(CprCentury, Year37WithDigit9IsNot2037) {  // a known mistake of an earlier scanner
  EXPECT_EQ(cpr::full_year(37, 9), 1937);
}

TEST(CprDates, LeapYearsOnTheFullYear) {
  EXPECT_TRUE(is_real_date(2000, 2, 29));
  EXPECT_FALSE(is_real_date(1900, 2, 29));
  EXPECT_TRUE(is_real_date(1908, 2, 29));
  EXPECT_FALSE(is_real_date(1911, 2, 29));
  EXPECT_FALSE(is_real_date(1980, 2, 30));
  EXPECT_FALSE(is_real_date(1980, 13, 1));
  EXPECT_FALSE(is_real_date(1980, 4, 31));
}

TEST(CprMod11, WeightsAndExceptionDates) {
  EXPECT_TRUE(cpr::mod11_ok("0101800008"));
  EXPECT_TRUE(cpr::mod11_ok("1111111118"));
  EXPECT_FALSE(cpr::mod11_ok("1111111111"));
  EXPECT_TRUE(cpr::is_mod11_exception_date({1990, 1, 1}));
  EXPECT_TRUE(cpr::is_mod11_exception_date({1964, 1, 1}));
  EXPECT_FALSE(cpr::is_mod11_exception_date({1963, 1, 1}));
  EXPECT_FALSE(cpr::is_mod11_exception_date({1990, 1, 2}));
}

class CprDetection : public ::testing::Test {
 protected:
  // A fixed "today" keeps the future-date rule deterministic.
  Detector detector{testing::shipped_rules(), CivilDate{2026, 11, 26}};
  std::vector<std::string> cprs(std::string_view text, double min = 0.5) {
    return values_of(findings_in(detector, text, min), "dk.cpr");
  }
};

TEST_F(CprDetection, EverySeparatorSeenInTheWild) {
  for (const char* text : {"0101800008", "010180-0008", "010180 0008", "010180/0008", "010180.0008", "010180\t0008"})
    EXPECT_EQ(cprs(text), std::vector<std::string>{"0101800008"}) << text;
}

TEST_F(CprDetection, NotAcrossLinesNorWithTwoSeparators) {
  EXPECT_TRUE(cprs("010180\n0008").empty());
  EXPECT_TRUE(cprs("010180  0008").empty());
  EXPECT_TRUE(cprs("010180--0008").empty());
}

TEST_F(CprDetection, NotInsideLongerDigitRunsOrGluedToLetters) {
  EXPECT_TRUE(cprs("10101800008").empty());
  EXPECT_TRUE(cprs("01018000081").empty());
  EXPECT_TRUE(cprs("DK0101800008").empty());
  EXPECT_TRUE(cprs("0101800008kr").empty());
  EXPECT_TRUE(cprs("æ0101800008").empty());
  EXPECT_TRUE(cprs("12-0101800008").empty());
  EXPECT_TRUE(cprs("0101800008.5").empty());
  EXPECT_TRUE(cprs("+0101800008").empty());
}

// "3603 150372 1089" is a Luhn-valid Diners number in its 4-6-4 print; its last ten digits
// also pass as a CPR number. The card's group of four decides, with the same separator only.
TEST_F(CprDetection, NotTheLastTenDigitsOfADinersCard) {
  EXPECT_TRUE(cprs("Kort 3603 150372 1089").empty());
  EXPECT_TRUE(cprs("Kort 3603-150372-1089").empty());
  EXPECT_EQ(cprs("Kort 3604 150372 1089").size(), 1u);   // Luhn fails: no card there
  EXPECT_EQ(cprs("lokale 3603, 150372 1089").size(), 1u);  // not one number
  EXPECT_EQ(cprs("3603 150372-1089").size(), 1u);          // two kinds of separator
  EXPECT_EQ(cprs("Kort 3603 1503721089").size(), 1u);      // 4-10 is no card print
}

TEST_F(CprDetection, NonAsciiPunctuationIsNotALetter) {
  EXPECT_EQ(cprs("CPR-nr.\u00A0150372-1003").size(), 1u);          // no-break space
  EXPECT_EQ(cprs("\u00AB150372-1003\u00BB").size(), 1u);          // « »
  EXPECT_EQ(cprs("\u201C1503721003\u201D").size(), 1u);           // “ ”
  EXPECT_EQ(cprs("nr.\u2009150372-1003\u2026").size(), 1u);       // thin space, ellipsis
  EXPECT_TRUE(cprs("\u00E61503721003").empty());                  // æ glued: part of a word
  EXPECT_TRUE(cprs("1503721003\u00F8").empty());                  // ø glued
  EXPECT_TRUE(cprs("\u041F1503721003").empty());                  // Cyrillic letter glued
}

TEST_F(CprDetection, PunctuationAroundIsFine) {
  EXPECT_EQ(cprs("(0101800008)").size(), 1u);
  EXPECT_EQ(cprs("cpr:0101800008.").size(), 1u);
  EXPECT_EQ(cprs("\"010180-0008\",").size(), 1u);
  EXPECT_EQ(cprs("Jens :( 010180-0008").size(), 1u);  // a smiley does not unbalance anything
  EXPECT_EQ(cprs("010180-0008 side 2").size(), 1u);   // nor does a page number after it
}

TEST_F(CprDetection, YearZeroIsADate) {  // "never matching YY=00" was a known mistake
  EXPECT_EQ(cprs("cpr 010100-4008", 0.0).size(), 1u);
}

TEST_F(CprDetection, FutureBirthDatesAreNotCprNumbers) {
  EXPECT_TRUE(cprs("cpr 2110525629").empty());      // 2052
  EXPECT_TRUE(cprs("cpr 0112264000", 0.0).empty());  // 1 Dec 2026, after our fixed today
  EXPECT_EQ(cprs("cpr 0111264000", 0.0).size(), 1u); // 1 Nov 2026
}

TEST_F(CprDetection, Mod11IsASignalNotAGate) {
  auto f = findings_in(detector, "0101901234");  // 1 Jan 1990: issued without check digit
  ASSERT_EQ(f.size(), 1u);
  EXPECT_GE(f[0].confidence, 0.5);
  EXPECT_NE(std::find(f[0].signals.begin(), f[0].signals.end(), "mod11_exception_date"), f[0].signals.end());
  EXPECT_TRUE(cprs("0202801235").empty());             // fails mod-11 on an ordinary date
  EXPECT_EQ(cprs("CPR-nr. 0202801235").size(), 1u);    // a keyword brings it back
}

TEST_F(CprDetection, BareValidNumberIsReportedAtTheDefault) {
  auto f = findings_in(detector, "0101800008");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_NEAR(f[0].confidence, 0.7, 1e-9);
}

TEST_F(CprDetection, NegativeContextWorksByProximityOnly) {
  EXPECT_TRUE(cprs("Fakturanr. 0101800008").empty());
  EXPECT_TRUE(cprs("P-nr: 0101800008").empty());
  // One "p-nr" in a header does not hide the CPR numbers below it.
  std::string sheet = "Navn;P-nr;Adresse\n" + std::string(60, '-') + "\nJens Hansen;010180-0008;Vej 1\n";
  EXPECT_EQ(cprs(sheet).size(), 1u);
  // "Kampnr" contains "pnr" but is not the word.
  EXPECT_EQ(cprs("Kampnr 0101800008").size(), 1u);
  // A label belongs to the number right after it, not to the next line's number.
  EXPECT_EQ(cprs("P-nummer: 2305000003\n240501-0006"), std::vector<std::string>{"2405010006"});
}

TEST_F(CprDetection, LabelsBeforeOutrankLabelsAfterAndStayOnTheirLine) {
  // A phone number on the next line does not make the CPR number above it a phone number.
  EXPECT_EQ(cprs("(CPR-nr. 251007-4184)\nTlf. 75182474"), std::vector<std::string>{"2510074184"});
  // "CPR" on the next line does not make an account number a CPR number.
  EXPECT_TRUE(cprs("kontonr. 0509138008\nCPR-nr. mangler").empty());
  // A table header with both kinds of label: the CPR column is found.
  EXPECT_EQ(cprs("Navn;CPR-nr.;Adresse;Telefon\nJens Hansen;251007-4184;Vej 1;75182474"),
            std::vector<std::string>{"2510074184"});
  // A label belongs to the number right after it: here the phone number.
  EXPECT_EQ(cprs("Mobil: +45 67 09 18 38 Aase Krøyer, 170887-1571, bosat"), std::vector<std::string>{"1708871571"});
  // A word after a number labels the next field of a record, not the number.
  EXPECT_EQ(cprs("Kasper Kowalski;100255-2090;Engvej 62;2500;Valby;tlf. 99281419").size(), 1u);
}

TEST_F(CprDetection, KeywordsRaiseConfidence) {
  auto bare = findings_in(detector, "x 0101800008");
  auto labelled = findings_in(detector, "Personnummer: 0101800008");
  ASSERT_EQ(bare.size(), 1u);
  ASSERT_EQ(labelled.size(), 1u);
  EXPECT_GT(labelled[0].confidence, bare[0].confidence);
  EXPECT_EQ(labelled[0].signals.back(), "keyword:personnummer");
}

TEST_F(CprDetection, ReplacementNumbersNeedAKeyword) {
  EXPECT_TRUE(values_of(findings_in(detector, "710180-0007"), "dk.cpr_replacement").empty());
  EXPECT_EQ(values_of(findings_in(detector, "erstatningspersonnummer 710180-0007"), "dk.cpr_replacement"),
            std::vector<std::string>{"7101800007"});
}

TEST_F(CprDetection, EcprWithLetters) {
  EXPECT_EQ(values_of(findings_in(detector, "Patient 280456-0PJ2"), "dk.ecpr"), std::vector<std::string>{"2804560PJ2"});
  EXPECT_TRUE(values_of(findings_in(detector, "280456-0pj2"), "dk.ecpr").empty());
}

TEST_F(CprDetection, MatchAndContextAreMasked) {
  ReportPolicy policy;  // no reveal
  MatchScratch scratch;
  auto f = scan_text("Jens 010180-0008 og Mette 0202800009 er borgere", detector, policy, scratch);
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0].match, "010180-****");
  EXPECT_EQ(f[0].context, "Jens 010180-**** og Mette 020280**** er borgere");
  EXPECT_TRUE(f[0].value.empty());
}

TEST(Email, ValidatesAndNormalises) {
  Detector detector(testing::shipped_rules());
  auto emails = [&](std::string_view t) { return values_of(findings_in(detector, t), "email"); };
  EXPECT_EQ(emails("Skriv til Jens.Hansen@Kommune.DK."), std::vector<std::string>{"jens.hansen@kommune.dk"});
  EXPECT_EQ(emails("info@presidio.site or anotherinfo@presidio.site").size(), 2u);
  EXPECT_EQ(emails("a@xn--d1acufc.xn--p1ai").size(), 1u);
  EXPECT_TRUE(emails("my email is info@presidio.").empty());
  EXPECT_TRUE(emails("hello-world here").empty());
  EXPECT_TRUE(emails("jens..hansen@kommune.dk").empty());
  EXPECT_EQ(emails("\u00ABjens@kommune.dk\u00BB").size(), 1u);
  EXPECT_EQ(emails("jens@kommune.dk\u2026").size(), 1u);
  EXPECT_EQ(emails("post@\u00E6blehaven.dk").size(), 1u);
  EXPECT_TRUE(emails(std::string(65, 'a') + "@kommune.dk").empty());  // local part over 64
  EXPECT_EQ(emails(std::string(64, 'a') + "@kommune.dk").size(), 1u);
}

}  // namespace
}  // namespace gdprscan
