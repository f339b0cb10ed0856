// Check digits and shapes of the Nordic and other EU person identifiers, after
// ../shared/DETECTION.md and the rules' descriptions (rules/nordic.toml, rules/eu.toml):
// the generator's own arithmetic, independent of the scanner's validators.
#pragma once

#include <string>
#include <string_view>

#include "rng.h"
#include "values.h"

namespace gdprscan::corpus::values {

// Norway: DDMMYY + individual number + two mod-11 check digits; -1 when none exists.
int no_check_digit(std::string_view digits, bool second);
bool no_fnr_ok(std::string_view eleven);
// Finland: the HETU check character of DDMMYYNNN.
char fi_check_char(std::string_view nine);
// Whether DDMMYY, `sign`, NNN and the last character read as a valid HETU (real past birth
// date for the sign's century, individual number 002-899 or above, check character): a
// CPR-shaped number written with '-' is one about once in 31, a Swedish one with '+' too.
bool reads_as_hetu(std::string_view ten, char sign);
// Iceland: the kennitala check digit of the first eight digits, -1 when none exists.
int is_check_digit(std::string_view eight);
// Netherlands: the BSN 11-proof.
bool nl_bsn_ok(std::string_view nine);
// Poland: the PESEL check digit of the first ten digits.
char pl_check_digit(std::string_view ten);
bool pl_pesel_ok(std::string_view eleven);  // check digit and a real birth date
// Germany: the Steuer-ID digit rule over the first ten digits and its ISO 7064 MOD 11,10 check.
bool de_digit_rule_ok(std::string_view ten);
char de_check_digit(std::string_view ten);
bool de_steuer_id_ok(std::string_view eleven);
// Spain: the DNI/NIE control letter of an eight-digit number.
char es_control_letter(std::string_view eight);
// Italy: the codice fiscale check letter of the first fifteen characters.
char it_check_char(std::string_view fifteen);
// France: the NIR key of the thirteen characters (2A and 2B read as 19 and 18).
int fr_nir_key(std::string_view thirteen);
// UK: the NHS number check digit of nine digits, -1 when none exists (10 is never issued).
int uk_nhs_check_digit(std::string_view nine);
bool uk_nino_prefix_ok(char a, char b);

// Whether eleven digits pass another country's eleven-digit check, so a number planted for
// one country is not also another's (PESEL, Steuer-ID, fødselsnummer).
bool eleven_digit_readings(std::string_view eleven, int* count);

}  // namespace gdprscan::corpus::values
