// Financial identifiers: payment cards of every brand, IBANs, Danish bank accounts, CVR.
#include "planters.h"
#include "values.h"
#include "values_ids.h"

#include <algorithm>
#include <array>

namespace gdprscan::corpus {

namespace {

struct CardBrand {
  const char* name;       // as printed in running text
  const char* prefix;     // an issuer prefix of the brand
  int length;
};

// Issuer ranges after ISO/IEC 7812 and the card schemes' published IINs; Danish cards
// first and most often (Dankort 5019, Visa/Dankort 4571).
constexpr CardBrand kBrands[] = {
    {"Dankort", "5019", 16},      {"Visa/Dankort", "4571", 16}, {"Visa", "4", 16},         {"Visa", "4", 13},
    {"Mastercard", "5", 16},      {"Mastercard", "2", 16},      {"American Express", "34", 15},
    {"American Express", "37", 15}, {"Maestro", "6759", 16},    {"Maestro", "5893", 19},   {"Diners Club", "36", 14},
    {"Discover", "6011", 16},     {"JCB", "35", 16},            {"UnionPay", "62", 19},
};

// Mastercard's 51-55 and 2221-2720, JCB's 3528-3589: the prefix's remaining digits.
std::string brand_prefix(const CardBrand& b, Rng& rng) {
  std::string p = b.prefix;
  if (p == "5") return p + std::to_string(rng.between(1, 5));
  if (p == "2") return std::to_string(rng.between(2221, 2720));
  if (p == "35") return std::to_string(rng.between(3528, 3589));
  if (p == "4") return p + std::to_string(rng.between(0, 9)).append(std::to_string(rng.between(0, 9)));
  return p;
}

// Real account numbers are not made-up looking: not two or fewer distinct digits, not a run.
bool looks_typed(std::string_view d) {
  std::string_view account = d.substr(6, d.size() - 7);
  std::array<bool, 10> seen{};
  for (char c : account) seen[c - '0'] = true;
  return std::count(seen.begin(), seen.end(), true) <= 2;
}

struct Card {
  std::string digits, brand;
  int length;
};

Card make_card(Rng& rng) {
  // Danish cards are the common case; every other brand appears too.
  const CardBrand& b = rng.chance(0.45) ? kBrands[rng.below(2)] : kBrands[rng.below(std::size(kBrands))];
  for (;;) {
    std::string d = brand_prefix(b, rng);
    d += values::digits(rng, b.length - 1 - d.size());
    d += values::luhn_check_digit(d);
    if (std::string_view(b.prefix) == "4" && d.substr(0, 4) == "4571") continue;  // that is Visa/Dankort
    // One reading per value: a Diners card printed 4-6-4 ends in "DDMMYY SSSS" (the scanner
    // reports a CPR there when the date is real), and fifteen digits can be a French NIR.
    if (d.size() == 14 && values::has_cpr_birth_date(d.substr(4))) continue;
    if (d.size() == 15 && values::fr_nir_key(d.substr(0, 13)) == std::stoi(d.substr(13))) continue;
    if (!looks_typed(d)) return {d, b.name, b.length};
  }
}

// How cards are printed: unbroken, in fours with spaces or hyphens, Amex 4-6-5, Diners 4-6-4.
std::string card_written(const Card& c, Rng& rng, std::string* note) {
  uint64_t roll = rng.below(10);
  if (roll < 3) return *note = "unbroken", c.digits;
  if (c.length == 15 || c.length == 14) {
    std::string sep = roll < 8 ? " " : "-";
    *note = "4-6-" + std::to_string(c.length - 10) + (sep == " " ? " spaces" : " hyphens");
    return c.digits.substr(0, 4) + sep + c.digits.substr(4, 6) + sep + c.digits.substr(10);
  }
  // Hyphens only where a card is printed with four groups (13-16 digits).
  std::string sep = roll < 8 || c.length > 16 ? " " : "-";
  *note = sep == " " ? "groups of four, spaces" : "groups of four, hyphens";
  return values::grouped(c.digits, 4, sep);
}

}  // namespace

Snippet plant_payment_card(Rng& rng) {
  static const std::vector<std::string_view> kPatterns = {
      "Kortnummer: {card}",
      "Betalt med {brand} {card} den {day}. {month}.",
      "Borgeren oplyser, at {brand} {card} er spærret efter tyveri.",
      "Refusion overføres til kreditkort {card}.",
      "Card number {card} ({brand})",
      "{name} har betalt depositum med betalingskort {card}.",
  };
  Card card = make_card(rng);
  std::string form;
  std::string written = card_written(card, rng, &form);
  Snippet s;
  s.text = sentence(rng, kPatterns,
                    {{"card", written},
                     {"brand", card.brand},
                     {"name", vocab::full_name(rng)},
                     {"day", std::to_string(rng.between(1, 28))},
                     {"month", std::string(rng.pick(vocab::months()))}});
  s.truth.push_back(positive("payment_card", card.digits, card.brand + ", " + form));
  return s;
}

// A card-shaped number after a card keyword whose last digit breaks Luhn: not a card.
Snippet decoy_card_failing_luhn(Rng& rng) {
  Card card = make_card(rng);
  const int valid = card.digits.back() - '0';
  for (;;) {  // any other last digit, as long as it does not make a French NIR either
    card.digits.back() = static_cast<char>('0' + (valid + 1 + rng.below(9)) % 10);
    const std::string& d = card.digits;
    if (d.size() != 15 || values::fr_nir_key(d.substr(0, 13)) != std::stoi(d.substr(13))) break;
  }
  std::string form;
  Snippet s;
  s.text = sentence(rng, {"Kortnummer: {card}", "Betalt med {brand} {card}."},
                    {{"card", card_written(card, rng, &form)}, {"brand", card.brand}});
  s.truth.push_back(decoy("payment_card", card.digits, card.brand + " shape, " + form + ", fails Luhn"));
  return s;
}

Snippet cell_payment_card(Rng& rng) {
  Card card = make_card(rng);
  std::string form;
  Snippet s;
  s.text = card_written(card, rng, &form);
  s.truth.push_back(positive("payment_card", card.digits, card.brand + ", " + form + ", table cell"));
  return s;
}

}  // namespace gdprscan::corpus

namespace gdprscan::corpus {

// ---- IBAN ----

namespace {

struct IbanCountry {
  const char* code;
  const char* bank;  // a national bank code in front of random digits ("" for none)
  int length;        // SWIFT IBAN registry
};

constexpr IbanCountry kIbanCountries[] = {
    {"DK", "", 18}, {"DK", "", 18}, {"DK", "", 18}, {"FO", "", 18}, {"GL", "", 18}, {"FI", "", 18},
    {"NO", "", 15}, {"SE", "", 24}, {"IS", "", 26}, {"DE", "", 22}, {"GB", "NWBK", 22}, {"NL", "ABNA", 18},
};

std::string letters_as_digits(std::string_view s) {
  std::string out;
  for (char c : s) out += c >= 'A' && c <= 'Z' ? std::to_string(c - 'A' + 10) : std::string(1, c);
  return out;
}

}  // namespace

std::string make_iban(Rng& rng, bool valid) {
  const IbanCountry& c = kIbanCountries[rng.below(std::size(kIbanCountries))];
  std::string bban = c.bank + values::digits(rng, c.length - 4 - std::string_view(c.bank).size());
  int check = 98 - values::mod97(letters_as_digits(bban + c.code + "00"));
  if (!valid) check = 2 + (check - 2 + 1 + static_cast<int>(rng.below(96))) % 97;  // any other of 02-98
  return c.code + values::two(check) + bban;
}

std::string iban_written(const std::string& iban, Rng& rng, std::string* note) {
  uint64_t roll = rng.below(10);
  std::string out = roll < 6 ? values::grouped(iban, 4, " ") : iban;
  *note = roll < 6 ? "groups of four" : "unbroken";
  if (roll == 9) {  // written in lower case now and then, as typed into a mail
    for (char& ch : out)
      if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch + 32);
    *note += ", lower case";
  }
  return out;
}

Snippet plant_iban(Rng& rng) {
  static const std::vector<std::string_view> kPatterns = {
      "IBAN: {iban}", "Beløbet overføres til {name}, IBAN {iban}.", "Bankkonto (IBAN) {iban}, BIC DABADKKK",
      "Please transfer the deposit to {iban} by Friday.", "Overførsel til {iban} er gennemført.",
  };
  std::string iban = make_iban(rng, true);
  std::string note;
  std::string written = iban_written(iban, rng, &note);
  Snippet s;
  s.text = sentence(rng, kPatterns, {{"iban", written}, {"name", vocab::full_name(rng)}});
  s.truth.push_back(positive("iban", iban, iban.substr(0, 2) + ", " + note));
  return s;
}

Snippet cell_iban(Rng& rng) {
  std::string iban = make_iban(rng, true);
  std::string note;
  Snippet s;
  s.text = iban_written(iban, rng, &note);
  s.truth.push_back(positive("iban", iban, iban.substr(0, 2) + ", " + note + ", table cell"));
  return s;
}

Snippet decoy_iban_wrong_check(Rng& rng) {
  std::string iban = make_iban(rng, false);
  std::string note;
  Snippet s;
  s.text = sentence(rng, {"IBAN: {iban}", "Beløbet overføres til IBAN {iban}."}, {{"iban", iban_written(iban, rng, &note)}});
  s.truth.push_back(decoy("iban", iban, iban.substr(0, 2) + ", " + note + ", wrong check digits"));
  return s;
}

// ---- Danish bank account ----

Snippet plant_dk_bank_account(Rng& rng) {
  static const std::vector<std::string_view> kPatterns = {
      "Reg.nr. {reg} kontonr. {account}", "Løn udbetales til bankkonto {reg}-{account}.",
      "NemKonto: {reg} {account}", "reg. {reg}, konto {account}", "Udbetaling til {name}, konto {reg} {account}.",
      "Bank account {reg}-{account}",
  };
  for (;;) {
    std::string reg = std::to_string(rng.between(1000, 9899));
    int length = static_cast<int>(rng.between(6, 10));
    std::string account = std::to_string(rng.between(1, 9)).append(values::digits(rng, length - 1));
    std::string ten = std::string(10 - account.size(), '0') + account;
    // A ten-digit account that is also a CPR-shaped date is drawn again: one reading each.
    if (values::has_cpr_birth_date(ten) || values::reads_as_swedish(ten)) continue;
    Snippet s;
    s.text = sentence(rng, kPatterns, {{"reg", reg}, {"account", account}, {"name", vocab::full_name(rng)}});
    s.truth.push_back(positive("dk.bank_account", reg + ten, "reg.nr. and " + std::to_string(length) + "-digit account"));
    return s;
  }
}

// ---- CVR ----

namespace {
bool cvr_ok(std::string_view d) {
  static constexpr int kWeights[8] = {2, 7, 6, 5, 4, 3, 2, 1};
  int sum = 0;
  for (int i = 0; i < 8; ++i) sum += kWeights[i] * (d[i] - '0');
  return sum % 11 == 0;
}
}  // namespace

std::string make_cvr(Rng& rng, bool valid) {
  for (;;) {
    std::string d = std::to_string(rng.between(1, 9)).append(values::digits(rng, 7));
    if (cvr_ok(d) == valid) return d;
  }
}

Snippet plant_dk_cvr(Rng& rng) {
  static const std::vector<std::string_view> kPatterns = {
      "Enkeltmandsvirksomhed {name}, CVR-nr. {cvr}", "CVR: {cvr}", "Leverandør: {name} Tømrer, cvr {cvr}",
      "Momsnummer {vat}", "SE-nr. {cvr}",
  };
  std::string d = make_cvr(rng, true);
  std::string written = rng.chance(0.2) ? values::grouped(d, 2, " ") : rng.chance(0.2) ? values::grouped(d, 4, " ") : d;
  Snippet s;
  s.text = sentence(rng, kPatterns, {{"cvr", written}, {"vat", "DK" + d}, {"name", vocab::full_name(rng)}});
  s.truth.push_back(positive("dk.cvr", d, "keyword"));
  return s;
}

Snippet decoy_cvr_failing_mod11(Rng& rng) {
  std::string d = make_cvr(rng, false);
  Snippet s;
  s.text = sentence(rng, {"CVR-nr. {cvr}", "Leverandør: {name} ApS, CVR {cvr}"}, {{"cvr", d}, {"name", vocab::full_name(rng)}});
  s.truth.push_back(decoy("dk.cvr", d, "eight digits after a CVR keyword, fails mod-11"));
  return s;
}

}  // namespace gdprscan::corpus
