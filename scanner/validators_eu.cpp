// National identifiers of other EU countries and the UK: Dutch BSN, Polish PESEL, German
// Steuer-ID, Spanish DNI and NIE, Italian codice fiscale, French NIR, UK National Insurance
// and NHS numbers. Where a number has no distinctive form or only a weak checksum (BSN,
// NINO, NHS), its structure score stays below the default threshold: it needs its keyword.
#include "validator_families.h"
#include "validator_util.h"
#include "validators_ids.h"

#include <array>
#include <string>

namespace gdprscan {

namespace ids {

bool nl_bsn_ok(std::string_view d) {
  int sum = -vutil::digit(d[8]);
  for (int i = 0; i < 8; ++i) sum += (9 - i) * vutil::digit(d[i]);
  return sum % 11 == 0;
}

bool pl_pesel_check_ok(std::string_view d) {
  static constexpr int kWeights[10] = {1, 3, 7, 9, 1, 3, 7, 9, 1, 3};
  int sum = 0;
  for (int i = 0; i < 10; ++i) sum += kWeights[i] * vutil::digit(d[i]);
  return (10 - sum % 10) % 10 == vutil::digit(d[10]);
}

std::optional<CivilDate> pl_pesel_birth_date(std::string_view d) {
  using vutil::digit;
  int yy = digit(d[0]) * 10 + digit(d[1]), mm = digit(d[2]) * 10 + digit(d[3]), dd = digit(d[4]) * 10 + digit(d[5]);
  static constexpr std::array<std::pair<int, int>, 5> kCenturies = {
      {{80, 1800}, {0, 1900}, {20, 2000}, {40, 2100}, {60, 2200}}};
  for (auto [offset, century] : kCenturies)
    if (mm > offset && mm <= offset + 12) return CivilDate{century + yy, mm - offset, dd};
  return std::nullopt;
}

bool de_steuer_id_check_ok(std::string_view d) {
  int product = 10;
  for (int i = 0; i < 10; ++i) {
    int sum = (vutil::digit(d[i]) + product) % 10;
    product = (sum == 0 ? 10 : sum) * 2 % 11;
  }
  int check = 11 - product;
  return (check == 10 ? 0 : check) == vutil::digit(d[10]);
}

bool de_steuer_id_digits_ok(std::string_view d) {
  if (d[0] == '0') return false;
  int counts[10] = {};
  for (int i = 0; i < 10; ++i) ++counts[vutil::digit(d[i])];
  int repeated = 0, times = 0;
  for (int c : counts)
    if (c > 1) ++repeated, times = c;
  if (repeated != 1 || times > 3) return false;
  for (int i = 0; i + 2 < 10; ++i)
    if (d[i] == d[i + 1] && d[i] == d[i + 2]) return false;
  return true;
}

char es_control_letter(std::string_view digits) {
  static constexpr char kLetters[] = "TRWAGMYFPDXBNJZSQVHLCKE";
  return kLetters[std::stol(std::string(digits)) % 23];
}

char it_cf_check_char(std::string_view s) {
  // Values of characters in odd (1st, 3rd, ...) positions; even positions count 0-9 / A-Z.
  static constexpr int kOdd[36] = {1, 0, 5, 7, 9, 13, 15, 17, 19, 21,  // 0-9
                                   1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10,
                                   22, 25, 24, 23};  // A-Z
  int sum = 0;
  for (size_t i = 0; i < 15; ++i) {
    int index = vutil::is_digit(s[i]) ? vutil::digit(s[i]) : s[i] - 'A' + 10;
    sum += i % 2 == 0 ? kOdd[index] : (vutil::is_digit(s[i]) ? index : index - 10);
  }
  return static_cast<char>('A' + sum % 26);
}

int fr_nir_key(std::string_view s) {
  std::string n(s.substr(0, 13));
  if (n[5] == '2' && (n[6] == 'A' || n[6] == 'B')) n.replace(5, 2, n[6] == 'A' ? "19" : "18");
  if (!vutil::all_digits(n)) return -1;
  return static_cast<int>(97 - std::stoll(n) % 97);
}

bool uk_nino_prefix_ok(char a, char b) {
  static constexpr std::string_view kNever1 = "DFIQUV", kNever2 = "DFIOQUV";
  if (!vutil::is_upper(a) || !vutil::is_upper(b)) return false;
  if (kNever1.find(a) != kNever1.npos || kNever2.find(b) != kNever2.npos) return false;
  for (std::string_view bad : {"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"})
    if (a == bad[0] && b == bad[1]) return false;
  return true;
}

bool uk_nhs_ok(std::string_view d) {
  int sum = 0;
  for (int i = 0; i < 9; ++i) sum += (10 - i) * vutil::digit(d[i]);
  int check = 11 - sum % 11;
  if (check == 11) check = 0;
  return check != 10 && check == vutil::digit(d[9]);
}

}  // namespace ids

namespace {

using namespace vutil;
using ids::shape_ends_at;

// The first of `shapes` that ends at `end` and stands free in the text.
template <size_t N>
std::optional<size_t> free_shape(std::string_view text, size_t end, const std::array<std::string_view, N>& shapes) {
  if (!ids::ends_free(text, end)) return std::nullopt;
  for (std::string_view shape : shapes) {
    auto start = shape_ends_at(text, end, shape);
    if (start && free_standing(text, *start, end)) return start;
  }
  return std::nullopt;
}

std::string alnum_upper(std::string_view s) {
  std::string out;
  for (char c : s)
    if (is_alnum(c)) out.push_back(is_lower(c) ? static_cast<char>(c - 32) : c);
  return out;
}

void add_if(bool condition, Confirmed& c, double delta, const char* signal) {
  if (!condition) return;
  c.score += delta;
  c.signals.push_back(signal);
}

// ---- Netherlands: BSN -------------------------------------------------------------------

std::optional<Confirmed> confirm_nl_bsn(std::string_view text, size_t end, const ValidationEnv&) {
  static constexpr std::array<std::string_view, 2> kShapes = {"ddddddddd", "dddd.dd.ddd"};
  auto start = free_shape(text, end, kShapes);
  if (!start) return std::nullopt;
  std::string d = digits_only(text.substr(*start, end - *start));
  if (d == "000000000" || !ids::nl_bsn_ok(d)) return std::nullopt;
  // Nine-digit numbers are everywhere and the 11-proof passes one in eleven: keyword needed.
  return Confirmed{*start, end, d, 0.35, {"mod11_pass"}};
}

// ---- Poland: PESEL ----------------------------------------------------------------------

std::optional<Confirmed> confirm_pl_pesel(std::string_view text, size_t end, const ValidationEnv& env) {
  auto start = shape_ends_at(text, end, "ddddddddddd");
  if (!start || !free_standing(text, *start, end)) return std::nullopt;
  std::string d(text.substr(*start, 11));
  auto born = ids::pl_pesel_birth_date(d);
  if (!born || !is_real_date(born->year, born->month, born->day) || env.today < *born) return std::nullopt;
  if (!ids::pl_pesel_check_ok(d)) return std::nullopt;
  return Confirmed{*start, end, d, 0.55, {"date_valid", "checksum_pass"}};
}

// ---- Germany: Steuer-ID -----------------------------------------------------------------

std::optional<Confirmed> confirm_de_steuer_id(std::string_view text, size_t end, const ValidationEnv&) {
  // The Federal Central Tax Office prints it in groups: "12 345 678 901".
  static constexpr std::array<std::string_view, 2> kShapes = {"ddddddddddd", "dd ddd ddd ddd"};
  auto start = free_shape(text, end, kShapes);
  if (!start) return std::nullopt;
  std::string d = digits_only(text.substr(*start, end - *start));
  if (!ids::de_steuer_id_digits_ok(d) || !ids::de_steuer_id_check_ok(d)) return std::nullopt;
  Confirmed c{*start, end, d, 0.55, {"digit_rule_pass", "checksum_pass"}};
  add_if(end - *start == 14, c, 0.05, "separator");
  return c;
}

// ---- Spain: DNI and NIE -----------------------------------------------------------------

std::optional<Confirmed> confirm_es_dni(std::string_view text, size_t end, const ValidationEnv&) {
  if (end < 8 || !is_alpha(text[end - 1]) || !ids::ends_free(text, end)) return std::nullopt;
  size_t digits_end = end - 1 - (text[end - 2] == '-' ? 1 : 0);
  size_t start = digits_end;
  while (start > 0 && digits_end - start < 9 && is_digit(text[start - 1])) --start;
  size_t count = digits_end - start;
  // Eight digits; seven where a leading zero was dropped.
  if (count < 7 || count > 8 || !free_standing(text, start, end)) return std::nullopt;
  std::string digits(text.substr(start, count));
  char letter = alnum_upper(text.substr(end - 1, 1)).front();
  if (ids::es_control_letter(digits) != letter) return std::nullopt;
  Confirmed c{start, end, std::string(8 - count, '0').append(digits).append(1, letter), 0.6, {"control_letter_pass"}};
  add_if(count == 7, c, -0.1, "seven_digits");
  add_if(is_lower(text[end - 1]), c, -0.05, "lower_case_letter");
  add_if(digits_end != end - 1, c, 0, "separator");
  return c;
}

std::optional<Confirmed> confirm_es_nie(std::string_view text, size_t end, const ValidationEnv&) {
  size_t length = end >= 2 && text[end - 2] == '-' ? 10 : 9;
  if (end < length || !ids::ends_free(text, end)) return std::nullopt;
  size_t start = end - length;
  std::string value = alnum_upper(text.substr(start, length));
  if (value.size() != 9 || !free_standing(text, start, end)) return std::nullopt;
  std::string number = std::to_string(value[0] - 'X').append(value.substr(1, 7));
  if (value[0] < 'X' || !all_digits(number) || ids::es_control_letter(number) != value[8]) return std::nullopt;
  Confirmed c{start, end, value, 0.65, {"control_letter_pass"}};
  add_if(is_lower(text[start]) || is_lower(text[end - 1]), c, -0.05, "lower_case_letter");
  return c;
}

// ---- Italy: codice fiscale --------------------------------------------------------------

// Positions that hold digits, which omocodia (a duplicate code) replaces by L M N P Q R S T U V.
constexpr std::array<size_t, 7> kCfDigitPositions = {6, 7, 9, 10, 12, 13, 14};

int cf_digit(char c, bool& omocodia) {
  static constexpr std::string_view kOmocodia = "LMNPQRSTUV";
  if (is_digit(c)) return digit(c);
  omocodia = true;
  auto at = kOmocodia.find(c);
  return at == kOmocodia.npos ? -1 : static_cast<int>(at);
}

std::optional<Confirmed> confirm_it_codice_fiscale(std::string_view text, size_t end, const ValidationEnv&) {
  if (end < 16 || !ids::ends_free(text, end)) return std::nullopt;
  size_t start = end - 16;
  std::string_view s = text.substr(start, 16);
  if (!free_standing(text, start, end)) return std::nullopt;
  for (size_t i = 0; i < 16; ++i) {
    bool letter_here = i < 6 || i == 8 || i == 11 || i == 15;
    if (letter_here ? !is_upper(s[i]) : !(is_digit(s[i]) || is_upper(s[i]))) return std::nullopt;
  }
  bool omocodia = false;
  int numbers[16] = {};
  for (size_t p : kCfDigitPositions)
    if ((numbers[p] = cf_digit(s[p], omocodia)) < 0) return std::nullopt;
  static constexpr std::string_view kMonths = "ABCDEHLMPRST";
  auto month = kMonths.find(s[8]);
  int day = numbers[9] * 10 + numbers[10];
  day -= day > 40 ? 40 : 0;  // women's day of birth + 40
  // The century is not written: 29 February counts if either reading is a leap year.
  if (month == kMonths.npos || !is_real_date(2000 + numbers[6] * 10 + numbers[7], static_cast<int>(month) + 1, day))
    return std::nullopt;
  if (ids::it_cf_check_char(s) != s[15]) return std::nullopt;
  Confirmed c{start, end, std::string(s), 0.65, {"date_valid", "check_char_pass"}};
  add_if(omocodia, c, 0, "omocodia");
  return c;
}

// ---- France: NIR (numéro de sécurité sociale) -------------------------------------------

bool nir_month_ok(int m) { return (m >= 1 && m <= 12) || m == 20 || (m >= 30 && m <= 42) || m >= 50; }

std::optional<Confirmed> confirm_fr_nir(std::string_view text, size_t end, const ValidationEnv&) {
  static constexpr std::array<std::string_view, 3> kShapes = {"dddddd?dddddddd", "dddddd?dddddd dd",
                                                              "d dd dd d? ddd ddd dd"};
  auto start = free_shape(text, end, kShapes);
  if (!start) return std::nullopt;
  std::string n = alnum_upper(text.substr(*start, end - *start));
  // Sex 1/2, 3/4 and 7/8 for provisional numbers; department 2A/2B only for Corsica.
  static constexpr std::string_view kSex = "123478";
  if (kSex.find(n[0]) == kSex.npos || !nir_month_ok(std::stoi(n.substr(3, 2)))) return std::nullopt;
  if (is_upper(n[6]) && n[5] != '2') return std::nullopt;
  if (n.substr(5, 2) == "00" || ids::fr_nir_key(n) != std::stoi(n.substr(13, 2))) return std::nullopt;
  Confirmed c{*start, end, n, 0.6, {"key_pass"}};
  add_if(end - *start == 21, c, 0.05, "separator");
  add_if(is_upper(n[6]), c, 0, "corsica");
  return c;
}

// ---- United Kingdom ---------------------------------------------------------------------

std::optional<Confirmed> confirm_uk_nino(std::string_view text, size_t end, const ValidationEnv&) {
  static constexpr std::array<std::string_view, 2> kShapes = {"AAddddddA", "AA dd dd dd A"};
  auto start = free_shape(text, end, kShapes);
  if (!start) return std::nullopt;
  std::string n = alnum_upper(text.substr(*start, end - *start));
  if (!ids::uk_nino_prefix_ok(n[0], n[1]) || n[8] < 'A' || n[8] > 'D') return std::nullopt;
  // No checksum: the prefix rules alone make it plausible, a keyword makes it one.
  return Confirmed{*start, end, n, 0.4, {"prefix_allocated"}};
}

std::optional<Confirmed> confirm_uk_nhs(std::string_view text, size_t end, const ValidationEnv& env) {
  static constexpr std::array<std::string_view, 2> kShapes = {"dddddddddd", "ddd ddd dddd"};
  auto start = free_shape(text, end, kShapes);
  if (!start) return std::nullopt;
  std::string d = digits_only(text.substr(*start, end - *start));
  if (!ids::uk_nhs_ok(d)) return std::nullopt;
  // Ten plain digits with a mod-11 check that one in eleven passes: keyword needed.
  Confirmed c{*start, end, d, 0.35, {"mod11_pass"}};
  add_if(end - *start == 12, c, 0.05, "separator");
  // Unbroken, the ten digits may be a Danish CPR number (dk.cpr reads that shape; "ddd ddd
  // dddd" it does not): on a Danish share the Danish reading wins, as for the Nordic numbers.
  if (end - *start == 10) ids::defer_to_danish_cpr(d, env, c);
  return c;
}

// ---- Masks ------------------------------------------------------------------------------

std::string mask_keep_six(std::string_view span) { return mask_middle(span, 6, 0); }
// "1 85 05 78 006 084 36" -> "1 85 05 ** *** *** **": sex, year and month of birth stay.
std::string mask_keep_five(std::string_view span) { return mask_middle(span, 5, 0); }
// "RSSMRA85M01H501Q" -> "******85M01*****": the name letters go, the birth date stays.
std::string mask_codice_fiscale(std::string_view span) {
  std::string out(span);
  for (size_t i = 0; i < out.size(); ++i)
    if (i < 6 || i > 10) out[i] = '*';
  return out;
}

}  // namespace

std::vector<Validator> eu_validators() {
  return {
      // Final digit runs from each validator's shapes (the spaced ones included); those that
      // end with a letter (DNI, NIE, codice fiscale, NINO) end with a run of 0.
      {"nl_bsn", confirm_nl_bsn, mask_all_but_two, 11, true, digit_runs({3, 9})},
      {"pl_pesel", confirm_pl_pesel, mask_keep_six, 11, true, digit_runs({11})},
      {"de_steuer_id", confirm_de_steuer_id, mask_all_but_two, 14, true, digit_runs({3, 11})},
      {"es_dni", confirm_es_dni, mask_all_but_two, 10, true, digit_runs({0})},
      {"es_nie", confirm_es_nie, mask_all_but_two, 10, true, digit_runs({0})},
      {"it_codice_fiscale", confirm_it_codice_fiscale, mask_codice_fiscale, 16, true, digit_runs({0})},
      // Fifteen digits, eight after Corsica's "2A"/"2B", two after a space.
      {"fr_nir", confirm_fr_nir, mask_keep_five, 21, true, digit_runs({2, 8, 15})},
      {"uk_nino", confirm_uk_nino, mask_all_but_two, 13, true, digit_runs({0})},
      {"uk_nhs", confirm_uk_nhs, mask_all_but_two, 12, true, digit_runs({4, 10})},
  };
}

}  // namespace gdprscan
