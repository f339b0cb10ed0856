// Small helpers shared by the validator families (validators_*.cpp). Validators look at
// bytes: identifiers are ASCII, and word_char_before/at (text_decode.h) handle the letters
// around them that are not.
#pragma once

#include <algorithm>
#include <array>
#include <initializer_list>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace gdprscan::vutil {

// A set of words looked up by string_view without a copy (a validator's word list, built
// once per rule by its Validator::prepare).
struct WordHash {
  using is_transparent = void;
  size_t operator()(std::string_view w) const { return std::hash<std::string_view>{}(w); }
};
using WordSet = std::unordered_set<std::string, WordHash, std::equal_to<>>;

inline bool is_digit(char c) { return c >= '0' && c <= '9'; }
inline bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
inline bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
inline bool is_alpha(char c) { return is_upper(c) || is_lower(c); }
inline bool is_alnum(char c) { return is_digit(c) || is_alpha(c); }
inline int digit(char c) { return c - '0'; }
inline bool all_digits(std::string_view s) { return std::all_of(s.begin(), s.end(), is_digit); }
inline std::string digits_only(std::string_view s) {
  std::string out;
  for (char c : s)
    if (is_digit(c)) out.push_back(c);
  return out;
}

// A number is free-standing when nothing glues it into a longer token: no letter or digit
// next to it, no "#" or sign in front, no "-", "/" or "." joining it to more digits
// (a longer digit run, an IBAN, a date-time, a decimal).
bool free_standing(std::string_view text, size_t start, size_t end);

// "AB12-3456" -> "AB**-****": the first two characters stay so a reviewer can tell
// findings apart; every other letter and digit goes. Separators keep the shape.
std::string mask_all_but_two(std::string_view span);
// Keeps the first `keep_front` and last `keep_back` letters/digits (a card's last four).
std::string mask_middle(std::string_view span, int keep_front, int keep_back);

// Groups of digits that end at `end`, walked leftwards over single separators from `seps`:
// "4571 1234 5678 9012" -> sizes {4, 4, 4, 4}. Number validators anchor on the end of the
// last group (their Hyperscan candidate) and read the grouping from here. The walk stops
// once more than `max_digits` digits are seen, so `digits.size() > max_digits` means "too
// long for this identifier".
// Group lengths, left to right, in place: this runs at the end of every long digit run in
// the text, and a heap allocation there cost more than the rest of the validation.
class GroupSizes {
 public:
  static constexpr size_t kCapacity = 24;
  GroupSizes() = default;
  GroupSizes(std::initializer_list<int> sizes) {
    for (int v : sizes) push_back(v);
  }
  void push_back(int v) {
    if (n_ < kCapacity) v_[n_++] = static_cast<unsigned char>(v);
  }
  void erase_front() {
    std::copy(v_.begin() + 1, v_.begin() + n_, v_.begin());
    --n_;
  }
  void reverse() { std::reverse(v_.begin(), v_.begin() + n_); }
  size_t size() const { return n_; }
  bool empty() const { return n_ == 0; }
  int operator[](size_t i) const { return v_[i]; }
  int front() const { return v_[0]; }
  int back() const { return v_[n_ - 1]; }
  void set_front(int v) { v_[0] = static_cast<unsigned char>(v); }
  bool operator==(const GroupSizes& o) const { return n_ == o.n_ && std::equal(v_.begin(), v_.begin() + n_, o.v_.begin()); }

 private:
  std::array<unsigned char, kCapacity> v_{};
  size_t n_ = 0;
};

struct DigitGroups {
  size_t start = 0;        // first digit of the first group
  GroupSizes sizes;        // group lengths, left to right
  std::string digits;      // the digits without separators
  std::string separators;  // separators.at(i) stands between group i and i + 1
  bool empty() const { return sizes.empty(); }
};
// With `one_separator`, the walk stops where a different separator appears (a card is
// grouped with one kind; a phone mixes "070-123 45 67").
DigitGroups digit_groups_before(std::string_view text, size_t end, std::string_view seps, size_t max_digits,
                                bool one_separator);

// How many digits the grouped run ending at `end` holds (at most max_digits + 1), without
// building the groups: most digit runs in text are years, amounts and dates, and the number
// validators turn them away on this count before anything is allocated.
struct DigitRun {
  size_t count;  // digits, at most max_digits + 1
  size_t start;  // first digit seen
  size_t hyphens = 0;
};
DigitRun digits_before(std::string_view text, size_t end, std::string_view seps, size_t max_digits);

// A number joined to a word by '-' or '_' ("Fuzzer-5436785649999392", "id_20123456",
// "20123456-abc") is part of a name or key, not an identifier standing on its own.
bool joined_to_word(std::string_view text, size_t start, size_t end);

// A grouped number continues past its span when a separator joins it to one more digit
// ("12 34 56 78 90" holds no 8-digit phone number).
bool continues_left(std::string_view text, size_t start, std::string_view seps);
bool continues_right(std::string_view text, size_t end, std::string_view seps);

}  // namespace gdprscan::vutil
