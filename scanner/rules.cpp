#include "rules.h"

#include "context_words.h"

#include <algorithm>
#include <cstdlib>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <optional>
#include <set>
#include <stdexcept>
#include <toml++/toml.h>

#include "text_decode.h"
#include "validators.h"

namespace gdprscan {

namespace fs = std::filesystem;

namespace {

std::string where(const std::string& path, const toml::node* node) {
  if (!node) return path;
  return path + ":" + std::to_string(node->source().begin.line);
}

[[noreturn]] void fail(const std::string& path, const toml::node* node, const std::string& what) {
  throw std::runtime_error(where(path, node) + ": " + what);
}

std::string required_string(const toml::table& t, const std::string& key, const std::string& path) {
  const toml::node* n = t.get(key);
  if (!n) fail(path, &t, "rule is missing field '" + key + "'");
  if (!n->is_string()) fail(path, n, "field '" + key + "' must be a string");
  return std::string(*n->value<std::string>());
}

std::string optional_string(const toml::table& t, const std::string& key, const std::string& path) {
  const toml::node* n = t.get(key);
  if (!n) return {};
  if (!n->is_string()) fail(path, n, "field '" + key + "' must be a string");
  return std::string(*n->value<std::string>());
}

std::vector<std::string> string_list(const toml::table& t, const std::string& key, const std::string& path) {
  std::vector<std::string> out;
  const toml::node* n = t.get(key);
  if (!n) return out;
  const toml::array* arr = n->as_array();
  if (!arr) fail(path, n, "field '" + key + "' must be an array of strings");
  for (const toml::node& item : *arr) {
    if (!item.is_string()) fail(path, &item, "field '" + key + "' must hold only strings");
    out.emplace_back(*item.value<std::string>());
  }
  return out;
}

bool optional_bool(const toml::table& t, const std::string& key, const std::string& path) {
  const toml::node* n = t.get(key);
  if (!n) return false;
  if (!n->is_boolean()) fail(path, n, "field '" + key + "' must be true or false");
  return *n->value<bool>();
}

template <typename T>
void read_number(const toml::table& t, const std::string& key, T& out, const std::string& path) {
  const toml::node* n = t.get(key);
  if (!n) return;
  if (auto v = n->value<double>()) {
    out = static_cast<T>(*v);
    return;
  }
  fail(path, n, "field '" + key + "' must be a number");
}

bool is_valid_id(const std::string& id) {
  if (id.empty() || id.front() == '.' || id.back() == '.') return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_';
  });
}

const std::set<std::string> kCategories = {"national_id", "identity_document", "financial",
                                           "contact",     "online_id",         "special_category",
                                           "criminal",    "confidential"};
const std::set<std::string> kSeverities = {"low", "medium", "high", "critical"};

ContextModel read_context(const toml::table& rule, const std::string& path) {
  ContextModel m;
  m.keywords = string_list(rule, "keywords", path);
  m.negative = string_list(rule, "negative", path);
  for (auto& k : m.keywords) k = fold_case(k);
  for (auto& k : m.negative) k = fold_case(k);
  if (const toml::node* n = rule.get("context")) {
    const toml::table* c = n->as_table();
    if (!c) fail(path, n, "field 'context' must be a table");
    read_number(*c, "before", m.keyword_before, path);
    read_number(*c, "after", m.keyword_after, path);
    read_number(*c, "negative_before", m.negative_before, path);
    read_number(*c, "negative_after", m.negative_after, path);
    read_number(*c, "keyword_boost", m.keyword_boost, path);
    read_number(*c, "negative_penalty", m.negative_penalty, path);
    if (m.keyword_before < 0 || m.keyword_after < 0 || m.negative_before < 0 || m.negative_after < 0 ||
        std::max({m.keyword_before, m.keyword_after, m.negative_before, m.negative_after}) > 2000)
      fail(path, n, "context windows must be between 0 and 2000 bytes");
  }
  return m;
}

// The terms as one case-insensitive alternation (compiled with HS_FLAG_CASELESS).
std::string terms_pattern(const std::vector<std::string>& terms, const std::vector<std::string>& weak) {
  std::string pattern;
  for (const auto* list : {&terms, &weak})
    for (const auto& term : *list) pattern.append(pattern.empty() ? "" : "|").append(folded_word_pattern(term));
  return "(?:" + pattern + ")";
}

// Words as case-sensitive Hyperscan literals: ASCII punctuation escaped, so a list can hold
// any name ("Anne-Marie") without regex meaning; UTF-8 bytes ("Søren") go in as they are,
// which Hyperscan reads as bytes. Escaped as \xHH they made it compile the 670 given names
// for 0.2 s instead of 0.03 s.
std::string literal_alternation(const std::vector<std::string>& words) {
  std::string pattern;
  char buf[8];
  for (const auto& word : words) {
    if (&word != words.data()) pattern += '|';
    for (unsigned char c : word) {
      bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
      if (plain) pattern += static_cast<char>(c);
      else {
        std::snprintf(buf, sizeof buf, "\\x%02X", c);
        pattern += buf;
      }
    }
  }
  return pattern;
}

// A word list file: one word or phrase a line, '#' starts a comment, blank lines skipped;
// `file` is relative to the rule pack that names it.
std::vector<std::string> read_word_list(const std::string& pack, const toml::node& field, const std::string& file) {
  fs::path path = fs::path(pack).parent_path() / file;
  std::ifstream in(path);
  if (!in) fail(pack, &field, "cannot read word list '" + path.string() + "'");
  std::vector<std::string> words;
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    line = line.substr(0, line.find('#'));
    size_t first = line.find_first_not_of(" \t\r"), last = line.find_last_not_of(" \t\r");
    if (first == std::string::npos) continue;
    std::string word = line.substr(first, last - first + 1);
    if (word.size() > 64) throw std::runtime_error(path.string() + ":" + std::to_string(number) + ": word longer than 64 bytes");
    words.push_back(std::move(word));
  }
  if (words.empty()) fail(pack, &field, "word list '" + path.string() + "' is empty");
  std::sort(words.begin(), words.end());
  words.erase(std::unique(words.begin(), words.end()), words.end());
  return words;
}

WordLists read_word_lists(const toml::table& rule, const std::string& path) {
  WordLists out;
  const toml::node* n = rule.get("word_lists");
  if (!n) return out;
  const toml::table* t = n->as_table();
  if (!t) fail(path, n, "field 'word_lists' must be a table of list name = \"file\"");
  for (const auto& [name, file] : *t) {
    if (!file.is_string()) fail(path, &file, "word list '" + std::string(name.str()) + "' must name a file");
    out.lists[std::string(name.str())] = read_word_list(path, file, *file.value<std::string>());
  }
  return out;
}

// `report = "always"` (the default) or "on_request".
bool read_report_on_request(const toml::table& t, const std::string& path) {
  std::string report = optional_string(t, "report", path);
  if (report.empty() || report == "always") return false;
  if (report == "on_request") return true;
  fail(path, t.get("report"), "field 'report' must be \"always\" or \"on_request\"");
}

// A `{name}`, `{name:capitals}` or `{name:capitalised}` reference to a word list at
// pattern[open] ('{'): the list's words, in capitals ("Jens" -> "JENS", as old registers
// print names) or with a capital first letter ("vej" -> "Vej"). nullopt when the braces are
// regex syntax (a repetition such as \d{4} or {2,}).
std::optional<std::vector<std::string>> word_list_reference(const std::string& pattern, size_t open, size_t& close,
                                                            const Rule& r, const toml::node* field,
                                                            const std::string& path) {
  close = pattern.find('}', open);
  std::string name = close == std::string::npos ? "" : pattern.substr(open + 1, close - open - 1);
  std::string form;
  if (size_t colon = name.find(':'); colon != std::string::npos) form = name.substr(colon + 1), name.resize(colon);
  bool is_name = !name.empty() && std::all_of(name.begin(), name.end(), [](char c) { return std::islower(static_cast<unsigned char>(c)) || c == '_'; });
  if (!is_name) return std::nullopt;
  if (!form.empty() && form != "capitals" && form != "capitalised")
    fail(path, field, "pattern names '{" + name + ":" + form + "}': the forms of a word list are :capitals and :capitalised");
  auto list = r.word_lists.lists.find(name);
  if (list == r.word_lists.lists.end()) fail(path, field, "pattern names '{" + name + "}', which is not in [rule.word_lists]");
  if (form.empty()) return list->second;
  std::vector<std::string> words;
  for (const auto& word : list->second) {
    // The first character: one byte, or two for a Latin-1 letter in UTF-8 (Æ, Ø, Å).
    size_t first = !word.empty() && static_cast<unsigned char>(word[0]) >= 0xC0 ? 2 : 1;
    words.push_back(form == "capitals" ? to_capitals(word) : to_capitals(word.substr(0, first)) + word.substr(std::min(first, word.size())));
  }
  return words;
}

// `{name}` in a pattern stands for the words of the rule's word list `name`, as literals,
// and `{name:capitals}` for the same words in capitals: "(?:{given_names}) [A-Z]" is a
// given name followed by a space and a capital.
std::string expand_word_lists(const std::string& pattern, const Rule& r, const toml::node* field, const std::string& path) {
  std::string out;
  size_t at = 0;
  for (size_t open = pattern.find('{'); open != std::string::npos; open = pattern.find('{', at)) {
    size_t close = 0;
    auto words = word_list_reference(pattern, open, close, r, field, path);
    if (!words) {  // regex syntax, kept
      out.append(pattern, at, open + 1 - at);
      at = open + 1;
      continue;
    }
    out.append(pattern, at, open - at).append(literal_alternation(*words));
    at = close + 1;
  }
  return out.append(pattern, at, std::string::npos);
}

// The alternatives of a pattern: split at each '|' outside groups and character classes.
std::vector<std::string> top_level_alternatives(const std::string& pattern) {
  std::vector<std::string> out;
  int depth = 0;
  bool in_class = false;
  size_t from = 0;
  for (size_t i = 0; i < pattern.size(); ++i) {
    char c = pattern[i];
    if (c == '\\') ++i;
    else if (in_class) in_class = c != ']';
    else if (c == '[') in_class = true;
    else if (c == '(') ++depth;
    else if (c == ')') --depth;
    else if (c == '|' && depth == 0) out.push_back(pattern.substr(from, i - from)), from = i + 1;
  }
  out.push_back(pattern.substr(from));
  return out;
}

// An alternative that is a word list and nothing else, "(?:{given_names})", or a word list
// and plain characters after it ("(?:{street_words}) "), is matched as one Hyperscan
// literal per word (Rule::literal_patterns): Hyperscan compiles a thousand
// literals in a tenth of the time of one alternation of them (0.01 s against 0.1 s, at
// every start), and scans them in half the time of the alternation and a class for names
// in capitals together. The other alternatives stay one expression (Rule::pattern).
void split_word_list_alternatives(Rule& r, const toml::node* field, const std::string& path) {
  std::vector<std::string> literals;
  std::string rest;
  for (const std::string& alternative : top_level_alternatives(r.pattern_as_written)) {
    size_t close = 0;
    std::optional<std::vector<std::string>> words;
    if (alternative.starts_with("(?:{")) words = word_list_reference(alternative, 3, close, r, field, path);
    // After "(?:{list})" only plain characters: a literal tail every word gets (" ").
    std::string tail = words && close + 1 < alternative.size() && alternative[close + 1] == ')' ? alternative.substr(close + 2) : "";
    bool plain_tail = tail.find_first_of("\\^$.|?*+()[]{}") == std::string::npos;
    if (words && close + 1 < alternative.size() && alternative[close + 1] == ')' && plain_tail) {
      for (const std::string& word : *words)
        if (!word.empty()) literals.push_back(literal_alternation({word + tail}));
    } else {
      rest += (rest.empty() ? "" : "|") + expand_word_lists(alternative, r, field, path);
    }
  }
  if (literals.empty()) return;
  r.literal_patterns = std::move(literals);
  r.pattern = rest;
}

// The candidate pattern: `pattern` (with word lists expanded), or the terms.
std::string candidate_pattern(const toml::table& t, const Rule& r, const std::string& path) {
  if (r.terms.empty() && r.weak_terms.empty())
    return expand_word_lists(required_string(t, "pattern", path), r, t.get("pattern"), path);
  if (t.get("pattern")) fail(path, t.get("pattern"), "a rule has either 'pattern' or 'terms', not both");
  return terms_pattern(r.terms, r.weak_terms);
}

// A misspelt field ("keyword = [...]") would otherwise be ignored without a word.
void reject_unknown_fields(const toml::table& t, const std::set<std::string>& known, const std::string& where,
                           const std::string& path) {
  for (const auto& [key, node] : t)
    if (!known.count(std::string(key.str())))
      fail(path, &node, "unknown field '" + std::string(key.str()) + "' in " + where);
}

Rule read_rule(const toml::table& t, const std::string& path) {
  reject_unknown_fields(t,
                        {"id", "name", "description", "category", "severity", "gdpr", "pattern", "spaced_pattern",
                         "separate_database", "validator", "keywords", "negative", "context", "examples", "terms",
                         "weak_terms", "pairing", "tags", "identifies_person", "word_lists", "report"},
                        "a rule", path);
  if (const toml::table* c = t.get_as<toml::table>("context"))
    reject_unknown_fields(*c, {"before", "after", "negative_before", "negative_after", "keyword_boost", "negative_penalty"},
                          "[rule.context]", path);
  if (const toml::table* p = t.get_as<toml::table>("pairing"))
    reject_unknown_fields(*p, {"window"}, "[rule.pairing]", path);
  if (const toml::table* e = t.get_as<toml::table>("examples"))
    reject_unknown_fields(*e, {"positive", "negative"}, "[rule.examples]", path);
  Rule r;
  r.source = path;
  r.id = required_string(t, "id", path);
  if (!is_valid_id(r.id)) fail(path, t.get("id"), "rule id '" + r.id + "' must be dotted lower case (a-z, 0-9, _, .)");
  r.name = required_string(t, "name", path);
  r.description = optional_string(t, "description", path);
  r.category = required_string(t, "category", path);
  if (!kCategories.count(r.category)) fail(path, t.get("category"), "unknown category '" + r.category + "'");
  r.severity = required_string(t, "severity", path);
  if (!kSeverities.count(r.severity)) fail(path, t.get("severity"), "unknown severity '" + r.severity + "'");
  r.gdpr = optional_string(t, "gdpr", path);
  r.tags = string_list(t, "tags", path);
  r.terms = string_list(t, "terms", path);
  r.weak_terms = string_list(t, "weak_terms", path);
  for (auto* list : {&r.terms, &r.weak_terms})
    for (auto& term : *list) term = fold_case(term);
  r.word_lists = read_word_lists(t, path);
  r.pattern = candidate_pattern(t, r, path);
  if (!r.word_lists.lists.empty() && t.get("pattern")) r.pattern_as_written = required_string(t, "pattern", path);
  r.spaced_pattern = optional_string(t, "spaced_pattern", path);
  r.separate_database = optional_bool(t, "separate_database", path);
  r.identifies_person = optional_bool(t, "identifies_person", path);
  r.report_on_request = read_report_on_request(t, path);
  r.reported = !r.report_on_request;
  r.validator = r.terms.empty() && r.weak_terms.empty() ? required_string(t, "validator", path)
                                                        : optional_string(t, "validator", path);
  if (r.validator.empty()) r.validator = "term";
  // Not for "regex": its validator takes the leftmost start of an alternation's match.
  if (!r.pattern_as_written.empty() && r.validator != "regex") split_word_list_alternatives(r, t.get("pattern"), path);
  const Validator* validator = find_validator(r.validator);
  if (!validator) fail(path, t.get("validator"), "unknown validator '" + r.validator + "'");
  for (std::string_view list : validator->needs_word_lists)
    if (!r.word_lists.lists.count(std::string(list)))
      fail(path, t.get("validator"), "validator '" + r.validator + "' needs the word list '" + std::string(list) +
                                         "' in [rule.word_lists]");
  r.context = read_context(t, path);
  if (const toml::table* p = t.get_as<toml::table>("pairing")) {
    read_number(*p, "window", r.pair_window, path);
    if (r.pair_window < 1 || r.pair_window > 2000) fail(path, p->get("window"), "pairing window must be between 1 and 2000 bytes");
  }
  if (const toml::node* n = t.get("examples")) {
    const toml::table* ex = n->as_table();
    if (!ex) fail(path, n, "field 'examples' must be a table with 'positive' and 'negative'");
    r.examples = string_list(*ex, "positive", path);
    r.negative_examples = string_list(*ex, "negative", path);
  }
  return r;
}

}  // namespace

std::vector<Rule> load_rule_file(const std::string& path) {
  toml::table doc;
  try {
    doc = toml::parse_file(path);
  } catch (const toml::parse_error& e) {
    throw std::runtime_error(path + ":" + std::to_string(e.source().begin.line) + ": " +
                             std::string(e.description()));
  }
  std::vector<Rule> rules;
  const toml::node* list = doc.get("rule");
  if (!list || !list->is_array_of_tables()) fail(path, list, "expected one or more [[rule]] tables");
  for (const toml::node& n : *list->as_array()) rules.push_back(read_rule(*n.as_table(), path));
  return rules;
}

std::vector<Rule> load_rule_dir(const std::string& dir) {
  std::vector<std::string> files;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec))
    if (entry.path().extension() == ".toml") files.push_back(entry.path().string());
  if (ec) throw std::runtime_error(dir + ": cannot read rules directory: " + ec.message());
  std::sort(files.begin(), files.end());
  std::vector<Rule> rules;
  for (const auto& f : files) {
    auto more = load_rule_file(f);
    rules.insert(rules.end(), more.begin(), more.end());
  }
  std::set<std::string> seen;
  for (const auto& r : rules)
    if (!seen.insert(r.id).second) throw std::runtime_error(r.source + ": duplicate rule id '" + r.id + "'");
  return rules;
}

bool identifies_a_person(const Rule& rule) { return rule.category == "national_id" || rule.identifies_person; }

bool terms_matter_only_near_identifiers(const Rule& rule) {
  bool word_list = !rule.terms.empty() || !rule.weak_terms.empty();
  return word_list && rule.pair_window > 0 && rule.validator == "term" && rule.spaced_pattern.empty() &&
         rule.context.keywords.empty() && rule.context.negative.empty();
}

bool anchors_only(const Rule& rule) {
  return !rule.reported && rule.pair_window == 0 && rule.terms.empty() && rule.weak_terms.empty() &&
         rule.context.keywords.empty() && rule.context.negative.empty();
}

size_t longest_term_bytes(const Rule& rule) {
  size_t longest = 0;
  for (const auto* list : {&rule.terms, &rule.weak_terms})
    for (const auto& term : *list) longest = std::max(longest, term.size());
  return longest;
}

void use_spaced_forms(std::vector<Rule>& rules) {
  for (Rule& r : rules)
    if (!r.spaced_pattern.empty())
      r.pattern = r.pattern.empty() ? r.spaced_pattern : "(?:" + r.pattern + ")|(?:" + r.spaced_pattern + ")";
}

std::string find_default_rules_dir() {
  if (const char* env = std::getenv("GDPRSCAN_RULES_DIR"); env && *env) return env;
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    fs::path beside = exe.parent_path().parent_path() / "share" / "gdprscan" / "rules";
    if (fs::is_directory(beside, ec)) return beside.string();
  }
  for (const char* dir : {GDPRSCAN_RULES_SOURCE_DIR, GDPRSCAN_RULES_INSTALL_DIR})
    if (fs::is_directory(dir, ec)) return dir;
  throw std::runtime_error("cannot find the rules directory; set GDPRSCAN_RULES_DIR");
}

}  // namespace gdprscan
