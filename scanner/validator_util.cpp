#include "validator_util.h"

#include "text_decode.h"

#include <algorithm>
#include <cctype>

namespace gdprscan::vutil {

namespace {
// One or two separator characters: a loop beats string_view::find's call to memchr here,
// which runs at the end of every digit run in the text.
bool is_sep(std::string_view seps, char c) {
  for (char s : seps)
    if (s == c) return true;
  return false;
}
}  // namespace

bool free_standing(std::string_view text, size_t start, size_t end) {
  if (start > 0) {
    char p = text[start - 1];
    if (word_char_before(text, start) || p == '#' || p == '+') return false;
    if ((p == '-' || p == '/' || p == '.') && start >= 2 && is_digit(text[start - 2])) return false;
  }
  if (end < text.size()) {
    char n = text[end];
    if (word_char_at(text, end) || n == '#') return false;
    if ((n == '-' || n == '/' || n == '.') && end + 1 < text.size() && is_digit(text[end + 1])) return false;
  }
  return true;
}

std::string mask_all_but_two(std::string_view span) {
  std::string out(span);
  for (size_t i = 2; i < out.size(); ++i)
    if (std::isalnum(static_cast<unsigned char>(out[i]))) out[i] = '*';
  return out;
}

std::string mask_middle(std::string_view span, int keep_front, int keep_back) {
  int total = 0;
  for (char c : span) total += is_alnum(c);
  std::string out(span);
  int seen = 0;
  for (char& c : out) {
    if (!is_alnum(c)) continue;
    ++seen;
    if (seen > keep_front && seen <= total - keep_back) c = '*';
  }
  return out;
}

DigitGroups digit_groups_before(std::string_view text, size_t end, std::string_view seps, size_t max_digits,
                                bool one_separator) {
  DigitGroups g;
  if (end > text.size()) return g;
  size_t i = end, total = 0;
  while (true) {
    size_t j = i;
    while (j > 0 && is_digit(text[j - 1]) && total <= max_digits) --j, ++total;
    if (j == i) break;
    g.sizes.push_back(static_cast<int>(i - j));
    g.start = j;
    bool more = j >= 2 && total <= max_digits && is_sep(seps, text[j - 1]) && is_digit(text[j - 2]) &&
                !(one_separator && !g.separators.empty() && text[j - 1] != g.separators[0]);
    if (!more) break;
    g.separators.push_back(text[j - 1]);
    i = j - 1;
  }
  g.sizes.reverse();  // walked right to left
  std::reverse(g.separators.begin(), g.separators.end());
  g.digits = digits_only(text.substr(g.start, end - g.start));
  return g;
}

DigitRun digits_before(std::string_view text, size_t end, std::string_view seps, size_t max_digits) {
  DigitRun run{0, std::min(end, text.size())};
  for (size_t i = run.start; i > 0 && run.count <= max_digits; --i) {
    char c = text[i - 1];
    if (is_digit(c)) ++run.count, run.start = i - 1;
    else if (is_sep(seps, c) && i >= 2 && is_digit(text[i - 2]) && i < end) run.hyphens += c == '-';
    else break;
  }
  return run;
}

bool joined_to_word(std::string_view text, size_t start, size_t end) {
  auto joiner = [](char c) { return c == '-' || c == '_'; };
  if (start >= 2 && joiner(text[start - 1]) && is_alnum(text[start - 2])) return true;
  return end + 1 < text.size() && joiner(text[end]) && is_alnum(text[end + 1]);
}

bool continues_left(std::string_view text, size_t start, std::string_view seps) {
  return start >= 2 && is_sep(seps, text[start - 1]) && is_digit(text[start - 2]);
}

bool continues_right(std::string_view text, size_t end, std::string_view seps) {
  return end + 1 < text.size() && is_sep(seps, text[end]) && is_digit(text[end + 1]);
}

}  // namespace gdprscan::vutil
