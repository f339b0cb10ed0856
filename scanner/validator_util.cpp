#include "validator_util.h"

#include "text_decode.h"

#include <cctype>

namespace gdprscan::vutil {

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

}  // namespace gdprscan::vutil
