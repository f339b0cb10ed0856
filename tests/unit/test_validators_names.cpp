// Personal names (rules/names.toml, validators_names.cpp): the shapes a Danish name takes,
// what is not a name (streets, firms, places, months, sentence starts), that the word lists
// are data, the masking, and the reporting policy: by default the rule anchors
// special-category terms and is masked in contexts, but writes no findings of its own.
#include <gtest/gtest.h>

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "test_helpers.h"

namespace gdprscan {
namespace {

namespace fs = std::filesystem;
using testing::findings_in;
using testing::values_of;

// The shipped rules with the name rule's own findings written (as `--enable person.name`).
std::vector<Rule> rules_reporting_names() {
  auto rules = testing::shipped_rules();
  for (Rule& r : rules) r.reported = true;
  return rules;
}

const Detector& names_detector() {
  static const Detector detector(rules_reporting_names(), CivilDate{2026, 11, 26});
  return detector;
}

std::vector<std::string> names_in(std::string_view text) {
  return values_of(findings_in(names_detector(), text), "person.name");
}

using Names = std::vector<std::string>;

TEST(PersonName, GivenNamesMiddleNamesInitialsAndSurname) {
  EXPECT_EQ(names_in("Jens Peter Hansen er indkaldt."), Names{"Jens Peter Hansen"});
  EXPECT_EQ(names_in("Kære Anne-Marie Østergaard"), Names{"Anne-Marie Østergaard"});
  EXPECT_EQ(names_in("Mødt: Mette K. Nielsen."), Names{"Mette K. Nielsen"});
  EXPECT_EQ(names_in("Lars Løkke Rasmussen"), Names{"Lars Løkke Rasmussen"});  // a middle name not in any list
  EXPECT_EQ(names_in("Hans Christian Andersen"), Names{"Hans Christian Andersen"});
  EXPECT_EQ(names_in("Peter de Neergaard"), Names{"Peter de Neergaard"});  // a particle, a shaped surname
  EXPECT_EQ(names_in("Mette Holm-Nielsen"), Names{"Mette Holm-Nielsen"});
  EXPECT_EQ(names_in("Det er Jens Hansens bil."), Names{"Jens Hansens"});  // genitive
}

TEST(PersonName, NamesOfDanesWithImmigrantBackground) {
  EXPECT_EQ(names_in("Sagsbehandler Mohammed Ali"), Names{"Mohammed Ali"});
  EXPECT_EQ(names_in("Ayşe Yılmaz og Łukasz Kowalski"), (Names{"Ayşe Yılmaz", "Łukasz Kowalski"}));
  EXPECT_EQ(names_in("Anh Nguyen, Fatima Hussein"), (Names{"Anh Nguyen", "Fatima Hussein"}));
}

// Old registers and their exports print names in capitals. The value is the name as the
// lists write it, so "JENS HANSEN" and "Jens Hansen" have one fingerprint.
TEST(PersonName, NamesInCapitals) {
  EXPECT_EQ(names_in("BORGER: JENS PETER HANSEN"), Names{"Jens Peter Hansen"});
  EXPECT_EQ(names_in("HANSEN, JENS;0101800008;VESTERGADE 12"), Names{"Jens Hansen"});
  EXPECT_EQ(names_in("SØREN ØSTERGAARD og METTE HOLM-NIELSEN"), (Names{"Søren Østergaard", "Mette Holm-Nielsen"}));
  EXPECT_EQ(names_in("ANNE-MARIE K. JENSEN"), Names{"Anne-Marie K. Jensen"});
  EXPECT_TRUE(names_in("JENS BAGGESENS VEJ 4").empty());
  EXPECT_TRUE(names_in("BORGERSERVICE HANSEN").empty());   // no given name
  EXPECT_TRUE(names_in("Jens HANSEN, PETER Hansen").empty());  // the words of one name are written alike
  EXPECT_TRUE(names_in("JENSEN OG HANSEN").empty());
  EXPECT_TRUE(names_in("JENS HANSENs").empty());
  auto caps = findings_in(names_detector(), "JENS HANSEN"), plain = findings_in(names_detector(), "Jens Hansen");
  ASSERT_EQ(caps.size(), 1u);
  ASSERT_EQ(plain.size(), 1u);
  EXPECT_EQ(caps[0].match, "J*** H***");
  EXPECT_EQ(caps[0].value, plain[0].value);
}

// In case notes a citizen named in full once is "fru Hansen" after that: a title, then
// surnames; the span is the surnames, the title stays readable in contexts.
TEST(PersonName, SurnameAfterATitle) {
  EXPECT_EQ(names_in("Vi talte med fru Hansen i dag."), Names{"Hansen"});
  EXPECT_EQ(names_in("Hr. Jensen og frk. Kjærsgaard"), (Names{"Jensen", "Kjærsgaard"}));
  EXPECT_EQ(names_in("FRU HOLM NIELSEN"), Names{"Holm Nielsen"});
  EXPECT_EQ(names_in("Mrs. Olsen"), Names{"Olsen"});
  EXPECT_EQ(names_in("fru Karen Hansen"), Names{"Karen Hansen"});  // the given-name form, once
  EXPECT_TRUE(names_in("HR Jensen-teamet").empty());                // "HR" is no title
  EXPECT_TRUE(names_in("hr. Jensens Vej 4").empty());
  EXPECT_TRUE(names_in("Tak, fru Danmark.").empty());
  EXPECT_TRUE(names_in("Kaffru Hansen").empty());                   // a title only as a word of its own
  auto found = findings_in(names_detector(), "fru Hansen");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].match, "H***");
  EXPECT_EQ(found[0].offset, 4u);
}

TEST(PersonName, SurnameFirstAtTheStartOfAListItem) {
  EXPECT_EQ(names_in("Deltagere:\nHansen, Jens\nNielsen, Mette P.\n"), (Names{"Jens Hansen", "Mette P. Nielsen"}));
  EXPECT_EQ(names_in("Til stede: Østergaard, Anne; Madsen, Ole"), (Names{"Anne Østergaard", "Ole Madsen"}));
  // Mid-sentence a comma after a surname-like word is no list: "..., Hansen, Jens kom" is
  // not "Jens Hansen" (only "fru Hansen", by its title).
  EXPECT_EQ(names_in("Vi mødte fru Hansen, Jens kom senere."), Names{"Hansen"});
  EXPECT_TRUE(names_in("Vi mødte dem i Hansen, Jens kom senere.").empty());
}

TEST(PersonName, OneFindingPerNameWhateverItsMiddleNames) {
  // "Peter", "Per" and "Marie" are given names too; the name is found once, from its start.
  auto found = findings_in(names_detector(), "Jens Peter Hansen, Anders Mikkel Per Nielsen og Anne-Marie Holm.");
  EXPECT_EQ(values_of(found, "person.name"), (Names{"Jens Peter Hansen", "Anders Mikkel Per Nielsen", "Anne-Marie Holm"}));
}

TEST(PersonName, StreetsFirmsPlacesAndMonthsAreNotNames) {
  EXPECT_TRUE(names_in("Kontoret ligger på H.C. Andersens Boulevard 27.").empty());
  EXPECT_TRUE(names_in("Vi bor på Jens Baggesens Vej 12.").empty());
  EXPECT_TRUE(names_in("Hans Christian Andersens Boulevard").empty());
  EXPECT_TRUE(names_in("Niels Juels Gade 5 og Peter Bangs vej 3").empty());  // lower-case street word too
  EXPECT_TRUE(names_in("Faktura fra Peter Hansen ApS.").empty());
  EXPECT_TRUE(names_in("Mads Jensen A/S, Lars Holm Consult").empty());
  EXPECT_TRUE(names_in("Svend Nielsen Kommune").empty());
  EXPECT_TRUE(names_in("Vi tog til Peter Horsens i går.").empty());  // Horsens is a town, not a genitive
  EXPECT_TRUE(names_in("Mødet er den 5. August Jensen kom ikke.").empty());
  EXPECT_TRUE(names_in("August Holmberg").empty());  // a month as a given name needs a listed surname
  EXPECT_EQ(names_in("August Hansen"), Names{"August Hansen"});
}

TEST(PersonName, GivenNamesAloneAndSentenceStartsAreNotNames) {
  EXPECT_TRUE(names_in("Jens kom for sent i dag.").empty());
  EXPECT_TRUE(names_in("Jens. Hansen kom bagefter.").empty());      // a full stop ends a name
  EXPECT_TRUE(names_in("Ring til Jens\nHansen er her.").empty());    // so does a line break
  EXPECT_TRUE(names_in("Hansen og Jensen er naboer.").empty());     // surnames alone
  EXPECT_TRUE(names_in("Per 1. januar og Per Mandag").empty());     // "Per" starting a sentence
  EXPECT_TRUE(names_in("Jensen, Sandersen").empty());                // "Anders" inside a word
  EXPECT_TRUE(names_in("JensHansen Jens2 Hansen").empty());          // glued
  EXPECT_TRUE(names_in("jens hansen").empty());                      // names are capitalised
}

TEST(PersonName, MaskShowsInitialsOnly) {
  auto found = findings_in(names_detector(), "Kære Anne-Marie Østergaard\nHansen, Jens");
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].match, "A***-M*** Ø***");
  EXPECT_EQ(found[1].match, "H***, J***");
  for (const auto& f : found) {
    EXPECT_EQ(f.context.find("Østergaard"), std::string::npos) << f.context;
    EXPECT_EQ(f.context.find("Hansen"), std::string::npos) << f.context;
  }
}

TEST(PersonName, TheWordListsAreData) {
  const Validator* v = find_validator("person_name");
  ASSERT_NE(v, nullptr);
  WordLists words;
  words.lists["given_names"] = {"Zorro"};
  words.lists["surnames"] = {"Vega"};
  words.lists["not_name_words"] = {"vej"};
  ValidationEnv env{CivilDate{2026, 11, 26}};
  env.words = &words;
  std::string text = "Til Zorro Vega og Jens Hansen";
  auto hit = v->confirm(text, text.find("Zorro") + 5, env);
  ASSERT_TRUE(hit);
  EXPECT_EQ(hit->value, "Zorro Vega");
  EXPECT_EQ(hit->score, 0.7);  // a listed surname
  EXPECT_FALSE(v->confirm(text, text.size() - 7, env));  // "Jens" is not in this list
  std::string street = "Zorro Vegas Vej";
  EXPECT_FALSE(v->confirm(street, 5, env));
  env.words = nullptr;  // a rule without its lists confirms nothing
  EXPECT_FALSE(v->confirm(text, text.find("Zorro") + 5, env));
}

// `text` holds `count` names, and scanning it in chunks and writes of any size finds the same.
void expect_same_names_in_pieces(const std::string& text, size_t count) {
  auto whole = values_of(findings_in(names_detector(), text), "person.name");
  ASSERT_EQ(whole.size(), count);
  for (size_t chunk : {997u, 1500u})
    for (size_t write : {1u, 7u, 4096u})
      EXPECT_EQ(values_of(testing::scan_in_pieces(names_detector(), text, chunk, write), "person.name"), whole)
          << chunk << "/" << write;
}

// Names must come out once with their full span, whatever the chunk and write boundaries.
TEST(PersonName, FoundOnceAcrossChunkBoundaries) {
  std::string text;
  for (int i = 0; i < 40; ++i) text += "Notat " + std::to_string(i) + ": Jens Peter Hansen\nHansen, Mette K.\n";
  expect_same_names_in_pieces(text, 80);
}

// The names of given_name_prefixes.txt ("Bo", "Per", "Jens") start many words: found where
// a space, a comma, a line end, a non-ASCII separator or the end of the text follows, never
// inside "Borger" or "Personale"; the same across chunk boundaries.
TEST(PersonName, NamesThatStartOtherWords) {
  EXPECT_EQ(names_in("Borgeren Bo Hansen og Per Nielsen"), (Names{"Bo Hansen", "Per Nielsen"}));
  EXPECT_EQ(names_in("Personalet: Jens Peter Hansen"), Names{"Jens Peter Hansen"});
  EXPECT_EQ(names_in("Deltagere:\nHansen, Bo\nNielsen, Per"), (Names{"Bo Hansen", "Per Nielsen"}));  // end of text
  EXPECT_EQ(names_in("Deltagere:\nHansen, Bo\n"), Names{"Bo Hansen"});
  EXPECT_EQ(names_in("Deltagere:\nHansen, Bo\u2013 formand"), Names{"Bo Hansen"});  // an en dash after the name
  EXPECT_TRUE(names_in("Borger Hansen, Bolig Nielsen, BoHansen, Boø Jensen").empty());
  std::string text;
  for (int i = 0; i < 60; ++i) text += "Borgeren Bo Hansen, Personale: Per Nielsen\nHansen, Bo\n";
  expect_same_names_in_pieces(text, 180);
}

// A given name and a capitalised word that is neither a listed or Danish-shaped surname nor
// a word that is no name: a name at 0.4, under the default threshold. Not reported, and no
// anchor for terms, but masked in the contexts of other findings.
TEST(PersonName, UnlistedSurnamesMakeNamesUnderTheThreshold) {
  auto found = findings_in(names_detector(), "Patient Maria Rossi, Hr. Smith og\nSmith, John P.", 0.4);
  std::vector<std::string> values;
  for (const Finding& f : found) {
    if (f.detector != "person.name") continue;
    values.push_back(f.value);
    EXPECT_EQ(f.confidence, 0.4) << f.value;
    EXPECT_NE(std::find(f.signals.begin(), f.signals.end(), "surname_unlisted"), f.signals.end()) << f.value;
  }
  EXPECT_EQ(values, (Names{"Maria Rossi", "Smith", "John P. Smith"}));
  EXPECT_TRUE(names_in("Patient Maria Rossi").empty()) << "not at the default threshold";
  // A listed surname wins over an unlisted word after it; a second given name, a street or a
  // firm is no surname.
  EXPECT_EQ(names_in("Jens Hansen Smith"), Names{"Jens Hansen"});
  EXPECT_TRUE(values_of(findings_in(names_detector(), "Jens Peter ringede. Maria Rossi Vej 4. Maria Kommune", 0.4),
                        "person.name")
                  .empty());
}

// CSV exports and sheets (cells joined by tabs) give given names and surname columns of
// their own: "Jens;Hansen", "Hansen;Jens", "Jens Peter\tHansen". Each cell whole.
TEST(PersonName, GivenNameAndSurnameInCellsOfARow) {
  EXPECT_EQ(names_in("150372-1003;Jens;Hansen;Vestergade 12"), Names{"Jens Hansen"});
  EXPECT_EQ(names_in("Hansen;Jens;Algade 1"), Names{"Jens Hansen"}) << "the known surname before, not the street after";
  EXPECT_EQ(names_in("Jens Peter\tHansen\t150372-1003"), Names{"Jens Peter Hansen"});
  EXPECT_EQ(names_in("1001,Mette K.,Nielsen,2019"), Names{"Mette K. Nielsen"});
  EXPECT_EQ(names_in("NIELSEN|METTE|KØBENHAVN"), Names{"Mette Nielsen"});
  auto found = findings_in(names_detector(), "Hansen;Jens;Algade 1");
  found.erase(std::remove_if(found.begin(), found.end(), [](const Finding& f) { return f.detector != "person.name"; }),
              found.end());
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].match, "H***;J***");
  EXPECT_NE(std::find(found[0].signals.begin(), found[0].signals.end(), "surname_first"), found[0].signals.end());
  // An unlisted surname's cell: a name under the threshold, masked in contexts.
  EXPECT_EQ(values_of(findings_in(names_detector(), "Maria;Rossi;Algade 1", 0.4), "person.name"), Names{"Maria Rossi"});
  // Not cells: prose after a comma and a space, a cell of more words, a given name alone.
  EXPECT_TRUE(names_in("Kære Jens, Hansen kommer i morgen").empty());
  EXPECT_TRUE(values_of(findings_in(names_detector(), "Jens;Vestergade 12;Peter;Hansen Vej", 0.4), "person.name").empty());
  EXPECT_TRUE(values_of(findings_in(names_detector(), "Jens;Peter;12", 0.4), "person.name").empty());
  std::string rows;
  for (int i = 0; i < 60; ++i) rows += "150372-1003;Jens Peter;Hansen;Vestergade " + std::to_string(i) + "\nNielsen\tMette\n";
  expect_same_names_in_pieces(rows, 120);
}

// ---- The reporting policy: an anchor by default ----------------------------------------

TEST(PersonNamePolicy, AnchorsTermsWithoutFindingsOfItsOwn) {
  Detector detector(testing::shipped_rules(), CivilDate{2026, 11, 26});
  MatchScratch scratch;
  ReportPolicy policy;
  Fingerprinter fingerprinter(std::string(32, 'k'));
  policy.fingerprinter = &fingerprinter;
  auto found = scan_text("Jens Hansen er indlagt med depression.", detector, policy, scratch);
  ASSERT_EQ(found.size(), 2u);
  for (const Finding& f : found) {
    EXPECT_EQ(f.detector, "art9.health");
    EXPECT_EQ(f.paired_detector, "person.name");
    EXPECT_EQ(f.paired_fingerprint, fingerprinter("Jens Hansen"));
    EXPECT_EQ(f.context.find("Jens"), std::string::npos) << f.context;  // masked: "J*** H***"
    EXPECT_NE(f.context.find("J*** H***"), std::string::npos) << f.context;
  }
  // A street is no person: the term stays unpaired and unreported.
  EXPECT_TRUE(scan_text("Jens Baggesens Vej: indlagt med depression.", detector, policy, scratch).empty());
  // "fru Hansen" anchors a term too, and is masked as "fru H***".
  auto titled = scan_text("Vi talte med fru Hansen om hendes depression.", detector, policy, scratch);
  ASSERT_EQ(titled.size(), 1u);
  EXPECT_EQ(titled[0].paired_detector, "person.name");
  EXPECT_NE(titled[0].context.find("fru H***"), std::string::npos) << titled[0].context;
  // A register's row in capitals: the name is masked beside the CPR number it shares a line with.
  auto row = scan_text("HANSEN, JENS;0101800008;VESTERGADE 12", detector, policy, scratch);
  ASSERT_EQ(row.size(), 1u);
  EXPECT_EQ(row[0].detector, "dk.cpr");
  EXPECT_EQ(row[0].context.find("JENS"), std::string::npos) << row[0].context;
  EXPECT_NE(row[0].context.find("H***, J***"), std::string::npos) << row[0].context;
  // A name with an unlisted surname is masked beside the CPR number too, but anchors no term.
  auto patient = scan_text("Patient Maria Rossi, CPR 150372-1003.", detector, policy, scratch);
  ASSERT_EQ(patient.size(), 1u);
  EXPECT_NE(patient[0].context.find("Patient M*** R***, CPR"), std::string::npos) << patient[0].context;
  EXPECT_TRUE(scan_text("Maria Rossi er indlagt med depression.", detector, policy, scratch).empty());
  // A citizen list with the names in columns of their own: masked beside the CPR number.
  auto csv = scan_text("CPR;Fornavn;Efternavn\n150372-1003;Jens;Hansen\n", detector, policy, scratch);
  ASSERT_EQ(csv.size(), 1u);
  EXPECT_NE(csv[0].context.find("150372-****;J***;H***"), std::string::npos) << csv[0].context;
}

// ---- Rule packs: word lists, {list} in patterns and report --------------------------------

struct TempPack {
  fs::path dir = fs::temp_directory_path() / ("gdprscan-names-" + std::to_string(::getpid()));
  TempPack() { fs::create_directories(dir / "lists"); }
  ~TempPack() { fs::remove_all(dir); }
  std::string write(const std::string& name, const std::string& text) const {
    std::ofstream(dir / name) << text;
    return (dir / name).string();
  }
};

const char* const kPackHead = R"toml([[rule]]
id = "x.name"
name = "n"
category = "contact"
severity = "low"
validator = "person_name"
pattern = "(?:{given_names}) [A-Z]"
)toml";

TEST(PersonNameRules, WordListsAreReadBesideThePack) {
  TempPack pack;
  pack.write("lists/given.txt", "# comment\nZorro\n\n  Bernardo  \nZorro\n");
  pack.write("lists/surnames.txt", "Vega\n");
  pack.write("lists/not.txt", "vej\n");
  auto rules = load_rule_file(pack.write("p.toml", std::string(kPackHead) + R"(report = "on_request"
[rule.word_lists]
given_names = "lists/given.txt"
surnames = "lists/surnames.txt"
not_name_words = "lists/not.txt"
)"));
  ASSERT_EQ(rules.size(), 1u);
  EXPECT_EQ(rules[0].word_lists.lists.at("given_names"), (std::vector<std::string>{"Bernardo", "Zorro"}));
  EXPECT_EQ(rules[0].pattern, "(?:Bernardo|Zorro) [A-Z]");
  EXPECT_TRUE(rules[0].report_on_request);
  EXPECT_FALSE(rules[0].reported);
}

// An alternative that is a word list alone is matched as one literal per word, in capitals
// too with {list:capitals}; the other alternatives stay the rule's pattern. Two literals
// that end at one place ("Marie", "Rie") give one name.
TEST(PersonNameRules, WordListAlternativesAreLiterals) {
  TempPack pack;
  pack.write("lists/given.txt", "Søren\nMarie\nRie\nAnne\n");
  pack.write("lists/surnames.txt", "Vega\n");
  pack.write("lists/not.txt", "vej\n");
  const std::string lists =
      "[rule.word_lists]\ngiven_names = \"lists/given.txt\"\nsurnames = \"lists/surnames.txt\"\n"
      "not_name_words = \"lists/not.txt\"\n";
  std::string head = kPackHead;
  head.replace(head.find("(?:{given_names}) [A-Z]"), 23, "(?:{given_names})|(?:{given_names:capitals})|Hr[.] ");
  auto rules = load_rule_file(pack.write("p.toml", head + lists));
  ASSERT_EQ(rules.size(), 1u);
  EXPECT_EQ(rules[0].literal_patterns,
            (std::vector<std::string>{"Anne", "Marie", "Rie", "Søren", "ANNE", "MARIE", "RIE", "SØREN"}));
  EXPECT_EQ(rules[0].pattern, "Hr[.] ");
  Detector detector(rules, CivilDate{2026, 11, 26});
  EXPECT_EQ(values_of(findings_in(detector, "Kære Anne-Marie Vega, Marie Vega og SØREN VEGA"), "x.name"),
            (Names{"Anne-Marie Vega", "Marie Vega", "Søren Vega"}));
  // A "regex" rule keeps its alternation whole: its validator takes Hyperscan's leftmost start.
  std::string regex = head;
  regex.replace(regex.find("validator = \"person_name\""), 25, "validator = \"regex\"");
  auto whole = load_rule_file(pack.write("r.toml", regex + lists));
  ASSERT_EQ(whole.size(), 1u);
  EXPECT_TRUE(whole[0].literal_patterns.empty());
  EXPECT_EQ(whole[0].pattern, "(?:Anne|Marie|Rie|Søren)|(?:ANNE|MARIE|RIE|SØREN)|Hr[.] ");
}

TEST(PersonNameRules, MistakesNameFileLineAndField) {
  TempPack pack;
  auto error_of = [&](const std::string& body) {
    try {
      load_rule_file(pack.write("p.toml", std::string(kPackHead) + body));
    } catch (const std::runtime_error& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  pack.write("lists/given.txt", "Zorro\n");
  const std::string all_lists =
      "[rule.word_lists]\ngiven_names = \"lists/given.txt\"\nsurnames = \"lists/given.txt\"\n"
      "not_name_words = \"lists/given.txt\"\n";
  EXPECT_NE(error_of("[rule.word_lists]\ngiven_names = \"lists/missing.txt\"\n").find("cannot read word list"),
            std::string::npos);
  EXPECT_NE(error_of("[rule.word_lists]\ngiven_names = \"lists/given.txt\"\n").find("needs the word list 'surnames'"),
            std::string::npos);
  EXPECT_NE(error_of("[rule.word_lists]\nsurnames = \"lists/given.txt\"\n").find("names '{given_names}', which is not in"),
            std::string::npos);
  std::string report = error_of("report = \"sometimes\"\n" + all_lists);
  EXPECT_NE(report.find("p.toml:8: field 'report' must be"), std::string::npos) << report;
  std::string form = error_of(all_lists);
  EXPECT_EQ(form, "no error");
  {
    std::string head = kPackHead;
    head.replace(head.find("{given_names}"), 13, "{given_names:upper}");
    try {
      load_rule_file(pack.write("f.toml", head + all_lists));
      ADD_FAILURE() << "an unknown form of a word list was accepted";
    } catch (const std::runtime_error& e) {
      EXPECT_NE(std::string(e.what()).find("the forms of a word list are :capitals and :capitalised"), std::string::npos)
          << e.what();
    }
  }
  std::string unknown = error_of("reprot = \"on_request\"\n" + all_lists);
  EXPECT_NE(unknown.find("unknown field 'reprot'"), std::string::npos) << unknown;
}

}  // namespace
}  // namespace gdprscan
