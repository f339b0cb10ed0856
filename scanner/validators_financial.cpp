// Financial identifiers: payment cards (Luhn + issuer range), IBAN (ISO 13616 mod-97 and the
// SWIFT registry's length per country), Danish bank accounts (reg.nr. + account number) and
// Danish CVR numbers (mod-11). Facts in ../shared/DETECTION.md "Other identifiers".
#include "checksums.h"
#include "validator_families.h"
#include "validator_util.h"

#include "text_decode.h"

#include <algorithm>
#include <array>

namespace gdprscan {

using namespace vutil;

namespace checksum {

bool luhn_ok(std::string_view digits) {
  if (digits.empty()) return false;
  int sum = 0;
  bool twice = false;
  for (auto it = digits.rbegin(); it != digits.rend(); ++it, twice = !twice) {
    int d = digit(*it) * (twice ? 2 : 1);
    sum += d > 9 ? d - 9 : d;
  }
  return sum % 10 == 0;
}

int iban_mod97(std::string_view iban) {
  if (iban.size() < 5) return -1;
  int rest = 0;
  auto add = [&](char c) {
    if (is_digit(c)) {
      rest = (rest * 10 + digit(c)) % 97;
    } else {
      rest = (rest * 100 + (c - 'A' + 10)) % 97;  // letters count as two digits, A = 10
    }
  };
  for (char c : iban.substr(4)) add(c);
  for (char c : iban.substr(0, 4)) add(c);
  return rest;
}

int iban_length(std::string_view country) {
  // SWIFT IBAN registry (release 99, 2025): every country that issues IBANs.
  struct Entry {
    char code[3];
    int length;
  };
  static constexpr Entry kRegistry[] = {
      {"AD", 24}, {"AE", 23}, {"AL", 28}, {"AT", 20}, {"AZ", 28}, {"BA", 20}, {"BE", 16}, {"BG", 22}, {"BH", 22},
      {"BI", 27}, {"BR", 29}, {"BY", 28}, {"CH", 21}, {"CR", 22}, {"CY", 28}, {"CZ", 24}, {"DE", 22}, {"DJ", 27},
      {"DK", 18}, {"DO", 28}, {"EE", 20}, {"EG", 29}, {"ES", 24}, {"FI", 18}, {"FK", 18}, {"FO", 18}, {"FR", 27},
      {"GB", 22}, {"GE", 22}, {"GI", 23}, {"GL", 18}, {"GR", 27}, {"GT", 28}, {"HN", 28}, {"HR", 21}, {"HU", 28},
      {"IE", 22}, {"IL", 23}, {"IQ", 23}, {"IS", 26}, {"IT", 27}, {"JO", 30}, {"KW", 30}, {"KZ", 20}, {"LB", 28},
      {"LC", 32}, {"LI", 21}, {"LT", 20}, {"LU", 20}, {"LV", 21}, {"LY", 25}, {"MC", 27}, {"MD", 24}, {"ME", 22},
      {"MK", 19}, {"MN", 20}, {"MR", 27}, {"MT", 31}, {"MU", 30}, {"NI", 28}, {"NL", 18}, {"NO", 15}, {"OM", 23},
      {"PK", 24}, {"PL", 28}, {"PS", 29}, {"PT", 25}, {"QA", 29}, {"RO", 24}, {"RS", 22}, {"RU", 33}, {"SA", 24},
      {"SC", 31}, {"SD", 18}, {"SE", 24}, {"SI", 19}, {"SK", 24}, {"SM", 27}, {"SO", 23}, {"ST", 25}, {"SV", 28},
      {"TL", 23}, {"TN", 24}, {"TR", 26}, {"UA", 29}, {"VA", 22}, {"VG", 24}, {"XK", 20}, {"YE", 30},
  };
  for (const Entry& e : kRegistry)
    if (country == e.code) return e.length;
  return 0;
}

bool cvr_mod11_ok(std::string_view d) {
  static constexpr int kWeights[8] = {2, 7, 6, 5, 4, 3, 2, 1};
  if (d.size() != 8 || !all_digits(d)) return false;
  int sum = 0;
  for (int i = 0; i < 8; ++i) sum += kWeights[i] * digit(d[i]);
  return sum % 11 == 0;
}

namespace {

// An issuer range: the first `prefix_digits` digits between `low` and `high`, at a length
// from `min_length` to `max_length`. The list is searched in order, most specific first,
// so the Danish co-brands win over Visa and Maestro.
struct IinRange {
  const char* brand;
  int prefix_digits, low, high, min_length, max_length;
};

constexpr IinRange kIinRanges[] = {
    {"visa_dankort", 4, 4571, 4571, 16, 16},
    {"dankort", 4, 5019, 5019, 16, 16},
    {"amex", 2, 34, 34, 15, 15},
    {"amex", 2, 37, 37, 15, 15},
    {"diners", 3, 300, 305, 14, 19},
    {"diners", 4, 3095, 3095, 14, 19},
    {"diners", 2, 36, 36, 14, 19},
    {"diners", 2, 38, 39, 14, 19},
    {"jcb", 4, 3528, 3589, 16, 19},
    {"discover", 4, 6011, 6011, 16, 19},
    {"discover", 6, 622126, 622925, 16, 19},
    {"discover", 3, 644, 649, 16, 19},
    {"discover", 2, 65, 65, 16, 19},
    {"unionpay", 2, 62, 62, 16, 19},
    {"maestro", 4, 5018, 5018, 13, 19},
    {"maestro", 4, 5020, 5020, 13, 19},
    {"maestro", 4, 5038, 5038, 13, 19},
    {"maestro", 4, 5893, 5893, 13, 19},
    {"maestro", 4, 6304, 6304, 13, 19},
    {"maestro", 4, 6759, 6759, 13, 19},
    {"maestro", 4, 6761, 6763, 13, 19},
    {"maestro", 2, 56, 58, 13, 19},
    {"mastercard", 2, 51, 55, 16, 16},
    {"mastercard", 4, 2221, 2720, 16, 16},
    {"visa", 1, 4, 4, 13, 19},
    {"uatp", 1, 1, 1, 15, 15},  // airline cards (Presidio's vectors include one)
};

int prefix_value(std::string_view digits, int n) {
  int v = 0;
  for (int i = 0; i < n; ++i) v = v * 10 + digit(digits[i]);
  return v;
}

}  // namespace

std::string card_brand(std::string_view digits) {
  int length = static_cast<int>(digits.size());
  for (const IinRange& r : kIinRanges) {
    if (length < r.min_length || length > r.max_length || length < r.prefix_digits) continue;
    int prefix = prefix_value(digits, r.prefix_digits);
    if (prefix >= r.low && prefix <= r.high) return r.brand;
  }
  return {};
}

}  // namespace checksum

namespace {

// ---- payment cards ---------------------------------------------------------------------

constexpr std::string_view kCardSeparators = " -";

// Unbroken, groups of four (the last one shorter: 13-19 digits), or the Amex/Diners 4-6-5 and
// 4-6-4 groupings.
bool card_grouping_ok(const GroupSizes& sizes) {
  if (sizes.size() == 1) return true;
  if (sizes == GroupSizes{4, 6, 5} || sizes == GroupSizes{4, 6, 4}) return true;
  if (sizes.size() < 4) return false;
  for (size_t i = 0; i + 1 < sizes.size(); ++i)
    if (sizes[i] != 4) return false;
  return sizes.back() >= 1 && sizes.back() <= 4;
}

// Test and dummy numbers pass Luhn too: "4111 1111 1111 1111", "5555 5555 5555 4444",
// "4484 0700 0000 0000". A real account number (the digits between the 6-digit issuer
// prefix and the check digit) has two or fewer distinct digits with a chance of about
// 2 in 100,000 on a 16-digit card, and ascending or descending runs ("4567 8901 2345 6789")
// are typed, not issued. Lowered, not rejected: a keyword still reports them.
bool looks_made_up(std::string_view d) {
  std::string_view account = d.substr(6, d.size() - 7);
  std::array<bool, 10> seen{};
  for (char c : account) seen[digit(c)] = true;
  if (std::count(seen.begin(), seen.end(), true) <= 2) return true;
  auto step = [&](size_t i) { return (digit(d[i + 1]) - digit(d[i]) + 10) % 10; };
  int first = step(0);
  if (first != 1 && first != 9) return false;
  for (size_t i = 1; i + 2 < d.size(); ++i)  // the check digit breaks the run
    if (step(i) != first) return false;
  return true;
}

size_t read_iban(std::string_view text, size_t start, int length, bool upper, std::string& value);

// Whether text[start, end) lies inside an IBAN-shaped token (country code, two digits and the
// country's length in groups), right or wrong in its check digits: a British or Italian
// IBAN's digits after the bank code ("GB29 NWBK 6016 1331 9268 19") are 14-19 digits in
// groups of four, and pass Luhn once in ten. Asked only of numbers that passed Luhn.
bool inside_iban_shape(std::string_view text, size_t start, size_t end) {
  size_t from = start > 34 + 9 ? start - 34 - 9 : 0;
  for (size_t p = from; p + 4 <= start; ++p) {
    if (!is_alpha(text[p]) || !is_alpha(text[p + 1]) || !is_digit(text[p + 2]) || !is_digit(text[p + 3])) continue;
    bool upper = is_upper(text[p]) && is_upper(text[p + 1]);
    if ((!upper && !(is_lower(text[p]) && is_lower(text[p + 1]))) || word_char_before(text, p)) continue;
    std::string value{static_cast<char>(upper ? text[p] : text[p] - 32), static_cast<char>(upper ? text[p + 1] : text[p + 1] - 32)};
    int length = checksum::iban_length(value);
    if (length == 0) continue;
    value.append(text.substr(p + 2, 2));
    if (read_iban(text, p, length, upper, value) >= end) return true;
  }
  return false;
}

std::optional<Confirmed> confirm_payment_card(std::string_view text, size_t end, const ValidationEnv&) {
  if (end < text.size() && is_digit(text[end])) return std::nullopt;  // not the end of the run
  if (digits_before(text, end, kCardSeparators, 19).count < 13) return std::nullopt;
  DigitGroups g = digit_groups_before(text, end, kCardSeparators, 19, true);
  if (g.digits.size() < 13 || g.digits.size() > 19 || !card_grouping_ok(g.sizes)) return std::nullopt;
  if (!free_standing(text, g.start, end) || joined_to_word(text, g.start, end)) return std::nullopt;
  // A grouped card continues with another group of its own separator; an unbroken one may
  // be followed by a space and a date ("4571... 12/27").
  std::string_view seps = g.separators.empty() ? std::string_view() : std::string_view(g.separators).substr(0, 1);
  if (continues_left(text, g.start, seps) || continues_right(text, end, seps)) return std::nullopt;
  if (!checksum::luhn_ok(g.digits)) return std::nullopt;
  std::string brand = checksum::card_brand(g.digits);
  if (brand.empty()) return std::nullopt;  // Luhn alone passes one random number in ten
  if (inside_iban_shape(text, g.start, end)) return std::nullopt;
  Confirmed c{g.start, end, g.digits, 0.6, {"luhn_pass", "brand:" + brand}};
  if (g.sizes.size() > 1) {
    c.score += 0.1;
    c.signals.push_back("grouped");
  }
  if (looks_made_up(g.digits)) {
    c.score -= 0.3;  // still reported next to a card keyword
    c.signals.push_back("repetitive_digits");
  }
  return c;
}

// Like a receipt: "**** **** **** 1881".
std::string mask_card(std::string_view span) { return mask_middle(span, 0, 4); }

// ---- IBAN ------------------------------------------------------------------------------

// Reads the BBAN after "CCkk" (text[start, start + 4)): unbroken, or in groups of four with
// one space or hyphen. Letters keep the case of the country code (an IBAN is written in one
// case). Returns where it ends, or 0 if it does not have exactly `length` characters.
size_t read_iban(std::string_view text, size_t start, int length, bool upper, std::string& value) {
  size_t i = start + 4;
  char sep = 0;
  if (i + 1 < text.size() && (text[i] == ' ' || text[i] == '-') && is_alnum(text[i + 1])) sep = text[i];
  while (static_cast<int>(value.size()) < length) {
    if (sep && value.size() % 4 == 0) {
      if (i >= text.size() || text[i] != sep) return 0;
      ++i;
    }
    if (i >= text.size()) return 0;
    char c = text[i];
    if (!is_digit(c) && !(upper ? is_upper(c) : is_lower(c))) return 0;
    value.push_back(is_lower(c) ? static_cast<char>(c - 32) : c);
    ++i;
  }
  return i;
}

std::optional<Confirmed> confirm_iban_at(std::string_view text, size_t start) {
  char a = text[start], b = text[start + 1];
  bool upper = is_upper(a) && is_upper(b);
  if (!upper && !(is_lower(a) && is_lower(b))) return std::nullopt;
  if (!is_digit(text[start + 2]) || !is_digit(text[start + 3]) || word_char_before(text, start)) return std::nullopt;
  std::string value{static_cast<char>(upper ? a : a - 32), static_cast<char>(upper ? b : b - 32)};
  int length = checksum::iban_length(value);
  if (length == 0) return std::nullopt;
  value.append(text.substr(start + 2, 2));
  size_t stop = read_iban(text, start, length, upper, value);
  if (stop == 0 || word_char_at(text, stop)) return std::nullopt;  // too short or glued to more
  if (checksum::iban_mod97(value) != 1) return std::nullopt;
  return Confirmed{start, stop, value, 0.85, {"iban_mod97", "country:" + value.substr(0, 2)}};
}

// The candidate ends after the check digits and the first four BBAN characters ("50 0040" of
// "DK50 0040 ..."); the country code stands right before the check digits, and the
// validator reads the rest to the right.
std::optional<Confirmed> confirm_iban(std::string_view text, size_t end, const ValidationEnv&) {
  if (end > text.size()) return std::nullopt;
  if (end >= 9 && (text[end - 5] == ' ' || text[end - 5] == '-') && is_alpha(text[end - 9]))
    return confirm_iban_at(text, end - 9);
  if (end >= 8 && is_alpha(text[end - 8])) return confirm_iban_at(text, end - 8);
  return std::nullopt;
}

// Country and check digits stay ("DK50 **** **** **** **"): they identify no one.
std::string mask_iban(std::string_view span) { return mask_middle(span, 4, 0); }

// ---- Danish CVR ------------------------------------------------------------------------

bool cvr_grouping_ok(const GroupSizes& sizes) {
  return sizes == GroupSizes{8} || sizes == GroupSizes{4, 4} || sizes == GroupSizes{2, 2, 2, 2};
}

std::optional<Confirmed> confirm_dk_cvr(std::string_view text, size_t end, const ValidationEnv&) {
  if (end < text.size() && is_digit(text[end])) return std::nullopt;
  if (digits_before(text, end, " ", 8).count != 8) return std::nullopt;
  DigitGroups g = digit_groups_before(text, end, " ", 8, true);
  if (g.digits.size() != 8 || !cvr_grouping_ok(g.sizes) || g.digits[0] == '0') return std::nullopt;
  // The EU VAT number is the CVR after "DK" ("DK12345678", "DK 12345678", "DK-12345678").
  size_t start = g.start;
  bool vat = false;
  if (start >= 2 && text.substr(start - 2, 2) == "DK") start -= 2, vat = true;
  else if (start >= 3 && (text.substr(start - 3, 3) == "DK " || text.substr(start - 3, 3) == "DK-")) start -= 3, vat = true;
  if (!free_standing(text, start, end) || joined_to_word(text, start, end) || continues_left(text, start, " ") ||
      continues_right(text, end, " "))
    return std::nullopt;
  if (!checksum::cvr_mod11_ok(g.digits)) return std::nullopt;
  // Eight digits with mod-11 are one number in eleven: a keyword must say it is a CVR.
  Confirmed c{start, end, g.digits, 0.3, {"mod11_pass"}};
  if (vat) {
    c.score += 0.1;
    c.signals.push_back("dk_vat_prefix");
  }
  return c;
}

// ---- Danish bank account ---------------------------------------------------------------

// Between the reg.nr. and the account number: a plain separator, or a short label naming the
// account ("1234 kontonr. 1234567890", "reg. 1234, konto 1234567890").
enum class Gap { none, plain, labelled };

bool contains_ci(std::string_view s, std::string_view word) {
  auto it = std::search(s.begin(), s.end(), word.begin(), word.end(),
                        [](char x, char y) { return (is_upper(x) ? x + 32 : x) == y; });
  return it != s.end();
}

Gap classify_gap(std::string_view gap) {
  if (gap == " " || gap == "-" || gap == " - " || gap == "/" || gap == " / ") return Gap::plain;
  if (gap.empty() || gap.size() > 24 || gap.find('\n') != std::string_view::npos) return Gap::none;
  for (std::string_view label : {"konto", "kto", "account", "acct"})
    if (contains_ci(gap, label)) return Gap::labelled;
  return Gap::none;
}

std::optional<Confirmed> confirm_dk_bank_account(std::string_view text, size_t end, const ValidationEnv&) {
  if (end < text.size() && is_digit(text[end])) return std::nullopt;
  size_t account = end;
  while (account > 0 && is_digit(text[account - 1]) && end - account <= 10) --account;
  size_t account_digits = end - account;
  if (account_digits < 6 || account_digits > 10) return std::nullopt;
  size_t gap_start = account;
  while (gap_start > 0 && account - gap_start <= 24 && !is_digit(text[gap_start - 1])) --gap_start;
  Gap gap = classify_gap(text.substr(gap_start, account - gap_start));
  if (gap == Gap::none || gap_start < 4) return std::nullopt;
  size_t reg = gap_start - 4;
  if (!all_digits(text.substr(reg, 4)) || !free_standing(text, reg, end) || joined_to_word(text, reg, end))
    return std::nullopt;
  if (reg > 0 && (text[reg - 1] == ' ' || text[reg - 1] == '-') && reg >= 2 && is_digit(text[reg - 2]))
    return std::nullopt;  // "12 3456 1234567": part of a longer grouped number
  // The account number padded to its full ten digits: "5301 246813579" and "5301 0246813579"
  // are one account with one fingerprint.
  std::string value = std::string(text.substr(reg, 4)).append(10 - account_digits, '0');
  value.append(text.substr(account, account_digits));
  Confirmed c{reg, end, value, 0.3, {"reg_and_account"}};
  if (gap == Gap::labelled) {
    c.score += 0.3;  // the label inside the span is the keyword
    c.signals.push_back("account_label");
  }
  return c;
}

// The reg.nr. names a bank branch, not a person: it stays; every digit after it goes.
std::string mask_bank_account(std::string_view span) {
  std::string out(span);
  int seen = 0;
  for (char& c : out)
    if (is_digit(c) && ++seen > 4) c = '*';
  return out;
}

}  // namespace

std::vector<Validator> financial_validators() {
  return {
      // A last group of 1-5 digits (4-4-4-4, 4-6-5) or 13-19 unbroken.
      {"payment_card", confirm_payment_card, mask_card, 23, true, digit_runs_from_to(1, 5) | digit_runs_from_to(13, 19)},
      {"iban", confirm_iban, mask_iban, 34 + 8, false},  // its candidate ends inside the number
      {"dk_cvr", confirm_dk_cvr, mask_all_but_two, 11, true, digit_runs({2, 4, 8})},
      // The account number after the reg.nr.: 6-10 digits.
      {"dk_bank_account", confirm_dk_bank_account, mask_bank_account, 4 + 24 + 10, true, digit_runs_from_to(6, 10)},
  };
}

}  // namespace gdprscan
