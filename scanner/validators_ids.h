// Checksums and structure checks of the national identifiers outside Denmark
// (validators_nordic.cpp, validators_eu.cpp). Exposed so the unit tests can pin each one on
// published examples; the validators are reached through find_validator() like any other.
// Every function takes the identifier's characters without separators.
#pragma once

#include <optional>
#include <string_view>

#include "validators.h"

namespace gdprscan::ids {

// (The Swedish personnummer's Luhn is the cards' one: checksum::luhn_ok in checksums.h.)
// Norwegian fødselsnummer: both mod-11 check digits (weights 3,7,6,1,8,9,4,5,2 and
// 5,4,3,2,7,6,5,4,3,2). Eleven digits.
bool no_fnr_checks_ok(std::string_view eleven);
// Finnish HETU check character over DDMMYYNNN: "0123456789ABCDEFHJKLMNPRSTUVWXY"[n mod 31].
char fi_hetu_check_char(std::string_view nine_digits);
// Icelandic kennitala: weights 3,2,7,6,5,4,3,2 on the first eight digits give the ninth.
bool is_kennitala_check_ok(std::string_view ten);
// Dutch BSN "11-proof": weights 9..2 and -1 on the last digit, sum divisible by 11.
bool nl_bsn_ok(std::string_view nine);
// Polish PESEL: weights 1,3,7,9,1,3,7,9,1,3 give the eleventh digit.
bool pl_pesel_check_ok(std::string_view eleven);
// Full year of a PESEL birth date from the century encoded in the month (81-92: 1800s,
// 01-12: 1900s, 21-32: 2000s, 41-52: 2100s, 61-72: 2200s); nullopt for any other month.
std::optional<CivilDate> pl_pesel_birth_date(std::string_view eleven);
// German Steuer-ID: ISO 7064 MOD 11,10 check digit over the first ten digits.
bool de_steuer_id_check_ok(std::string_view eleven);
// The Steuer-ID's digit rule: no leading zero; in the first ten digits exactly one digit
// appears twice or three times (a three-fold digit never three in a row), the others once.
bool de_steuer_id_digits_ok(std::string_view eleven);
// Spanish DNI/NIE control letter: "TRWAGMYFPDXBNJZSQVHLCKE"[number mod 23].
char es_control_letter(std::string_view digits);
// Italian codice fiscale check letter over the first fifteen characters (upper case).
char it_cf_check_char(std::string_view fifteen);
// French NIR key over the first thirteen characters: 97 - (n mod 97), Corsica's 2A and 2B
// read as 19 and 18. -1 when the thirteen characters are not a number.
int fr_nir_key(std::string_view thirteen);
// UK National Insurance number prefix: letters HMRC allocates (no D, F, I, Q, U, V; no O
// second; not BG, GB, KN, NK, NT, TN, ZZ).
bool uk_nino_prefix_ok(char first, char second);
// UK NHS number: weights 10..2 on nine digits; 11 - (sum mod 11) is the tenth (11 -> 0,
// 10 never issued).
bool uk_nhs_ok(std::string_view ten);

// Ten digits that are also a Danish CPR number at full strength: a real birth date by
// CPR-kontoret's century table, not in the future, mod-11 passed or one of the dates
// without a check digit. The other Nordic numbers of the same shape defer to it.
bool reads_as_danish_cpr(std::string_view ten, const CivilDate& today);
// The birth date of ten digits read as a CPR number, if real and not in the future.
std::optional<CivilDate> danish_cpr_birth_date(std::string_view ten, const CivilDate& today);
// Demotes a foreign reading `c` of ten digits that also read as a Danish CPR number: to 0.1
// (signal danish_cpr_reading) when they read as one at full strength, so that even a keyword
// cannot lift it to the default threshold; to at most 0.25 (cpr_birth_date) when they merely
// have a CPR birth date. This scanner's home is Denmark (validators_nordic.cpp).
void defer_to_danish_cpr(std::string_view ten, const ValidationEnv& env, Confirmed& c);

// Cheap first test for a candidate end: no letter or digit right after it. Most candidates
// end inside a longer run (a 13-digit number ends a 9-digit pattern five times).
inline bool ends_free(std::string_view text, size_t end) {
  if (end >= text.size()) return end == text.size();
  char c = text[end];
  return !((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'));
}

// Where `shape` would start if the text ending at `end` has it: 'd' a digit, 'A' a capital
// letter, '?' either, anything else itself ("dddddd-dddd").
std::optional<size_t> shape_ends_at(std::string_view text, size_t end, std::string_view shape);

}  // namespace gdprscan::ids
