#include "context_words.h"

#include <algorithm>

namespace gdprscan {

namespace {

// Byte classes as tables: this runs over a few hundred bytes for every candidate.
struct ByteClasses {
  bool letter[256] = {};
  bool word[256] = {};
  constexpr ByteClasses() {
    for (int c = 0; c < 256; ++c) {
      letter[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
      word[c] = letter[c] || (c >= '0' && c <= '9');
    }
  }
};
constexpr ByteClasses kClasses;

bool is_letter_byte(char c) { return kClasses.letter[static_cast<unsigned char>(c)]; }
bool is_word_byte(char c) { return kClasses.word[static_cast<unsigned char>(c)]; }

// Lower-case of byte `c` given the byte before it: ASCII capitals, and the second byte of
// the UTF-8 Latin-1 capitals C3 80..C3 9E (except ×), so "FØDSELSNUMMER" matches.
unsigned char fold(unsigned char previous, unsigned char c) {
  if (c >= 'A' && c <= 'Z') return c + 32;
  if (previous == 0xC3 && c >= 0x80 && c <= 0x9E && c != 0x97) return c + 0x20;
  return c;
}

std::string_view window_before(std::string_view text, size_t start, int width) {
  size_t from = start > static_cast<size_t>(width) ? start - width : 0;
  return text.substr(from, start - from);
}

std::string_view window_after(std::string_view text, size_t end, int width) {
  if (end >= text.size()) return {};
  return text.substr(end, std::min<size_t>(width, text.size() - end));
}

// A label like "P-nr." belongs to the number right after it on the same line. The window
// for negative words before a match therefore stops at a line break and at another number
// of 6+ digits ("P-nummer: 2305000003\n240501-0006": the label is not ours).
int negative_reach_before(std::string_view text, size_t start, int window) {
  size_t from = start > static_cast<size_t>(window) ? start - window : 0;
  int run = 0;
  for (size_t i = start; i > from; --i) {
    char c = text[i - 1];
    if (c == '\n' || c == '\r') return static_cast<int>(start - i);
    if (c >= '0' && c <= '9') {
      if (++run >= 6) return static_cast<int>(start - i);
    } else {
      run = 0;
    }
  }
  return window;
}

// After a match, negative words count only up to the end of the line.
int negative_reach_after(std::string_view text, size_t end, int window) {
  size_t to = std::min(text.size(), end + window);
  for (size_t i = end; i < to; ++i)
    if (text[i] == '\n' || text[i] == '\r') return static_cast<int>(i - end);
  return window;
}

// Of two labels, the nearer one; ties go to `a`.
const Nearest& nearer(const Nearest& a, const Nearest& b) {
  if (!b.word) return a;
  if (!a.word) return b;
  return b.distance < a.distance ? b : a;
}

}  // namespace

WordList::WordList(std::vector<std::string> words) : words_(std::move(words)) {
  for (size_t i = 0; i < words_.size(); ++i) {
    const std::string& w = words_[i];
    if (w.empty()) continue;
    by_first_byte_[static_cast<unsigned char>(w[0])].push_back(static_cast<uint16_t>(i));
    if (w.size() == 1) has_short_word_ = true;
    else first_pairs_.set(static_cast<unsigned char>(w[0]) << 8 | static_cast<unsigned char>(w[1]));
  }
}

bool WordList::matches_at(std::string_view window, size_t i, const std::string& word) const {
  if (i + word.size() > window.size()) return false;
  unsigned char previous = i > 0 ? window[i - 1] : 0;
  for (size_t k = 0; k < word.size(); ++k) {
    auto c = static_cast<unsigned char>(window[i + k]);
    if (fold(previous, c) != static_cast<unsigned char>(word[k])) return false;
    previous = c;
  }
  // Whole words only: "pnr" must not fire inside "Kampnr". A keyword may be followed by
  // digits or punctuation ("cpr:", "cprnr.123") but not by more letters.
  size_t end = i + word.size();
  bool left_ok = i == 0 || !is_word_byte(window[i - 1]);
  bool right_ok = end >= window.size() || !is_letter_byte(window[end]);
  return left_ok && right_ok;
}

Nearest WordList::nearest(std::string_view window, bool anchor_at_end) const {
  Nearest best;
  for (size_t i = 0; i < window.size(); ++i) {
    // Words start at word boundaries: most positions are rejected by these two tests.
    if (i > 0 && is_word_byte(window[i - 1])) continue;
    auto c = fold(0, static_cast<unsigned char>(window[i]));
    if (!has_short_word_) {
      if (i + 1 >= window.size()) break;
      auto next = fold(static_cast<unsigned char>(window[i]), static_cast<unsigned char>(window[i + 1]));
      if (!first_pairs_.test(c << 8 | next)) continue;
    }
    const auto& candidates = by_first_byte_[c];
    for (uint16_t w : candidates) {
      const std::string& word = words_[w];
      if (!matches_at(window, i, word)) continue;
      long distance = anchor_at_end ? static_cast<long>(window.size() - (i + word.size())) : static_cast<long>(i);
      if (best.distance < 0 || distance < best.distance) best = {distance, &word};
    }
  }
  return best;
}

ContextScorer::ContextScorer(const ContextModel& model)
    : model_(model), keywords_(model.keywords), negative_(model.negative) {}

double ContextScorer::score(std::string_view text, size_t start, size_t end, std::vector<std::string>& signals) const {
  auto before = [&](const WordList& words, int width) {
    return words.empty() ? Nearest{} : words.nearest(window_before(text, start, width), true);
  };
  auto after = [&](const WordList& words, int width) {
    return words.empty() ? Nearest{} : words.nearest(window_after(text, end, width), false);
  };
  // Labels stand before values: a label before the match outranks one after it, and of two
  // labels on the same side the nearer wins (a negative word wins a tie). So "cpr-nr" three
  // lines up does not outweigh "Fakturanr." right before the number, and "p-nr" in a header
  // does not hide the CPR numbers below it.
  Nearest kb = before(keywords_, model_.keyword_before);
  Nearest nb = before(negative_, negative_reach_before(text, start, model_.negative_before));
  Nearest label = nearer(nb, kb);
  bool negative = nb.word && label.word == nb.word;
  if (!label.word) {
    Nearest ka = after(keywords_, model_.keyword_after);
    Nearest na = after(negative_, negative_reach_after(text, end, model_.negative_after));
    label = nearer(na, ka);
    negative = na.word && label.word == na.word;
  }
  if (!label.word) return 0;
  signals.push_back((negative ? "negative:" : "keyword:") + *label.word);
  return negative ? -model_.negative_penalty : model_.keyword_boost;
}

}  // namespace gdprscan
