#include "detector.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace gdprscan {

namespace {

std::vector<const Validator*> resolve_validators(const std::vector<Rule>& rules) {
  std::vector<const Validator*> out;
  for (const auto& r : rules) {
    const Validator* v = find_validator(r.validator);
    if (!v) throw std::runtime_error("rule " + r.id + ": unknown validator '" + r.validator + "'");
    out.push_back(v);
  }
  return out;
}

char fold_ascii(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

// Lower-cases ASCII and the Danish/Latin-1 capitals (UTF-8 C3 80..C3 9E, except ×), so that
// keywords like "sygesikringsbevis" or "fødselsdato" match however they are capitalised.
std::string fold_case(std::string_view s) {
  std::string out(s);
  for (size_t i = 0; i < out.size(); ++i) {
    unsigned char c = out[i];
    if (c == 0xC3 && i + 1 < out.size()) {
      unsigned char n = out[i + 1];
      if (n >= 0x80 && n <= 0x9E && n != 0x97) out[i + 1] = static_cast<char>(n + 0x20);
      ++i;
    } else {
      out[i] = fold_ascii(out[i]);
    }
  }
  return out;
}

bool is_letter_byte(char c) {
  auto u = static_cast<unsigned char>(c);
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || u >= 0x80;
}
bool is_word_byte(char c) { return is_letter_byte(c) || (c >= '0' && c <= '9'); }

// Distance in bytes from the nearest whole-word occurrence of any of `words` in `window` to
// the window's `anchor` end (before-window: its end; after-window: its start), or -1.
struct Nearest {
  long distance = -1;
  const std::string* word = nullptr;
};

Nearest find_nearest(std::string_view folded, const std::vector<std::string>& words, bool anchor_at_end) {
  Nearest best;
  for (const auto& w : words) {
    size_t pos = 0;
    while ((pos = folded.find(w, pos)) != std::string_view::npos) {
      size_t end = pos + w.size();
      // Whole words only: "pnr" must not fire inside "Kampnr". A keyword may be followed by
      // digits or punctuation ("cpr:", "cprnr.123") but not by more letters.
      bool left_ok = pos == 0 || !is_word_byte(folded[pos - 1]);
      bool right_ok = end >= folded.size() || !is_letter_byte(folded[end]);
      if (left_ok && right_ok) {
        long distance = anchor_at_end ? static_cast<long>(folded.size() - end) : static_cast<long>(pos);
        if (best.distance < 0 || distance < best.distance) best = {distance, &w};
      }
      pos = end;
    }
  }
  return best;
}

std::string_view window_before(std::string_view text, size_t start, int width) {
  size_t from = start > static_cast<size_t>(width) ? start - width : 0;
  return text.substr(from, start - from);
}
std::string_view window_after(std::string_view text, size_t end, int width) {
  if (end >= text.size()) return {};
  return text.substr(end, std::min<size_t>(width, text.size() - end));
}

}  // namespace

namespace {

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

// After a match, negative words count only up to the end of the line: "(CPR-nr.
// 251007-4184)\nTlf. 75182474" is a CPR number followed by a phone number.
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

void score_context(std::string_view text, const ContextModel& model, Detection& d) {
  const size_t start = d.hit.start, end = d.hit.end;
  auto before = [&](const std::vector<std::string>& words, int width) {
    return words.empty() ? Nearest{} : find_nearest(fold_case(window_before(text, start, width)), words, true);
  };
  auto after = [&](const std::vector<std::string>& words, int width) {
    return words.empty() ? Nearest{} : find_nearest(fold_case(window_after(text, end, width)), words, false);
  };
  // Labels stand before values: a label before the match outranks one after it, and of two
  // labels on the same side the nearer wins (a negative word wins a tie). So "cpr-nr" three
  // lines up does not outweigh "Fakturanr." right before the number, and "p-nr" in a header
  // does not hide the CPR numbers below it.
  Nearest kb = before(model.keywords, model.keyword_before);
  Nearest nb = before(model.negative, negative_reach_before(text, start, model.negative_before));
  Nearest label = nearer(nb, kb);
  bool negative = label.word && label.word == nb.word && nb.word;
  if (!label.word) {
    Nearest ka = after(model.keywords, model.keyword_after);
    Nearest na = after(model.negative, negative_reach_after(text, end, model.negative_after));
    label = nearer(na, ka);
    negative = label.word && label.word == na.word && na.word;
  }
  if (label.word && negative) {
    d.confidence -= model.negative_penalty;
    d.hit.signals.push_back("negative:" + *label.word);
  } else if (label.word) {
    d.confidence += model.keyword_boost;
    d.hit.signals.push_back("keyword:" + *label.word);
  }
  // Two decimals, as reported: the threshold compares what the user sees (0.6 + 0.3 is
  // 0.8999999999999999 in binary, and must pass --min-confidence 0.9).
  d.confidence = std::round(std::clamp(d.confidence, 0.0, 1.0) * 100) / 100;
}

Detector::Detector(std::vector<Rule> rules, CivilDate today)
    : rules_(std::move(rules)), validators_(resolve_validators(rules_)), matcher_(rules_), env_{today} {
  for (size_t i = 0; i < rules_.size(); ++i) {
    const ContextModel& m = rules_[i].context;
    size_t window = std::max({m.keyword_before, m.keyword_after, m.negative_before, m.negative_after, 64});
    reach_ = std::max(reach_, window + validators_[i]->max_length);
  }
}

void Detector::detect(std::string_view text, size_t report_from, size_t report_to, MatchScratch& scratch,
                      std::vector<Detection>& out) const {
  thread_local std::vector<Candidate> candidates;
  candidates.clear();
  matcher_.scan(text, scratch, candidates);
  size_t first = out.size();
  for (const Candidate& c : candidates) {
    if (c.end < report_from || c.end >= report_to) continue;
    auto hit = validators_[c.rule]->confirm(text, c.end, env_);
    if (!hit) continue;
    Detection d{c.rule, std::move(*hit), 0};
    d.confidence = d.hit.score;
    score_context(text, rules_[c.rule].context, d);
    out.push_back(std::move(d));
  }
  std::sort(out.begin() + first, out.end(), [](const Detection& a, const Detection& b) {
    return a.hit.start != b.hit.start ? a.hit.start < b.hit.start : a.rule < b.rule;
  });
  // Two rules can confirm the same span (never with the shipped rules, possible with custom
  // ones); report it once per rule.
  out.erase(std::unique(out.begin() + first, out.end(),
                        [](const Detection& a, const Detection& b) {
                          return a.rule == b.rule && a.hit.start == b.hit.start && a.hit.end == b.hit.end;
                        }),
            out.end());
}

}  // namespace gdprscan
