// Check-digit schemes and structure tables of the financial and online identifiers
// (validators_financial.cpp, validators_online.cpp), exposed for the unit tests.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace gdprscan::checksum {

// Luhn (ISO/IEC 7812-1) over a string of digits: payment cards.
bool luhn_ok(std::string_view digits);
// ISO 13616: the IBAN moved 4 characters left, letters as 10..35, modulo 97 (1 = valid).
// `iban` is upper-case letters and digits only.
int iban_mod97(std::string_view iban);
// The IBAN length the SWIFT IBAN registry gives for a country code ("DK" -> 18), 0 if the
// country has no IBAN.
int iban_length(std::string_view country);
// Danish CVR: weights 2,7,6,5,4,3,2,1, the sum divisible by 11.
bool cvr_mod11_ok(std::string_view eight_digits);
// Card brand from the issuer identification number and length ("visa", "dankort", ...),
// empty when no brand issues that prefix at that length.
std::string card_brand(std::string_view digits);

// RFC 4291 text forms (full, "::"-compressed, with a trailing dotted IPv4) to the RFC 5952
// canonical form: lower case, no leading zeros, the longest run of zero groups as "::".
std::optional<std::string> canonical_ipv6(std::string_view text);
// Dotted quad with octets 0-255 and no leading zeros; the canonical form is the input.
bool valid_ipv4(std::string_view text);

}  // namespace gdprscan::checksum
