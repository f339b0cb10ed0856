// Decoys: text that looks like personal data and is not, each with the detector that must
// stay silent on it (kind decoy), or may fairly go either way (kind ambiguous). The CPR
// decoys follow DETECTION.md: impossible and future birth dates, digits inside a longer
// run, a number after an invoice, order or workplace label or a phone label, digits on
// two lines. A decoy value that another detector would rightly read (a Swedish number, a
// card) is drawn again: each snippet has one truth.
#include "planters.h"
#include "values.h"
#include "values_ids.h"

namespace gdprscan::corpus {

namespace {

using values::two;

const std::vector<std::string_view> kCprLabels = {"CPR-nr.", "cpr:", "CPR", "Personnummer:", "cpr.nr."};

std::string with_dash(std::string_view ten) { return std::string(ten.substr(0, 6)).append("-").append(ten.substr(6)); }

// An Icelandic kennitala (check digit, 9 or 0 for the century, a real date), which a
// kennitala keyword in a neighbouring snippet would make one.
bool reads_as_kennitala(std::string_view ten) {
  int check = values::is_check_digit(ten.substr(0, 8));
  if (check < 0 || ten[8] - '0' != check || (ten[9] != '9' && ten[9] != '0')) return false;
  int year = (ten[9] == '9' ? 1900 : 2000) + (ten[4] - '0') * 10 + (ten[5] - '0');
  return values::is_real_date(year, (ten[2] - '0') * 10 + (ten[3] - '0'), (ten[0] - '0') * 10 + (ten[1] - '0'));
}

// Ten digits of CPR shape whose mod-11 passes, from a six-digit prefix and the 7th digit.
std::string complete_mod11(Rng& rng, const std::string& seven) {
  for (;;) {
    std::string ten = seven + values::digits(rng, 3);
    // Written DDMMYY-SSSS: not also a Swedish number or a Finnish HETU (a 1900s date).
    if (values::cpr_mod11_ok(ten) && !values::reads_as_swedish(ten) && !values::reads_as_hetu(ten, '-') &&
        !reads_as_kennitala(ten))
      return ten;
  }
}

Snippet cpr_decoy(Rng& rng, const std::string& ten, const std::string& note) {
  static const std::vector<std::string_view> kPatterns = {"{label} {cpr}", "Vedr. {name}, {label} {cpr}.",
                                                          "{name} ({label} {cpr}) har rettet henvendelse."};
  Snippet s;
  s.text = sentence(rng, kPatterns,
                    {{"label", std::string(rng.pick(kCprLabels))}, {"cpr", with_dash(ten)}, {"name", vocab::full_name(rng)}});
  s.truth.push_back(decoy("dk.cpr", ten, note));
  return s;
}

// A date that does not exist: day 32-60, month 00 or 13-19, 30 February, 31 April, 29
// February 1900 (DETECTION.md: not a leap year). Day 61-91 would be a replacement number.
Snippet invalid_date(Rng& rng) {
  std::string ddmmyy, note;
  switch (rng.below(5)) {
    case 0: ddmmyy = two(static_cast<int>(rng.between(32, 60))) + two(static_cast<int>(rng.between(1, 12))), note = "day 32-60"; break;
    case 1: ddmmyy = two(static_cast<int>(rng.between(1, 28))) + two(static_cast<int>(rng.between(13, 19))), note = "month 13-19"; break;
    case 2: ddmmyy = two(static_cast<int>(rng.between(1, 28))).append("00"), note = "month 00"; break;
    case 3: ddmmyy = rng.chance(0.5) ? "3002" : "3104", note = "30 February or 31 April"; break;
    default: ddmmyy = "2902", note = "29 February 1900"; break;
  }
  std::string yy = note == "29 February 1900" ? "00" : two(static_cast<int>(rng.between(30, 99)));
  std::string seven = ddmmyy + yy + static_cast<char>('0' + rng.between(0, 3));
  return cpr_decoy(rng, complete_mod11(rng, seven), "CPR shape, impossible date: " + note);
}

// Born in the future: 2031-36 (7th digit 4-9 with YY 31-36) or 2037-57 (7th digit 5-8), past
// values::kPastHorizon, so still in the future when the corpus is scanned years from now.
Snippet future_date(Rng& rng) {
  bool far = rng.chance(0.5);
  int yy = static_cast<int>(far ? rng.between(37, 57) : rng.between(31, 36));
  char seventh = static_cast<char>('0' + (far ? rng.between(5, 8) : rng.between(4, 9)));
  values::Date d = values::birth_date(rng, 2000 + yy, 2000 + yy);
  std::string ten = complete_mod11(rng, two(d.day) + two(d.month) + two(yy) + seventh);
  return cpr_decoy(rng, ten, std::string("CPR shape, birth date in the future (20").append(two(yy)).append(")"));
}

// A valid CPR number's digits inside a longer run (13-15 digits): not a CPR number.
Snippet longer_run(Rng& rng) {
  static const std::vector<std::string_view> kPatterns = {"Ref. {run}", "Løbenummer {run} er registreret.",
                                                          "Stregkode: {run}", "Sendingen har nummer {run}."};
  for (;;) {
    std::string ten = values::cpr_digits(rng, values::CprKind::mod11_valid);
    size_t before = rng.below(3), after = 1 + rng.below(3);
    std::string run = values::digits(rng, before) + ten + values::digits(rng, after);
    if (run.size() < 13) run += values::digits(rng, 13 - run.size());
    // A 13-19 digit run with Luhn is a card's shape, fifteen digits a French NIR's.
    if (values::luhn_ok(run)) continue;
    if (run.size() == 15 && values::fr_nir_key(run.substr(0, 13)) == std::stoi(run.substr(13))) continue;
    Snippet s;
    s.text = sentence(rng, kPatterns, {{"run", run}});
    s.truth.push_back(decoy("dk.cpr", ten, std::to_string(run.size()).append("-digit run holding a valid CPR number")));
    return s;
  }
}

// A CPR-shaped number after an invoice, order, voucher, customer or workplace label
// (DETECTION.md: such words make it not a CPR number, by proximity).
Snippet labelled_number(Rng& rng) {
  static const std::vector<std::string_view> kPatterns = {
      "jf. Fakturanr. {number}", "Fakturanr.: {number}", "Ordrenr. {number} er afsendt.", "Kundenr. {number}",
      "P-nummer: {number}",      "Arbejdssted med p-nr. {number}", "Bilagsnr. {number}", "Invoice no. {number}",
      "Sporingsnummer {number}",
  };
  std::string ten = values::cpr_digits(rng, values::CprKind::mod11_valid);
  Snippet s;
  s.text = sentence(rng, kPatterns, {{"number", ten}});
  s.truth.push_back(decoy("dk.cpr", ten, "CPR-shaped number after its label"));
  return s;
}

// A ten-digit number after a phone label, as in "Tlf: 010180-0008".
Snippet phone_label(Rng& rng) {
  static const std::vector<std::string_view> kPatterns = {"Tlf.: {number}", "Mobil {number}", "Telefon: {number}"};
  std::string ten = values::cpr_digits(rng, values::CprKind::mod11_valid);
  Snippet s;
  s.text = sentence(rng, kPatterns, {{"number", rng.chance(0.5) ? ten : with_dash(ten)}});
  s.truth.push_back(decoy("dk.cpr", ten, "CPR-shaped number after a phone label"));
  return s;
}

// A Finnish phone number with a ten-digit national part that is also a valid CPR number's
// digits (DETECTION.md: a phone number with a country code does not contain a CPR number).
Snippet phone_with_country_code(Rng& rng) {
  std::string ten;
  do ten = values::cpr_digits(rng, values::CprKind::mod11_valid);
  while (ten[0] == '0');  // a national number does not start with the trunk 0
  Snippet s;
  s.text = sentence(rng, {"Ring til {name} på +358 {number}.", "Kontakt i Finland: {name}, +358 {number}"},
                    {{"name", vocab::full_name(rng)}, {"number", ten}});
  s.truth.push_back(positive("phone.nordic", "358" + ten, "Finnish, +358, ten national digits"));
  s.truth.push_back(decoy("dk.cpr", ten, "CPR-shaped national number after a country code"));
  return s;
}

// Digits on two lines are not one number.
Snippet split_across_lines(Rng& rng) {
  std::string ten = values::cpr_digits(rng, values::CprKind::mod11_valid);
  bool dash = rng.chance(0.5);
  Snippet s;
  s.text = std::string(rng.pick(kCprLabels)).append(" ").append(ten.substr(0, 6)).append(dash ? "-\n" : "\n").append(ten.substr(6));
  s.truth.push_back(decoy("dk.cpr", ten, dash ? "DDMMYY-\\nSSSS: split across lines" : "DDMMYY\\nSSSS: split across lines"));
  return s;
}

// A replacement number with no keyword near it: DETECTION.md gives it no checksum of its
// own, and day+60 numbers are common among other references, so the rule needs a keyword
// right before it; whether a bare one is reported is the scanner's call.
Snippet bare_replacement(Rng& rng) {
  std::string ten = values::cpr_digits(rng, values::CprKind::replacement);
  std::string form;
  Snippet s;
  s.text = sentence(rng, {"{name}, {number}, bosat {address}.", "Deltagerliste: {name} {number}"},
                    {{"name", vocab::full_name(rng)}, {"number", values::cpr_written(ten, rng, &form)}, {"address", vocab::address(rng)}});
  s.truth.push_back(ambiguous("dk.cpr_replacement", ten, "replacement number without a keyword, " + form));
  return s;
}

// A dotted quad that is a version number: "version" is the IPv4 rule's negative word.
Snippet version_number(Rng& rng) {
  // Octets in range, so only the word says it is not an address.
  std::string v = std::to_string(rng.between(1, 20)).append(".").append(std::to_string(rng.between(0, 9))).append(".");
  v.append(std::to_string(rng.between(0, 30))).append(".").append(std::to_string(rng.between(1, 254)));
  Snippet s;
  s.text = sentence(rng, {"Systemet er opdateret til version {v}.", "Build {v} er installeret."}, {{"v", v}});
  s.truth.push_back(decoy("ipv4", v, "dotted quad as a version number"));
  return s;
}

}  // namespace

Snippet plant_decoy(Rng& rng) {
  struct Weighted {
    Snippet (*make)(Rng&);
    int weight;
  };
  static constexpr Weighted kDecoys[] = {
      {labelled_number, 20},         {invalid_date, 10},           {future_date, 10},
      {longer_run, 10},              {phone_label, 8},             {split_across_lines, 8},
      {phone_with_country_code, 3},
      {plant_isolated_term, 14},     {decoy_card_failing_luhn, 6}, {decoy_iban_wrong_check, 5},
      {decoy_cvr_failing_mod11, 3},  {bare_replacement, 3},        {version_number, 3},
      {plant_term_beside_name_only, 3}, {decoy_weak_term_alone, 4},  {decoy_health_code, 3},
  };
  int total = 0;
  for (const Weighted& w : kDecoys) total += w.weight;
  int roll = static_cast<int>(rng.below(total));
  for (const Weighted& w : kDecoys)
    if ((roll -= w.weight) < 0) return w.make(rng);
  return kDecoys[0].make(rng);
}

}  // namespace gdprscan::corpus
