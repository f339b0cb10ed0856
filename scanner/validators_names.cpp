// Personal names (rules/names.toml, person.name). Hyperscan finds the given names of the
// rule's list as case-sensitive literals; this validator reads the capitalised words around
// one and accepts a name only where a surname closes it: "Jens Peter Hansen", "Anne-Marie
// Østergaard", "Mette K. Nielsen", or "Hansen, Jens" at the start of a list item (a surname
// that is neither listed nor Danish-shaped makes a weak name, SurnameKind::unlisted). Matching
// capitalised word pairs over all prose instead would run a regex at every capital letter
// and confirm every sentence start.
//
// Precision comes from what a name is not: a street ("Jens Baggesens Vej"), a firm ("Peter
// Hansen ApS"), a place or a month. The rule's `not_name_words` list holds those words; one
// of them among or right after the name's words rejects it.
#include "validator_families.h"
#include "validator_util.h"

#include "text_decode.h"

#include <algorithm>
#include <array>
#include <memory>
#include <optional>
#include <unordered_set>

namespace gdprscan {

namespace {

constexpr std::string_view kGivenNames = "given_names";
// Optional: given names that also start many other words ("Bo" in "Borger", "Dan" in
// "Danmark", "Per" in "Personale", "Jens" in "Jensen"); the pattern asks for a byte that is
// not a lower-case letter after them, so Hyperscan does not report them inside words.
constexpr std::string_view kGivenNamePrefixes = "given_name_prefixes";
constexpr std::string_view kSurnames = "surnames";
constexpr std::string_view kNotNameWords = "not_name_words";  // lower case
constexpr std::string_view kTitles = "titles";  // optional, lower case: "fru", "hr." ("fru Hansen")
constexpr size_t kMaxTokensAfterGiven = 4;  // middle names, initials, particles, the surname
constexpr size_t kMaxTokenBytes = 40;
constexpr int kMaxNameBytes = 200;

// One code point of UTF-8 text: its value and length (1 for a byte that is not a sequence).
struct CodePoint {
  char32_t cp;
  size_t length;
};

// Inline with an ASCII fast path: the validator reads every letter of the words around each
// of the millions of given names a GiB of case files holds.
inline CodePoint code_point_at(std::string_view text, size_t pos) {
  if (static_cast<unsigned char>(text[pos]) < 0x80) return {static_cast<char32_t>(text[pos]), 1};
  size_t n = utf8_sequence_length_at(text, pos);
  auto b = [&](size_t i) { return static_cast<char32_t>(static_cast<unsigned char>(text[pos + i])); };
  if (n == 2) return {((b(0) & 0x1F) << 6) | (b(1) & 0x3F), 2};
  if (n == 3) return {((b(0) & 0x0F) << 12) | ((b(1) & 0x3F) << 6) | (b(2) & 0x3F), 3};
  if (n == 4) return {((b(0) & 0x07) << 18) | ((b(1) & 0x3F) << 12) | ((b(2) & 0x3F) << 6) | (b(3) & 0x3F), 4};
  return {b(0), 1};
}

// Case of a Latin letter (ASCII, Latin-1, Latin Extended-A: the Turkish, Polish and Baltic
// names of the lists). Other scripts have no case here: a name is written in Latin letters.
bool is_upper(char32_t c) {
  if (c >= 'A' && c <= 'Z') return true;
  if (c >= 0xC0 && c <= 0xDE) return c != 0xD7;
  if (c < 0x100 || c > 0x17F) return false;
  if (c == 0x178) return true;
  bool odd_upper = (c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E);
  return c != 0x138 && (c % 2 == 1) == odd_upper;
}
bool is_lower(char32_t c) {
  if (c >= 'a' && c <= 'z') return true;
  if (c >= 0xDF && c <= 0xFF) return c != 0xF7;
  return c >= 0x100 && c <= 0x17F && c != 0x149 && !is_upper(c);
}

// Where the run of letters of one case (is_lower or is_upper) starting at `pos` ends.
size_t run_end(std::string_view text, size_t pos, bool (*of_case)(char32_t)) {
  while (pos < text.size()) {
    CodePoint c = code_point_at(text, pos);
    if (!of_case(c.cp)) break;
    pos += c.length;
  }
  return pos;
}
size_t lower_run_end(std::string_view text, size_t pos) { return run_end(text, pos, is_lower); }
size_t upper_run_end(std::string_view text, size_t pos) { return run_end(text, pos, is_upper); }

enum class TokenKind { none, word, initial, particle };

struct Token {
  size_t start = 0, end = 0;
  TokenKind kind = TokenKind::none;
  bool capitals = false;  // a word in capitals ("HANSEN"), as old registers print names
  std::string_view text(std::string_view all) const { return all.substr(start, end - start); }
};

// A word as the lists write it: "HANSEN" -> "Hansen", "HOLM-NIELSEN" -> "Holm-Nielsen"
// (the first letter of each part stays a capital). Other words as they are.
std::string_view as_listed(std::string_view word, bool capitals, std::string& buffer) {
  if (!capitals) return word;
  buffer = fold_case(std::string(word));
  for (size_t i = 0; i < word.size();) {  // restore the capital of each part
    size_t length = code_point_at(word, i).length;
    buffer.replace(i, length, word.substr(i, length));
    size_t hyphen = word.find('-', i);
    if (hyphen == std::string_view::npos) break;
    i = hyphen + 1;
  }
  return buffer;
}

// A word in capitals ("HANSEN", "HOLM-NIELSEN") starting at `pos`; no lower-case letter
// may follow ("HANSENs" is no word of a name).
Token capitals_at(std::string_view text, size_t pos) {
  size_t end = upper_run_end(text, pos);
  while (end + 1 < text.size() && text[end] == '-') {
    size_t part_end = upper_run_end(text, end + 1);
    if (part_end < end + 3) break;  // a part of two capitals at least
    end = part_end;
  }
  if (word_char_at(text, end) || end - pos > kMaxTokenBytes) return {pos, pos, TokenKind::none};
  return {pos, end, TokenKind::word, true};
}

// A capitalised word ("Hansen", "Holm-Nielsen", "Øster") or one in capitals ("HANSEN"), an
// initial ("K.") or a lower-case particle of a surname ("von", "de", "la") starting at `pos`.
Token token_at(std::string_view text, size_t pos) {
  Token t{pos, pos, TokenKind::none};
  if (pos >= text.size()) return t;
  CodePoint first = code_point_at(text, pos);
  if (is_upper(first.cp)) {
    size_t end = lower_run_end(text, pos + first.length);
    if (end == pos + first.length && upper_run_end(text, end) > end) return capitals_at(text, pos);
    if (end == pos + first.length) {  // one capital: an initial, if a full stop follows
      if (end < text.size() && text[end] == '.' && !word_char_at(text, end + 1)) t = {pos, end + 1, TokenKind::initial};
      return t;
    }
    // "Holm-Nielsen": a hyphen joins two capitalised parts into one word.
    while (end + 1 < text.size() && text[end] == '-') {
      CodePoint next = code_point_at(text, end + 1);
      size_t part_end = is_upper(next.cp) ? lower_run_end(text, end + 1 + next.length) : 0;
      if (part_end <= end + 1 + next.length) break;
      end = part_end;
    }
    if (word_char_at(text, end) || end - pos > kMaxTokenBytes) return t;  // "McDonald", "Jensen2"
    return {pos, end, TokenKind::word};
  }
  size_t end = lower_run_end(text, pos);
  static constexpr std::array<std::string_view, 10> kParticles = {"von", "van", "der", "den", "de",
                                                                 "la",  "le",  "da",  "di",  "af"};
  for (std::string_view p : kParticles)
    if (text.substr(pos, end - pos) == p) return {pos, end, TokenKind::particle};
  return t;
}

// The token after exactly one space (a line break or punctuation ends a name).
Token token_after(std::string_view text, size_t end) {
  if (end + 1 >= text.size() || text[end] != ' ') return {};
  return token_at(text, end + 1);
}

// The word that follows `end` after one space, whatever its case, up to the next space or
// punctuation that ends a word ("Vej", "vej", "A/S", "ApS.").
std::string_view following_word(std::string_view text, size_t end) {
  if (end + 1 >= text.size() || text[end] != ' ') return {};
  size_t stop = end + 1;
  while (stop < text.size() && stop - end <= kMaxTokenBytes && text[stop] != ' ' && text[stop] != '\n' &&
         text[stop] != ',' && text[stop] != ';' && text[stop] != ')' && text[stop] != '\t' && text[stop] != '\r')
    ++stop;
  while (stop > end + 1 && (text[stop - 1] == '.' || text[stop - 1] == ':')) --stop;
  return text.substr(end + 1, stop - end - 1);
}

// The rule's lists as hash sets, built once per rule (prepare_name_lists: the detector keeps
// them) and looked up several times for each of the millions of given names a GiB of case
// files holds: a binary search per lookup, and finding the lists by name per candidate,
// were the validator's largest cost.
class NameLists {
 public:
  explicit NameLists(const WordLists& words)
      : complete_(has(words, kGivenNames) && has(words, kSurnames) && has(words, kNotNameWords)),
        given_(set(words, {kGivenNames, kGivenNamePrefixes})),
        surnames_(set(words, {kSurnames})),
        not_names_(set(words, {kNotNameWords})),
        titles_(words.lists.count(kTitles) ? words.lists.find(kTitles)->second : std::vector<std::string>{}) {}
  bool complete() const { return complete_; }
  bool given(std::string_view w) const { return given_.contains(w); }
  bool listed_surname(std::string_view w) const { return surnames_.contains(w); }
  const std::vector<std::string>& titles() const { return titles_; }
  // Compared in lower case, as the list is written ("Vej", "VEJ" and "vej" alike).
  bool not_a_name(std::string_view w) const {
    thread_local std::string folded;  // moved through fold_case: its buffer is reused
    folded.assign(w);
    folded = fold_case(std::move(folded));
    return not_names_.contains(std::string_view(folded));
  }

 private:
  using WordSet = vutil::WordSet;
  static bool has(const WordLists& words, std::string_view name) { return words.lists.find(name) != words.lists.end(); }
  static WordSet set(const WordLists& words, std::initializer_list<std::string_view> names) {
    WordSet out;
    for (std::string_view name : names)
      if (auto it = words.lists.find(name); it != words.lists.end()) out.insert(it->second.begin(), it->second.end());
    return out;
  }
  bool complete_;
  WordSet given_;  // the given names and those that start many words (given_name_prefixes)
  WordSet surnames_;
  WordSet not_names_;
  std::vector<std::string> titles_;
};

std::shared_ptr<const void> prepare_name_lists(const WordLists& words) { return std::make_shared<const NameLists>(words); }

// The endings of Danish and Nordic surnames, for those not in the list ("Kjærsgaard",
// "Bækholm"): -sen/-søn patronymics and the old farm and nature names.
bool has_surname_shape(std::string_view w) {
  static constexpr std::array<std::string_view, 16> kEndings = {
      "sen", "søn", "gaard", "gård", "holm", "lund", "bjerg", "berg", "skov", "dahl", "feldt", "strup", "mann",
      "strøm", "kjær", "toft"};
  if (w.size() < 5) return false;
  for (std::string_view e : kEndings)
    if (w.size() > e.size() + 1 && w.substr(w.size() - e.size()) == e) return true;
  return false;
}

// Ordered: a name is as strong as its strongest surname. `unlisted` is any other capitalised
// word that is neither a listed given name nor a word that is no name ("Maria Rossi",
// "John Smith"): its confidence (kUnlistedSurnameScore) is under the default threshold, so
// such a name is not reported and anchors no term, but it is masked in the context of the
// findings around it, which would otherwise print the name beside the CPR number.
enum class SurnameKind { none, unlisted, shaped, listed };
constexpr double kUnlistedSurnameScore = 0.4;

double name_score(SurnameKind kind) {
  return kind == SurnameKind::listed ? 0.7 : kind == SurnameKind::shaped ? 0.6 : kUnlistedSurnameScore;
}
const char* surname_signal(SurnameKind kind) {
  return kind == SurnameKind::listed ? "surname_listed" : kind == SurnameKind::shaped ? "surname_shape" : "surname_unlisted";
}

// Whether `w` is a listed surname or has a surname's shape (the caller has made sure it is
// no street, firm or place word).
SurnameKind surname_kind(const NameLists& lists, std::string_view w) {
  // A hyphenated surname counts by its last part ("Holm-Nielsen").
  std::string_view last = w.substr(w.find_last_of('-') == std::string_view::npos ? 0 : w.find_last_of('-') + 1);
  if (lists.listed_surname(w) || lists.listed_surname(last)) return SurnameKind::listed;
  return has_surname_shape(last) ? SurnameKind::shaped : SurnameKind::none;
}

// A surname also in its genitive ("Hansens bil"); streets in the genitive ("Jens Baggesens
// Vej") are turned away by the street word after them.
SurnameKind surname_or_genitive(const NameLists& lists, std::string_view w) {
  if (lists.not_a_name(w)) return SurnameKind::none;  // "Horsens" is no genitive of "Horsen"
  SurnameKind kind = surname_kind(lists, w);
  if (kind != SurnameKind::none || w.size() <= 4 || w.back() != 's') return kind;
  std::string_view stem = w.substr(0, w.size() - 1);
  return lists.not_a_name(stem) ? SurnameKind::none : surname_kind(lists, stem);
}

// A surname of the lists or of a Danish surname's shape, else an unlisted one: a capitalised
// word that is no given name of the lists (the caller has turned away words that are no
// name).
SurnameKind any_surname(const NameLists& lists, std::string_view w) {
  SurnameKind kind = surname_or_genitive(lists, w);
  if (kind != SurnameKind::none || lists.given(w) || lists.not_a_name(w)) return kind;
  return SurnameKind::unlisted;
}

// The given name the candidate ends: letters back to the start of the word, which must be
// a listed given name (so "Anders" inside "Sanders" is not one), optionally joined by a
// hyphen to a second capitalised part ("Anne-Marie").
std::optional<Token> given_name_at(std::string_view text, size_t end, const NameLists& lists) {
  if (end > text.size() || word_char_at(text, end)) return std::nullopt;
  size_t start = end;
  while (start > 0 && end - start <= kMaxTokenBytes) {
    size_t back = start - 1;
    while (back > 0 && (static_cast<unsigned char>(text[back]) & 0xC0) == 0x80) --back;
    char32_t c = code_point_at(text, back).cp;
    if (!is_upper(c) && !is_lower(c)) break;
    start = back;
  }
  if (word_char_before(text, start)) return std::nullopt;
  // The second half of "Anne-Marie" is covered by the candidate of its first half.
  if (start >= 2 && text[start - 1] == '-' && word_char_before(text, start - 1)) return std::nullopt;
  Token t = token_at(text, start);
  if (t.kind != TokenKind::word || t.end < end) return std::nullopt;
  thread_local std::string buffer;
  if (!lists.given(as_listed(text.substr(start, end - start), t.capitals, buffer))) return std::nullopt;
  return t;
}

// A candidate among the words of a name that starts with an earlier given name is one of
// its middle names ("Peter" in "Jens Peter Hansen", "Per" in "Anders Mikkel Per Nielsen"):
// the name is found from its first word. Walks back over single-spaced capitalised words
// and initials as far as a name reaches.
bool continues_a_name(std::string_view text, size_t start, const NameLists& lists) {
  for (size_t words = 0; words < kMaxTokensAfterGiven && start >= 3 && text[start - 1] == ' '; ++words) {
    size_t back = start - 1;
    while (back > 0 && text[back - 1] != ' ' && text[back - 1] != '\n' && start - back <= kMaxTokenBytes) --back;
    Token before = token_at(text, back);
    if (before.end != start - 1 || before.kind == TokenKind::none) return false;
    thread_local std::string buffer;
    if (before.kind == TokenKind::word && lists.given(as_listed(before.text(text), before.capitals, buffer))) return true;
    start = back;
  }
  return false;
}

// "5. August Hansen", "1. Maj": a given name that is also a month counts only as a name.
bool after_day_number(std::string_view text, size_t start) {
  return start >= 3 && text[start - 1] == ' ' && text[start - 2] == '.' && text[start - 3] >= '0' && text[start - 3] <= '9';
}

struct NameSpan {
  size_t start, end;
  std::string value;  // given names first, single spaces
  SurnameKind surname;
  bool list_form;
};

// The words of one name, in place: this runs for every given name in the text.
struct Tokens {
  std::array<Token, kMaxTokensAfterGiven + 1> items;
  size_t size = 0;
  void push_back(const Token& t) { items[size++] = t; }
  bool full() const { return size == items.size(); }
  const Token& operator[](size_t i) const { return items[i]; }
  const Token& back() const { return items[size - 1]; }
};

// The name's value: its words as written, those in capitals as the lists write them
// ("JENS HANSEN" and "Jens Hansen" are one name, with one fingerprint).
std::string words_of(std::string_view text, const Tokens& tokens, size_t count) {
  std::string out, buffer;
  for (size_t i = 0; i < count; ++i)
    out.append(out.empty() ? "" : " ").append(as_listed(tokens[i].text(text), tokens[i].capitals, buffer));
  return out;
}

// "Jens Peter Hansen": the given name, then up to four words of which the last surname ends
// the name. Any word that is not a name (a street, a firm, a month) among them or right
// after the surname rejects it.
std::optional<NameSpan> name_forward(std::string_view text, const Token& given, const NameLists& lists) {
  Tokens tokens;
  tokens.push_back(given);
  // The words of one name are written alike: all capitalised, or all in capitals.
  for (Token t = token_after(text, given.end);
       t.kind != TokenKind::none && !tokens.full() && (t.kind != TokenKind::word || t.capitals == given.capitals);
       t = token_after(text, t.end))
    tokens.push_back(t);
  std::string buffer;
  // The last surname of the lists or of a surname's shape closes the name; without one, the
  // last unlisted surname does.
  for (bool known : {true, false}) {
    for (size_t last = tokens.size - 1; last >= 1; --last) {
      if (tokens[last].kind != TokenKind::word) continue;
      std::string_view word = as_listed(tokens[last].text(text), tokens[last].capitals, buffer);
      SurnameKind kind = known ? surname_or_genitive(lists, word) : any_surname(lists, word);
      if (kind == SurnameKind::none) continue;
      for (size_t i = 1; i < last; ++i)
        if (lists.not_a_name(tokens[i].text(text))) return std::nullopt;
      if (lists.not_a_name(following_word(text, tokens[last].end))) return std::nullopt;
      return NameSpan{given.start, tokens[last].end, words_of(text, tokens, last + 1), kind, false};
    }
  }
  return std::nullopt;
}

// "Hansen, Jens" (or "Hansen, Jens P.") at the start of a line or list item: surname, comma,
// given names. Mid-sentence a comma after a capitalised word is no such sign.
std::optional<NameSpan> name_in_list_form(std::string_view text, const Token& given, const NameLists& lists) {
  if (given.start < 4 || text.substr(given.start - 2, 2) != ", ") return std::nullopt;
  size_t comma = given.start - 2, start = comma;
  while (start > 0 && comma - start <= kMaxTokenBytes && text[start - 1] != ' ' && text[start - 1] != '\n' &&
         text[start - 1] != '\t' && text[start - 1] != '(' && text[start - 1] != ';' && text[start - 1] != '"')
    --start;
  Token surname = token_at(text, start);
  if (surname.kind != TokenKind::word || surname.end != comma || surname.capitals != given.capitals) return std::nullopt;
  if (lists.not_a_name(surname.text(text))) return std::nullopt;
  std::string buffer;
  std::string_view listed_surname = as_listed(surname.text(text), surname.capitals, buffer);
  SurnameKind kind = surname_kind(lists, listed_surname);
  if (kind == SurnameKind::none && !lists.given(listed_surname)) kind = SurnameKind::unlisted;
  if (kind == SurnameKind::none) return std::nullopt;
  size_t before = start;
  while (before > 0 && text[before - 1] == ' ') --before;
  static constexpr std::string_view kItemStarts = "\n\r\t;:|(\"'";
  if (before > 0 && kItemStarts.find(text[before - 1]) == std::string_view::npos) return std::nullopt;
  Tokens given_names;
  given_names.push_back(given);
  std::string value = std::string(listed_surname);  // before `buffer` is used again
  for (Token t = token_after(text, given.end);
       !given_names.full() &&
       (t.kind == TokenKind::initial || (t.kind == TokenKind::word && t.capitals == given.capitals &&
                                         lists.given(as_listed(t.text(text), t.capitals, buffer))));
       t = token_after(text, t.end))
    given_names.push_back(t);
  value = words_of(text, given_names, given_names.size).append(" ").append(value);
  return NameSpan{surname.start, given_names.back().end, std::move(value), kind, true};
}

// ---- Names in the cells of a row: "Jens;Hansen", "Hansen\tJens" -----------------------
// Citizen lists exported as CSV, and sheets (whose cells reach the detector joined by tabs,
// sheet_text.cpp), often give the given names and the surname columns of their own. The
// cells are whole: each starts and ends at a separator or a line's edge. A comma counts
// only with no space after it ("Jens,Hansen"): "Jens, Hansen og ..." is prose.

bool is_cell_separator(std::string_view text, size_t pos) {
  char c = text[pos];
  return c == ';' || c == '\t' || c == '|' || (c == ',' && (pos + 1 >= text.size() || text[pos + 1] != ' '));
}
bool cell_starts_at(std::string_view text, size_t pos) {
  return pos == 0 || text[pos - 1] == '\n' || text[pos - 1] == '\r' || is_cell_separator(text, pos - 1);
}
bool cell_ends_at(std::string_view text, size_t pos) {
  return pos == text.size() || text[pos] == '\n' || text[pos] == '\r' || is_cell_separator(text, pos);
}

// The given names of a cell from its first one: single-spaced given names and initials
// ("Jens Peter", "Mette K.") that fill the cell; nothing if something else follows.
std::optional<Tokens> given_names_cell(std::string_view text, const Token& given, const NameLists& lists) {
  if (!cell_starts_at(text, given.start)) return std::nullopt;
  Tokens names;
  names.push_back(given);
  std::string buffer;
  for (Token t = token_after(text, given.end);
       !names.full() && (t.kind == TokenKind::initial || (t.kind == TokenKind::word && t.capitals == given.capitals &&
                                                           lists.given(as_listed(t.text(text), t.capitals, buffer))));
       t = token_after(text, t.end))
    names.push_back(t);
  if (!cell_ends_at(text, names.back().end)) return std::nullopt;
  return names;
}

// A cell that is one surname, from `start` to `end`: its kind (listed, shaped; with
// `unlisted_too` any other capitalised word that is no given name), none if it is not one.
SurnameKind surname_cell(std::string_view text, size_t start, size_t end, bool capitals, bool unlisted_too,
                         const NameLists& lists, std::string& listed) {
  if (!cell_starts_at(text, start) || !cell_ends_at(text, end)) return SurnameKind::none;  // a cell too long to be one
  Token t = token_at(text, start);
  if (t.kind != TokenKind::word || t.end != end || t.capitals != capitals || lists.not_a_name(t.text(text)))
    return SurnameKind::none;
  std::string buffer;
  listed = std::string(as_listed(t.text(text), t.capitals, buffer));
  return unlisted_too ? any_surname(lists, listed) : surname_kind(lists, listed);
}

// "Jens;Hansen" (the surname's cell after the given names') or "Hansen;Jens" (before them).
// Known surnames first, in either order; then unlisted ones, so that "Hansen;Jens;Algade"
// is "Jens Hansen" and not "Jens Algade".
std::optional<NameSpan> name_in_cells(std::string_view text, const Token& given, const NameLists& lists) {
  std::optional<Tokens> names = given_names_cell(text, given, lists);
  if (!names) return std::nullopt;
  size_t names_end = names->back().end;
  std::string value = words_of(text, *names, names->size), surname;
  for (bool unlisted_too : {false, true}) {
    if (names_end + 1 < text.size() && is_cell_separator(text, names_end)) {  // the next cell
      size_t stop = names_end + 1;
      while (stop < text.size() && stop - names_end <= kMaxTokenBytes && !cell_ends_at(text, stop)) ++stop;
      SurnameKind kind = surname_cell(text, names_end + 1, stop, given.capitals, unlisted_too, lists, surname);
      if (kind != SurnameKind::none) return NameSpan{given.start, stop, value + " " + surname, kind, false};
    }
    if (given.start >= 2 && is_cell_separator(text, given.start - 1)) {  // the cell before
      size_t start = given.start - 1;
      while (start > 0 && given.start - start <= kMaxTokenBytes && !cell_starts_at(text, start)) --start;
      SurnameKind kind = surname_cell(text, start, given.start - 1, given.capitals, unlisted_too, lists, surname);
      if (kind != SurnameKind::none) return NameSpan{start, names_end, value + " " + surname, kind, true};
    }
  }
  return std::nullopt;
}

// Whether `text` ends at `end` with `title` (lower case), ASCII letters in either case, as a
// word of its own.
bool title_ends_at(std::string_view text, size_t end, std::string_view title) {
  if (end < title.size()) return false;
  size_t start = end - title.size();
  for (size_t i = 0; i < title.size(); ++i) {
    char c = text[start + i];
    if ((c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c) != title[i]) return false;
  }
  return !word_char_before(text, start);
}

// "fru Hansen", "Hr. Jensen", "fru Holm Nielsen": a title (names/titles.txt) ending at
// `end`, one space, and surnames (listed, of a surname's shape or unlisted); the span is the
// surnames.
// "fru Karen Hansen" is the given-name form's: "Karen" is no surname.
std::optional<Confirmed> name_after_title(std::string_view text, size_t end, const NameLists& lists) {
  auto title = std::find_if(lists.titles().begin(), lists.titles().end(),
                            [&](const std::string& t) { return title_ends_at(text, end, t); });
  if (title == lists.titles().end()) return std::nullopt;
  Tokens surnames;
  SurnameKind best = SurnameKind::none;
  std::string buffer;
  for (Token t = token_after(text, end); t.kind == TokenKind::word && !surnames.full(); t = token_after(text, t.end)) {
    if (lists.not_a_name(t.text(text))) break;
    SurnameKind kind = any_surname(lists, as_listed(t.text(text), t.capitals, buffer));
    if (kind == SurnameKind::none || (surnames.size > 0 && t.capitals != surnames[0].capitals)) break;
    best = std::max(best, kind);
    surnames.push_back(t);
  }
  if (surnames.size == 0 || lists.not_a_name(following_word(text, surnames.back().end))) return std::nullopt;
  Confirmed hit{surnames[0].start, surnames.back().end, words_of(text, surnames, surnames.size), 0, {"title:" + *title}};
  hit.score = name_score(best);
  hit.signals.push_back(surname_signal(best));
  return hit;
}

// Where the given name of a candidate ends. A literal's match ends with the last byte of a
// letter: an ASCII letter or a UTF-8 continuation byte, never an ASCII non-letter or the
// lead byte of a sequence. A pattern may also match a name with the byte after it ("Bo "
// or "Bo," but not "Borger"; the shipped rule did so for given_name_prefixes), so that a
// match ending one byte late is read back to the name.
size_t given_name_end(std::string_view text, size_t match_end) {
  if (match_end == 0) return match_end;
  auto last = static_cast<unsigned char>(text[match_end - 1]);
  bool ends_a_letter = (last >= 'A' && last <= 'Z') || (last >= 'a' && last <= 'z') || (last >= 0x80 && last < 0xC0);
  return ends_a_letter ? match_end : match_end - 1;
}

std::optional<Confirmed> confirm_person_name(std::string_view text, size_t match_end, const ValidationEnv& env) {
  size_t end = given_name_end(text, match_end);
  // A given name at the start of a longer word ("Ole" in "Olesen", "Karl" in "Karlsen": a
  // third of the candidates on the bench corpus, two thirds before given_name_prefixes) is
  // turned away by the letter after it, before any list is looked up.
  if (word_char_at(text, end) || !env.words) return std::nullopt;
  std::optional<NameLists> own;  // a caller that did not prepare the lists (a unit test)
  const auto& lists = env.prepared ? *static_cast<const NameLists*>(env.prepared) : own.emplace(*env.words);
  if (!lists.complete()) return std::nullopt;
  if (auto titled = name_after_title(text, end, lists)) return titled;
  std::optional<Token> given = given_name_at(text, end, lists);
  if (!given || continues_a_name(text, given->start, lists)) return std::nullopt;
  bool is_also_a_word = lists.not_a_name(given->text(text));  // "August", "Maj"
  if (is_also_a_word && after_day_number(text, given->start)) return std::nullopt;
  std::optional<NameSpan> name = name_forward(text, *given, lists);
  if (!name) name = name_in_list_form(text, *given, lists);
  if (!name) name = name_in_cells(text, *given, lists);
  if (!name || (is_also_a_word && name->surname != SurnameKind::listed)) return std::nullopt;
  Confirmed hit{name->start, name->end, std::move(name->value), 0, {"given_name"}};
  hit.score = name_score(name->surname);
  hit.signals.push_back(surname_signal(name->surname));
  if (name->list_form) hit.signals.push_back("surname_first");
  return hit;
}

// "Jens Peter Hansen" -> "J*** P*** H***", "Hansen, Jens" -> "H***, J***": the initials and
// the shape, never the name.
std::string mask_name(std::string_view span) {
  std::string out;
  size_t i = 0;
  while (i < span.size()) {
    CodePoint c = code_point_at(span, i);
    if (!is_upper(c.cp) && !is_lower(c.cp)) {
      out.append(span.substr(i, c.length));
      i += c.length;
      continue;
    }
    out.append(span.substr(i, c.length));
    size_t rest = i + c.length;
    while (rest < span.size() && (is_upper(code_point_at(span, rest).cp) || is_lower(code_point_at(span, rest).cp)))
      rest += code_point_at(span, rest).length;
    if (rest > i + c.length) out.append("***");
    i = rest;
  }
  return out;
}

}  // namespace

std::vector<Validator> name_validators() {
  Validator person_name{"person_name", confirm_person_name, mask_name, kMaxNameBytes, false};
  person_name.needs_word_lists = {kGivenNames, kSurnames, kNotNameWords};
  person_name.prepare = prepare_name_lists;
  return {person_name};
}

}  // namespace gdprscan
