// The generator's own arithmetic for identifier values: dates, check digits and written
// forms. Written independently of scanner/validators_*.cpp on purpose: the corpus checks
// the scanner, so a shared mistake would hide itself (DETECTION.md is the common source).
#pragma once

#include <string>
#include <string_view>

#include "rng.h"

namespace gdprscan::corpus::values {

struct Date {
  int year, month, day;
};

bool is_real_date(int year, int month, int day);
// Birth years up to this may be in the past when a corpus generated now is scanned (until
// the end of 2029): values are kept clear of readings with such dates, while planted
// future dates lie beyond it.
inline constexpr int kPastHorizon = 2030;
// A birth date between `from_year` and `to_year`, inclusive.
Date birth_date(Rng& rng, int from_year, int to_year);
std::string two(int n);  // "07"

// ---- Danish CPR ----
int cpr_century_year(int yy, int seventh);  // CPR-kontoret's table (DETECTION.md)
// A 7th digit that gives `year` its century.
int cpr_seventh_digit(Rng& rng, int year);
bool cpr_mod11_ok(std::string_view ten);
bool is_mod11_exception_date(const Date& d);  // 1 January of the listed years

enum class CprKind {
  mod11_valid,        // an ordinary number
  exception_no_mod11, // post-2007: 1 January of a listed year, failing mod-11
  unlisted_no_mod11,  // fails mod-11 on a date CPR-kontoret does not list
  replacement,        // day + 60, mod-11 valid
  edge_date,          // mod-11 valid on a date scanners got wrong: YY 00, YY 37 with 7th digit 9, 29/2 2000
};
std::string cpr_digits(Rng& rng, CprKind kind);
// Whether ten digits read as a full-strength Danish CPR number (real past date, and mod-11
// or an exception date): foreign ids that do are planted only where that is intended.
bool reads_as_cpr(std::string_view ten);
// Whether ten digits carry a Danish CPR birth date (DDMMYY with the 7th digit's century, not
// in the future), mod-11 aside: foreign numbers that do need their own keyword in the scanner.
bool has_cpr_birth_date(std::string_view ten);
// Whether ten digits also read as a Swedish personnummer or samordningsnummer (YYMMDD,
// day + 60 for the latter, Luhn over all ten): a Danish replacement number or decoy that
// does is a Swedish number as much as anything, so the generator leaves such values out.
bool reads_as_swedish(std::string_view ten);
// DDMMYY-SSSS, DDMMYYSSSS, DDMMYY SSSS, and the rarer DDMMYY/SSSS, DDMMYY.SSSS, tab.
std::string cpr_written(std::string_view ten, Rng& rng, std::string* form_note);

// ---- checksums ----
char luhn_check_digit(std::string_view digits_without_check);
bool luhn_ok(std::string_view digits);
int mod97(std::string_view digits_and_letters);  // letters A=10 ... Z=35

// Random decimal digits.
std::string digits(Rng& rng, size_t n);
// `s` in groups of `group` separated by `sep` ("1234 5678 90").
std::string grouped(std::string_view s, size_t group, std::string_view sep);

}  // namespace gdprscan::corpus::values
