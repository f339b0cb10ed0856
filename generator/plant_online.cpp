// Online identifiers (GDPR recital 30): IPv4 addresses next to their keyword, IPv6 addresses
// in their written forms, MAC addresses.
#include "planters.h"
#include "values.h"

namespace gdprscan::corpus {

// ---- IP and MAC addresses ----

namespace {

std::string octet(Rng& rng) { return std::to_string(rng.between(0, 255)); }

std::string make_ipv4(Rng& rng) {
  static constexpr const char* kFirst[] = {"10", "192", "172", "185", "80", "212", "93", "62", "130"};
  std::string first = kFirst[rng.below(std::size(kFirst))];
  std::string second = first == "192" ? "168" : first == "172" ? std::to_string(rng.between(16, 31)) : octet(rng);
  return first + "." + second + "." + octet(rng) + "." + std::to_string(rng.between(1, 254));
}

// Four hex digits with leading zeros.
std::string hex4(uint64_t v, bool upper) {
  static constexpr std::string_view kLower = "0123456789abcdef", kUpper = "0123456789ABCDEF";
  std::string out;
  for (int shift = 12; shift >= 0; shift -= 4) out += (upper ? kUpper : kLower)[(v >> shift) & 0xF];
  return out;
}

// RFC 5952: lower case, no leading zeros, the longest run of two or more zero groups (the
// first of equals) as "::".
std::string ipv6_canonical(const std::vector<uint16_t>& g) {
  int best = -1, best_len = 0;
  for (int i = 0; i < 8;) {
    int j = i;
    while (j < 8 && g[j] == 0) ++j;
    if (j - i > best_len && j - i >= 2) best = i, best_len = j - i;
    i = j == i ? i + 1 : j;
  }
  auto hex = [](uint16_t v) {
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string s;
    for (int shift = 12; shift >= 0; shift -= 4)
      if (!s.empty() || ((v >> shift) & 0xF) || shift == 0) s += kDigits[(v >> shift) & 0xF];
    return s;
  };
  std::string out;
  for (int i = 0; i < 8; ++i) {
    if (i == best) {
      out += "::";
      i += best_len - 1;
      continue;
    }
    if (!out.empty() && out.back() != ':') out += ':';
    out += hex(g[i]);
  }
  return out;
}

}  // namespace

Snippet plant_ipv4(Rng& rng) {
  static const std::vector<std::string_view> kPatterns = {
      "IP-adresse: {ip}", "Login fra IP {ip} kl. {hh}.{mm}.", "Klientens IP address {ip} er blokeret.",
      "Borgeren loggede ind fra ip-adresse {ip}.", "Source IP {ip} (VPN)",
  };
  std::string ip = make_ipv4(rng);
  if (rng.chance(0.1)) ip.append("/").append(std::to_string(rng.between(8, 32)));
  Snippet s;
  s.text = sentence(rng, kPatterns,
                    {{"ip", ip}, {"hh", values::two(static_cast<int>(rng.between(7, 22)))},
                     {"mm", values::two(static_cast<int>(rng.between(0, 59)))}});
  s.truth.push_back(positive("ipv4", ip, ip.find('/') == std::string::npos ? "keyword" : "with prefix length, keyword"));
  return s;
}

namespace {

// `suffixed`: a zone ("%eth0") or a prefix length ("/64") follows, both part of the value.
Written written_ipv6(Rng& rng, bool* suffixed) {
  std::vector<uint16_t> groups(8);
  groups[0] = rng.chance(0.5) ? 0x2001 : 0xfe80;
  groups[1] = groups[0] == 0xfe80 ? 0 : 0x0db8 + static_cast<uint16_t>(rng.below(4));
  for (int i = 2; i < 8; ++i) groups[i] = rng.chance(0.35) ? 0 : static_cast<uint16_t>(rng.below(0x10000));
  if (groups[0] == 0xfe80) groups[2] = groups[3] = 0;
  std::string value = ipv6_canonical(groups);
  // Written in full with leading zeros (upper or lower case), or in the compressed form.
  std::string written;
  bool full = rng.chance(0.3);
  bool upper = rng.chance(0.3);
  if (full) {
    for (int i = 0; i < 8; ++i) written.append(i ? ":" : "").append(hex4(groups[i], upper));
  } else {
    written = value;
  }
  std::string note = full ? "eight groups in full" : "RFC 5952 form";
  std::string suffix;
  if (groups[0] == 0xfe80 && rng.chance(0.3)) {
    static const std::vector<std::string_view> kZones = {"%eth0", "%en0", "%wlan0"};
    suffix = rng.pick(kZones), note += ", zone";
  } else if (groups[0] == 0x2001 && rng.chance(0.2)) {
    suffix = rng.chance(0.5) ? "/64" : "/48", note += ", prefix length";
  }
  *suffixed = !suffix.empty();
  return {written + suffix, positive("ipv6", value + suffix, note)};
}

}  // namespace

Snippet plant_ipv6(Rng& rng) {
  static const std::vector<std::string_view> kPatterns = {
      "IPv6: {ip}", "Forbindelse fra {ip} afvist.", "Enheden har adressen {ip} på det interne net.",
      "Client address [{ip}]:443",
  };
  static const std::vector<std::string_view> kSuffixed = {"IPv6: {ip}", "Enheden har adressen {ip} på det interne net."};
  bool suffixed = false;
  Written w = written_ipv6(rng, &suffixed);
  Snippet s;
  s.text = sentence(rng, suffixed ? kSuffixed : kPatterns, {{"ip", w.text}});
  s.truth.push_back(std::move(w.truth));
  return s;
}

Snippet cell_ipv6(Rng& rng) {
  bool suffixed = false;
  return as_cell(written_ipv6(rng, &suffixed));
}

Snippet plant_mac_address(Rng& rng) {
  static const std::vector<std::string_view> kPatterns = {
      "MAC: {mac}", "Enhedens MAC-adresse er {mac}.", "Lånecomputer ({mac}) udleveret til {name}.",
      "Physical address {mac}", "wlan0 ether {mac}",
  };
  std::string hex;
  for (int i = 0; i < 3; ++i) hex += hex4(rng.below(0x10000), false);
  if (hex.find_first_of("abcdef") == std::string::npos) hex[1] = 'a';  // dotted digits alone would need a keyword
  std::string value;
  for (size_t i = 0; i < 12; i += 2) value.append(value.empty() ? "" : ":").append(hex.substr(i, 2));
  uint64_t form = rng.below(4);
  bool upper = rng.chance(0.5);
  std::string written;
  if (form == 3) {
    written = hex.substr(0, 4) + "." + hex.substr(4, 4) + "." + hex.substr(8, 4);
  } else {
    char sep = form == 2 ? '-' : ':';
    for (size_t i = 0; i < 12; i += 2) written.append(i ? std::string(1, sep) : "").append(hex.substr(i, 2));
  }
  if (upper)
    for (char& c : written)
      if (c >= 'a' && c <= 'f') c = static_cast<char>(c - 32);
  Snippet s;
  s.text = sentence(rng, kPatterns, {{"mac", written}, {"name", vocab::full_name(rng)}});
  s.truth.push_back(positive("mac_address", value, form == 3 ? "Cisco dotted" : form == 2 ? "hyphens" : "colons"));
  return s;
}

Snippet cell_mac_address(Rng& rng) {
  Snippet s = plant_mac_address(rng);
  // The value alone, colons: keyword-free by its structure.
  s.text = s.truth.front().value;
  s.truth.front().note = "colons, table cell";
  return s;
}

}  // namespace gdprscan::corpus
