// Nordic person identifiers outside Denmark: Swedish personnummer and samordningsnummer,
// Norwegian fødselsnummer (with D- and H-numbers), Finnish HETU, Icelandic kennitala.
// Facts in ../shared/DETECTION.md "Other identifiers".
//
// Several of these have the shape of a Danish CPR number (six date digits and four more).
// This scanner's home is Denmark: when the same ten digits are also a full-strength CPR
// number, the foreign reading drops to 0.1, so that even its keyword cannot lift it to the
// default threshold and a Danish text yields only dk.cpr. When they merely have a CPR
// birth date (mod-11 failed), the foreign reading needs its keyword (at most 0.25): on a
// Danish share such numbers are far more often Danish numbers or other references.
#include "checksums.h"
#include "validator_families.h"
#include "validator_util.h"
#include "validators_ids.h"

#include <algorithm>
#include <array>
#include <string>
#include <vector>

namespace gdprscan {

namespace ids {

namespace {
// 11 - (weighted sum mod 11), 11 read as 0; -1 when the result would be 10 (never issued).
int mod11_check_digit(std::string_view digits, const int* weights) {
  int sum = 0;
  for (size_t i = 0; i < digits.size(); ++i) sum += weights[i] * vutil::digit(digits[i]);
  int check = 11 - sum % 11;
  if (check == 11) return 0;
  return check == 10 ? -1 : check;
}
}  // namespace

bool no_fnr_checks_ok(std::string_view d) {
  static constexpr int kFirst[9] = {3, 7, 6, 1, 8, 9, 4, 5, 2};
  static constexpr int kSecond[10] = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2};
  return mod11_check_digit(d.substr(0, 9), kFirst) == vutil::digit(d[9]) &&
         mod11_check_digit(d.substr(0, 10), kSecond) == vutil::digit(d[10]);
}

char fi_hetu_check_char(std::string_view nine) {
  static constexpr char kChars[] = "0123456789ABCDEFHJKLMNPRSTUVWXY";
  return kChars[std::stol(std::string(nine)) % 31];
}

bool is_kennitala_check_ok(std::string_view d) {
  static constexpr int kWeights[8] = {3, 2, 7, 6, 5, 4, 3, 2};
  int check = mod11_check_digit(d.substr(0, 8), kWeights);
  return check >= 0 && check == vutil::digit(d[8]);
}

std::optional<CivilDate> danish_cpr_birth_date(std::string_view ten, const CivilDate& today) {
  using vutil::digit;
  int yy = digit(ten[4]) * 10 + digit(ten[5]);
  CivilDate born{cpr::full_year(yy, digit(ten[6])), digit(ten[2]) * 10 + digit(ten[3]),
                 digit(ten[0]) * 10 + digit(ten[1])};
  if (!is_real_date(born.year, born.month, born.day) || today < born) return std::nullopt;
  return born;
}

bool reads_as_danish_cpr(std::string_view ten, const CivilDate& today) {
  auto born = danish_cpr_birth_date(ten, today);
  return born && (cpr::mod11_ok(ten) || cpr::is_mod11_exception_date(*born));
}

std::optional<size_t> shape_ends_at(std::string_view text, size_t end, std::string_view shape) {
  if (end > text.size() || end < shape.size()) return std::nullopt;
  size_t start = end - shape.size();
  for (size_t i = 0; i < shape.size(); ++i) {
    char want = shape[i], got = text[start + i];
    bool ok = want == 'd'   ? vutil::is_digit(got)
              : want == 'A' ? vutil::is_upper(got)
              : want == '?' ? vutil::is_digit(got) || vutil::is_upper(got)
                            : got == want;
    if (!ok) return std::nullopt;
  }
  return start;
}

void defer_to_danish_cpr(std::string_view ten, const ValidationEnv& env, Confirmed& c) {
  if (ids::reads_as_danish_cpr(ten, env.today)) {
    c.score = 0.1;
    c.signals.push_back("danish_cpr_reading");
  } else if (ids::danish_cpr_birth_date(ten, env.today)) {
    c.score = std::min(c.score, 0.25);
    c.signals.push_back("cpr_birth_date");
  }
}

}  // namespace ids

namespace {

using namespace vutil;
using ids::shape_ends_at;

int two_digits(std::string_view s, size_t at) { return digit(s[at]) * 10 + digit(s[at + 1]); }

bool born_by(const CivilDate& d, const ValidationEnv& env) {
  return is_real_date(d.year, d.month, d.day) && !(env.today < d);
}

// The first of `shapes` that ends at `end` and stands free in the text: a shape that is part
// of a longer digit run is not the number, and neither is a shorter one inside it.
template <size_t N>
std::optional<std::pair<size_t, std::string_view>> free_shape(std::string_view text, size_t end,
                                                               const std::array<std::string_view, N>& shapes) {
  if (!ids::ends_free(text, end)) return std::nullopt;
  for (std::string_view shape : shapes) {
    auto start = shape_ends_at(text, end, shape);
    if (start && free_standing(text, *start, end)) return std::make_pair(*start, shape);
  }
  return std::nullopt;
}

// ---- Sweden -----------------------------------------------------------------------------

// Without the century, the sign tells the age: '-' under 100, '+' 100 or older (Skatteverket).
int swedish_year(int yy, int month, int day, bool hundred_plus, const CivilDate& today) {
  int year = today.year - (today.year - yy) % 100;
  if (today < CivilDate{year, month, day}) year -= 100;
  return hundred_plus ? year - 100 : year;
}

std::optional<Confirmed> confirm_swedish(std::string_view text, size_t end, const ValidationEnv& env,
                                         bool coordination) {
  static constexpr std::array<std::string_view, 5> kShapes = {"dddddddddddd", "dddddddd-dddd", "dddddd-dddd",
                                                              "dddddd+dddd", "dddddddddd"};
  auto found = free_shape(text, end, kShapes);
  if (!found) return std::nullopt;
  auto [start, shape] = *found;
  // Every shape ends with the day, a separator or not, and four digits: the day tells the
  // two rules apart, so each turns away the other's numbers before any Luhn or string work.
  size_t day_at = end - 4 - (is_digit(text[end - 5]) ? 2 : 3);
  if ((two_digits(text, day_at) > 60) != coordination) return std::nullopt;
  std::string digits = digits_only(text.substr(start, end - start));
  bool century = digits.size() == 12;
  std::string ten = digits.substr(century ? 2 : 0);
  if (!checksum::luhn_ok(ten)) return std::nullopt;  // the cards' Luhn, on the last ten
  int month = two_digits(ten, 2), day = two_digits(ten, 4);
  if (coordination) day -= 60;
  char sign = shape.size() == 11 ? shape[6] : ' ';
  int year = century ? std::stoi(digits.substr(0, 4)) : swedish_year(two_digits(ten, 0), month, day, sign == '+', env.today);
  // Personnummer date from 1947; the oldest people then were born in the 1840s.
  if (year < 1840 || !born_by({year, month, day}, env)) return std::nullopt;
  Confirmed c{start, end, std::to_string(year).append(ten.substr(2)), 0, {"date_valid", "luhn_pass"}};
  if (century) {
    c.score = coordination ? 0.55 : 0.6;
    c.signals.push_back("century");
  } else if (sign != ' ') {
    c.score = coordination ? 0.5 : 0.55;
    c.signals.push_back("separator");
  } else {
    // Bare ten digits: on a Danish share mostly invoice, order and customer numbers, of
    // which Luhn and a date pass about 0.3% (measured on the earlier Python generator's decoys,
    // 229 in 200 MB at 0.5): the keyword is needed.
    c.score = coordination ? 0.4 : 0.45;
  }
  if (coordination) c.signals.push_back("coordination_day");
  if (!century && sign != '+') ids::defer_to_danish_cpr(ten, env, c);
  return c;
}

std::optional<Confirmed> confirm_se_personnummer(std::string_view text, size_t end, const ValidationEnv& env) {
  return confirm_swedish(text, end, env, false);
}

std::optional<Confirmed> confirm_se_samordningsnummer(std::string_view text, size_t end, const ValidationEnv& env) {
  return confirm_swedish(text, end, env, true);
}

// ---- Norway -----------------------------------------------------------------------------

// Years that a two-digit year can mean, given the individual number's range (Skatteetaten:
// 000-499 1900-1999; 500-749 1854-1899; 500-999 2000-2039; 900-999 1940-1999).
std::vector<int> norwegian_years(int yy, int individual) {
  std::vector<int> out;
  if (individual <= 499) out.push_back(1900 + yy);
  if (individual >= 500 && individual <= 749 && yy >= 54) out.push_back(1800 + yy);
  if (individual >= 500 && yy <= 39) out.push_back(2000 + yy);
  if (individual >= 900 && yy >= 40) out.push_back(1900 + yy);
  return out;
}

std::optional<Confirmed> confirm_no_fodselsnummer(std::string_view text, size_t end, const ValidationEnv& env) {
  static constexpr std::array<std::string_view, 2> kShapes = {"ddddddddddd", "dddddd ddddd"};
  auto found = free_shape(text, end, kShapes);
  if (!found) return std::nullopt;
  size_t start = found->first;
  std::string d = digits_only(text.substr(start, end - start));
  if (!ids::no_fnr_checks_ok(d)) return std::nullopt;
  int day = two_digits(d, 0), month = two_digits(d, 2);
  bool d_number = day > 40, h_number = month > 40;
  if (d_number && h_number) return std::nullopt;
  day -= d_number ? 40 : 0;
  month -= h_number ? 40 : 0;
  bool born = false;
  for (int year : norwegian_years(two_digits(d, 4), std::stoi(d.substr(6, 3)))) born = born || born_by({year, month, day}, env);
  if (!born) return std::nullopt;
  // Two check digits: a random eleven-digit run passes both about one time in a hundred.
  Confirmed c{start, end, d, 0.6, {"date_valid", "mod11_pass"}};
  if (d_number || h_number) {
    c.score -= 0.05;
    c.signals.push_back(d_number ? "d_number" : "h_number");
  }
  if (end - start == 12) {
    c.score += 0.05;
    c.signals.push_back("separator");
  }
  return c;
}

// ---- Finland ----------------------------------------------------------------------------

// The century sign: '+' 1800s; '-' and since 2023 Y X W V U 1900s; A and since 2023 B-F 2000s.
int hetu_century(char sign) {
  if (sign == '+') return 1800;
  if (sign == '-' || (sign >= 'U' && sign <= 'Y')) return 1900;
  if (sign >= 'A' && sign <= 'F') return 2000;
  return 0;
}

std::optional<Confirmed> confirm_fi_hetu(std::string_view text, size_t end, const ValidationEnv& env) {
  if (end < 11 || !ids::ends_free(text, end)) return std::nullopt;
  size_t start = end - 11;
  std::string_view s = text.substr(start, 11);
  int century = hetu_century(s[6]);
  std::string nine = std::string(s.substr(0, 6)).append(s.substr(7, 3));
  if (!century || !all_digits(nine) || !free_standing(text, start, end)) return std::nullopt;
  if (std::stoi(nine.substr(6)) < 2 || ids::fi_hetu_check_char(nine) != s[10]) return std::nullopt;
  if (!born_by({century + two_digits(nine, 4), two_digits(nine, 2), two_digits(nine, 0)}, env)) return std::nullopt;
  Confirmed c{start, end, std::string(s), 0.6, {"date_valid", "check_char_pass"}};
  if (is_upper(s[6])) {
    c.score = 0.65;
    c.signals.push_back("century_letter");
  }
  if (s[6] == '-' && is_digit(s[10])) ids::defer_to_danish_cpr(std::string(nine).append(1, s[10]), env, c);
  return c;
}

// ---- Iceland ----------------------------------------------------------------------------

std::optional<Confirmed> confirm_is_kennitala(std::string_view text, size_t end, const ValidationEnv& env) {
  static constexpr std::array<std::string_view, 2> kShapes = {"dddddd-dddd", "dddddddddd"};
  // The last digit is the century: 9 the 1900s, 0 the 2000s (8, the 1800s, names nobody
  // alive, and GDPR is about the living: python-stdnum rejects it too). Checked first: it
  // turns away eight in ten CPR-shaped numbers before anything is copied.
  char last = end > 0 ? text[end - 1] : ' ';
  int century = last == '9' ? 1900 : last == '0' ? 2000 : 0;
  if (!century) return std::nullopt;
  auto found = free_shape(text, end, kShapes);
  if (!found) return std::nullopt;
  size_t start = found->first;
  std::string d = digits_only(text.substr(start, end - start));
  if (!ids::is_kennitala_check_ok(d)) return std::nullopt;
  // Days 41-71 are companies' numbers, not persons'.
  if (!born_by({century + two_digits(d, 4), two_digits(d, 2), two_digits(d, 0)}, env))
    return std::nullopt;
  // Written exactly like a CPR number (DDMMYY-NNNN): on a Danish share the shape says
  // nothing about Iceland, so a kennitala needs its keyword.
  Confirmed c{start, end, d, 0.45, {"date_valid", "mod11_pass"}};
  if (end - start == 11) c.signals.push_back("separator");
  ids::defer_to_danish_cpr(d, env, c);
  return c;
}

// ---- Masks ------------------------------------------------------------------------------

// The birth date stays, so a reviewer can tell findings apart; the serial and check go.
std::string mask_keep_six(std::string_view span) { return mask_middle(span, 6, 0); }
// "19871220-2384" keeps YYYYMMDD, "871220-2384" keeps YYMMDD.
std::string mask_swedish(std::string_view span) { return mask_middle(span, digits_only(span).size() == 12 ? 8 : 6, 0); }
// "010594Y9032" -> "010594Y****": the century sign is part of the birth date.
std::string mask_hetu(std::string_view span) { return mask_middle(span, 7, 0); }

}  // namespace

std::vector<Validator> nordic_validators() {
  return {
      // Final digit runs from the shapes: "YYMMDD-NNNC" 4, ten or twelve digits unbroken.
      {"se_personnummer", confirm_se_personnummer, mask_swedish, 13, true, digit_runs({4, 10, 12})},
      {"se_samordningsnummer", confirm_se_samordningsnummer, mask_swedish, 13, true, digit_runs({4, 10, 12})},
      {"no_fodselsnummer", confirm_no_fodselsnummer, mask_keep_six, 12, true, digit_runs({5, 11})},
      // A check letter ends the run at 0; a check digit after "DDMMYY-NNN" makes it 4.
      {"fi_hetu", confirm_fi_hetu, mask_hetu, 11, true, digit_runs({0, 4})},
      {"is_kennitala", confirm_is_kennitala, mask_keep_six, 11, true, digit_runs({4, 10})},
  };
}

}  // namespace gdprscan
