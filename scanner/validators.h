// Built-in validators: the second, precise stage of matching. Hyperscan reports only where a
// candidate ends; a validator looks at a small window around that end, finds the exact span,
// checks structure and checksums, and says how confident the structure alone makes it.
// Context words are scored afterwards, the same way for every rule (detector.cpp).
#pragma once

#include <cstdint>
#include <initializer_list>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gdprscan {

struct CivilDate {
  int year, month, day;
};
bool operator<(const CivilDate& a, const CivilDate& b);
bool is_real_date(int year, int month, int day);
CivilDate today_utc();

struct Confirmed {
  size_t start = 0, end = 0;  // exact span in the text
  std::string value;          // normalised (digits only, lower-case e-mail, ...)
  double score = 0;           // confidence from structure alone, before context
  std::vector<std::string> signals;
};

// Named word lists a rule hands to its validator (`[rule.word_lists]`: the given names and
// surnames of person.name), each sorted, so that the data stays in the rule pack.
struct WordLists {
  std::map<std::string, std::vector<std::string>, std::less<>> lists;
  // Whether `word` is in list `list` (false when the rule has no such list).
  bool contains(std::string_view list, std::string_view word) const;
};

struct ValidationEnv {
  CivilDate today;  // birth dates after this are not identifiers
  size_t start = 0;  // where Hyperscan says the match starts (only for the "regex" validator)
  const WordLists* words = nullptr;  // the rule's word lists, for validators that read them
  const void* prepared = nullptr;    // what Validator::prepare made of them, if it did
};

// What a validator makes once of a rule's word lists (an index), handed back to it on every
// call as ValidationEnv::prepared.
using PrepareFn = std::shared_ptr<const void> (*)(const WordLists&);

using ConfirmFn = std::optional<Confirmed> (*)(std::string_view text, size_t end, const ValidationEnv&);
// Masks `span` (the matched text as it appears) so that the output shows its shape, not
// the identifier.
using MaskFn = std::string (*)(std::string_view span);

// The lengths of the digit run that ends a candidate (the digits right before its end), as
// a bit set: bit n stands for n digits, bit 31 for 31 or more, bit 0 for a candidate that
// ends in a letter or a separator. Several rules share one Hyperscan expression and each
// accepts only a few of the runs it reports (a CPR number ends with 4 or 10 digits, a BSN
// with 3 or 9): the detector measures the run once per candidate end and calls only the
// validators that can accept it.
using DigitRunLengths = uint32_t;
constexpr DigitRunLengths kAnyDigitRun = ~DigitRunLengths{0};
constexpr int kLongDigitRun = 31;  // runs this long or longer share one bit
constexpr DigitRunLengths digit_runs(std::initializer_list<int> lengths) {
  DigitRunLengths set = 0;
  for (int n : lengths) set |= DigitRunLengths{1} << (n < kLongDigitRun ? n : kLongDigitRun);
  return set;
}
constexpr DigitRunLengths digit_runs_from_to(int shortest, int longest) {
  DigitRunLengths set = 0;
  for (int n = shortest; n <= longest; ++n) set |= digit_runs({n});
  return set;
}

struct Validator {
  const char* name;
  ConfirmFn confirm;
  MaskFn mask;
  int max_length;  // longest span the validator can accept; sizes chunk overlaps
  // The validator rejects a span followed by a digit (the number goes on). The detector
  // then skips such candidate ends without calling it: inside a long digit run Hyperscan
  // reports an end at every digit, and only the last can be an identifier.
  bool rejects_digit_after = true;
  // Necessary, not sufficient: every span the validator confirms ends with a digit run of
  // one of these lengths (derived from its shapes, the spaced forms of --spaced-ids
  // included; tests/unit/test_digit_run_gate.cpp checks it on mutated examples).
  DigitRunLengths final_digit_run = kAnyDigitRun;
  // The word lists a rule using this validator must give (rules.cpp checks at load).
  std::vector<std::string_view> needs_word_lists = {};
  PrepareFn prepare = nullptr;  // called once per rule by the detector, if set
  bool accepts_final_digit_run(int length) const {
    return (final_digit_run >> (length < kLongDigitRun ? length : kLongDigitRun)) & 1;
  }
};

const Validator* find_validator(std::string_view name);

// "jens.hansen@kommune.dk" -> "j***@kommune.dk", as e-mail findings are shown.
std::string mask_email_address(std::string_view address);
const std::vector<Validator>& all_validators();

// Exposed for unit tests and the e-CPR/replacement validators.
namespace cpr {
// Full year from two-digit year and the 7th digit, per CPR-kontoret's table.
int full_year(int yy, int seventh_digit);
bool mod11_ok(std::string_view ten_digits);
// 1 January of a year in which numbers failing mod-11 were issued (since 2007).
bool is_mod11_exception_date(const CivilDate& d);
}  // namespace cpr

}  // namespace gdprscan
