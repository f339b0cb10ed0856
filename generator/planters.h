// Inside the generator: one planting function per detector, grouped by family in
// plant_*.cpp, and the small helpers they share. identifiers.cpp puts them in one table.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "identifiers.h"
#include "rng.h"
#include "vocabulary.h"

namespace gdprscan::corpus {

using Slots = std::vector<std::pair<std::string_view, std::string>>;

inline TruthItem positive(std::string_view detector, std::string value, std::string note = {}) {
  return {std::string(detector), std::move(value), TruthKind::positive, std::move(note)};
}
inline TruthItem decoy(std::string_view detector, std::string value, std::string note) {
  return {std::string(detector), std::move(value), TruthKind::decoy, std::move(note)};
}
inline TruthItem ambiguous(std::string_view detector, std::string value, std::string note) {
  return {std::string(detector), std::move(value), TruthKind::ambiguous, std::move(note)};
}

// A value as written and the truth it carries, before it is put in a sentence or a cell.
struct Written {
  std::string text;
  TruthItem truth;
};
// A bare table cell holding `w` (the note says so).
inline Snippet as_cell(Written w) {
  w.truth.note += w.truth.note.empty() ? "table cell" : ", table cell";
  return Snippet{std::move(w.text), {std::move(w.truth)}, false};
}

// Documents keep at least this much prose between planted snippets (generator/content.cpp).
// A snippet that must keep a 300-byte window (a term's pairing, the NHS keyword) clear of
// its neighbours pads itself with the rest, not the whole window: document writers keep a
// snippet on one line, and a PDF line of 700 characters runs off the page.
inline constexpr size_t kSnippetGapBytes = 200;
inline constexpr size_t kWindow300Padding = 300 - kSnippetGapBytes + 10;

// A template picked from `patterns`, its slots filled, sometimes after a neutral sentence
// so snippets do not all start the same way.
std::string sentence(Rng& rng, const std::vector<std::string_view>& patterns, Slots slots);

// One per detector (plant_danish.cpp, plant_financial.cpp, plant_contact.cpp, ...): running
// text, and for detectors found without a keyword, a bare table cell.
Snippet plant_dk_cpr(Rng& rng);
Snippet cell_dk_cpr(Rng& rng);
Snippet plant_dk_cpr_replacement(Rng& rng);
Snippet plant_payment_card(Rng& rng);
Snippet cell_payment_card(Rng& rng);
Snippet plant_email(Rng& rng);
Snippet cell_email(Rng& rng);
std::string email_address(Rng& rng, const std::string& name);  // lower case, from the name
Snippet plant_dk_ecpr(Rng& rng);
Snippet cell_dk_ecpr(Rng& rng);
Snippet cell_se_personnummer(Rng& rng);
Snippet cell_se_samordningsnummer(Rng& rng);
Snippet cell_no_fodselsnummer(Rng& rng);
Snippet cell_fi_hetu(Rng& rng);
Snippet plant_se_personnummer(Rng& rng);
Snippet plant_se_samordningsnummer(Rng& rng);
Snippet plant_no_fodselsnummer(Rng& rng);
Snippet plant_fi_hetu(Rng& rng);
Snippet plant_is_kennitala(Rng& rng);
Snippet plant_nl_bsn(Rng& rng);
Snippet plant_pl_pesel(Rng& rng);
Snippet plant_de_steuer_id(Rng& rng);
Snippet plant_es_dni(Rng& rng);
Snippet plant_es_nie(Rng& rng);
Snippet plant_it_codice_fiscale(Rng& rng);
Snippet plant_fr_nir(Rng& rng);
Snippet plant_uk_nino(Rng& rng);
Snippet plant_uk_nhs(Rng& rng);
Snippet cell_pl_pesel(Rng& rng);
Snippet cell_de_steuer_id(Rng& rng);
Snippet cell_es_dni(Rng& rng);
Snippet cell_es_nie(Rng& rng);
Snippet cell_it_codice_fiscale(Rng& rng);
Snippet cell_fr_nir(Rng& rng);
Snippet plant_passport_mrz(Rng& rng);
Snippet plant_dk_passport(Rng& rng);
Snippet plant_dk_driving_licence(Rng& rng);
Snippet plant_passport_nordic(Rng& rng);
Snippet plant_iban(Rng& rng);
Snippet cell_iban(Rng& rng);
Snippet plant_dk_bank_account(Rng& rng);
Snippet plant_dk_cvr(Rng& rng);
Snippet plant_dk_phone(Rng& rng);
Snippet cell_dk_phone(Rng& rng);
Snippet plant_phone_nordic(Rng& rng);
Snippet plant_ipv4(Rng& rng);
Snippet plant_ipv6(Rng& rng);
Snippet cell_ipv6(Rng& rng);
Snippet cell_phone_nordic(Rng& rng);
Snippet plant_mac_address(Rng& rng);
Snippet cell_mac_address(Rng& rng);
// A term of `rule` (rules/special.toml) beside a person identifier.
Snippet plant_special_category(std::string_view rule, Rng& rng);
// A special-category term with no person near it (isolate = true; truth kind decoy).
Snippet plant_isolated_term(Rng& rng);
Snippet plant_health_code(Rng& rng);
Snippet plant_term_beside_name_only(Rng& rng);  // ambiguous: names are not detected
Snippet decoy_weak_term_alone(Rng& rng);
Snippet decoy_health_code(Rng& rng);

// Decoys kept beside the values they imitate (decoys.cpp picks among all of them).
Snippet decoy_card_failing_luhn(Rng& rng);
Snippet decoy_iban_wrong_check(Rng& rng);
Snippet decoy_cvr_failing_mod11(Rng& rng);

// Values the decoys share with the positive planting.
std::string make_iban(Rng& rng, bool valid);        // compact, upper case
std::string iban_written(const std::string& iban, Rng& rng, std::string* note);
std::string make_cvr(Rng& rng, bool valid);

}  // namespace gdprscan::corpus
