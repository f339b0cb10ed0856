// Contact data: e-mail addresses.
#include "validator_families.h"
#include "validator_util.h"

#include "text_decode.h"

#include <algorithm>

namespace gdprscan {
namespace {

using namespace vutil;

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

std::string mask_email(std::string_view span) {
  size_t at = span.find('@');
  if (at == std::string_view::npos || at == 0) return std::string(span.size(), '*');
  return std::string(1, span[0]) + "***" + std::string(span.substr(at));
}

}  // namespace

std::string mask_email_address(std::string_view address) { return mask_email(address); }

std::vector<Validator> contact_validators() {
  return {
      {"email", confirm_email, mask_email, 64 + 1 + 253},
  };
}

}  // namespace gdprscan
