// Danish person identifiers: CPR numbers in their written forms, post-2007 numbers without
// a valid check digit, replacement numbers and e-CPR.
#include "planters.h"
#include "values.h"

namespace gdprscan::corpus {

namespace {

using values::CprKind;

// Mostly Danish labels, some English (rules/denmark.toml keywords).
const std::vector<std::string_view> kCprLabels = {
    "CPR-nr.", "cpr:", "CPR nr.", "CPR:", "cpr.nr.", "CPR-nummer", "cpr-nr:", "CPR", "Cpr.nr.", "cprnr.",
    "Personnummer:", "personnr.", "Social security number:", "Personal ID number",
};

const std::vector<std::string_view> kWithLabel = {
    "Borgerens {label} {cpr} er kontrolleret i folkeregistret.",
    "{name} ({label} {cpr}) har fået bevilget hjemmehjælp.",
    "Vedr. {name}, {label} {cpr}.",
    "Barnets {label} {cpr}",
    "Ægtefællens {label} er {cpr}.",
    "Sagen er oprettet på {label} {cpr}.",
    "{relation}: {name}, {label} {cpr}",
    "{label} {cpr}",
    // Shapes earlier scanners tripped on (DETECTION.md): a smiley's bracket, "Kampnr"
    // (which holds "pnr", the P-number label), a page number right after the number.
    "{name} ({label} {cpr} :( mangler stadig i systemet)",
    "Kampnr. {small}: {name}, {label} {cpr}",
};
const std::vector<std::string_view> kWithoutLabel = {
    "{name}, {cpr}, bosat {address}.",
    "Henvendelse fra {name} ({cpr}) om boligstøtte.",
    "Der er foretaget opslag på {cpr} i forbindelse med sagen.",
    "Deltagere: {name} {cpr}",
    "Side {small}: {cpr} {small}",
};

struct CprChoice {
  CprKind kind;
  TruthKind truth;
  const char* note;
};

// Mostly ordinary numbers; some on the dates earlier scanners got wrong (DETECTION.md: YY 00,
// YY 37 with 7th digit 9, 29 February 2000); some issued since 2007 without a check digit on the listed
// dates (must be found); a few failing mod-11 elsewhere, which DETECTION.md makes a matter
// of confidence, so a fair scanner may go either way.
CprChoice choose_cpr(Rng& rng) {
  uint64_t roll = rng.below(100);
  if (roll < 74) return {CprKind::mod11_valid, TruthKind::positive, "mod-11 valid"};
  if (roll < 80) return {CprKind::edge_date, TruthKind::positive, "mod-11 valid, edge date"};
  if (roll < 92) return {CprKind::exception_no_mod11, TruthKind::positive, "post-2007, fails mod-11 on a listed date"};
  return {CprKind::unlisted_no_mod11, TruthKind::ambiguous, "fails mod-11 on a date CPR-kontoret does not list"};
}

Slots person_slots(Rng& rng) {
  return {{"name", vocab::full_name(rng)},
          {"small", std::to_string(rng.between(1, 40))},
          {"address", vocab::address(rng)},
          {"relation", std::string(rng.pick(vocab::relations()))}};
}

// A P-number or invoice label counts only close by (DETECTION.md: by proximity, never
// document-wide): the labelled number is a decoy, a CPR number a sentence later is found.
Snippet plant_cpr_after_far_label(Rng& rng) {
  static const std::vector<std::string_view> kLabels = {"P-nr.", "Fakturanr.", "Kundenr.", "Ordrenr."};
  std::string other = values::cpr_digits(rng, CprKind::mod11_valid);
  std::string ten = values::cpr_digits(rng, CprKind::mod11_valid);
  std::string form;
  std::string written = values::cpr_written(ten, rng, &form);
  Snippet s;
  s.text = std::string(rng.pick(kLabels)).append(" ").append(other).append(". ");
  s.text.append(vocab::filler(rng)).append(" ").append(vocab::full_name(rng)).append(", CPR-nr. ").append(written).append(".");
  s.truth.push_back(decoy("dk.cpr", other, "CPR-shaped number after its label"));
  s.truth.push_back(positive("dk.cpr", ten, "mod-11 valid, " + form + ", keyword, a label further back"));
  return s;
}

}  // namespace

Snippet plant_dk_cpr(Rng& rng) {
  if (rng.chance(0.05)) return plant_cpr_after_far_label(rng);
  CprChoice choice = choose_cpr(rng);
  std::string ten = values::cpr_digits(rng, choice.kind);
  std::string form;
  std::string written = values::cpr_written(ten, rng, &form);
  Slots slots = person_slots(rng);
  slots.emplace_back("cpr", written);
  // A number without a check digit is planted with its keyword: that is how it is found.
  bool labelled = choice.kind != CprKind::mod11_valid || rng.chance(0.6);
  std::string label(rng.pick(kCprLabels));
  // "personnummer" is also the Swedish keyword: a number failing mod-11 elsewhere could
  // then fairly read as Swedish; keep those to the CPR labels.
  if (choice.kind == CprKind::unlisted_no_mod11 && label.find("CPR") == std::string::npos) label = "CPR-nr.";
  slots.emplace_back("label", label);
  Snippet s;
  s.text = sentence(rng, labelled ? kWithLabel : kWithoutLabel, std::move(slots));
  std::string note = std::string(choice.note).append(", ").append(form).append(labelled ? ", keyword" : "");
  s.truth.push_back({"dk.cpr", ten, choice.truth, note});
  return s;
}

// Found without a keyword: mod-11-valid numbers, and post-2007 numbers on the listed dates.
Snippet cell_dk_cpr(Rng& rng) {
  bool exception = rng.chance(0.1);
  std::string ten = values::cpr_digits(rng, exception ? CprKind::exception_no_mod11 : CprKind::mod11_valid);
  std::string form;
  Snippet s;
  s.text = values::cpr_written(ten, rng, &form);
  std::string note = exception ? "post-2007, fails mod-11 on a listed date, " : "mod-11 valid, ";
  s.truth.push_back(positive("dk.cpr", ten, note.append(form).append(", table cell")));
  return s;
}

// A replacement number (day + 60) has no checksum of its own beyond mod-11 and looks like
// many other numbers: the rule reports it only right after a CPR or replacement keyword.
Snippet plant_dk_cpr_replacement(Rng& rng) {
  static const std::vector<std::string_view> kLabels = {
      "erstatningspersonnummer", "Erstatningsnummer:", "erstatnings-CPR", "CPR-nr. (erstatning)", "CPR-nr.",
      "cpr:", "CPR (erstatning):", "replacement CPR", "CPR-nummer",
  };
  static const std::vector<std::string_view> kPatterns = {
      "{name} er tildelt {label} {cpr} indtil videre.",
      "Borger: {name}, {label} {cpr}",
      "Udlandsdansker {name}, {label} {cpr}, bosat {address}.",
      "{label} {cpr}",
  };
  std::string ten = values::cpr_digits(rng, CprKind::replacement);
  std::string form;
  std::string written = values::cpr_written(ten, rng, &form);
  Slots slots = person_slots(rng);
  slots.emplace_back("cpr", written);
  slots.emplace_back("label", std::string(rng.pick(kLabels)));
  Snippet s;
  s.text = sentence(rng, kPatterns, std::move(slots));
  s.truth.push_back(positive("dk.cpr_replacement", ten, "replacement number: day + 60, " + form + ", keyword"));
  return s;
}

// e-CPR from the health sector: DDMMYY, century digit, two capital letters, sex digit.
namespace {
Written written_dk_ecpr(Rng& rng) {
  values::Date born = values::birth_date(rng, 1930, 2024);
  std::string ten = values::two(born.day) + values::two(born.month) + values::two(born.year % 100) +
                    static_cast<char>('0' + values::cpr_seventh_digit(rng, born.year)) +
                    static_cast<char>('A' + rng.below(26)) + static_cast<char>('A' + rng.below(26)) +
                    static_cast<char>('0' + rng.below(10));
  bool hyphen = rng.chance(0.4);
  return {hyphen ? ten.substr(0, 6) + "-" + ten.substr(6) : ten, positive("dk.ecpr", ten, hyphen ? "DDMMYY-CLLS" : "DDMMYYCLLS")};
}
}  // namespace

Snippet plant_dk_ecpr(Rng& rng) {
  static const std::vector<std::string_view> kPatterns = {
      "Patient {id} er overflyttet fra skadestuen.", "e-CPR: {id}", "{name} (e-CPR {id}) er registreret uden CPR-nummer.",
      "Turist {name}, midlertidigt nummer {id}.",
  };
  Written w = written_dk_ecpr(rng);
  Slots slots = person_slots(rng);
  slots.emplace_back("id", w.text);
  Snippet s;
  s.text = sentence(rng, kPatterns, std::move(slots));
  s.truth.push_back(std::move(w.truth));
  return s;
}

Snippet cell_dk_ecpr(Rng& rng) { return as_cell(written_dk_ecpr(rng)); }

}  // namespace gdprscan::corpus
