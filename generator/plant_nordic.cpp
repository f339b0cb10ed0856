// Nordic person identifiers outside Denmark: Swedish personnummer and samordningsnummer,
// Norwegian fødselsnummer (D- and H-numbers), Finnish HETU, Icelandic kennitala.
//
// Several share the CPR number's ten-digit shape. A value that would also be a valid Danish
// number (or, for the Swedish ones, a Danish date at all) is drawn again: the truth of a
// snippet must be one reading, and DETECTION.md makes the Danish reading win at home.
#include "planters.h"
#include "values.h"
#include "values_ids.h"

namespace gdprscan::corpus {

namespace {

using values::two;

// A kennitala, or a HETU with '-' and a check digit, is written like a CPR number and has a
// CPR birth date whenever its 7th digit gives a past century. Without mod-11 (or with it
// by chance, then drawn again) the scanner reads it as a CPR only next to a CPR keyword,
// which a neighbouring snippet may bring within 300 bytes: a fair reading either way.
void add_cpr_reading(const std::string& ten, Snippet& s) {
  if (values::has_cpr_birth_date(ten))
    s.truth.push_back(ambiguous("dk.cpr", ten, "CPR-shaped with a real CPR birth date: a CPR number next to a CPR keyword"));
}

std::string yymmdd(const values::Date& d, int day_offset = 0, int month_offset = 0) {
  return two(d.year % 100).append(two(d.month + month_offset)).append(two(d.day + day_offset));
}
std::string ddmmyy(const values::Date& d, int day_offset = 0, int month_offset = 0) {
  return two(d.day + day_offset).append(two(d.month + month_offset)).append(two(d.year % 100));
}

Snippet snippet(Rng& rng, const std::vector<std::string_view>& patterns, Slots slots, TruthItem truth) {
  slots.emplace_back("name", vocab::full_name(rng));
  Snippet s;
  s.text = sentence(rng, patterns, std::move(slots));
  s.truth.push_back(std::move(truth));
  return s;
}

// ---- Sweden ----

// The Swedish keywords the Danish replacement rule does not share ("personnummer" is both:
// a Swedish number born 1961-91 would then also read as a Danish replacement number).
const std::vector<std::string_view> kSwedishLabels = {
    "Personnumret:", "pers.nr", "Identitetsnummer:", "id-nummer", "Swedish personal identity number:",
};

struct Swedish {
  std::string written, value, note;
};

Swedish make_swedish(Rng& rng, bool coordination, bool* needs_keyword) {
  for (;;) {
    // From 1940: a number without the century then reads the same for years to come.
    bool centenarian = !coordination && rng.chance(0.05);
    values::Date born = centenarian ? values::birth_date(rng, 1920, 1925) : values::birth_date(rng, 1940, 2005);
    std::string nine = yymmdd(born, coordination ? 60 : 0) + values::digits(rng, 3);
    std::string ten = nine + values::luhn_check_digit(nine);
    if (values::has_cpr_birth_date(ten)) continue;
    // Written with a sign it must not also be a Finnish HETU (DDMMYY, sign, NNNC).
    if (values::reads_as_hetu(ten, '+') || values::reads_as_hetu(ten, '-')) continue;
    std::string century = std::to_string(born.year / 100);
    std::string value = century + ten;
    uint64_t form = rng.below(10);
    *needs_keyword = false;
    if (centenarian) return {ten.substr(0, 6) + "+" + ten.substr(6), value, "YYMMDD+NNNC (100 or older)"};
    if (form < 4) return {ten.substr(0, 6) + "-" + ten.substr(6), value, "YYMMDD-NNNC"};
    if (form < 6) return {century + ten.substr(0, 6) + "-" + ten.substr(6), value, "YYYYMMDD-NNNC"};
    if (form < 8) return {value, value, "YYYYMMDDNNNC"};
    *needs_keyword = true;
    return {ten, value, "YYMMDDNNNC, keyword"};
  }
}

}  // namespace

Snippet plant_se_personnummer(Rng& rng) {
  static const std::vector<std::string_view> kWith = {
      "{name}, {label} {id}, har svensk bopæl.", "Ansøger fra Malmø, {label} {id}.", "{label} {id}"};
  static const std::vector<std::string_view> kWithout = {
      "{name} (svensk statsborger, {id}) er tilflyttet kommunen.", "Grænsependler {name}, {id}, Helsingborg."};
  bool needs_keyword = false;
  Swedish se = make_swedish(rng, false, &needs_keyword);
  bool labelled = needs_keyword || rng.chance(0.5);
  return snippet(rng, labelled ? kWith : kWithout, {{"id", se.written}, {"label", std::string(rng.pick(kSwedishLabels))}},
                 positive("se.personnummer", se.value, se.note));
}

Snippet plant_se_samordningsnummer(Rng& rng) {
  static const std::vector<std::string_view> kLabels = {"Samordningsnummer:", "samordningsnr.", "coordination number"};
  static const std::vector<std::string_view> kWith = {"{name} har fået tildelt {label} {id}.", "{label} {id}"};
  static const std::vector<std::string_view> kWithout = {"Sæsonarbejder {name} ({id}) er registreret i Sverige."};
  bool needs_keyword = false;
  Swedish se = make_swedish(rng, true, &needs_keyword);
  bool labelled = needs_keyword || rng.chance(0.5);
  return snippet(rng, labelled ? kWith : kWithout, {{"id", se.written}, {"label", std::string(rng.pick(kLabels))}},
                 positive("se.samordningsnummer", se.value, se.note + ", day + 60"));
}

namespace {

// Bare in a cell: only the forms found without a keyword (separator or century).
Snippet cell_swedish(Rng& rng, bool coordination) {
  for (;;) {
    bool needs_keyword = false;
    Swedish se = make_swedish(rng, coordination, &needs_keyword);
    if (needs_keyword) continue;
    std::string note = coordination ? se.note + ", day + 60" : se.note;
    return as_cell({se.written, positive(coordination ? "se.samordningsnummer" : "se.personnummer", se.value, note)});
  }
}

}  // namespace

Snippet cell_se_personnummer(Rng& rng) { return cell_swedish(rng, false); }
Snippet cell_se_samordningsnummer(Rng& rng) { return cell_swedish(rng, true); }

// ---- Norway ----

namespace {

// An individual number in the range that gives `year` its century (Skatteetaten).
int norwegian_individual(Rng& rng, int year) {
  if (year >= 2000) return static_cast<int>(rng.between(500, 999));
  if (year >= 1940 && rng.chance(0.2)) return static_cast<int>(rng.between(900, 999));
  return static_cast<int>(rng.between(0, 499));
}

Written written_no_fodselsnummer(Rng& rng) {
  for (;;) {
    values::Date born = values::birth_date(rng, 1940, 2020);
    uint64_t kind = rng.below(10);  // mostly ordinary numbers, some D- and H-numbers
    int day_offset = kind == 8 ? 40 : 0, month_offset = kind == 9 ? 40 : 0;
    int individual = norwegian_individual(rng, born.year);
    std::string d = ddmmyy(born, day_offset, month_offset) + std::to_string(1000 + individual).substr(1);
    int k1 = values::no_check_digit(d, false);
    if (k1 < 0) continue;
    d += static_cast<char>('0' + k1);
    int k2 = values::no_check_digit(d, true);
    if (k2 < 0) continue;
    d += static_cast<char>('0' + k2);
    if (values::pl_pesel_ok(d) || values::de_steuer_id_ok(d)) continue;
    std::string note = day_offset ? "D-number (day + 40)" : month_offset ? "H-number (month + 40)" : "DDMMYYIIIKK";
    return {d, positive("no.fodselsnummer", d, note)};
  }
}

}  // namespace

Snippet plant_no_fodselsnummer(Rng& rng) {
  static const std::vector<std::string_view> kLabels = {"Fødselsnummer:", "fødselsnr.", "f.nr.", "Norwegian ID number"};
  static const std::vector<std::string_view> kWith = {"{name}, {label} {id}, bosat i Oslo.", "{label} {id}"};
  static const std::vector<std::string_view> kWithout = {"Norsk statsborger {name} ({id}) er flyttet til kommunen."};
  Written w = written_no_fodselsnummer(rng);
  std::string label = w.truth.note[0] == 'D' && w.truth.note[1] == '-' ? "D-nummer" : std::string(rng.pick(kLabels));
  return snippet(rng, rng.chance(0.6) ? kWith : kWithout, {{"id", w.text}, {"label", label}}, std::move(w.truth));
}

Snippet cell_no_fodselsnummer(Rng& rng) { return as_cell(written_no_fodselsnummer(rng)); }

// ---- Finland ----

namespace {

// `cpr_shaped`: a '-' and a check digit, which then needs the rule's own keyword.
Written written_fi_hetu(Rng& rng, bool* cpr_shaped) {
  for (;;) {
    values::Date born = values::birth_date(rng, 1930, 2020);
    // Since 2023 the 1900s also use Y X W V U and the 2000s B-F besides '-' and 'A'.
    static constexpr std::string_view k1900 = "--------YXWVU", k2000 = "AAAAAABCDEF";
    char sign = born.year < 2000 ? k1900[rng.below(k1900.size())] : k2000[rng.below(k2000.size())];
    std::string nine = ddmmyy(born) + std::to_string(1000 + rng.between(2, 899)).substr(1);
    char check = values::fi_check_char(nine);
    std::string written = nine.substr(0, 6) + sign + nine.substr(6) + check;
    // A value that is also a valid CPR (or Swedish) number is drawn again.
    *cpr_shaped = sign == '-' && check >= '0' && check <= '9';
    if (*cpr_shaped && (values::reads_as_cpr(nine + check) || values::reads_as_swedish(nine + check))) continue;
    return {written, positive("fi.hetu", written, std::string("century sign ").append(1, sign))};
  }
}

}  // namespace

Snippet plant_fi_hetu(Rng& rng) {
  static const std::vector<std::string_view> kLabels = {"Henkilötunnus:", "HETU", "henkilötunnus", "Personbeteckning",
                                                        "Finnish personal identity code"};
  static const std::vector<std::string_view> kWith = {"{name}, {label} {id}, bor i Helsinki.", "{label} {id}"};
  static const std::vector<std::string_view> kWithout = {"Finsk ansøger {name} ({id}) har søgt om optagelse."};
  bool cpr_shaped = false;
  Written w = written_fi_hetu(rng, &cpr_shaped);
  bool labelled = cpr_shaped || rng.chance(0.5);
  std::string ten = w.text.substr(0, 6) + w.text.substr(7);
  Snippet s = snippet(rng, labelled ? kWith : kWithout, {{"id", w.text}, {"label", std::string(rng.pick(kLabels))}},
                      std::move(w.truth));
  if (cpr_shaped) add_cpr_reading(ten, s);
  return s;
}

Snippet cell_fi_hetu(Rng& rng) {
  for (;;) {
    bool cpr_shaped = false;
    Written w = written_fi_hetu(rng, &cpr_shaped);
    if (!cpr_shaped) return as_cell(std::move(w));
  }
}

// ---- Iceland ----

Snippet plant_is_kennitala(Rng& rng) {
  static const std::vector<std::string_view> kLabels = {"Kennitala:", "kennitala", "kt.", "Icelandic ID number"};
  static const std::vector<std::string_view> kPatterns = {
      "{name}, {label} {id}, er flyttet fra Reykjavík.", "Islandsk statsborger, {label} {id}", "{label} {id}"};
  for (;;) {
    values::Date born = values::birth_date(rng, 1930, 2020);
    std::string eight = ddmmyy(born) + values::digits(rng, 2);
    int check = values::is_check_digit(eight);
    if (check < 0) continue;
    std::string ten = eight + static_cast<char>('0' + check) + (born.year < 2000 ? '9' : '0');
    // Written exactly like a CPR number: a value that is also a valid one is drawn again.
    if (values::reads_as_cpr(ten) || values::reads_as_swedish(ten)) continue;
    // DDMMYY-NNNC is also a HETU when the last digit is the Finnish check character.
    if (values::fi_check_char(ten.substr(0, 9)) == ten[9]) continue;
    bool dash = rng.chance(0.6);
    std::string written = dash ? ten.substr(0, 6) + "-" + ten.substr(6) : ten;
    Snippet s = snippet(rng, kPatterns, {{"id", written}, {"label", std::string(rng.pick(kLabels))}},
                        positive("is.kennitala", ten, dash ? "DDMMYY-NNCX, keyword" : "DDMMYYNNCX, keyword"));
    add_cpr_reading(ten, s);
    return s;
  }
}

}  // namespace gdprscan::corpus
