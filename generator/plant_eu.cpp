// Person identifiers of other EU countries and the UK, as they turn up on a Danish share:
// foreign employees, students and patients. Compact forms, which a default scan reads
// (the grouped forms of BSN, Steuer-ID, NIR, NINO and NHS numbers need --spaced-ids).
#include "planters.h"
#include "values.h"
#include "values_ids.h"

namespace gdprscan::corpus {

namespace {

using values::two;

Snippet in_sentence(Rng& rng, const std::vector<std::string_view>& labels, Written w) {
  static const std::vector<std::string_view> kPatterns = {
      "{name}, {label} {id}, er ansat i {dept} fra 1. {month}.",
      "Udenlandsk medarbejder {name} ({label} {id}).",
      "{label} {id}",
      "Kopi af ID: {label} {id}, udstedt til {name}.",
  };
  Snippet s;
  s.text = sentence(rng, kPatterns,
                    {{"name", vocab::full_name(rng)},
                     {"label", std::string(rng.pick(labels))},
                     {"id", w.text},
                     {"dept", std::string(rng.pick(vocab::departments()))},
                     {"month", std::string(rng.pick(vocab::months()))}});
  s.truth.push_back(std::move(w.truth));
  return s;
}

// A ten-digit number must not read as a Danish CPR number or a Swedish one, an eleven-digit
// one as another country's: each planted value has one true reading.
bool ten_digits_clean(std::string_view ten) { return !values::reads_as_cpr(ten) && !values::reads_as_swedish(ten); }

Written written_nl_bsn(Rng& rng) {
  for (;;) {
    std::string d = values::digits(rng, 9);
    if (d == "000000000" || !values::nl_bsn_ok(d)) continue;
    return {d, positive("nl.bsn", d, "nine digits, keyword")};
  }
}

Written written_pl_pesel(Rng& rng) {
  for (;;) {
    values::Date born = values::birth_date(rng, 1940, 2020);
    int month = born.month + (born.year >= 2000 ? 20 : 0);
    std::string ten = two(born.year % 100) + two(month) + two(born.day) + values::digits(rng, 4);
    std::string d = ten + values::pl_check_digit(ten);
    if (values::no_fnr_ok(d) || values::de_steuer_id_ok(d)) continue;
    return {d, positive("pl.pesel", d, born.year >= 2000 ? "born 2000s (month + 20)" : "born 1900s")};
  }
}

Written written_de_steuer_id(Rng& rng) {
  for (;;) {
    std::string ten = values::digits(rng, 10);
    if (!values::de_digit_rule_ok(ten)) continue;
    std::string d = ten + values::de_check_digit(ten);
    if (values::no_fnr_ok(d) || values::pl_pesel_ok(d)) continue;
    return {d, positive("de.steuer_id", d, "eleven digits")};
  }
}

Written written_es_dni(Rng& rng) {
  std::string eight = values::digits(rng, 8);
  char letter = values::es_control_letter(eight);
  bool hyphen = rng.chance(0.2);
  std::string written = eight + (hyphen ? "-" : "") + letter;
  return {written, positive("es.dni", eight + letter, hyphen ? "DDDDDDDD-L" : "DDDDDDDDL")};
}

Written written_es_nie(Rng& rng) {
  int prefix = static_cast<int>(rng.below(3));
  std::string seven = values::digits(rng, 7);
  char letter = values::es_control_letter(std::to_string(prefix) + seven);
  std::string value = std::string(1, static_cast<char>('X' + prefix)) + seven + letter;
  bool hyphen = rng.chance(0.2);
  std::string written = value.substr(0, 8) + (hyphen ? "-" : "") + letter;
  return {written, positive("es.nie", value, hyphen ? "LDDDDDDD-L" : "LDDDDDDDL")};
}

// Three letters from a name, as the codice fiscale takes them: consonants first, then vowels, X.
std::string cf_letters(Rng& rng) {
  static constexpr std::string_view kConsonants = "BCDFGLMNPRSTVZ", kVowels = "AEIOU";
  std::string out;
  for (int i = 0; i < 3; ++i)
    out += i < 2 || rng.chance(0.7) ? kConsonants[rng.below(kConsonants.size())] : kVowels[rng.below(kVowels.size())];
  return out;
}

Written written_it_codice_fiscale(Rng& rng) {
  static constexpr std::string_view kMonths = "ABCDEHLMPRST";
  static constexpr const char* kPlaces[] = {"H501", "F205", "L219", "G273", "A944", "D612", "F839", "L736"};
  values::Date born = values::birth_date(rng, 1940, 2005);
  bool woman = rng.chance(0.5);
  std::string fifteen = cf_letters(rng) + cf_letters(rng) + two(born.year % 100) + kMonths[born.month - 1] +
                        two(born.day + (woman ? 40 : 0)) + kPlaces[rng.below(std::size(kPlaces))];
  std::string code = fifteen + values::it_check_char(fifteen);
  return {code, positive("it.codice_fiscale", code, woman ? "woman (day + 40)" : "man")};
}

Written written_fr_nir(Rng& rng) {
  values::Date born = values::birth_date(rng, 1940, 2005);
  std::string dept = two(static_cast<int>(rng.between(1, 95)));
  if (dept == "20") dept = "75";  // Corsica is 2A/2B, never 20
  std::string thirteen = std::string(1, rng.chance(0.5) ? '1' : '2') + two(born.year % 100) + two(born.month) + dept +
                         std::to_string(1000 + rng.between(1, 990)).substr(1) +
                         std::to_string(1000 + rng.between(1, 999)).substr(1);
  std::string n = thirteen + two(values::fr_nir_key(thirteen));
  // Fifteen digits from 1 with Luhn would also be a UATP card number: drawn again.
  if (values::luhn_ok(n)) return written_fr_nir(rng);
  return {n, positive("fr.nir", n, "fifteen digits")};
}

Written written_uk_nino(Rng& rng) {
  static constexpr std::string_view kLetters = "ABCEGHJKLMNPRSTWXYZ";
  for (;;) {
    char a = kLetters[rng.below(kLetters.size())], b = kLetters[rng.below(kLetters.size())];
    if (!values::uk_nino_prefix_ok(a, b)) continue;
    std::string n = std::string{a, b} + values::digits(rng, 6) + static_cast<char>('A' + rng.below(4));
    return {n, positive("uk.nino", n, "AAddddddA, keyword")};
  }
}

Written written_uk_nhs(Rng& rng) {
  for (;;) {
    std::string nine = values::digits(rng, 9);
    int check = values::uk_nhs_check_digit(nine);
    if (check < 0) continue;
    std::string d = nine + static_cast<char>('0' + check);
    if (!ten_digits_clean(d) || values::has_cpr_birth_date(d)) continue;
    return {d, positive("uk.nhs", d, "ten digits, keyword")};
  }
}

}  // namespace

// In running text with a label (mostly the country's own word, some English).
Snippet plant_nl_bsn(Rng& rng) {
  return in_sentence(rng, {"BSN:", "BSN-nummer", "burgerservicenummer", "Citizen service number"}, written_nl_bsn(rng));
}
Snippet plant_pl_pesel(Rng& rng) { return in_sentence(rng, {"PESEL:", "nr PESEL", "numer PESEL", "PESEL"}, written_pl_pesel(rng)); }
Snippet plant_de_steuer_id(Rng& rng) {
  return in_sentence(rng, {"Steuer-ID:", "Steuerliche Identifikationsnummer", "IdNr.", "Tax ID"}, written_de_steuer_id(rng));
}
Snippet plant_es_dni(Rng& rng) {
  return in_sentence(rng, {"DNI:", "DNI", "NIF", "Documento Nacional de Identidad"}, written_es_dni(rng));
}
Snippet plant_es_nie(Rng& rng) {
  return in_sentence(rng, {"NIE:", "NIE", "número de identidad de extranjero", "Foreigner ID"}, written_es_nie(rng));
}
Snippet plant_it_codice_fiscale(Rng& rng) {
  return in_sentence(rng, {"Codice fiscale:", "codice fiscale", "C.F.", "Tax code"}, written_it_codice_fiscale(rng));
}
Snippet plant_fr_nir(Rng& rng) {
  return in_sentence(rng, {"Numéro de sécurité sociale :", "NIR", "numéro INSEE", "Carte Vitale"}, written_fr_nir(rng));
}
Snippet plant_uk_nino(Rng& rng) {
  return in_sentence(rng, {"National Insurance number:", "NINO", "NI number:", "National Insurance No."}, written_uk_nino(rng));
}
// The NHS keyword wakes any ten digits within 300 bytes after it that pass the NHS check.
// uk.nhs defers to a full-strength Danish CPR reading, but a CPR number with a failing
// mod-11 (issued since 2007) would still read as an NHS number: neutral text after the
// number keeps the next planted CPR number out of its reach.
Snippet plant_uk_nhs(Rng& rng) {
  Snippet s = in_sentence(rng, {"NHS number:", "NHS No.", "NHS number", "NHS"}, written_uk_nhs(rng));
  s.text.append(" ").append(vocab::fillers(rng, kWindow300Padding));
  return s;
}

// Bare in a table cell: the ids whose check digits and shape suffice without a keyword.
Snippet cell_pl_pesel(Rng& rng) { return as_cell(written_pl_pesel(rng)); }
Snippet cell_de_steuer_id(Rng& rng) { return as_cell(written_de_steuer_id(rng)); }
Snippet cell_es_dni(Rng& rng) { return as_cell(written_es_dni(rng)); }
Snippet cell_es_nie(Rng& rng) { return as_cell(written_es_nie(rng)); }
Snippet cell_it_codice_fiscale(Rng& rng) { return as_cell(written_it_codice_fiscale(rng)); }
Snippet cell_fr_nir(Rng& rng) { return as_cell(written_fr_nir(rng)); }

}  // namespace gdprscan::corpus
