#include "validators.h"

#include "text_decode.h"

#include <algorithm>
#include <cctype>
#include <ctime>

namespace gdprscan {

bool operator<(const CivilDate& a, const CivilDate& b) {
  if (a.year != b.year) return a.year < b.year;
  if (a.month != b.month) return a.month < b.month;
  return a.day < b.day;
}

bool is_real_date(int year, int month, int day) {
  static constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12 || day < 1) return false;
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  int limit = kDays[month - 1] + (month == 2 && leap ? 1 : 0);
  return day <= limit;
}

CivilDate today_utc() {
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  return {tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday};
}

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_alnum(char c) { return is_digit(c) || (c >= 'a' && c <= 'z') || is_upper(c); }
bool is_cpr_separator(char c) { return c == '-' || c == ' ' || c == '/' || c == '.' || c == '\t'; }
int digit(char c) { return c - '0'; }

bool all_digits(std::string_view s) { return std::all_of(s.begin(), s.end(), is_digit); }

// A number is free-standing when nothing glues it into a longer token: no letter or digit
// next to it, no "#" or sign in front, no "-", "/" or "." joining it to more digits
// (a longer digit run, an IBAN, a date-time, a decimal).
bool free_standing(std::string_view text, size_t start, size_t end) {
  if (start > 0) {
    char p = text[start - 1];
    if (word_char_before(text, start) || p == '#' || p == '+') return false;
    if ((p == '-' || p == '/' || p == '.') && start >= 2 && is_digit(text[start - 2])) return false;
  }
  if (end < text.size()) {
    char n = text[end];
    if (word_char_at(text, end) || n == '#') return false;
    if ((n == '-' || n == '/' || n == '.') && end + 1 < text.size() && is_digit(text[end + 1])) return false;
  }
  return true;
}

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

std::optional<Confirmed> confirm_cpr_like(std::string_view text, size_t end, const ValidationEnv& env,
                                          int day_offset) {
  auto shape = find_cpr_shape(text, end, all_digits);
  if (!shape || !free_standing(text, shape->start, end)) return std::nullopt;
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

bool is_email_local_char(char c) {
  return is_alnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
}

bool valid_tld(std::string_view tld) {
  if (tld.size() < 2) return false;
  if (tld.substr(0, 4) == "xn--" || tld.substr(0, 4) == "XN--")  // punycode, e.g. xn--p1ai
    return tld.size() > 4 && std::all_of(tld.begin() + 4, tld.end(), is_alnum);
  return std::all_of(tld.begin(), tld.end(), [](char c) { return is_alnum(c) && !is_digit(c); });
}

bool valid_domain(std::string_view domain) {
  if (domain.size() < 4 || domain.size() > 253) return false;
  size_t label_start = 0;
  for (size_t i = 0; i <= domain.size(); ++i) {
    if (i < domain.size() && domain[i] != '.') continue;
    std::string_view label = domain.substr(label_start, i - label_start);
    if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-') return false;
    if (i == domain.size()) return valid_tld(label);
    label_start = i + 1;
  }
  return false;
}

std::optional<Confirmed> confirm_email(std::string_view text, size_t end, const ValidationEnv&) {
  // Only the longest candidate ending counts: "a@b.com" also "ends" at "a@b.co". Quotes,
  // guillemets and other non-letters may follow ("«jens@kommune.dk»").
  if (end < text.size()) {
    char n = text[end];
    if (n == '-' || word_char_at(text, end)) return std::nullopt;
    if (n == '.' && end + 1 < text.size() && is_alnum(text[end + 1])) return std::nullopt;
  }
  // The domain: ASCII letters, digits, '-', '.', and the letters of internationalised names.
  size_t at = end;
  while (at > 0 && end - at < 254) {
    char c = text[at - 1];
    if (is_alnum(c) || c == '-' || c == '.') {
      --at;
    } else if (static_cast<unsigned char>(c) >= 0x80 && word_char_before(text, at)) {
      while (at > 0 && (static_cast<unsigned char>(text[at - 1]) & 0xC0) == 0x80) --at;  // continuation bytes
      --at;                                                                          // lead byte
    } else {
      break;
    }
  }
  if (at == 0 || text[at - 1] != '@') return std::nullopt;
  std::string_view domain = text.substr(at, end - at);
  if (!valid_domain(domain)) return std::nullopt;
  size_t start = at - 1;
  while (start > 0 && is_email_local_char(text[start - 1]) && at - 1 - start < 65) --start;
  while (start < at - 1 && text[start] == '.') ++start;  // a sentence dot is not part of it
  std::string_view local = text.substr(start, at - 1 - start);
  // RFC 5321: at most 64 characters; a longer run is not an address, not a shorter one.
  if (local.empty() || local.size() > 64 || local.back() == '.' || local.find("..") != std::string_view::npos)
    return std::nullopt;
  if (word_char_before(text, start)) return std::nullopt;  // glued to a non-ASCII letter
  std::string value(text.substr(start, end - start));
  for (char& ch : value)
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch + 32);
  return Confirmed{start, end, value, 0.9, {"email_syntax"}};
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

std::string mask_email(std::string_view span) {
  size_t at = span.find('@');
  if (at == std::string_view::npos || at == 0) return std::string(span.size(), '*');
  return std::string(1, span[0]) + "***" + std::string(span.substr(at));
}

// A plain pattern rule: the span Hyperscan found, if it stands alone (not glued to letters
// or digits), its text as the value. Confidence comes from the rule's context words on top
// of 0.5: a user writing "SAG-\d{4}-\d{3}" with keyword "sagsnummer" gets what they expect.
std::optional<Confirmed> confirm_regex(std::string_view text, size_t end, const ValidationEnv& env) {
  size_t start = env.start;
  if (start >= end || end > text.size()) return std::nullopt;
  if (word_char_before(text, start) && word_char_at(text, start)) return std::nullopt;
  if (word_char_at(text, end) && word_char_before(text, end)) return std::nullopt;
  return Confirmed{start, end, std::string(text.substr(start, end - start)), 0.5, {"pattern"}};
}

std::string mask_all_but_two(std::string_view span) {
  std::string out(span);
  for (size_t i = 2; i < out.size(); ++i)
    if (std::isalnum(static_cast<unsigned char>(out[i]))) out[i] = '*';
  return out;
}

const std::vector<Validator> kValidators = {
    {"regex", confirm_regex, mask_all_but_two, 256},
    {"dk_cpr", confirm_dk_cpr, mask_keep_date, 11},
    {"dk_cpr_replacement", confirm_dk_cpr_replacement, mask_keep_date, 11},
    {"dk_ecpr", confirm_dk_ecpr, mask_keep_date, 11},
    {"email", confirm_email, mask_email, 64 + 1 + 253},
};

}  // namespace

const Validator* find_validator(std::string_view name) {
  for (const auto& v : kValidators)
    if (name == v.name) return &v;
  return nullptr;
}

const std::vector<Validator>& all_validators() { return kValidators; }

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
