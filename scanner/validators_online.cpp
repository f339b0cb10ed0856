// Phones and online identifiers: Danish and Nordic phone numbers, IPv4 and IPv6 addresses,
// MAC addresses. Phones are noisy (any 8 digits may be one), so without a country code the
// structure alone stays below the reporting threshold and a keyword has to say "phone".
#include "checksums.h"
#include "validator_families.h"
#include "validator_util.h"

#include "text_decode.h"

#include <algorithm>
#include <cstdio>

namespace gdprscan {

using namespace vutil;

namespace {

bool is_hex(char c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
int hex_value(char c) { return is_digit(c) ? c - '0' : (c | 0x20) - 'a' + 10; }
char to_lower(char c) { return is_upper(c) ? static_cast<char>(c + 32) : c; }

}  // namespace

namespace checksum {

bool valid_ipv4(std::string_view s) {
  int parts = 0;
  size_t i = 0;
  while (parts < 4) {
    size_t from = i;
    int value = 0;
    while (i < s.size() && is_digit(s[i]) && i - from < 3) value = value * 10 + digit(s[i++]);
    size_t n = i - from;
    if (n == 0 || value > 255 || (n > 1 && s[from] == '0')) return false;  // "010" could be octal
    if (++parts < 4) {
      if (i >= s.size() || s[i] != '.') return false;
      ++i;
    }
  }
  return i == s.size();
}

namespace {

// Parses "h:h::h" groups (at most `max_groups`) into `out`; returns false on a malformed group.
bool parse_groups(std::string_view s, std::vector<int>& out) {
  if (s.empty()) return true;
  size_t from = 0;
  while (true) {
    size_t colon = s.find(':', from);
    std::string_view group = s.substr(from, colon == std::string_view::npos ? std::string_view::npos : colon - from);
    if (group.empty() || group.size() > 4 || !std::all_of(group.begin(), group.end(), is_hex)) return false;
    int v = 0;
    for (char c : group) v = v * 16 + hex_value(c);
    out.push_back(v);
    if (colon == std::string_view::npos) return true;
    from = colon + 1;
  }
}

std::string format_groups(const std::vector<int>& g, size_t count) {
  // RFC 5952: the longest run of two or more zero groups (the first of equals) becomes "::".
  size_t best = count, best_length = 1;
  for (size_t i = 0; i < count;) {
    size_t j = i;
    while (j < count && g[j] == 0) ++j;
    if (j - i > best_length) best = i, best_length = j - i;
    i = j == i ? i + 1 : j;
  }
  std::string out;
  char buf[8];
  for (size_t i = 0; i < count; ++i) {
    if (i == best) {
      out += "::";
      i += best_length - 1;
      continue;
    }
    if (!out.empty() && out.back() != ':') out += ':';
    std::snprintf(buf, sizeof buf, "%x", static_cast<unsigned>(g[i]));
    out += buf;
  }
  return out;
}

}  // namespace

std::optional<std::string> canonical_ipv6(std::string_view s) {
  // A dotted IPv4 tail stands for the last two groups.
  std::string v4;
  size_t last_colon = s.rfind(':');
  if (last_colon != std::string_view::npos && s.find('.', last_colon) != std::string_view::npos) {
    v4 = std::string(s.substr(last_colon + 1));
    if (!valid_ipv4(v4)) return std::nullopt;
    s = s.substr(0, last_colon + 1);
    if (s.size() >= 2 && s.substr(s.size() - 2) == "::") {
      // "::ffff:" keeps its "::"; the parser below sees "::" at the end.
    } else {
      s.remove_suffix(1);  // "64:ff9b:0:0:0:0:" -> "64:ff9b:0:0:0:0"
    }
  }
  size_t want = v4.empty() ? 8 : 6;
  std::vector<int> head, tail;
  size_t gap = s.find("::");
  if (gap == std::string_view::npos) {
    if (!parse_groups(s, head) || head.size() != want) return std::nullopt;
  } else {
    if (s.find("::", gap + 1) != std::string_view::npos) return std::nullopt;
    if (!parse_groups(s.substr(0, gap), head) || !parse_groups(s.substr(gap + 2), tail)) return std::nullopt;
    if (head.size() + tail.size() >= want) return std::nullopt;  // "::" stands for at least one group
  }
  std::vector<int> groups = head;
  groups.resize(want - tail.size(), 0);
  groups.insert(groups.end(), tail.begin(), tail.end());
  std::string out = format_groups(groups, want);
  if (!v4.empty()) {
    if (out.back() != ':') out += ':';
    out += v4;
  }
  return out;
}

}  // namespace checksum

namespace {

// ---- phones ----------------------------------------------------------------------------

constexpr std::string_view kPhoneSeparators = " -";

// The national number as the last groups of a grouped run, and what stands before it.
struct PhoneParts {
  size_t start = 0;           // first character of the span (a '+' or the first digit)
  std::string country;        // "45", "46", ... or empty
  std::string national;       // digits after the country code (and after a trunk 0)
  GroupSizes groups;          // the national number's grouping
  bool trunk_zero = false;    // national form with the trunk prefix 0 ("070-123 45 67")
  bool hyphen_after_area = false;
};

// Splits "+45 12 34 56 78", "0045 12345678", "(+45) 1234 5678", "+4612345678" or a bare
// number into country code and national number.
PhoneParts split_phone(std::string_view text, const DigitGroups& g) {
  PhoneParts p;
  p.start = g.start;
  p.national = g.digits;
  p.groups = g.sizes;
  auto take_country = [&](size_t code_digits) {
    p.country = p.national.substr(0, code_digits);
    p.national.erase(0, code_digits);
    if (p.groups.front() == static_cast<int>(code_digits)) p.groups.erase_front();
    else p.groups.set_front(p.groups.front() - static_cast<int>(code_digits));
  };
  auto code_length = [&](std::string_view digits) -> size_t {
    for (std::string_view cc : {"45", "46", "47", "358"})
      if (digits.substr(0, cc.size()) == cc) return cc.size();
    return 0;
  };
  if (g.start > 0 && text[g.start - 1] == '+') {
    p.start = g.start - 1;
    size_t n = code_length(p.national);
    if (n == 0 || static_cast<size_t>(g.sizes.front()) < n) return {};
    take_country(n);
  } else if (p.national.rfind("00", 0) == 0) {
    size_t n = code_length(std::string_view(p.national).substr(2));
    if (n == 0 || static_cast<size_t>(g.sizes.front()) < n + 2) return {};
    p.national.erase(0, 2);
    p.groups.set_front(p.groups.front() - 2);
    take_country(n);
  } else if (g.start >= 6 && text.substr(g.start - 6, 6) == "(+45) ") {
    p.start = g.start - 6;
    p.country = "45";
  } else if (p.national.size() > 1 && p.national[0] == '0') {
    p.trunk_zero = true;
    p.national.erase(0, 1);
  }
  return p;
}

// Whether a run of `count` digits from `start` can be a phone number in some form: eight
// national digits (where `bare_national` numbers count), a country code after '+' or "00",
// or a trunk 0. Cheap, so the ten-digit order and customer numbers of a document cost no
// more than this.
bool phone_shaped(std::string_view text, DigitRun run, bool bare_national) {
  bool plus = run.start > 0 && text[run.start - 1] == '+';
  if (run.hyphens > (plus ? 2u : 1u)) return false;  // "12-03-2019" is a date (see phone_at)
  return (bare_national && run.count == 8) || plus || text[run.start] == '0';
}

// The run of digit groups ending at `end`, if it stands alone. Without `bare_national`, only
// numbers with a country code or a trunk 0 (most candidate ends are bare eight-digit
// numbers, turned away here before their groups are read).
std::optional<PhoneParts> phone_at(std::string_view text, size_t end, size_t max_digits, bool bare_national) {
  if (end < text.size() && is_digit(text[end])) return std::nullopt;
  DigitRun run = digits_before(text, end, kPhoneSeparators, max_digits);
  if (run.count < 8 || run.count > max_digits || !phone_shaped(text, run, bare_national)) return std::nullopt;
  DigitGroups g = digit_groups_before(text, end, kPhoneSeparators, max_digits, false);
  if (g.empty() || g.digits.size() > max_digits) return std::nullopt;
  PhoneParts p = split_phone(text, g);
  if (p.national.empty() || p.groups.empty()) return std::nullopt;
  // Hyphens: only after an area code ("070-123 45 67"); "08-09-2006" is a date.
  std::string_view national_seps = std::string_view(g.separators).substr(g.separators.size() - (p.groups.size() - 1));
  for (size_t i = 1; i < national_seps.size(); ++i)
    if (national_seps[i] == '-') return std::nullopt;
  p.hyphen_after_area = !national_seps.empty() && national_seps[0] == '-';
  if (!free_standing(text, p.start, end) || joined_to_word(text, p.start, end)) return std::nullopt;
  if (continues_left(text, p.start, kPhoneSeparators) || continues_right(text, end, kPhoneSeparators))
    return std::nullopt;
  return p;
}

bool dk_grouping_ok(const GroupSizes& sizes) {
  return sizes == GroupSizes{8} || sizes == GroupSizes{4, 4} || sizes == GroupSizes{2, 2, 2, 2};
}

// Danish numbers: eight digits, the first 2-9 (the number plan has no trunk prefix; 1xx
// are short service numbers), written "12 34 56 78", "1234 5678" or "12345678".
std::optional<Confirmed> confirm_dk_phone(std::string_view text, size_t end, const ValidationEnv&) {
  auto p = phone_at(text, end, 12, true);
  if (!p || p->trunk_zero || (!p->country.empty() && p->country != "45")) return std::nullopt;
  if (p->national.size() != 8 || p->national[0] < '2' || !dk_grouping_ok(p->groups) || p->hyphen_after_area)
    return std::nullopt;  // Danish numbers have no area code
  // One value (E.164 digits) with or without the prefix, so one number has one fingerprint.
  if (p->country.empty()) return Confirmed{p->start, end, "45" + p->national, 0.3, {"dk_number_plan"}};
  return Confirmed{p->start, end, "45" + p->national, 0.6, {"dk_number_plan", "country_code:+45"}};
}

// Swedish (+46), Norwegian (+47) and Finnish (+358) numbers, by the length of their national
// numbers; or, next to a phone keyword, a grouped national number with the trunk prefix 0
// that Sweden and Finland use (a Danish number never starts with 0). A Norwegian number
// written without +47 looks exactly like a Danish one and is left to dk.phone.
bool nordic_national_ok(const std::string& country, const std::string& n) {
  if (n[0] == '0') return false;
  if (country == "46") return n.size() >= 7 && n.size() <= 9;
  if (country == "47") return n.size() == 8 && n[0] >= '2';
  if (country == "358") return n.size() >= 6 && n.size() <= 10;
  return false;
}

std::optional<Confirmed> confirm_nordic_phone(std::string_view text, size_t end, const ValidationEnv&) {
  // A bare national number is not Nordic here: without +47 a Norwegian one is Danish-shaped.
  auto p = phone_at(text, end, 15, false);
  if (!p || p->country == "45" || p->national.empty()) return std::nullopt;
  if (p->trunk_zero) {
    // Unbroken or cut 6+4 like a CPR number ("0101800008", "010180-0008"): not a phone.
    if (p->groups.size() < 2 || p->groups == GroupSizes{6, 4}) return std::nullopt;
    if (p->national.size() < 7 || p->national.size() > 9 || p->national[0] == '0') return std::nullopt;
    return Confirmed{p->start, end, "0" + p->national, 0.3, {"trunk_prefix"}};
  }
  if (p->country.empty() || !nordic_national_ok(p->country, p->national)) return std::nullopt;
  return Confirmed{p->start, end, p->country + p->national, 0.6, {"country_code:+" + p->country}};
}

// "+45 12 34 56 78" -> "+45 ** ** ** 78": the country stays, the last two digits tell
// numbers apart.
std::string mask_phone(std::string_view span) {
  int keep_front = 0;
  if (!span.empty() && span[0] == '+') keep_front = span.substr(0, 4) == "+358" ? 3 : 2;
  if (span.substr(0, 6) == "(+45) ") keep_front = 2;
  if (span.substr(0, 2) == "00") keep_front = span.substr(0, 5) == "00358" ? 5 : 4;
  return mask_middle(span, keep_front, 2);
}

// ---- IP addresses ----------------------------------------------------------------------

// "/24" after an address, if it is a valid prefix length: part of the finding.
size_t prefix_length_end(std::string_view text, size_t end, int max_bits) {
  if (end + 1 >= text.size() || text[end] != '/' || !is_digit(text[end + 1])) return end;
  size_t i = end + 1;
  int bits = 0;
  while (i < text.size() && is_digit(text[i]) && i - end <= 3) bits = bits * 10 + digit(text[i++]);
  if (bits > max_bits || (i - end > 2 && text[end + 1] == '0') || word_char_at(text, i)) return end;
  return i;
}

std::optional<Confirmed> confirm_ipv4(std::string_view text, size_t end, const ValidationEnv&) {
  if (end < text.size() && is_digit(text[end])) return std::nullopt;
  size_t start = end;
  for (int dots = 0; start > 0;) {
    char c = text[start - 1];
    if (c == '.' && ++dots > 3) break;
    if (c != '.' && !is_digit(c)) break;
    --start;
  }
  std::string_view address = text.substr(start, end - start);
  if (!checksum::valid_ipv4(address)) return std::nullopt;
  // Not glued into a longer token: a version "1.2.3.4.5", a word, or an IPv6 address's tail.
  if (word_char_before(text, start) || (start > 0 && (text[start - 1] == ':' || text[start - 1] == '.')))
    return std::nullopt;
  if (word_char_at(text, end) || (end + 1 < text.size() && text[end] == '.' && is_digit(text[end + 1])))
    return std::nullopt;
  size_t stop = prefix_length_end(text, end, 32);
  // A dotted quad is also a version, an outline number, a measurement: a keyword must say IP.
  return Confirmed{start, stop, std::string(text.substr(start, stop - start)), 0.3, {"ipv4_octets"}};
}

bool is_ipv6_char(char c) { return is_hex(c) || c == ':' || c == '.'; }

// Whether text[..end) ends with the rule's six-colon chain, ":" and five groups of one to
// four hex digits each closed by ":" (an address without "::" has six or seven colons).
bool six_colon_chain_ends_at(std::string_view text, size_t end) {
  if (end == 0 || text[end - 1] != ':') return false;
  size_t p = end - 1;  // at the chain's last colon
  for (int group = 0; group < 5; ++group) {
    size_t digits = 0;
    while (p > 0 && digits < 5 && is_hex(text[p - 1])) --p, ++digits;
    if (digits == 0 || digits > 4 || p == 0 || text[p - 1] != ':') return false;
    --p;
  }
  return true;
}

// Where the first IPv6 candidate in text[from, to) ends: "::", or a six-colon chain (the
// rule's pattern). Only that candidate confirms the address, so an address is reported
// once, not once per candidate.
size_t first_ipv6_anchor(std::string_view text, size_t from, size_t to) {
  for (size_t p = from + 2; p <= to; ++p)
    if ((text[p - 2] == ':' && text[p - 1] == ':') || six_colon_chain_ends_at(text, p)) return p;
  return 0;
}

std::optional<Confirmed> confirm_ipv6(std::string_view text, size_t end, const ValidationEnv&) {
  size_t start = end;
  while (start > 0 && end - start < 48 && is_ipv6_char(text[start - 1])) --start;
  // Only the first anchor of a token confirms it; the later ones return here, before the
  // rest of the token is read.
  if (first_ipv6_anchor(text, start, end) != end) return std::nullopt;
  size_t stop = end;
  while (stop < text.size() && stop - start < 48 && is_ipv6_char(text[stop])) ++stop;
  while (stop > end && text[stop - 1] == '.') --stop;  // a sentence's full stop
  if (word_char_before(text, start) || (start > 0 && text[start - 1] == '.')) return std::nullopt;
  std::string_view token = text.substr(start, stop - start);
  // Before any parsing: without "::" an address has seven colons (six before an IPv4 tail),
  // so the times of a log ("08:15:22") go here.
  auto colons = std::count(token.begin(), token.end(), ':');
  if (colons < 2 || (colons < 6 && token.find("::") == std::string_view::npos)) return std::nullopt;
  auto canonical = checksum::canonical_ipv6(token);
  if (!canonical) return std::nullopt;
  std::string value = *canonical;
  if (stop < text.size() && text[stop] == '%') {  // a zone: "fe80::1%eth0"
    size_t zone = stop + 1;
    // Interface names are at most 15 characters (Linux IFNAMSIZ); the bound also keeps the
    // span within the validator's max_length, which chunked scanning relies on.
    while (zone < text.size() && zone - stop <= 15 && (is_alnum(text[zone]) || text[zone] == '_')) ++zone;
    if (zone > stop + 1) value.append(text.substr(stop, zone - stop)), stop = zone;
  }
  if (word_char_at(text, stop)) return std::nullopt;
  size_t with_prefix = prefix_length_end(text, stop, 128);
  value.append(text.substr(stop, with_prefix - stop));
  Confirmed c{start, with_prefix, value, 0.6, {"ipv6_syntax"}};
  if (*canonical == "::" || *canonical == "::1") {
    c.score = 0.3;  // unspecified and loopback identify no machine; "::" is also C++ and Haskell
    c.signals.push_back("special_address");
  }
  return c;
}

// The network part stays, the host part goes: "192.168.***.***", "2001:db8:****:...".
std::string mask_ip(std::string_view span) {
  std::string out(span);
  int parts = 0;
  char sep = span.find(':') != std::string_view::npos ? ':' : '.';
  const int keep = 2;
  for (char& c : out) {
    if (c == '/' || c == '%') break;
    if (c == sep || (sep == ':' && c == '.')) {
      ++parts;
      continue;
    }
    if (parts >= keep && is_alnum(c)) c = '*';
  }
  return out;
}

// ---- MAC addresses ---------------------------------------------------------------------

std::optional<Confirmed> confirm_mac(std::string_view text, size_t end, const ValidationEnv&) {
  std::string hex;
  size_t start;
  if (end >= 17 && (text[end - 3] == ':' || text[end - 3] == '-')) {
    start = end - 17;
    char sep = text[end - 3];
    for (size_t i = 0; i < 17; ++i) {
      char c = text[start + i];
      if (i % 3 == 2 ? c != sep : !is_hex(c)) return std::nullopt;
      if (i % 3 != 2) hex.push_back(to_lower(c));
    }
  } else if (end >= 14 && text[end - 5] == '.' && text[end - 10] == '.') {  // Cisco "0012.3456.789a"
    start = end - 14;
    for (size_t i = 0; i < 14; ++i) {
      char c = text[start + i];
      if (i % 5 == 4 ? c != '.' : !is_hex(c)) return std::nullopt;
      if (i % 5 != 4) hex.push_back(to_lower(c));
    }
  } else {
    return std::nullopt;
  }
  // Not part of a longer colon/dot run (an IPv6 address, a key fingerprint).
  auto joins = [&](char c) { return c == ':' || c == '-' || c == '.'; };
  if (word_char_before(text, start) || (start >= 2 && joins(text[start - 1]) && is_hex(text[start - 2])))
    return std::nullopt;
  if (word_char_at(text, end) || (end + 1 < text.size() && joins(text[end]) && is_hex(text[end + 1])))
    return std::nullopt;
  if (hex == "000000000000" || hex == "ffffffffffff") return std::nullopt;  // no device has these
  std::string value;
  for (size_t i = 0; i < 12; i += 2) value.append(value.empty() ? "" : ":").append(hex.substr(i, 2));
  Confirmed c{start, end, value, 0.6, {"mac_syntax"}};
  if (text[end - 5] == '.' && all_digits(hex)) {
    c.score = 0.3;  // "1234.5678.9012" is as likely a number in dotted groups
    c.signals.push_back("digits_only");
  }
  return c;
}

// The manufacturer part (OUI, first three bytes) stays; the device part goes.
std::string mask_mac(std::string_view span) { return mask_middle(span, 6, 0); }

}  // namespace

std::vector<Validator> online_validators() {
  return {
      // "12 34 56 78", "1234 5678", "12345678", "+4512345678" (10), "004512345678" (12).
      {"dk_phone", confirm_dk_phone, mask_phone, 20, true, digit_runs({2, 4, 8, 10, 12})},
      {"nordic_phone", confirm_nordic_phone, mask_phone, 24, true, digit_runs_from_to(1, 15)},
      {"ipv4", confirm_ipv4, mask_ip, 18, true, digit_runs_from_to(1, 3)},
      {"ipv6", confirm_ipv6, mask_ip, 48 + 24, false},  // its candidate ends inside the address
      {"mac_address", confirm_mac, mask_mac, 17, true, digit_runs_from_to(0, 4)},
  };
}

}  // namespace gdprscan
