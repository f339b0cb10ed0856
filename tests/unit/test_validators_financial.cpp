// Financial, phone and online identifiers: the check-digit schemes with published examples,
// the detectors against each other (a card, phone or IBAN is never a CPR number and the
// reverse), and Presidio's test vectors run through the real Detector, each met or its
// difference recorded with the reason.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <set>
#include <sstream>

#include "checksums.h"
#include "test_helpers.h"

namespace gdprscan {
namespace {

using testing::split;
using testing::scan_in_pieces;

using testing::findings_in;
using testing::values_of;

// ---- check digits ----------------------------------------------------------------------

TEST(Luhn, PublishedExamples) {
  EXPECT_TRUE(checksum::luhn_ok("79927398713"));  // ISO/IEC 7812-1 annex, the usual worked example
  EXPECT_FALSE(checksum::luhn_ok("79927398710"));
  EXPECT_TRUE(checksum::luhn_ok("4111111111111111"));  // Visa's test card
  EXPECT_TRUE(checksum::luhn_ok("371449635398431"));   // American Express's test card
  EXPECT_FALSE(checksum::luhn_ok("4012888888881882"));
  EXPECT_FALSE(checksum::luhn_ok(""));
}

TEST(Iban, Mod97PublishedExamples) {
  EXPECT_EQ(checksum::iban_mod97("GB82WEST12345698765432"), 1);  // ISO 13616 / ECBS example
  EXPECT_EQ(checksum::iban_mod97("DE89370400440532013000"), 1);
  EXPECT_EQ(checksum::iban_mod97("DK5000400440116243"), 1);  // SWIFT registry example for Denmark
  EXPECT_EQ(checksum::iban_mod97("NO9386011117947"), 1);
  EXPECT_NE(checksum::iban_mod97("GB82WEST12345698765433"), 1);
  EXPECT_NE(checksum::iban_mod97("GB28WEST12345698765432"), 1);  // swapped check digits
}

TEST(Iban, RegistryLengths) {
  for (const char* c : {"DK", "FO", "GL", "FI", "NL"}) EXPECT_EQ(checksum::iban_length(c), 18) << c;
  EXPECT_EQ(checksum::iban_length("NO"), 15);
  EXPECT_EQ(checksum::iban_length("SE"), 24);
  EXPECT_EQ(checksum::iban_length("IS"), 26);
  EXPECT_EQ(checksum::iban_length("DE"), 22);
  EXPECT_EQ(checksum::iban_length("LC"), 32);
  EXPECT_EQ(checksum::iban_length("RU"), 33);
  EXPECT_EQ(checksum::iban_length("US"), 0);
  EXPECT_EQ(checksum::iban_length("dk"), 0);  // callers upper-case first
}

TEST(Cvr, Mod11OnPublicRegisterNumbers) {
  EXPECT_TRUE(checksum::cvr_mod11_ok("24256790"));  // Novo Nordisk A/S
  EXPECT_TRUE(checksum::cvr_mod11_ok("22756214"));  // A.P. Møller - Mærsk A/S
  EXPECT_FALSE(checksum::cvr_mod11_ok("24256791"));
  EXPECT_FALSE(checksum::cvr_mod11_ok("2425679"));
}

TEST(CardBrand, IssuerRangesAndLengths) {
  EXPECT_EQ(checksum::card_brand("4571123456789016"), "visa_dankort");
  EXPECT_EQ(checksum::card_brand("5019123456789013"), "dankort");
  EXPECT_EQ(checksum::card_brand("4012888888881881"), "visa");
  EXPECT_EQ(checksum::card_brand("4222222222222"), "visa");  // 13 digits
  EXPECT_EQ(checksum::card_brand("371449635398431"), "amex");
  EXPECT_EQ(checksum::card_brand("3714496353984310"), "");  // Amex is 15 digits
  EXPECT_EQ(checksum::card_brand("2221000000000009"), "mastercard");
  EXPECT_EQ(checksum::card_brand("2720990000000007"), "mastercard");
  EXPECT_EQ(checksum::card_brand("2721000000000004"), "");
  EXPECT_EQ(checksum::card_brand("5555555555554444"), "mastercard");
  EXPECT_EQ(checksum::card_brand("30569309025904"), "diners");
  EXPECT_EQ(checksum::card_brand("6011000400000000"), "discover");
  EXPECT_EQ(checksum::card_brand("3528000700000000"), "jcb");
  EXPECT_EQ(checksum::card_brand("6212345678901232"), "unionpay");
  EXPECT_EQ(checksum::card_brand("6759649826438453"), "maestro");
  EXPECT_EQ(checksum::card_brand("6034123456789012"), "");
}

TEST(Ipv6, CanonicalFormRfc5952) {
  auto canon = [](const char* s) { return checksum::canonical_ipv6(s).value_or("invalid"); };
  EXPECT_EQ(canon("2001:0db8::0001"), "2001:db8::1");
  EXPECT_EQ(canon("2001:DB8:0:0:1:0:0:1"), "2001:db8::1:0:0:1");  // the first of two equal runs
  EXPECT_EQ(canon("2001:db8:0:1:1:1:1:1"), "2001:db8:0:1:1:1:1:1");  // one zero group stays
  EXPECT_EQ(canon("2001:0:0:1:0:0:0:1"), "2001:0:0:1::1");          // the longest run
  EXPECT_EQ(canon("0:0:0:0:0:0:0:1"), "::1");
  EXPECT_EQ(canon("::"), "::");
  EXPECT_EQ(canon("2001:db8::"), "2001:db8::");
  EXPECT_EQ(canon("0:0:0:0:0:FFFF:129.144.52.38"), "::ffff:129.144.52.38");
  EXPECT_EQ(canon("::192.168.1.1"), "::192.168.1.1");
  EXPECT_EQ(canon("64:ff9b::192.0.2.1"), "64:ff9b::192.0.2.1");
  for (const char* bad : {"2001::db8::1", "12345::1", "1:2:3:4:5:6:7", "1:2:3:4:5:6:7:8:9", "::ffff:256.0.0.1",
                          "::ffff:192.168.1", "gggg::1", ":::", "1:2:3:4:5:6:7:8::", "2001:db8:"})
    EXPECT_EQ(canon(bad), "invalid") << bad;
}

TEST(Ipv4, Octets) {
  EXPECT_TRUE(checksum::valid_ipv4("192.168.0.1"));
  EXPECT_TRUE(checksum::valid_ipv4("0.0.0.0"));
  EXPECT_TRUE(checksum::valid_ipv4("255.255.255.255"));
  EXPECT_FALSE(checksum::valid_ipv4("256.1.1.1"));
  EXPECT_FALSE(checksum::valid_ipv4("192.168.01.1"));
  EXPECT_FALSE(checksum::valid_ipv4("192.168.1"));
  EXPECT_FALSE(checksum::valid_ipv4("1.2.3.4.5"));
}

// ---- detection -------------------------------------------------------------------------

class Detection : public ::testing::Test {
 protected:
  Detector detector{testing::shipped_rules(), CivilDate{2026, 11, 26}};
  std::multiset<std::string> ids(std::string_view text) {
    std::multiset<std::string> out;
    for (const auto& f : findings_in(detector, text)) out.insert(f.detector);
    return out;
  }
  std::vector<std::string> values(std::string_view text, const std::string& id) {
    std::vector<std::string> out;
    for (const auto& f : findings_in(detector, text))
      if (f.detector == id) out.push_back(f.value);
    return out;
  }
  std::string match(std::string_view text, const std::string& id) {
    for (const auto& f : findings_in(detector, text))
      if (f.detector == id) return f.match;
    return "(none)";
  }
};

using Ids = std::multiset<std::string>;

TEST_F(Detection, NumbersOfOtherKindsAreNotCprNumbers) {
  // Each holds a 6+4 digit shape or a 10-digit run with a real date and valid mod-11 inside.
  EXPECT_EQ(ids("Kort 0101 8000 0800 0003"), Ids{}) << "a 16-digit run (no brand) holds no CPR";
  EXPECT_EQ(ids("4571010180000812"), Ids{"payment_card"});
  EXPECT_EQ(ids("4571 0101 8000 0812"), Ids{"payment_card"});
  EXPECT_EQ(ids("Tlf. 20 12 34 56"), Ids{"dk.phone"});
  EXPECT_EQ(ids("+45 20123456"), Ids{"dk.phone"});
  EXPECT_EQ(ids("+4520123456"), Ids{"dk.phone"});
  EXPECT_EQ(ids("IBAN DK50 0040 0440 1162 43"), Ids{"iban"});
  EXPECT_EQ(ids("IBAN DE89 3704 0044 0532 0130 00"), Ids{"iban"});
  EXPECT_EQ(ids("DE89370400440532013000"), Ids{"iban"});
}

TEST_F(Detection, CprNumbersAreNotCardsPhonesOrAccounts) {
  for (const char* text : {"cpr 010180-0008", "0101800008", "010180 0008", "Tlf: 010180-0008", "mobil 0101800008",
                           "Telefon: 010180 0008", "kontonr. 010180-0008", "CVR 0101800008"}) {
    auto found = ids(text);
    for (const char* other : {"payment_card", "dk.phone", "phone.nordic", "dk.cvr", "dk.bank_account", "iban"})
      EXPECT_EQ(found.count(other), 0u) << text << " gave " << other;
  }
}

TEST_F(Detection, KeywordRequiredRulesNeedTheirKeyword) {
  EXPECT_EQ(ids("20123456"), Ids{});
  EXPECT_EQ(ids("Tlf. 20123456"), Ids{"dk.phone"});
  EXPECT_EQ(ids("24256790"), Ids{});
  EXPECT_EQ(ids("CVR-nr. 24256790"), Ids{"dk.cvr"});
  EXPECT_EQ(ids("Momsnr. DK-24256790"), Ids{"dk.cvr"});
  EXPECT_EQ(ids("CVR-nr. 24256790-A"), Ids{});
  EXPECT_EQ(ids("5301-0246813579"), Ids{});
  EXPECT_EQ(ids("Reg.nr. og kontonr.: 5301-0246813579"), Ids{"dk.bank_account"});
  EXPECT_EQ(ids("192.168.1.20"), Ids{});
  EXPECT_EQ(ids("IP: 192.168.1.20"), Ids{"ipv4"});
  EXPECT_EQ(ids("070-123 45 67"), Ids{});
  EXPECT_EQ(ids("Mobil: 070-123 45 67"), Ids{"phone.nordic"});
}

TEST_F(Detection, NegativeLabelsAndNeighbours) {
  EXPECT_EQ(ids("CVR-nr. 24256790, tlf. 20123456"), (Ids{"dk.cvr", "dk.phone"}));
  EXPECT_EQ(ids("Tlf. 24256790"), Ids{"dk.phone"}) << "a phone label does not make a CVR";
  EXPECT_EQ(ids("Ordrenr. 4571123456789016"), Ids{}) << "an order number that happens to pass Luhn";
}

TEST_F(Detection, CardsNeedLuhnBrandAndAStandaloneRun) {
  EXPECT_EQ(values("Visa/Dankort 4571 1234 5678 9016", "payment_card"), std::vector<std::string>{"4571123456789016"});
  EXPECT_EQ(values("Amex 3714-496353-98431", "payment_card"), std::vector<std::string>{"371449635398431"});
  EXPECT_EQ(values("Amex 3714 496353 98431", "payment_card"), std::vector<std::string>{"371449635398431"});
  for (const char* nineteen : {"4571123456789012343", "4571 1234 5678 9012 343", "4571-1234-5678-9012-343"})
    EXPECT_EQ(values(std::string("Visa ") + nineteen, "payment_card"), std::vector<std::string>{"4571123456789012343"});
  EXPECT_EQ(ids("4571 1234 5678 9017"), Ids{});       // one digit off
  EXPECT_EQ(ids("45711234567890161"), Ids{});         // glued into a 17-digit run
  EXPECT_EQ(ids("4571 1234 5678 9016 4"), Ids{});     // one more group
  EXPECT_EQ(ids("x4571123456789016"), Ids{});         // glued to a letter
  EXPECT_EQ(ids("testcase-Fuzzer-5436785649999392.doc"), Ids{}) << "a key in a file name";
  EXPECT_EQ(ids("card_4571123456789016"), Ids{});
  EXPECT_EQ(ids("4571 1234-5678 9016"), Ids{});       // mixed separators
  EXPECT_EQ(ids("1111111111111111"), Ids{});          // Luhn-valid, no issuer
  EXPECT_EQ(ids("4111 1111 1111 1111"), Ids{}) << "test number: repetitive, below the threshold";
  EXPECT_EQ(ids("Kreditkort 4111 1111 1111 1111"), Ids{"payment_card"}) << "but a card keyword lifts it";
  EXPECT_EQ(ids("4567 8901 2345 6783"), Ids{}) << "a running sequence";
  EXPECT_EQ(match("Kort 4571 1234 5678 9016", "payment_card"), "**** **** **** 9016");
}

TEST_F(Detection, IbanForms) {
  EXPECT_EQ(values("dk50 0040 0440 1162 43", "iban"), std::vector<std::string>{"DK5000400440116243"});
  EXPECT_EQ(values("NO93-8601-1117-947", "iban"), std::vector<std::string>{"NO9386011117947"});
  EXPECT_EQ(ids("DK50 0040 0440 1162 44"), Ids{});
  EXPECT_EQ(ids("DK50 0040 0440 1162 4"), Ids{});
  EXPECT_EQ(ids("DK50004004401162431"), Ids{});
  EXPECT_EQ(ids("Dk50 0040 0440 1162 43"), Ids{});
  EXPECT_EQ(match("IBAN DK50 0040 0440 1162 43", "iban"), "DK50 **** **** **** **");
}

TEST_F(Detection, PhonesNormaliseAndMask) {
  EXPECT_EQ(values("Ring på +45 20 12 34 56", "dk.phone"), std::vector<std::string>{"4520123456"});
  EXPECT_EQ(values("Telefon 2012 3456", "dk.phone"), std::vector<std::string>{"4520123456"});
  EXPECT_EQ(values("+47 412 34 567", "phone.nordic"), std::vector<std::string>{"4741234567"});
  EXPECT_EQ(values("+358 40 123 4567", "phone.nordic"), std::vector<std::string>{"358401234567"});
  EXPECT_EQ(values("+46 70-123 45 67", "phone.nordic"), std::vector<std::string>{"46701234567"});
  EXPECT_EQ(ids("+47 012 34 567"), Ids{});
  EXPECT_EQ(ids("Tlf. 20 12 34 56 78"), Ids{});
  EXPECT_EQ(values("Tlf. 0112 3456", "dk.phone"), std::vector<std::string>{});  // Danish numbers never start with 0
  EXPECT_EQ(match("Ring på +45 20 12 34 56", "dk.phone"), "+45 ** ** ** 56");
}

TEST_F(Detection, BankAccountsPadToTenDigits) {
  EXPECT_EQ(values("reg.nr. 5301 kontonr. 246813579", "dk.bank_account"), std::vector<std::string>{"53010246813579"});
  EXPECT_EQ(values("bankkonto 5301-0246813579", "dk.bank_account"), std::vector<std::string>{"53010246813579"});
  EXPECT_EQ(match("reg.nr. 5301 kontonr. 246813579", "dk.bank_account"), "5301 kontonr. *********");
}

// Danish street addresses (dk.address): written with --enable dk.address, always masked in
// the contexts of other findings.
TEST(StreetAddress, StreetNameAndHouseNumber) {
  auto rules = testing::shipped_rules();
  for (Rule& r : rules) r.reported = r.reported || r.id == "dk.address";
  Detector detector(rules, CivilDate{2026, 11, 26});
  auto addresses = [&](std::string_view text) {
    std::vector<std::string> out;
    for (const auto& f : findings_in(detector, text))
      if (f.detector == "dk.address") out.push_back(f.value + " | " + f.match);
    return out;
  };
  using Found = std::vector<std::string>;
  // The street words and a space, as written, in capitals and capitalised: one literal each.
  auto rule = std::find_if(rules.begin(), rules.end(), [](const Rule& r) { return r.id == "dk.address"; });
  ASSERT_NE(rule, rules.end());
  for (const char* word : {"vej\\x20", "VEJ\\x20", "Vej\\x20", "allé\\x20", "ALLÉ\\x20", "Allé\\x20"})
    EXPECT_NE(std::find(rule->literal_patterns.begin(), rule->literal_patterns.end(), word), rule->literal_patterns.end())
        << word;
  EXPECT_TRUE(rule->pattern.empty()) << rule->pattern;
  EXPECT_EQ(addresses("Vestergade 12, 3. tv."), Found{"Vestergade 12 | V*** **"});
  EXPECT_EQ(addresses("Hørsholmvej 41B, 2970 Hørsholm"), Found{"Hørsholmvej 41B | H*** ***"});
  EXPECT_EQ(addresses("bor på Jens Baggesens Vej 4."), Found{"Jens Baggesens Vej 4 | J*** B*** V*** *"});
  EXPECT_EQ(addresses("H.C. Andersens Boulevard 2"), Found{"H.C. Andersens Boulevard 2 | H.C. A*** B*** *"});
  EXPECT_EQ(addresses("ÅBOULEVARDEN? nej: ØSTERBROGADE 105"), Found{"ØSTERBROGADE 105 | Ø*** ***"});
  EXPECT_EQ(addresses("Vej 4 er lukket; Vestergade 2019; vestergade 12; Vestergade 12,5 km; Danmark 2"), Found{});
  EXPECT_EQ(addresses("Vejledning 12 og Overvejelse 3"), Found{});
  // Masked beside the CPR number by default (the rule writes no findings of its own).
  Detector by_default(testing::shipped_rules(), CivilDate{2026, 11, 26});
  auto row = findings_in(by_default, "150372-1003;Mølleparken 106, 3. mf., 9800 Hjørring");
  ASSERT_EQ(row.size(), 1u);
  EXPECT_EQ(row[0].detector, "dk.cpr");
  EXPECT_NE(row[0].context.find("M*** ***, 3. mf., 9800 Hjørring"), std::string::npos) << row[0].context;
}

TEST_F(Detection, OnlineIdentifiers) {
  EXPECT_EQ(values("IP 10.0.0.0/8", "ipv4"), std::vector<std::string>{"10.0.0.0/8"});
  EXPECT_EQ(values("fra 2001:0DB8:0000:0000:0000:0000:0000:0001", "ipv6"), std::vector<std::string>{"2001:db8::1"});
  EXPECT_EQ(values("MAC 00-1A-2B-3C-4D-5E", "mac_address"), std::vector<std::string>{"00:1a:2b:3c:4d:5e"});
  EXPECT_EQ(values("switch 0012.3456.789A", "mac_address"), std::vector<std::string>{"00:12:34:56:78:9a"});
  EXPECT_EQ(ids("std::vector<int> v; a::b::c"), Ids{});
  EXPECT_EQ(ids("kl. 12:34:56, forhold 1:2:3:4"), Ids{});
  EXPECT_EQ(ids("00:00:00:00:00:00 ff:ff:ff:ff:ff:ff"), Ids{});
  EXPECT_EQ(ids("1:22:33:44:55:66:77:88"), Ids{"ipv6"}) << "an IPv6 address holds no MAC address";
  EXPECT_EQ(ids("IP ::ffff:192.0.2.1"), Ids{"ipv6"}) << "the IPv4 tail is part of the IPv6 address";
  // The candidates are "::" and six-colon chains: each form once, whichever comes first.
  EXPECT_EQ(values("ip 2001:db8:1:2:3:4::1", "ipv6"), std::vector<std::string>{"2001:db8:1:2:3:4:0:1"});
  EXPECT_EQ(values("ip 64:ff9b:0:0:0:0:192.0.2.33", "ipv6"), std::vector<std::string>{"64:ff9b::192.0.2.33"});
  EXPECT_EQ(values("ip 1:2:3:4:5:6:7:8 og fe80::1:2", "ipv6"), (std::vector<std::string>{"1:2:3:4:5:6:7:8", "fe80::1:2"}));
  EXPECT_EQ(values("ip 12345:2:3:4:5:6:7:8", "ipv6"), std::vector<std::string>{}) << "a group of five hex digits";
  EXPECT_EQ(ids("2024-03-01 08:15:22 login; 08:15:23 logout"), Ids{});
  EXPECT_EQ(match("IP 192.168.1.20", "ipv4"), "192.168.*.**");
  EXPECT_EQ(match("MAC 00:1A:2B:3C:4D:5E", "mac_address"), "00:1A:2B:**:**:**");
}

// ---- chunked scanning ------------------------------------------------------------------

// These validators look left and right of the candidate's end (an IBAN is read rightwards
// from its check digits, a phone leftwards to its country code): wherever chunk and write
// boundaries fall, chunked scanning must find what one pass finds.
struct Seen {
  std::string detector, value;
  uint64_t offset;
  bool operator==(const Seen&) const = default;
};

std::vector<Seen> seen(const std::vector<Finding>& findings) {
  std::vector<Seen> out;
  for (const auto& f : findings) out.push_back({f.detector, f.value, f.offset});
  return out;
}

const char* const kIdentifiers[] = {
    "Kort 4571 1234 5678 9016 ", "IBAN DK50 0040 0440 1162 43 ", "iban SE4550000000058398257466 ",
    "reg.nr. 5301 kontonr. 0246813579 ", "CVR-nr. 24256790 ", "Ring +45 20 12 34 56 ", "+47 412 34 567 ",
    "IP 192.168.1.20 ", "fe80::1%eth0/64 ", "MAC 00:1A:2B:3C:4D:5E ", "cpr 010180-0008 ",
};

TEST(Chunking, FinancialAndOnlineIdentifiersFoundOnceWhereverChunksEnd) {
  Detector detector(testing::shipped_rules(), CivilDate{2026, 11, 26});
  std::mt19937 rng(11);
  std::string text;
  while (text.size() < 150000) {
    text += kIdentifiers[rng() % std::size(kIdentifiers)];
    text += rng() % 4 == 0 ? "\n" : "lorem ipsum dolor sit amet ";
  }
  auto whole = seen(findings_in(detector, text));
  ASSERT_GT(whole.size(), 1000u);
  const size_t min_chunk = 4 * detector.reach();
  for (size_t chunk : {min_chunk, min_chunk + 1, min_chunk + 517})
    for (size_t write : {1u, 13u, 4096u}) EXPECT_EQ(seen(scan_in_pieces(detector, text, chunk, write)), whole);
}

TEST(Chunking, EachIdentifierAcrossTheFirstChunkBoundary) {
  Detector detector(testing::shipped_rules(), CivilDate{2026, 11, 26});
  const size_t chunk = 4 * detector.reach();
  for (const char* identifier : kIdentifiers) {
    for (size_t pad = chunk + detector.reach() - 40; pad < chunk + detector.reach() + 40; ++pad) {
      std::string text(pad, 'x');
      text += ' ';
      text += identifier;
      text += std::string(3 * chunk, 'y');
      auto whole = seen(findings_in(detector, text));
      ASSERT_EQ(whole.size(), 1u) << identifier;
      EXPECT_EQ(seen(scan_in_pieces(detector, text, chunk, 1000)), whole) << identifier << " " << pad;
    }
  }
}

// ---- Presidio's vectors ----------------------------------------------------------------

namespace fs = std::filesystem;
const fs::path kPresidio = fs::path(GDPRSCAN_SOURCE_DIR) / ".." / "shared" / "vectors" / "presidio_vectors.tsv";

struct VectorRow {
  int number;  // 1-based data row of the whole file
  std::string input;
  std::multiset<std::string> expected;  // matched substrings
  int expected_count = -1;              // "<1 match(es), spans not given>": only the count
};

std::vector<VectorRow> presidio_rows(const std::string& entity) {
  std::ifstream in(kPresidio);
  std::string line;
  std::getline(in, line);
  std::vector<VectorRow> rows;
  for (int number = 1; std::getline(in, line); ++number) {
    auto cols = split(line, '\t');
    if (cols.size() < 3 || cols[0] != entity) continue;
    VectorRow r{number, cols[1], {}, -1};
    if (cols[2].rfind("<", 0) == 0) r.expected_count = std::stoi(cols[2].substr(1));
    else
      for (const auto& e : split(cols[2], '|'))
        if (!e.empty()) r.expected.insert(e);
    rows.push_back(std::move(r));
  }
  return rows;
}

struct VectorDifference {
  std::vector<int> rows;
  std::multiset<std::string> missing;  // they report it, we do not (per row)
  std::multiset<std::string> extra;    // we report it, they do not
  const char* why;
};

void check_presidio(const std::string& entity, const std::set<std::string>& our_rules,
                    const std::vector<VectorDifference>& differences) {
  Detector detector(testing::shipped_rules(), CivilDate{2026, 11, 26});
  auto rows = presidio_rows(entity);
  ASSERT_FALSE(rows.empty()) << entity;
  std::set<int> used;
  for (const VectorRow& row : rows) {
    std::multiset<std::string> got;
    for (const auto& f : findings_in(detector, row.input))
      if (our_rules.count(f.detector)) got.insert(row.input.substr(f.offset, f.match.size()));
    if (row.expected_count >= 0) {
      EXPECT_EQ(static_cast<int>(got.size()), row.expected_count) << "row " << row.number << ": " << row.input;
      continue;
    }
    std::multiset<std::string> want = row.expected;
    for (const auto& d : differences) {
      if (std::find(d.rows.begin(), d.rows.end(), row.number) == d.rows.end()) continue;
      used.insert(row.number);
      for (const auto& m : d.missing) {
        auto it = want.find(m);
        ASSERT_NE(it, want.end()) << "row " << row.number << ": stale difference " << m;
        want.erase(it);
      }
      want.insert(d.extra.begin(), d.extra.end());
    }
    EXPECT_EQ(got, want) << "row " << row.number << ": " << row.input;
  }
  for (const auto& d : differences)
    for (int r : d.rows) EXPECT_TRUE(used.count(r)) << "difference for row " << r << " matches no " << entity << " row";
}

class Presidio : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!fs::exists(kPresidio)) GTEST_SKIP() << "no " << kPresidio << " (a clone outside the workspace)";
  }
};

const char* const kTestCard =
    "a published test card number: its account digits (between the 6-digit issuer prefix and the check digit) "
    "hold two or fewer distinct digits, which a real card has with a chance of about 2 in 100,000; it scores 0.3 "
    "and is reported next to a card keyword (row 4, 'my credit card: 122000000000003', is)";

TEST_F(Presidio, CreditCard) {
  check_presidio("CREDIT_CARD", {"payment_card"},
                 {
                     {{1}, {"4012888888881881", "4012-8888-8888-1881", "4012 8888 8888 1881"}, {}, kTestCard},
                     {{3}, {"122000000000003"}, {}, kTestCard},
                     {{6, 12}, {"5555555555554444"}, {}, kTestCard},
                     {{9}, {"6011000400000000"}, {}, kTestCard},
                     {{10}, {"3528000700000000"}, {}, kTestCard},
                     {{13}, {"4111111111111111"}, {}, kTestCard},
                     {{14}, {"4917300800000000"}, {}, kTestCard},
                     {{15}, {"4484070000000000"}, {}, kTestCard},
                 });
}

// Every IBAN row met: country length from the registry, mod-97, one case, groups of four.
TEST_F(Presidio, Iban) { check_presidio("IBAN_CODE", {"iban"}, {}); }

const char* const kIpv4Keyword =
    "a dotted quad is as often a version, an outline or a measurement: like Microsoft Purview we report an IPv4 "
    "address only next to a keyword (IP, IP-adresse, IP address ...); rows with one are met";
const char* const kSpecialIpv6 =
    "the unspecified (::) and loopback (::1) addresses identify no machine and '::' is also program text: they "
    "need a keyword ('my ip: ::1' is met)";
const char* const kGluedIp =
    "the address is the tail of a longer token ('192.168.1.1.1', 'text::ffff:192.0.2.1'): we report no part of it";

TEST_F(Presidio, IpAddress) {
  check_presidio(
      "IP_ADDRESS", {"ipv4", "ipv6"},
      {
          {{743}, {"192.168.0.1"}, {}, kIpv4Keyword},
          {{793}, {"10.0.0.1", "172.16.0.1"}, {}, kIpv4Keyword},
          {{809, 812}, {"192.168.1.1"}, {}, kIpv4Keyword},
          {{827}, {"192.168.2.1"}, {}, kIpv4Keyword},
          {{830}, {"127.0.0.1"}, {}, kIpv4Keyword},
          {{831}, {"255.255.255.255"}, {}, kIpv4Keyword},
          {{832}, {"10.0.0.0"}, {}, kIpv4Keyword},
          {{833}, {"169.254.1.1"}, {}, kIpv4Keyword},
          {{834}, {"172.16.0.0"}, {}, kIpv4Keyword},
          {{835}, {"0.0.0.0"}, {}, kIpv4Keyword},
          {{839, 852}, {"192.168.1.0/24"}, {}, kIpv4Keyword},
          {{840, 854}, {"10.0.0.0/8"}, {}, kIpv4Keyword},
          {{841}, {"0.0.0.0/0"}, {}, kIpv4Keyword},
          {{842}, {"192.168.1.1/32"}, {}, kIpv4Keyword},
          {{856}, {"10.0.0.0"}, {}, kIpv4Keyword},
          {{818}, {"192.168.1.1"}, {}, kGluedIp},
          {{828}, {"192.0.2.1"}, {}, kGluedIp},
          {{829}, {"10.0.0.1"}, {}, kGluedIp},
          {{753, 837}, {"::1"}, {}, kSpecialIpv6},
          {{754}, {"::", "::1"}, {}, kSpecialIpv6},
          {{836}, {"::"}, {}, kSpecialIpv6},
          {{845}, {"::1/128"}, {}, kSpecialIpv6},
          {{848}, {"::/0"}, {}, kSpecialIpv6},
          {{849}, {"::/128"}, {}, kSpecialIpv6},
      });
}

// Every MAC row met.
TEST_F(Presidio, MacAddress) { check_presidio("MAC_ADDRESS", {"mac_address"}, {}); }

const char* const kNotNordic =
    "Presidio finds phone numbers of every country; we scope to Danish, Swedish, Norwegian and Finnish numbers "
    "(precision first: a US, Brazilian or Chinese number in a Danish file share is rare, ten digits are common)";

TEST_F(Presidio, PhoneNumber) {
  std::vector<VectorDifference> differences;
  for (const VectorRow& row : presidio_rows("PHONE_NUMBER"))
    differences.push_back({{row.number}, row.expected, {}, kNotNordic});
  check_presidio("PHONE_NUMBER", {"dk.phone", "phone.nordic"}, differences);
}

}  // namespace
}  // namespace gdprscan
