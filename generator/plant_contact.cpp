// Contact identifiers: e-mail addresses, Danish and Nordic phone numbers.
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
std::string danish_national(Rng& rng) { return std::to_string(rng.between(2, 9)).append(values::digits(rng, 7)); }

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
  std::string no = std::to_string(rng.chance(0.5) ? 4 : 9).append(values::digits(rng, 7));  // 8 digits: 412 34 567
  std::string fi = std::to_string(rng.chance(0.5) ? 40 : 50).append(values::digits(rng, 7));  // 9 digits: 40 123 4567
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

}  // namespace gdprscan::corpus
