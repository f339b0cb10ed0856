// Contact and online identifiers: e-mail addresses, Danish and Nordic phone numbers, IP and
// MAC addresses.
#include "planters.h"
#include "values.h"

namespace gdprscan::corpus {

namespace {

struct Email {
  std::string written, value;
};

// Mostly lower case as people type them; some with capitals, which findings fold.
Email make_email(Rng& rng, const std::string& name) {
  std::string local = vocab::email_local_part(name, rng);
  std::string domain(rng.pick(vocab::email_domains()));
  std::string value = local + "@" + domain;
  std::string written = value;
  if (rng.chance(0.15)) {
    for (size_t i = 0; i < written.size(); ++i)
      if (i == 0 || written[i - 1] == '.' || written[i - 1] == '@')
        if (written[i] >= 'a' && written[i] <= 'z') written[i] = static_cast<char>(written[i] - 32);
  }
  return {written, value};
}

}  // namespace

std::string email_address(Rng& rng, const std::string& name) { return make_email(rng, name).value; }

Snippet plant_email(Rng& rng) {
  static const std::vector<std::string_view> kPatterns = {
      "Borgeren kan kontaktes på {email}.",
      "Kopi er sendt til {email}.",
      "Spørgsmål kan rettes til {name} på {email}.",
      "E-mail: {email}",
      "{name} <{email}>",
      "Mail modtaget fra {email} i går.",
      "Svar sendt til {email} via sikker mail.",
      "Kontaktperson: {name}, {email}",
      "mailto:{email}",
      "Please reply to {email} before Friday.",
  };
  std::string name = vocab::full_name(rng);
  Email email = make_email(rng, name);
  Snippet s;
  s.text = sentence(rng, kPatterns, {{"email", email.written}, {"name", name}});
  s.truth.push_back(positive("email", email.value, email.written == email.value ? "" : "capitalised"));
  return s;
}

Snippet cell_email(Rng& rng) {
  Email email = make_email(rng, vocab::full_name(rng));
  Snippet s;
  s.text = email.written;
  s.truth.push_back(positive("email", email.value, "table cell"));
  return s;
}

}  // namespace gdprscan::corpus

namespace gdprscan::corpus {

// ---- phones ----

namespace {

// Danish numbers: eight digits from 2-9, written 12 34 56 78, 1234 5678 or unbroken.
std::string danish_national(Rng& rng) { return std::to_string(rng.between(2, 9)) + values::digits(rng, 7); }

std::string danish_written(const std::string& n, Rng& rng) {
  uint64_t roll = rng.below(3);
  return roll == 0 ? values::grouped(n, 2, " ") : roll == 1 ? values::grouped(n, 4, " ") : n;
}

}  // namespace

Snippet plant_dk_phone(Rng& rng) {
  static const std::vector<std::string_view> kKeyword = {
      "Tlf. {phone}", "Borgeren ringede fra tlf. {phone}.", "Kan træffes på telefon {phone} mellem kl. 9 og 12.",
      "{relation} kan kontaktes på mobil {phone}.", "Mobil: {phone}", "Phone: {phone}",
  };
  static const std::vector<std::string_view> kCountryCode = {
      "Ring på {phone}, hvis aftalen skal ændres.", "{name}, {phone}", "Kontakt: {name} ({phone})",
  };
  std::string n = danish_national(rng);
  std::string written = danish_written(n, rng);
  uint64_t prefix = rng.below(10);
  bool international = prefix < 4;
  if (international) written = (prefix == 0 ? "0045 " : prefix == 1 ? "(+45) " : "+45 ") + written;
  Snippet s;
  s.text = sentence(rng, international ? kCountryCode : kKeyword,
                    {{"phone", written}, {"name", vocab::full_name(rng)}, {"relation", std::string(rng.pick(vocab::relations()))}});
  s.truth.push_back(positive("dk.phone", "45" + n, international ? "country code" : "keyword"));
  return s;
}

Snippet cell_dk_phone(Rng& rng) {
  std::string n = danish_national(rng);
  Snippet s;
  s.text = "+45 " + danish_written(n, rng);
  s.truth.push_back(positive("dk.phone", "45" + n, "country code, table cell"));
  return s;
}

Snippet plant_phone_nordic(Rng& rng) {
  struct Form {
    const char* pattern;
    const char* country;  // value prefix: country code, or "0" for the trunk prefix
    const char* note;
  };
  // National numbers after the Swedish, Norwegian and Finnish number plans: mobiles 07x,
  // 4xx/9xx and 04x/05x.
  static constexpr Form kForms[] = {
      {"Ring {name} på +46 {a} {b} {c} {d}", "46", "Swedish, +46"},
      {"Telefon: 0046 {a} {b} {c} {d}", "46", "Swedish, 0046"},
      {"Telefon: 0{a}-{b} {c} {d}", "0", "Swedish, trunk 0, keyword"},
      {"{name} (Oslo), +47 {n1} {n2} {n3}", "47", "Norwegian, +47"},
      {"Kontakt i Helsinki: +358 {f1} {f2} {f3}", "358", "Finnish, +358"},
      {"puh. 0{f1} {f2} {f3}", "0", "Finnish, trunk 0, keyword"},
  };
  const Form& f = kForms[rng.below(std::size(kForms))];
  std::string se = std::string("7").append(std::to_string(rng.between(0, 9))).append(values::digits(rng, 7));  // 9 digits: 70 123 45 67
  std::string no = std::to_string(rng.chance(0.5) ? 4 : 9) + values::digits(rng, 7);  // 8 digits: 412 34 567
  std::string fi = std::to_string(rng.chance(0.5) ? 40 : 50) + values::digits(rng, 7);  // 9 digits: 40 123 4567
  bool swedish = f.note[0] == 'S', norwegian = f.note[0] == 'N';
  std::string national = swedish ? se : norwegian ? no : fi;
  Snippet s;
  s.text = sentence(rng, {f.pattern},
                    {{"name", vocab::full_name(rng)},
                     {"a", se.substr(0, 2)}, {"b", se.substr(2, 3)}, {"c", se.substr(5, 2)}, {"d", se.substr(7, 2)},
                     {"n1", no.substr(0, 3)}, {"n2", no.substr(3, 2)}, {"n3", no.substr(5, 3)},
                     {"f1", fi.substr(0, 2)}, {"f2", fi.substr(2, 3)}, {"f3", fi.substr(5, 4)}});
  s.truth.push_back(positive("phone.nordic", f.country + national, f.note));
  return s;
}

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
  if (rng.chance(0.1)) ip += "/" + std::to_string(rng.between(8, 32));
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

// Swedish, Norwegian and Finnish numbers with their country code: found on their structure.
Snippet cell_phone_nordic(Rng& rng) {
  switch (rng.below(3)) {
    case 0: {
      std::string n = std::string("7").append(std::to_string(rng.between(0, 9))).append(values::digits(rng, 7));
      std::string text = std::string("+46 ").append(n.substr(0, 2)).append(" ").append(n.substr(2, 3)).append(" ");
      text.append(n.substr(5, 2)).append(" ").append(n.substr(7, 2));
      return as_cell({text, positive("phone.nordic", "46" + n, "Swedish, +46")});
    }
    case 1: {
      std::string n = std::to_string(rng.chance(0.5) ? 4 : 9).append(values::digits(rng, 7));
      std::string text = std::string("+47 ").append(n.substr(0, 3)).append(" ").append(n.substr(3, 2)).append(" ").append(n.substr(5));
      return as_cell({text, positive("phone.nordic", "47" + n, "Norwegian, +47")});
    }
    default: {
      std::string n = std::to_string(rng.chance(0.5) ? 40 : 50).append(values::digits(rng, 7));
      std::string text = std::string("+358 ").append(n.substr(0, 2)).append(" ").append(n.substr(2, 3)).append(" ").append(n.substr(5));
      return as_cell({text, positive("phone.nordic", "358" + n, "Finnish, +358")});
    }
  }
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
