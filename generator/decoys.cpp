// Decoys: text that looks like personal data and is not, each with the detector that must
// stay silent on it (kind decoy), or may fairly go either way (kind ambiguous).
#include "planters.h"
#include "values.h"

namespace gdprscan::corpus {

namespace {

using Decoy = Snippet (*)(Rng&);

// A CPR-shaped number after an invoice, order or workplace label (DETECTION.md: such words
// make a ten-digit number not a CPR number, by proximity).
Snippet labelled_number(Rng& rng) {
  static const std::vector<std::string_view> kPatterns = {
      "jf. Fakturanr. {number}", "Fakturanr.: {number}", "Ordrenr. {number} er afsendt.", "Kundenr. {number}",
      "P-nummer: {number}", "Arbejdssted med p-nr. {number}", "Bilagsnr. {number}", "Invoice no. {number}",
  };
  std::string ten = values::cpr_digits(rng, values::CprKind::mod11_valid);
  Snippet s;
  s.text = sentence(rng, kPatterns, {{"number", ten}});
  s.truth.push_back(decoy("dk.cpr", ten, "CPR-shaped number after its label"));
  return s;
}

}  // namespace

Snippet plant_decoy(Rng& rng) {
  static const std::vector<Decoy> kDecoys = {labelled_number};
  return rng.pick(kDecoys)(rng);
}

}  // namespace gdprscan::corpus
