// Special categories (GDPR Art. 9), criminal data (Art. 10) and Danish social-case data:
// a term of rules/special.toml within the pairing window of a person identifier, so the
// snippet holds both and its truth both items; and the same terms isolated from any person,
// which the default window scope must not report. Also ICD-10 codes after a diagnosis
// keyword (art9.health_code).
#include "planters.h"
#include "text_decode.h"
#include "values.h"

#include <stdexcept>

namespace gdprscan::corpus {

namespace {

// A phrase and the terms in it, lower case as findings give them (a weak term is listed
// only where a strong term of the same rule stands beside it: then both are reported).
struct Phrase {
  std::string_view text;
  std::vector<std::string_view> terms;
};

struct Category {
  std::string_view rule;
  std::vector<Phrase> phrases;
};

const std::vector<Category>& categories() {
  static const std::vector<Category> table = {
      {"art9.health",
       {{"er diagnosticeret med diabetes", {"diagnosticeret", "diabetes"}},
        {"har fremsendt lægeerklæring fra egen læge", {"lægeerklæring", "læge"}},
        {"har været indlagt på psykiatrisk afdeling", {"indlagt", "psykiatrisk"}},
        {"er i kemoterapi for kræft", {"kemoterapi", "kræft"}},
        {"lider af depression", {"depression"}},
        {"har sclerose", {"sclerose"}},
        {"har epilepsi og får medicin", {"epilepsi", "medicin"}},
        {"has been diagnosed with epilepsy", {"diagnosed", "epilepsy"}},
        {"har en funktionsnedsættelse", {"funktionsnedsættelse"}},
        {"er i behandling for alkoholmisbrug", {"behandling", "alkoholmisbrug"}},
        {"har demens", {"demens"}}}},
      {"art9.ethnic_origin",
       {{"har i ansøgningen oplyst etnisk oprindelse", {"etnisk oprindelse"}},
        {"har oplyst sin etnicitet", {"etnicitet"}},
        {"ethnic origin recorded in the form", {"ethnic origin"}}}},
      {"art9.political_opinion",
       {{"er partimedlem", {"partimedlem"}},
        {"har oplyst sin politiske overbevisning", {"politiske overbevisning"}},
        {"party membership noted", {"party membership"}}}},
      {"art9.religion",
       {{"er muslim og ønsker halal-kost", {"muslim"}},
        {"er medlem af et trossamfund", {"trossamfund"}},
        {"er jehovas vidne", {"jehovas vidne"}},
        {"er ateist", {"ateist"}},
        {"is Jewish", {"jewish"}}}},
      {"art9.trade_union",
       {{"har fradrag til fagforening hver måned", {"fagforening"}},
        {"er tillidsrepræsentant", {"tillidsrepræsentant"}},
        {"er fagforeningsmedlem", {"fagforeningsmedlem"}},
        {"union membership confirmed", {"union membership"}}}},
      {"art9.genetic",
       {{"er henvist til gentest", {"gentest"}},
        // Both words count: "genetisk" is the rule's weak term, beside its strong one. Not
        // "arvelig sygdom": its "sygdom" is a weak health term that a health term in the
        // next snippet would make a finding.
        {"har fået foretaget en genetisk undersøgelse", {"genetisk undersøgelse", "genetisk"}}}},
      {"art9.biometric",
       {{"har fået registreret fingeraftryk", {"fingeraftryk"}},
        {"har adgang med ansigtsgenkendelse", {"ansigtsgenkendelse"}},
        {"fingerprints enrolled", {"fingerprints"}}}},
      {"art9.sex_life",
       {{"er transkønnet og ønsker navneændring", {"transkønnet"}},
        {"er homoseksuel", {"homoseksuel"}},
        {"is bisexual", {"bisexual"}}}},
      {"art10.criminal",
       {{"har fremvist straffeattest", {"straffeattest"}},
        {"blev anholdt i går", {"anholdt"}},
        {"er sigtet for tyveri", {"sigtet"}},
        {"sidder i varetægt", {"varetægt"}},
        {"er politianmeldt", {"politianmeldt"}},
        {"was convicted of fraud", {"convicted"}}}},
      {"dk.social_case",
       {{"er anbragt uden for hjemmet", {"anbragt"}},
        {"er hjemløs", {"hjemløs"}},
        {"bor midlertidigt på krisecenter", {"krisecenter"}},
        {"er i misbrugsbehandling", {"misbrugsbehandling"}},
        {"har gæld til inkasso og er hjemløs", {"gæld", "inkasso", "hjemløs"}}}},
  };
  return table;
}

const Category& category(std::string_view rule) {
  for (const Category& c : categories())
    if (c.rule == rule) return c;
  throw std::invalid_argument(std::string("no special category: ").append(rule));
}

// A person identifier (rules that identify a person: national ids, e-mail, phones) and its
// truth, as the subject of the sentence.
std::string person_subject(Rng& rng, std::vector<TruthItem>& truth) {
  std::string name = vocab::full_name(rng);
  switch (rng.below(4)) {
    case 0: {
      std::string address = email_address(rng, name);
      truth.push_back(positive("email", address));
      return name + " (" + address + ")";
    }
    case 1: {
      std::string n = std::to_string(rng.between(2, 9)) + values::digits(rng, 7);
      truth.push_back(positive("dk.phone", "45" + n, "country code"));
      return name + ", +45 " + values::grouped(n, 2, " ") + ",";
    }
    default: {
      std::string ten = values::cpr_digits(rng, values::CprKind::mod11_valid);
      truth.push_back(positive("dk.cpr", ten, "mod-11 valid, DDMMYY-SSSS, keyword"));
      return "Borger " + name + ", CPR-nr. " + ten.substr(0, 6) + "-" + ten.substr(6) + ",";
    }
  }
}

void add_terms(const Phrase& p, std::string_view rule, TruthKind kind, std::vector<TruthItem>& truth) {
  for (std::string_view term : p.terms) {
    std::string note = kind == TruthKind::positive ? "term beside a person identifier"
                                                   : "term with no person identifier within the pairing window";
    truth.push_back({std::string(rule), std::string(term), kind, note});
  }
}

}  // namespace

Snippet plant_special_category(std::string_view rule, Rng& rng) {
  const Phrase& phrase = rng.pick(category(rule).phrases);
  Snippet s;
  std::string subject = person_subject(rng, s.truth);
  s.text = subject + " " + std::string(phrase.text) + ".";
  if (rng.chance(0.3)) s.text = vocab::filler(rng) + " " + s.text;
  add_terms(phrase, rule, TruthKind::positive, s.truth);
  return s;
}

Snippet plant_isolated_term(Rng& rng) {
  const Category& c = rng.pick(categories());
  const Phrase& phrase = rng.pick(c.phrases);
  static const std::vector<std::string_view> kSubjects = {"Borgeren", "Ansøgeren", "Den pågældende", "Medarbejderen"};
  Snippet s;
  s.text = std::string(rng.pick(kSubjects)) + " " + std::string(phrase.text) + ". " + vocab::filler(rng);
  s.isolate = true;
  add_terms(phrase, c.rule, TruthKind::decoy, s.truth);
  return s;
}

namespace {

// A name as case files write it: in full, in capitals (a register's export), or a title and
// the surname after the first mention ("fru Hansen").
std::string name_as_written(Rng& rng) {
  static const std::vector<std::string_view> kTitles = {"fru", "Fru", "hr.", "Hr."};
  switch (rng.below(4)) {
    case 0: return to_capitals(vocab::full_name(rng));  // as old registers print names
    case 1: return std::string(rng.pick(kTitles)).append(" ").append(rng.pick(vocab::last_names()));
    default: return vocab::full_name(rng);
  }
}

}  // namespace

// DETECTION.md counts a name as a person identifier for pairing: person.name anchors terms
// (it is not reported itself unless asked), so a term beside a name and address is found,
// whichever way the name is written.
Snippet plant_term_beside_name_only(Rng& rng) {
  const Category& c = rng.pick(categories());
  const Phrase& phrase = rng.pick(c.phrases);
  Snippet s;
  s.text = name_as_written(rng) + ", " + vocab::address(rng) + ", " + std::string(phrase.text) + ".";
  add_terms(phrase, c.rule, TruthKind::positive, s.truth);
  return s;
}

// A weak term counts only with another term of its rule near it (rules/special.toml): beside
// a person identifier but alone, it is not reported ("Borger 150372-1003 er sygemeldt.").
Snippet decoy_weak_term_alone(Rng& rng) {
  struct Weak {
    std::string_view rule, text, term;
  };
  static constexpr Weak kWeak[] = {
      {"art9.health", "er sygemeldt", "sygemeldt"},        {"art9.health", "har fået ny medicin", "medicin"},
      {"art9.religion", "gik i kirke", "kirke"},             {"art9.trade_union", "har betalt kontingent", "kontingent"},
      {"art10.criminal", "fik en bøde", "bøde"},             {"dk.social_case", "har gæld", "gæld"},
      {"art9.ethnic_origin", "er flygtning", "flygtning"},   {"art9.political_opinion", "er kandidat til stillingen", "kandidat"},
      {"art9.genetic", "har afgivet dna", "dna"},
  };
  const Weak& w = kWeak[rng.below(std::size(kWeak))];
  Snippet s;
  std::string subject = person_subject(rng, s.truth);
  // Neutral sentences on both sides, so that with the gap between snippets the pairing
  // window (300 bytes) holds no term of a neighbour, which would make the weak term count.
  // The identifier and term early on the line (a PDF writer shrinks a long planted line).
  s.text = vocab::fillers(rng, kWindow300Padding, kWindow300Padding + 60) + " " + subject + " " + std::string(w.text) +
           ". " + vocab::fillers(rng, kWindow300Padding);
  s.truth.push_back(decoy(w.rule, std::string(w.term), "weak term beside a person identifier, no other term of its rule"));
  return s;
}

namespace {
constexpr const char* kIcdCodes[] = {"E11.9", "E10.9", "F32.1", "F20.0", "G40.9", "C18.7", "J44.1",
                                     "I50.9", "M54.5", "F10.2", "G35",   "F00",   "I21.4", "K50.9"};
}  // namespace

// A code-shaped reference next to a person but with no diagnosis keyword ("lokale F32"),
// or after a keyword with no person near it: neither is health data.
Snippet decoy_health_code(Rng& rng) {
  std::string code = kIcdCodes[rng.below(std::size(kIcdCodes))];
  Snippet s;
  if (rng.chance(0.5)) {
    std::string subject = person_subject(rng, s.truth);
    s.text = subject + " har møde i lokale " + code + " på rådhuset.";
    s.truth.push_back(decoy("art9.health_code", code, "code shape beside a person, no diagnosis keyword"));
    return s;
  }
  s.text = "Eksempel på kodning: aktionsdiagnose " + code + ". " + vocab::filler(rng);
  s.isolate = true;
  s.truth.push_back(decoy("art9.health_code", code, "code after a diagnosis keyword, no person identifier near"));
  return s;
}

Snippet plant_health_code(Rng& rng) {
  // Keywords of art9.health_code; "Diagnose" is also a health term (then reported as such).
  struct Keyword {
    const char* text;
    const char* term;  // the art9.health term it is, or nullptr
  };
  static constexpr Keyword kKeywords[] = {{"Aktionsdiagnose:", nullptr}, {"bidiagnose", nullptr}, {"diagnosekode", nullptr},
                                          {"ICD-10:", nullptr},          {"SKS-kode", nullptr},   {"Diagnose:", "diagnose"}};
  std::string code = kIcdCodes[rng.below(std::size(kIcdCodes))];
  bool sks = rng.chance(0.4);  // the Danish SKS form: "D" in front, no dot
  if (sks) {
    std::string plain;
    for (char c : code)
      if (c != '.') plain += c;
    code = "D" + plain;
  }
  const Keyword& k = kKeywords[rng.below(std::size(kKeywords))];
  Snippet s;
  std::string subject = person_subject(rng, s.truth);
  s.text = subject + " " + k.text + " " + code + ".";
  s.truth.push_back(positive("art9.health_code", code, sks ? "SKS form, keyword, person identifier" : "ICD-10, keyword, person identifier"));
  if (k.term) s.truth.push_back(positive("art9.health", k.term, "term beside a person identifier"));
  return s;
}

}  // namespace gdprscan::corpus
