#include "values.h"

#include <algorithm>

namespace gdprscan::corpus::values {

bool is_real_date(int year, int month, int day) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12 || day < 1) return false;
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return day <= kDays[month - 1] + (month == 2 && leap ? 1 : 0);
}

Date birth_date(Rng& rng, int from_year, int to_year) {
  int year = static_cast<int>(rng.between(from_year, to_year));
  int month = static_cast<int>(rng.between(1, 12));
  int day = static_cast<int>(rng.between(1, 31));
  while (!is_real_date(year, month, day)) --day;
  return {year, month, day};
}

std::string two(int n) { return std::string(1, static_cast<char>('0' + n / 10)).append(1, static_cast<char>('0' + n % 10)); }

int cpr_century_year(int yy, int seventh) {
  if (seventh <= 3) return 1900 + yy;
  if (seventh == 4 || seventh == 9) return yy <= 36 ? 2000 + yy : 1900 + yy;
  return yy <= 57 ? 2000 + yy : 1800 + yy;
}

int cpr_seventh_digit(Rng& rng, int year) {
  for (;;) {
    int seventh = static_cast<int>(rng.below(10));
    if (cpr_century_year(year % 100, seventh) == year) return seventh;
  }
}

bool cpr_mod11_ok(std::string_view ten) {
  static constexpr int kWeights[10] = {4, 3, 2, 7, 6, 5, 4, 3, 2, 1};
  int sum = 0;
  for (int i = 0; i < 10; ++i) sum += kWeights[i] * (ten[i] - '0');
  return sum % 11 == 0;
}

bool is_mod11_exception_date(const Date& d) {
  static constexpr int kYears[] = {1960, 1962, 1964, 1965, 1966, 1967, 1969, 1970, 1974, 1975, 1978, 1980, 1981,
                                   1982, 1983, 1984, 1985, 1986, 1987, 1988, 1989, 1990, 1991, 1992, 1994, 1995};
  return d.month == 1 && d.day == 1 && std::find(std::begin(kYears), std::end(kYears), d.year) != std::end(kYears);
}

namespace {

std::string cpr_prefix(const Date& d, int day_offset, int seventh) {
  return two(d.day + day_offset).append(two(d.month)).append(two(d.year % 100)).append(1, static_cast<char>('0' + seventh));
}

Date exception_date(Rng& rng) {
  static constexpr int kYears[] = {1960, 1962, 1964, 1965, 1966, 1967, 1969, 1970, 1974, 1975, 1978, 1980, 1981,
                                   1982, 1983, 1984, 1985, 1986, 1987, 1988, 1989, 1990, 1991, 1992, 1994, 1995};
  return {kYears[rng.below(std::size(kYears))], 1, 1};
}

// The birth dates and 7th digits earlier scanners mishandled (DETECTION.md).
std::string edge_prefix(Rng& rng) {
  switch (rng.below(4)) {
    case 0: return std::string("290200").append(std::to_string(rng.between(4, 9)));  // 29 February 2000
    case 1: return two(static_cast<int>(rng.between(1, 28))).append(two(static_cast<int>(rng.between(1, 12)))).append("379");  // 1937
    case 2: return two(static_cast<int>(rng.between(1, 28))).append(two(static_cast<int>(rng.between(1, 12)))).append("004");  // 2000
    default: return two(static_cast<int>(rng.between(1, 28))).append(two(static_cast<int>(rng.between(1, 12)))).append("002");  // 1900
  }
}

}  // namespace

std::string cpr_digits(Rng& rng, CprKind kind) {
  if (kind == CprKind::edge_date) {
    std::string seven = edge_prefix(rng);
    for (;;) {
      std::string ten = seven + digits(rng, 3);
      if (cpr_mod11_ok(ten)) return ten;
    }
  }
  for (;;) {
    Date born = kind == CprKind::exception_no_mod11 ? exception_date(rng) : birth_date(rng, 1925, 2024);
    if (kind == CprKind::unlisted_no_mod11 && is_mod11_exception_date(born)) continue;
    std::string ten = cpr_prefix(born, kind == CprKind::replacement ? 60 : 0, cpr_seventh_digit(rng, born.year));
    ten += digits(rng, 3);
    bool want_mod11 = kind == CprKind::mod11_valid || kind == CprKind::replacement;
    if (cpr_mod11_ok(ten) != want_mod11) continue;
    // Planted as Danish: a number that is also a valid Swedish one would make two true
    // readings (dk.cpr's own numbers defer to it in the scanner; replacement numbers do not).
    if (kind == CprKind::replacement && reads_as_swedish(ten)) continue;
    return ten;
  }
}

namespace {
bool cpr_date(std::string_view ten, Date* out) {
  if (ten.size() != 10 || !std::all_of(ten.begin(), ten.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return false;
  auto num = [&](size_t at) { return (ten[at] - '0') * 10 + (ten[at + 1] - '0'); };
  Date d{cpr_century_year(num(4), ten[6] - '0'), num(2), num(0)};
  *out = d;
  // Up to 2030 counted as past: these answer "could a scanner read it so?", and a corpus
  // generated now must keep one reading when it is scanned in the years to come.
  return is_real_date(d.year, d.month, d.day) && d.year <= kPastHorizon;
}
}  // namespace

bool has_cpr_birth_date(std::string_view ten) {
  Date d{};
  return cpr_date(ten, &d);
}

bool reads_as_cpr(std::string_view ten) {
  Date d{};
  return cpr_date(ten, &d) && (cpr_mod11_ok(ten) || is_mod11_exception_date(d));
}

bool reads_as_swedish(std::string_view ten) {
  if (ten.size() != 10 || !luhn_ok(ten)) return false;
  int month = (ten[2] - '0') * 10 + (ten[3] - '0'), day = (ten[4] - '0') * 10 + (ten[5] - '0');
  if (day > 60) day -= 60;
  // The century is not written: either reading makes it a candidate (29 February counts in 2000).
  return is_real_date(2000, month, day);
}

std::string cpr_written(std::string_view ten, Rng& rng, std::string* form_note) {
  struct Form {
    const char* separator;
    const char* note;
    int weight;
  };
  static constexpr Form kForms[] = {{"-", "DDMMYY-SSSS", 50}, {"", "DDMMYYSSSS", 30}, {" ", "DDMMYY SSSS", 14},
                                    {"/", "DDMMYY/SSSS", 2},  {".", "DDMMYY.SSSS", 2}, {"\t", "DDMMYY<tab>SSSS", 2}};
  int roll = static_cast<int>(rng.below(100));
  const Form* form = &kForms[0];
  for (const Form& f : kForms) {
    form = &f;
    if ((roll -= f.weight) < 0) break;
  }
  if (form_note) *form_note = form->note;
  return std::string(ten.substr(0, 6)).append(form->separator).append(ten.substr(6));
}

char luhn_check_digit(std::string_view payload) {
  int sum = 0;
  bool twice = true;  // the check digit will stand to the right
  for (auto it = payload.rbegin(); it != payload.rend(); ++it, twice = !twice) {
    int d = (*it - '0') * (twice ? 2 : 1);
    sum += d > 9 ? d - 9 : d;
  }
  return static_cast<char>('0' + (10 - sum % 10) % 10);
}

bool luhn_ok(std::string_view digits) {
  return !digits.empty() && luhn_check_digit(digits.substr(0, digits.size() - 1)) == digits.back();
}

int mod97(std::string_view s) {
  int rest = 0;
  for (char c : s) {
    if (c >= '0' && c <= '9') rest = (rest * 10 + (c - '0')) % 97;
    else rest = (rest * 100 + (c - 'A' + 10)) % 97;
  }
  return rest;
}

std::string digits(Rng& rng, size_t n) {
  std::string out;
  for (size_t i = 0; i < n; ++i) out += static_cast<char>('0' + rng.below(10));
  return out;
}

std::string grouped(std::string_view s, size_t group, std::string_view sep) {
  std::string out;
  for (size_t i = 0; i < s.size(); i += group) {
    if (i) out.append(sep);
    out.append(s.substr(i, group));
  }
  return out;
}

}  // namespace gdprscan::corpus::values
