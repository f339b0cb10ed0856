// The table of what can be planted: each detector of the default catalogue with its
// planting function, its table cell (when found without a keyword) and its column header.
#include "identifiers.h"

#include <stdexcept>

#include "planters.h"

namespace gdprscan::corpus {

namespace {

struct Plantable {
  std::string_view detector;
  Snippet (*text)(Rng&);
  Snippet (*cell)(Rng&);  // nullptr: needs a keyword beside the value, not offered in tables
  std::string_view header;
};

// The special-category rules share one planting function; a table entry needs a plain
// function per rule.
constexpr char kHealth[] = "art9.health", kEthnic[] = "art9.ethnic_origin", kPolitical[] = "art9.political_opinion",
               kReligion[] = "art9.religion", kUnion[] = "art9.trade_union", kGenetic[] = "art9.genetic",
               kBiometric[] = "art9.biometric", kSexLife[] = "art9.sex_life", kCriminal[] = "art10.criminal",
               kSocialCase[] = "dk.social_case";
template <const char* Rule>
Snippet special(Rng& rng) {
  return plant_special_category(Rule, rng);
}

const std::vector<Plantable>& plantables() {
  static const std::vector<Plantable> table = {
      // National ids.
      {"dk.cpr", plant_dk_cpr, cell_dk_cpr, "CPR-nr."},
      // Replacement numbers need a keyword right before them: no bare cells (see plant_danish.cpp).
      {"dk.cpr_replacement", plant_dk_cpr_replacement, nullptr, "Erstatningspersonnummer"},
      {"dk.ecpr", plant_dk_ecpr, cell_dk_ecpr, "e-CPR"},
      {"se.personnummer", plant_se_personnummer, cell_se_personnummer, "Personnummer (SE)"},
      {"se.samordningsnummer", plant_se_samordningsnummer, cell_se_samordningsnummer, "Samordningsnummer"},
      {"no.fodselsnummer", plant_no_fodselsnummer, cell_no_fodselsnummer, "Fødselsnummer"},
      {"fi.hetu", plant_fi_hetu, cell_fi_hetu, "Henkilötunnus"},
      {"is.kennitala", plant_is_kennitala, nullptr, "Kennitala"},
      {"nl.bsn", plant_nl_bsn, nullptr, "BSN"},
      {"pl.pesel", plant_pl_pesel, cell_pl_pesel, "PESEL"},
      {"de.steuer_id", plant_de_steuer_id, cell_de_steuer_id, "Steuer-ID"},
      {"es.dni", plant_es_dni, cell_es_dni, "DNI"},
      {"es.nie", plant_es_nie, cell_es_nie, "NIE"},
      {"it.codice_fiscale", plant_it_codice_fiscale, cell_it_codice_fiscale, "Codice fiscale"},
      {"fr.nir", plant_fr_nir, cell_fr_nir, "NIR"},
      {"uk.nino", plant_uk_nino, nullptr, "National Insurance number"},
      {"uk.nhs", plant_uk_nhs, nullptr, "NHS number"},
      // Identity documents.
      {"passport.mrz", plant_passport_mrz, nullptr, "MRZ"},
      {"dk.passport", plant_dk_passport, nullptr, "Pasnummer"},
      {"dk.driving_licence", plant_dk_driving_licence, nullptr, "Kørekortnummer"},
      {"passport.nordic", plant_passport_nordic, nullptr, "Passnummer"},
      // Financial.
      {"payment_card", plant_payment_card, cell_payment_card, "Kortnummer"},
      {"iban", plant_iban, cell_iban, "IBAN"},
      {"dk.bank_account", plant_dk_bank_account, nullptr, "Reg.nr. og kontonr."},
      {"dk.cvr", plant_dk_cvr, nullptr, "CVR-nr."},
      // Contact and online.
      {"email", plant_email, cell_email, "E-mail"},
      {"dk.phone", plant_dk_phone, cell_dk_phone, "Telefon"},
      {"phone.nordic", plant_phone_nordic, cell_phone_nordic, "Telefon"},
      {"ipv4", plant_ipv4, nullptr, "IP-adresse"},
      {"ipv6", plant_ipv6, cell_ipv6, "IPv6-adresse"},
      {"mac_address", plant_mac_address, cell_mac_address, "MAC-adresse"},
      // Special categories: a term beside a person identifier.
      {"art9.health", special<kHealth>, nullptr, "Helbred"},
      {"art9.health_code", plant_health_code, nullptr, "Diagnosekode"},
      {"art9.ethnic_origin", special<kEthnic>, nullptr, "Etnisk oprindelse"},
      {"art9.political_opinion", special<kPolitical>, nullptr, "Politisk overbevisning"},
      {"art9.religion", special<kReligion>, nullptr, "Religion"},
      {"art9.trade_union", special<kUnion>, nullptr, "Fagforening"},
      {"art9.genetic", special<kGenetic>, nullptr, "Genetiske oplysninger"},
      {"art9.biometric", special<kBiometric>, nullptr, "Biometri"},
      {"art9.sex_life", special<kSexLife>, nullptr, "Seksuel orientering"},
      {"art10.criminal", special<kCriminal>, nullptr, "Straffeforhold"},
      {"dk.social_case", special<kSocialCase>, nullptr, "Sociale forhold"},
  };
  return table;
}

const Plantable& find_plantable(std::string_view detector) {
  for (const Plantable& p : plantables())
    if (p.detector == detector) return p;
  throw std::invalid_argument(std::string("not a plantable detector: ").append(detector));
}

}  // namespace

std::string sentence(Rng& rng, const std::vector<std::string_view>& patterns, Slots slots) {
  std::string text = vocab::fill(rng.pick(patterns), slots);
  if (rng.chance(0.3)) return vocab::filler(rng).append(" ").append(text);
  return text;
}

const std::vector<std::string>& plantable_detectors() {
  static const std::vector<std::string> ids = [] {
    std::vector<std::string> out;
    for (const Plantable& p : plantables()) out.emplace_back(p.detector);
    return out;
  }();
  return ids;
}

Snippet plant_positive(std::string_view detector, Rng& rng) { return find_plantable(detector).text(rng); }

bool keyword_free_in_tables(std::string_view detector) {
  for (const Plantable& p : plantables())
    if (p.detector == detector) return p.cell != nullptr;
  return false;
}

std::string table_header(std::string_view detector) { return std::string(find_plantable(detector).header); }

Snippet plant_cell(std::string_view detector, Rng& rng) {
  const Plantable& p = find_plantable(detector);
  if (!p.cell) throw std::invalid_argument(std::string("needs a keyword, not offered in tables: ").append(detector));
  return p.cell(rng);
}

}  // namespace gdprscan::corpus
