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
