#include "values_ids.h"

#include <array>

namespace gdprscan::corpus::values {

namespace {
int num(std::string_view s, size_t at, size_t n) {
  int v = 0;
  for (size_t i = 0; i < n; ++i) v = v * 10 + (s[at + i] - '0');
  return v;
}
}  // namespace

int no_check_digit(std::string_view d, bool second) {
  static constexpr int kFirst[9] = {3, 7, 6, 1, 8, 9, 4, 5, 2};
  static constexpr int kSecond[10] = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2};
  const int* w = second ? kSecond : kFirst;
  size_t n = second ? 10 : 9;
  int sum = 0;
  for (size_t i = 0; i < n; ++i) sum += w[i] * (d[i] - '0');
  int check = 11 - sum % 11;
  return check == 11 ? 0 : check == 10 ? -1 : check;
}

bool no_fnr_ok(std::string_view d) {
  return d.size() == 11 && no_check_digit(d, false) == d[9] - '0' && no_check_digit(d, true) == d[10] - '0';
}

char fi_check_char(std::string_view nine) {
  static constexpr std::string_view kChars = "0123456789ABCDEFHJKLMNPRSTUVWXY";
  return kChars[num(nine, 0, 9) % 31];
}

bool reads_as_hetu(std::string_view ten, char sign) {
  int century = sign == '+' ? 1800 : sign == '-' || (sign >= 'U' && sign <= 'Y') ? 1900 : sign >= 'A' && sign <= 'F' ? 2000 : 0;
  if (!century || ten.size() != 10 || num(ten, 6, 3) < 2) return false;
  int year = century + num(ten, 4, 2);
  if (!is_real_date(year, num(ten, 2, 2), num(ten, 0, 2)) || year > kPastHorizon) return false;
  return fi_check_char(ten.substr(0, 9)) == ten[9];
}

int is_check_digit(std::string_view eight) {
  static constexpr int kWeights[8] = {3, 2, 7, 6, 5, 4, 3, 2};
  int sum = 0;
  for (int i = 0; i < 8; ++i) sum += kWeights[i] * (eight[i] - '0');
  int check = 11 - sum % 11;
  return check == 11 ? 0 : check == 10 ? -1 : check;
}

bool nl_bsn_ok(std::string_view nine) {
  int sum = 0;
  for (int i = 0; i < 8; ++i) sum += (9 - i) * (nine[i] - '0');
  sum -= nine[8] - '0';
  return sum % 11 == 0;
}

char pl_check_digit(std::string_view ten) {
  static constexpr int kWeights[10] = {1, 3, 7, 9, 1, 3, 7, 9, 1, 3};
  int sum = 0;
  for (int i = 0; i < 10; ++i) sum += kWeights[i] * (ten[i] - '0');
  return static_cast<char>('0' + (10 - sum % 10) % 10);
}

bool pl_pesel_ok(std::string_view d) {
  if (d.size() != 11 || pl_check_digit(d) != d[10]) return false;
  int month = num(d, 2, 2), century = 1900;
  if (month > 80) century = 1800, month -= 80;
  else if (month > 20) century = 2000 + 100 * ((month - 21) / 20), month = (month - 1) % 20 + 1;
  return is_real_date(century + num(d, 0, 2), month, num(d, 4, 2));
}

bool de_digit_rule_ok(std::string_view ten) {
  if (ten[0] == '0') return false;
  std::array<int, 10> count{};
  for (char c : ten.substr(0, 10)) ++count[c - '0'];
  int repeated = 0, missing = 0;
  for (int c : count) {
    if (c > 3) return false;
    repeated += c > 1;
    missing += c == 0;
  }
  if (repeated != 1) return false;
  for (size_t i = 0; i + 2 < 10; ++i)
    if (ten[i] == ten[i + 1] && ten[i + 1] == ten[i + 2]) return false;
  return missing == 1 || missing == 2;
}

char de_check_digit(std::string_view ten) {
  int product = 10;
  for (char c : ten.substr(0, 10)) {
    int sum = (c - '0' + product) % 10;
    if (sum == 0) sum = 10;
    product = sum * 2 % 11;
  }
  int check = 11 - product;
  return static_cast<char>('0' + (check == 10 ? 0 : check));
}

bool de_steuer_id_ok(std::string_view d) { return d.size() == 11 && de_digit_rule_ok(d) && de_check_digit(d) == d[10]; }

char es_control_letter(std::string_view eight) {
  static constexpr std::string_view kLetters = "TRWAGMYFPDXBNJZSQVHLCKE";
  return kLetters[num(eight, 0, eight.size()) % 23];
}

char it_check_char(std::string_view s) {
  // Odd positions (1st, 3rd, ...) by this table, A-Z and 0-9 alike; even ones by their value.
  static constexpr int kOdd[26] = {1,  0,  5,  7,  9,  13, 15, 17, 19, 21, 2,  4,  18,
                                   20, 11, 3,  6,  8,  12, 14, 16, 10, 22, 25, 24, 23};
  int sum = 0;
  for (size_t i = 0; i < 15; ++i) {
    int v = s[i] >= '0' && s[i] <= '9' ? s[i] - '0' : s[i] - 'A';
    sum += i % 2 == 0 ? kOdd[v] : v;
  }
  return static_cast<char>('A' + sum % 26);
}

int fr_nir_key(std::string_view s) {
  std::string digits(s.substr(0, 13));
  if (digits[5] == '2' && (digits[6] == 'A' || digits[6] == 'B')) {
    digits = digits.substr(0, 5) + (digits[6] == 'A' ? "19" : "18") + digits.substr(7);
  }
  long long n = std::stoll(digits);
  return static_cast<int>(97 - n % 97);
}

int uk_nhs_check_digit(std::string_view nine) {
  int sum = 0;
  for (int i = 0; i < 9; ++i) sum += (10 - i) * (nine[i] - '0');
  int check = 11 - sum % 11;
  return check == 11 ? 0 : check == 10 ? -1 : check;
}

bool uk_nino_prefix_ok(char a, char b) {
  static constexpr std::string_view kNever = "DFIQUV";
  if (kNever.find(a) != kNever.npos || kNever.find(b) != kNever.npos || b == 'O') return false;
  static constexpr std::string_view kPairs[] = {"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"};
  for (std::string_view p : kPairs)
    if (p[0] == a && p[1] == b) return false;
  return true;
}

bool eleven_digit_readings(std::string_view d, int* count) {
  int n = int(no_fnr_ok(d)) + int(pl_pesel_ok(d)) + int(de_steuer_id_ok(d));
  if (count) *count = n;
  return n > 0;
}

}  // namespace gdprscan::corpus::values
