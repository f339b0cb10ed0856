// Danish person identifiers: CPR, replacement CPR (day + 60) and e-CPR. Facts in
// ../shared/DETECTION.md (century table, mod-11 and its post-2007 exceptions).
#include "checksums.h"
#include "validator_families.h"
#include "validator_util.h"

#include <algorithm>

namespace gdprscan {
namespace {

using namespace vutil;

bool is_cpr_separator(char c) { return c == '-' || c == ' ' || c == '/' || c == '.' || c == '\t'; }

struct CprShape {
  size_t start;
  std::string digits;  // the ten characters without separator
  bool separated;
};

// Finds DDMMYY[sep]XXXX ending at `end`, where the last `tail_pattern` characters are the
// serial part checked by `tail_ok`.
template <typename TailOk>
std::optional<CprShape> find_cpr_shape(std::string_view text, size_t end, TailOk tail_ok) {
  if (end < 10 || end > text.size()) return std::nullopt;
  std::string_view tail = text.substr(end - 4, 4);
  if (!tail_ok(tail)) return std::nullopt;
  if (end >= 11 && is_cpr_separator(text[end - 5]) && all_digits(text.substr(end - 11, 6)))
    return CprShape{end - 11, std::string(text.substr(end - 11, 6)).append(tail), true};
  if (all_digits(text.substr(end - 10, 6)))
    return CprShape{end - 10, std::string(text.substr(end - 10, 10)), false};
  return std::nullopt;
}

struct BirthDate {
  CivilDate date;
  bool ok;
};

BirthDate birth_date(const std::string& d, int day_offset, int seventh_digit, const ValidationEnv& env) {
  int day = digit(d[0]) * 10 + digit(d[1]) - day_offset;
  int month = digit(d[2]) * 10 + digit(d[3]);
  int yy = digit(d[4]) * 10 + digit(d[5]);
  CivilDate date{cpr::full_year(yy, seventh_digit), month, day};
  bool ok = is_real_date(date.year, month, day) && !(env.today < date);
  return {date, ok};
}

void score_mod11(const std::string& digits, const CivilDate& date, Confirmed& c, double pass, double exception,
                 double fail) {
  if (cpr::mod11_ok(digits)) {
    c.score += pass;
    c.signals.push_back("mod11_pass");
  } else if (cpr::is_mod11_exception_date(date)) {
    c.score += exception;
    c.signals.push_back("mod11_exception_date");
  } else {
    c.score += fail;
    c.signals.push_back("mod11_fail");
  }
}

// Whether a country code with its '+' stands right before `start` ("+358 ", "+91 "). DETECTION.md:
// a phone number with a country code does not contain a CPR number, and Finnish, Indian and
// other national numbers have ten digits ("+358 2101801236" is a phone number). Only the '+'
// form: "0046 " cannot be told from the end of another number ("060680-0002 070680-0018").
bool after_country_code(std::string_view text, size_t start) {
  if (start < 3 || text[start - 1] != ' ') return false;
  size_t code = start - 1;
  while (code > 0 && is_digit(text[code - 1]) && start - 1 - code < 4) --code;
  size_t digits = start - 1 - code;
  if (digits < 1 || digits > 3 || code == 0 || text[code - 1] != '+') return false;
  return code == 1 || !is_alnum(text[code - 2]);
}

// A Diners Club card printed in its 4-6-4 groups ("3603 150372 1089") ends in six digits and
// four that can read as a CPR number. The ten digits are the card's when the group of four
// before them, with the same separator, completes a Luhn-valid number of a card brand
// (the payment_card rule reports it).
bool inside_card_number(std::string_view text, size_t start, size_t end, bool separated) {
  if (!separated || start < 5 || end - start != 11) return false;
  char sep = text[start + 6];
  if (text[start - 1] != sep) return false;
  size_t group = start - 5;
  for (size_t i = group; i < start - 1; ++i)
    if (!is_digit(text[i])) return false;
  if (group > 0 && is_alnum(text[group - 1])) return false;
  std::string digits = digits_only(text.substr(group, end - group));
  return checksum::luhn_ok(digits) && !checksum::card_brand(digits).empty();
}

std::optional<Confirmed> confirm_cpr_like(std::string_view text, size_t end, const ValidationEnv& env,
                                          int day_offset) {
  auto shape = find_cpr_shape(text, end, all_digits);
  if (!shape || !free_standing(text, shape->start, end)) return std::nullopt;
  if (after_country_code(text, shape->start)) return std::nullopt;
  if (inside_card_number(text, shape->start, end, shape->separated)) return std::nullopt;
  BirthDate born = birth_date(shape->digits, day_offset, digit(shape->digits[6]), env);
  if (!born.ok) return std::nullopt;
  Confirmed c{shape->start, end, shape->digits, 0, {"date_valid"}};
  if (day_offset == 0) {
    // Structure alone: a valid date is weak evidence; mod-11 is strong but, since 2007,
    // not a gate (DETECTION.md).
    c.score = 0.4;
    score_mod11(shape->digits, born.date, c, 0.3, 0.15, -0.1);
  } else {
    // Replacement numbers are rare and a day+60 number is more often something else: without
    // a keyword they stay below the default threshold (at most 0.45).
    c.score = 0.3;
    c.signals.push_back("replacement_day");
    score_mod11(shape->digits, born.date, c, 0.05, 0.0, 0.0);
  }
  if (shape->separated) {
    c.score += 0.1;
    c.signals.push_back("separator");
  }
  return c;
}

std::optional<Confirmed> confirm_dk_cpr(std::string_view text, size_t end, const ValidationEnv& env) {
  return confirm_cpr_like(text, end, env, 0);
}

std::optional<Confirmed> confirm_dk_cpr_replacement(std::string_view text, size_t end, const ValidationEnv& env) {
  return confirm_cpr_like(text, end, env, 60);
}

// e-CPR from the health sector: DDMMYY, century digit, two letters, sex digit; no checksum.
std::optional<Confirmed> confirm_dk_ecpr(std::string_view text, size_t end, const ValidationEnv& env) {
  auto tail_ok = [](std::string_view t) {
    return is_digit(t[0]) && is_upper(t[1]) && is_upper(t[2]) && is_digit(t[3]);
  };
  auto shape = find_cpr_shape(text, end, tail_ok);
  if (!shape || !free_standing(text, shape->start, end)) return std::nullopt;
  if (shape->separated && text[shape->start + 6] != '-') return std::nullopt;
  BirthDate born = birth_date(shape->digits, 0, digit(shape->digits[6]), env);
  if (!born.ok) return std::nullopt;
  return Confirmed{shape->start, end, shape->digits, 0.6, {"date_valid", "ecpr_letters"}};
}

// "010190-1234" -> "010190-****": the date stays (a reviewer needs to tell numbers
// apart), the serial that makes it a person goes.
std::string mask_keep_date(std::string_view span) {
  std::string out(span);
  int seen = 0;
  for (char& c : out) {
    if (!is_alnum(c)) continue;
    if (++seen > 6) c = '*';
  }
  return out;
}

}  // namespace

std::vector<Validator> danish_validators() {
  return {
      // DDMMYY-SSSS ends with four digits, DDMMYYSSSS with ten; an e-CPR with its sex digit.
      {"dk_cpr", confirm_dk_cpr, mask_keep_date, 11, true, digit_runs({4, 10})},
      {"dk_cpr_replacement", confirm_dk_cpr_replacement, mask_keep_date, 11, true, digit_runs({4, 10})},
      {"dk_ecpr", confirm_dk_ecpr, mask_keep_date, 11, true, digit_runs({1})},
  };
}

namespace cpr {

int full_year(int yy, int seventh) {
  if (seventh <= 3) return 1900 + yy;
  if (seventh == 4 || seventh == 9) return yy <= 36 ? 2000 + yy : 1900 + yy;
  // 5-8
  if (yy <= 57) return 2000 + yy;
  return 1800 + yy;
}

bool mod11_ok(std::string_view d) {
  static constexpr int kWeights[10] = {4, 3, 2, 7, 6, 5, 4, 3, 2, 1};
  int sum = 0;
  for (int i = 0; i < 10; ++i) sum += kWeights[i] * (d[i] - '0');
  return sum % 11 == 0;
}

bool is_mod11_exception_date(const CivilDate& d) {
  // CPR-kontoret, "Personnumre uden kontrolciffer": 1 January of these years (not exhaustive).
  static constexpr int kYears[] = {1960, 1962, 1964, 1965, 1966, 1967, 1969, 1970, 1974, 1975, 1978, 1980,
                                   1981, 1982, 1983, 1984, 1985, 1986, 1987, 1988, 1989, 1990, 1991, 1992,
                                   1994, 1995};
  if (d.month != 1 || d.day != 1) return false;
  return std::find(std::begin(kYears), std::end(kYears), d.year) != std::end(kYears);
}

}  // namespace cpr

}  // namespace gdprscan
