// Identity documents: passport machine-readable zones (ICAO 9303, with check digits), and
// document numbers without a checksum (Danish passport and driving licence, Nordic
// passports), which count only next to a keyword (their structure alone scores 0.2). Also
// ICD-10 diagnosis codes, which are health data next to a diagnosis keyword.
#include "validator_families.h"
#include "validator_util.h"

#include "text_decode.h"

namespace gdprscan {

namespace {

using namespace vutil;

// ICAO 9303 check digit: weights 7, 3, 1; digits as themselves, A-Z as 10-35, '<' as 0.
int mrz_value(char c) {
  if (is_digit(c)) return digit(c);
  if (is_upper(c)) return c - 'A' + 10;
  return 0;
}
bool mrz_check(std::string_view field, char check) {
  static constexpr int kWeights[3] = {7, 3, 1};
  int sum = 0;
  for (size_t i = 0; i < field.size(); ++i) sum += mrz_value(field[i]) * kWeights[i % 3];
  return is_digit(check) && sum % 10 == digit(check);
}
bool mrz_char(char c) { return is_digit(c) || is_upper(c) || c == '<'; }

// The second line of a passport's MRZ (TD3, 44 characters):
//   number(9) check nationality(3) birth(6) check sex expiry(6) check personal(14) check final
// The candidate ends after the expiry's check digit (offset 28): "\d{6}\d[MFX<]\d{6}\d".
std::optional<Confirmed> confirm_mrz(std::string_view text, size_t end, const ValidationEnv&) {
  if (end < 28 || end + 16 > text.size()) return std::nullopt;
  size_t start = end - 28;
  std::string_view line = text.substr(start, 44);
  if (!std::all_of(line.begin(), line.end(), mrz_char)) return std::nullopt;
  // The line starts here: after a non-MRZ character, or right after the 44 characters of the
  // first line (OCR output and some exports run the two lines together).
  bool after_first_line = start >= 44 && text[start - 44] == 'P' && (start == 44 || !mrz_char(text[start - 45]));
  if (start > 0 && mrz_char(text[start - 1]) && !after_first_line) return std::nullopt;
  if (start + 44 < text.size() && mrz_char(text[start + 44])) return std::nullopt;
  bool number = mrz_check(line.substr(0, 9), line[9]);
  bool birth = mrz_check(line.substr(13, 6), line[19]);
  bool expiry = mrz_check(line.substr(21, 6), line[27]);
  bool personal = line[42] == '<' || mrz_check(line.substr(28, 14), line[42]);
  std::string composite = std::string(line.substr(0, 10)).append(line.substr(13, 7)).append(line.substr(21, 22));
  bool all = mrz_check(composite, line[43]);
  if (!(number && birth && expiry && personal && all)) return std::nullopt;
  std::string value(line.substr(0, 9));
  while (!value.empty() && value.back() == '<') value.pop_back();
  value = std::string(line.substr(10, 3)).append(":").append(value);  // nationality and number
  return Confirmed{start, start + 44, value, 0.95, {"mrz_check_digits"}};
}

std::string mask_mrz(std::string_view span) {
  std::string out(span);
  for (size_t i = 0; i < out.size(); ++i)
    if (i >= 2 && !(i >= 10 && i < 13) && out[i] != '<') out[i] = '*';  // keeps the nationality
  return out;
}

// A run of exactly `digits` digits ending at `end`, standing free.
std::optional<size_t> exact_digits(std::string_view text, size_t end, size_t digits) {
  if (end < digits || end > text.size()) return std::nullopt;
  size_t start = end - digits;
  if (!all_digits(text.substr(start, digits))) return std::nullopt;
  if (!free_standing(text, start, end) || joined_to_word(text, start, end)) return std::nullopt;
  return start;
}

// Danish passport: nine digits. No checksum: a keyword must say what it is.
std::optional<Confirmed> confirm_dk_passport(std::string_view text, size_t end, const ValidationEnv&) {
  auto start = exact_digits(text, end, 9);
  if (!start) return std::nullopt;
  return Confirmed{*start, end, std::string(text.substr(*start, 9)), 0.2, {"shape"}};
}

// Danish driving licence: eight digits, keyword required.
std::optional<Confirmed> confirm_dk_driving_licence(std::string_view text, size_t end, const ValidationEnv&) {
  auto start = exact_digits(text, end, 8);
  if (!start) return std::nullopt;
  return Confirmed{*start, end, std::string(text.substr(*start, 8)), 0.2, {"shape"}};
}

// Swedish passports: eight digits; Norwegian and Finnish: two letters and seven digits.
// Keyword required.
std::optional<Confirmed> confirm_nordic_passport(std::string_view text, size_t end, const ValidationEnv&) {
  if (auto start = exact_digits(text, end, 8))
    return Confirmed{*start, end, std::string(text.substr(*start, 8)), 0.2, {"shape"}};
  if (end < 9 || end > text.size()) return std::nullopt;
  size_t start = end - 9;
  std::string_view s = text.substr(start, 9);
  if (!is_upper(s[0]) || !is_upper(s[1]) || !all_digits(s.substr(2))) return std::nullopt;
  if (!free_standing(text, start, end)) return std::nullopt;
  return Confirmed{start, end, std::string(s), 0.2, {"shape"}};
}

// ICD-10 (and the Danish SKS form "DE109"): a chapter letter, two digits, then up to two
// more, with or without a dot ("E10.9", "E109", "F32"). Codes look like many other
// references, so only a diagnosis keyword makes one, and only a person identifier nearby
// (the rule's pairing) makes it a finding: the structure scores nothing on its own.
std::optional<Confirmed> confirm_icd10(std::string_view text, size_t end, const ValidationEnv&) {
  if (end > text.size()) return std::nullopt;
  size_t run = 0;
  while (run < 5 && run < end && is_digit(text[end - run - 1])) ++run;
  size_t letter;  // position of the chapter letter
  if (run >= 1 && run <= 2 && end >= run + 4 && text[end - run - 1] == '.') {
    letter = end - run - 4;  // "E10.9"
    if (!is_digit(text[letter + 1]) || !is_digit(text[letter + 2])) return std::nullopt;
  } else if (run >= 2 && run <= 4 && end > run) {
    letter = end - run - 1;  // "F32", "E109"
  } else {
    return std::nullopt;
  }
  if (!is_upper(text[letter]) || text[letter] == 'U') return std::nullopt;  // U: codes for special purposes
  size_t start = letter > 0 && text[letter - 1] == 'D' ? letter - 1 : letter;  // SKS prefix
  if (word_char_before(text, start) || word_char_at(text, end)) return std::nullopt;
  if (end + 1 < text.size() && text[end] == '.' && is_digit(text[end + 1])) return std::nullopt;  // "F32" of "F32.1"
  return Confirmed{start, end, std::string(text.substr(start, end - start)), 0.0, {"icd10_shape"}};
}

std::string keep_two(std::string_view span) { return mask_all_but_two(span); }
std::string show_code(std::string_view span) { return std::string(span); }

}  // namespace

std::vector<Validator> document_validators() {
  return {
      {"passport_mrz", confirm_mrz, mask_mrz, 44, false},  // the candidate ends mid-line: no run gate
      // Exactly these many digits end the span: the detector skips every other run unasked.
      {"dk_passport", confirm_dk_passport, keep_two, 9, true, digit_runs({9})},
      {"dk_driving_licence", confirm_dk_driving_licence, keep_two, 8, true, digit_runs({8})},
      {"nordic_passport", confirm_nordic_passport, keep_two, 9, true, digit_runs({7, 8})},
      // "E10.9" ends at the "1" of "E10.95" too; 1 to 4 digits end the code.
      {"icd10", confirm_icd10, show_code, 8, false, digit_runs({1, 2, 3, 4})},
  };
}

}  // namespace gdprscan
