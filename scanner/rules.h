// Detector rules are data (rules/*.toml), loaded once at start. A rule names a Hyperscan
// candidate pattern, a built-in validator that confirms the exact span, and the context
// words that move its confidence. Each rule carries examples that `gdprscan rules test`
// and the test suite run through the real matcher.
#pragma once

#include <string>
#include <vector>

#include "validators.h"

namespace gdprscan {

struct ContextModel {
  std::vector<std::string> keywords;  // lower case; raise confidence when near
  std::vector<std::string> negative;  // lower case; lower confidence when close
  int keyword_before = 300;           // bytes of text searched before the match
  int keyword_after = 100;
  int negative_before = 40;
  int negative_after = 25;
  double keyword_boost = 0.3;
  double negative_penalty = 0.5;
};

struct Rule {
  std::string id;  // stable, dotted, lower case: reports key on it
  std::string name;
  std::string description;
  std::string category;
  std::vector<std::string> tags;  // groups for --enable/--disable: "nordic", "eu", "danish", ...
  std::string severity;
  std::string gdpr;
  std::string pattern;    // Hyperscan syntax, ASCII; reports candidate ends only
  // Forms printed with spaces between digit groups ("943 476 5919"). Matching those costs
  // as much as all other rules together (spaces are everywhere, so Hyperscan cannot skip
  // ahead): compiled only with `gdprscan scan --spaced-ids` (use_spaced_forms).
  std::string spaced_pattern;
  // Compile the pattern into a second Hyperscan database, scanned after the main one. An
  // expression whose every match holds a rare literal after a long letter class (the
  // e-mail's '@') is found through that literal when alone; in one database with the
  // digit-run expressions Hyperscan ran its class over all prose: 0.53 s instead of
  // 0.29 + 0.01 s per 236 MB (docs/performance.md).
  bool separate_database = false;
  std::string validator;  // name of a built-in validator (validators.h)
  // Word lists for the validator (`[rule.word_lists]`, each a file of one word a line beside
  // the rule pack). `{name}` in `pattern` stands for the words of list `name` as
  // case-sensitive literals (person.name's given names); `pattern_as_written` keeps the
  // pattern before that expansion, for the catalogue.
  WordLists word_lists;
  std::string pattern_as_written;
  // The words of the pattern's alternatives that are a word list alone ("(?:{given_names})",
  // "(?:{given_names:capitals})"), each matched as its own Hyperscan literal (escaped);
  // `pattern` then holds the other alternatives only, and may be empty. Not for the
  // "regex" validator, which needs an alternation's leftmost start.
  std::vector<std::string> literal_patterns;
  // Term rules (GDPR Art. 9/10, confidential social-case words): `pattern` is made from the
  // terms (case-insensitive, whole words) and `validator` is "term". Strong terms count on
  // their own, weak terms only with another term of the same rule within `pair_window`.
  std::vector<std::string> terms, weak_terms;  // lower case
  // Reported only with a person identifier (a national id, an e-mail address, a phone
  // number, a personal name) within this many bytes, or anywhere in the document with --special-scope
  // document. 0: the rule stands alone.
  int pair_window = 0;
  // Findings of this rule anchor special-category terms (national ids do by category).
  bool identifies_person = false;
  // `report = "on_request"`: the rule runs (its findings anchor special-category terms and
  // are masked in other findings' context) but its own findings are written only when the
  // user names it with --enable (by id, id prefix, category or tag). Names are in every
  // letter; reporting each one would flood a scan of millions of files.
  bool report_on_request = false;
  // Whether findings of this rule are written: false for an on-request rule the user did
  // not ask for (set by the rule selection of the command line).
  bool reported = true;
  ContextModel context;
  std::vector<std::string> examples;           // texts in which the rule must report
  std::vector<std::string> negative_examples;  // texts in which it must not
  std::string source;                          // file the rule came from
};

// Loads every *.toml in `dir` (sorted by name). Throws std::runtime_error naming the file,
// line and field on any problem.
std::vector<Rule> load_rule_dir(const std::string& dir);
std::vector<Rule> load_rule_file(const std::string& path);

// Where the shipped rules live: $GDPRSCAN_RULES_DIR, then <exe>/../share/gdprscan/rules,
// then the source tree and the install prefix baked in at build time.
std::string find_default_rules_dir();

// Whether findings of `rule` can anchor a special-category term: person identifiers.
// (national ids always; other rules that say `identifies_person = true`: e-mail, phones,
// personal names).
bool identifies_a_person(const Rule& rule);

// A word-list rule whose terms can only be reported next to a person identifier (a pairing
// window, the plain "term" validator, no context words of its own): the detector matches its
// terms only in the windows where they can matter (Detector::detect_terms).
bool terms_matter_only_near_identifiers(const Rule& rule);
// A rule whose findings are never written (on request and not asked for, no pairing, no
// context words): its detections matter only where they anchor a term or are masked in the
// context of a written finding, and the detector finds them only there
// (Detector::detect_anchors). Personal names, unless --enable person.name.
bool anchors_only(const Rule& rule);
// Bytes of the longest text a word-list rule's pattern can match (a term matches as many
// bytes as it has: case folding keeps UTF-8 lengths).
size_t longest_term_bytes(const Rule& rule);

// Adds each rule's spaced_pattern to its pattern (as an alternative), for --spaced-ids and
// for `rules test`, whose examples include the spaced forms.
void use_spaced_forms(std::vector<Rule>& rules);

}  // namespace gdprscan
