#include "validators.h"

#include "validator_families.h"
#include "validator_util.h"

#include "text_decode.h"

#include <algorithm>
#include <cctype>
#include <ctime>

namespace gdprscan {

bool operator<(const CivilDate& a, const CivilDate& b) {
  if (a.year != b.year) return a.year < b.year;
  if (a.month != b.month) return a.month < b.month;
  return a.day < b.day;
}

bool is_real_date(int year, int month, int day) {
  static constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12 || day < 1) return false;
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  int limit = kDays[month - 1] + (month == 2 && leap ? 1 : 0);
  return day <= limit;
}

bool WordLists::contains(std::string_view list, std::string_view word) const {
  auto it = lists.find(list);
  return it != lists.end() && std::binary_search(it->second.begin(), it->second.end(), word, std::less<>());
}

CivilDate today_utc() {
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  return {tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday};
}

namespace {

// A plain pattern rule: the span Hyperscan found, if it stands alone (not glued to letters
// or digits), its text as the value. Confidence comes from the rule's context words on top
// of 0.5: a user writing "SAG-\d{4}-\d{3}" with keyword "sagsnummer" gets what they expect.
std::optional<Confirmed> confirm_regex(std::string_view text, size_t end, const ValidationEnv& env) {
  size_t start = env.start;
  if (start >= end || end > text.size()) return std::nullopt;
  if (word_char_before(text, start) && word_char_at(text, start)) return std::nullopt;
  if (word_char_at(text, end) && word_char_before(text, end)) return std::nullopt;
  return Confirmed{start, end, std::string(text.substr(start, end - start)), 0.5, {"pattern"}};
}

// A term of a word-list rule (rules/special.toml): a whole word or phrase, matched
// case-insensitively; its value is the term as written, lower case. Whether it is reported
// depends on the person identifiers around it (PieceScanner's pairing), not on the word.
std::optional<Confirmed> confirm_term(std::string_view text, size_t end, const ValidationEnv& env) {
  size_t start = env.start;
  if (start >= end || end > text.size()) return std::nullopt;
  if (word_char_before(text, start) || word_char_at(text, end)) return std::nullopt;
  // Lower case as the rule's terms are (fold_case), so weak terms can be told apart.
  return Confirmed{start, end, fold_case(std::string(text.substr(start, end - start))), 0.5, {"term"}};
}

// A term names a topic, not a person: it is shown as written, so a reviewer sees why.
std::string show_term(std::string_view span) { return std::string(span); }

std::vector<Validator> all_families() {
  std::vector<Validator> all = {{"regex", confirm_regex, vutil::mask_all_but_two, 256, false},
                                {"term", confirm_term, show_term, 64, false}};
  for (auto family : {danish_validators, contact_validators, nordic_validators, eu_validators, financial_validators,
                      online_validators, document_validators, name_validators}) {
    auto more = family();
    all.insert(all.end(), more.begin(), more.end());
  }
  return all;
}

const std::vector<Validator> kValidators = all_families();

}  // namespace

const Validator* find_validator(std::string_view name) {
  for (const auto& v : kValidators)
    if (name == v.name) return &v;
  return nullptr;
}

const std::vector<Validator>& all_validators() { return kValidators; }

}  // namespace gdprscan
