#include "piece_scanner.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <cstring>

#include "text_decode.h"

namespace gdprscan {

namespace {

// Newlines in s. std::count widens its counters to 64 bits and was a tenth of the scan
// time; 32 byte-wide lanes, emptied before they can overflow, vectorise cleanly.
size_t count_newlines(std::string_view s) {
  size_t total = 0, i = 0;
  while (s.size() - i >= 32) {
    size_t blocks = std::min<size_t>((s.size() - i) / 32, 255);
    uint8_t lanes[32] = {};
    for (size_t b = 0; b < blocks; ++b, i += 32)
      for (int j = 0; j < 32; ++j) lanes[j] += s[i + j] == '\n';
    for (uint8_t lane : lanes) total += lane;
  }
  for (; i < s.size(); ++i) total += s[i] == '\n';
  return total;
}

bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }
constexpr size_t kLongestSpan = 400;  // above every validator's max_length
}  // namespace

PieceScanner::PieceScanner(const Detector& detector, MatchScratch& scratch, const ReportPolicy& policy,
                           LocationChain location, std::vector<Finding>& out, size_t chunk_size)
    : detector_(detector),
      scratch_(scratch),
      policy_(policy),
      location_(std::move(location)),
      out_(out),
      chunk_size_(std::max(chunk_size, 4 * detector.reach())) {}

void PieceScanner::write(std::string_view utf8) {
  total_ += utf8.size();
  while (!utf8.empty()) {
    size_t room = chunk_size_ + 2 * detector_.reach() - buf_.size();
    size_t take = std::min(room, utf8.size());
    buf_.append(utf8.data(), take);
    utf8.remove_prefix(take);
    if (buf_.size() >= chunk_size_ + 2 * detector_.reach()) process(false);
  }
}

void PieceScanner::finish() { process(true); }

void PieceScanner::write_whole(std::string_view utf8) {
  if (total_ != 0 || utf8.size() > chunk_size_) {  // not the fast path: chunk as usual
    write(utf8);
    finish();
    return;
  }
  // The whole piece at once and small: match the caller's buffer, no copy.
  total_ = utf8.size();
  text_ = utf8;
  match_and_emit(0, text_.size() + 1);
  text_ = {};
}

void PieceScanner::process(bool final) {
  const size_t reach = detector_.reach();
  text_ = buf_;
  // Candidates ending in [from, to) are handled now: the rest lack the text after them.
  size_t from = done_upto_ - buf_abs_;
  size_t to = final ? buf_.size() + 1 : buf_.size() - reach;
  match_and_emit(from, to);
  if (final) {
    buf_.clear();
    return;
  }
  done_upto_ = buf_abs_ + to;
  // Keep `reach` bytes before the next unhandled end: enough for any span and its windows.
  size_t keep_from = to - reach;
  lines_before_buf_ += count_newlines(std::string_view(buf_).substr(0, keep_from));
  buf_.erase(0, keep_from);
  buf_abs_ += keep_from;
}

void PieceScanner::match_and_emit(size_t from, size_t to) {
  detections_.clear();
  last_paired_ = nullptr;
  // Terms are matched where this scanner can pair or show them (emit_term, masked_context).
  TermScope terms{policy_.special_scope_document || policy_.terms_everywhere, policy_.min_confidence,
                  policy_.context_chars, static_cast<bool>(adjust_), policy_.anchors_everywhere};
  detector_.detect(text_, scratch_, detections_, terms);
  line_cursor_ = 0;
  mask_cursor_ = 0;
  line_at_cursor_ = lines_before_buf_;
  for (Detection& d : detections_) {
    if (d.hit.end < from || d.hit.end >= to) continue;
    double confidence = d.confidence;
    std::optional<ConfidenceAdjustment> adjustment;
    if (adjust_ && (adjustment = adjust_(buf_abs_ + d.hit.start)))
      confidence = std::round(std::clamp(confidence + adjustment->delta, 0.0, 1.0) * 100) / 100;
    size_t index = static_cast<size_t>(&d - detections_.data());
    if (detector_.rules()[d.rule].pair_window > 0) emit_term(d, index, confidence);
    else if (confidence >= policy_.min_confidence) emit_or_anchor(d, index, confidence, adjustment ? &adjustment->signal : nullptr);
  }
}

namespace {

// Bytes between two spans (0 when they overlap).
size_t gap(const Detection& a, const Detection& b) {
  if (a.hit.end <= b.hit.start) return b.hit.start - a.hit.end;
  if (b.hit.end <= a.hit.start) return a.hit.start - b.hit.end;
  return 0;
}

constexpr double kPairedBoost = 0.3;     // a strong term next to a person identifier: 0.8
constexpr double kWeakPenalty = 0.1;     // a weak term (with another term nearby): 0.7
constexpr double kDocumentPenalty = 0.2;  // --special-scope document, identifier elsewhere

}  // namespace

// Detections are sorted by start, and no span is longer than the detector's reach: the
// neighbours within `window` of `d` lie in [start - window - reach, end + window].
template <typename Visit>
void for_each_near(const std::vector<Detection>& all, const Detection& d, size_t window, size_t reach, Visit&& visit) {
  size_t from = d.hit.start > window + reach ? d.hit.start - window - reach : 0;
  auto first = std::lower_bound(all.begin(), all.end(), from,
                                [](const Detection& x, size_t at) { return x.hit.start < at; });
  for (auto it = first; it != all.end() && it->hit.start <= d.hit.end + window; ++it)
    if (&*it != &d && gap(d, *it) <= window) visit(*it);
}

const Detection* PieceScanner::nearest_identifier(const Detection& d, int window) const {
  const Detection* best = nullptr;
  for_each_near(detections_, d, static_cast<size_t>(window), detector_.reach(), [&](const Detection& other) {
    if (!detector_.identifies_a_person(other.rule) || other.confidence < policy_.min_confidence) return;
    if (!best || gap(d, other) < gap(d, *best)) best = &other;
  });
  return best;
}

bool PieceScanner::another_term_nearby(const Detection& d, int window) const {
  bool found = false;
  for_each_near(detections_, d, static_cast<size_t>(window), detector_.reach(), [&](const Detection& other) {
    found = found || (other.rule == d.rule && other.hit.value != d.hit.value);
  });
  return found;
}

void PieceScanner::emit_term(Detection& d, size_t index, double confidence) {
  const Rule& rule = detector_.rules()[d.rule];
  bool weak = std::find(rule.weak_terms.begin(), rule.weak_terms.end(), d.hit.value) != rule.weak_terms.end();
  if (weak && !another_term_nearby(d, rule.pair_window)) return;  // weak terms only in combination
  if (weak) confidence -= kWeakPenalty;
  const Detection* person = nearest_identifier(d, rule.pair_window);
  if (!person && !policy_.special_scope_document) return;
  double shown = std::round(std::clamp(confidence + kPairedBoost - (person ? 0 : kDocumentPenalty), 0.0, 1.0) * 100) / 100;
  if (shown < policy_.min_confidence) return;
  std::string signal = person ? "paired:" + detector_.rules()[person->rule].id : std::string("awaiting_document_pair");
  emit(d, index, shown, &signal, [&](Finding& f) {
    if (weak) f.signals.push_back("weak_term_with_another");
    if (!person) {
      f.awaiting_pair = true;
      return;
    }
    f.paired_detector = detector_.rules()[person->rule].id;
    if (policy_.fingerprinter) f.paired_fingerprint = paired_fingerprint(*person);
  });
}

// A rule whose findings are not written (report = "on_request", not asked for) still
// anchors the terms of the whole file with --special-scope document: its finding goes to
// the file's pairing as anchor_only and is dropped there.
void PieceScanner::emit_or_anchor(Detection& d, size_t index, double confidence, const std::string* extra_signal) {
  if (detector_.reports(d.rule)) emit(d, index, confidence, extra_signal);
  else if (policy_.special_scope_document && detector_.identifies_a_person(d.rule))
    emit(d, index, confidence, extra_signal, [](Finding& f) { f.anchor_only = true; });
}

// The terms of a journal note pair with the same identifier one after another: its
// fingerprint (an HMAC) is computed once for them.
const std::string& PieceScanner::paired_fingerprint(const Detection& person) {
  if (last_paired_ != &person) {
    last_paired_ = &person;
    last_paired_fingerprint_ = (*policy_.fingerprinter)(person.hit.value);
  }
  return last_paired_fingerprint_;
}

// A journal repeats a few dozen terms thousands of times (60 000 term findings with 2 800
// distinct values per file on 236 MB of the corpus): their fingerprints are kept. The
// values of paired rules are words and codes from a bounded list, never identifiers.
const std::string& PieceScanner::paired_rule_fingerprint(const std::string& value) {
  auto [it, fresh] = paired_rule_fingerprints_.try_emplace(value);
  if (fresh) it->second = (*policy_.fingerprinter)(value);
  return it->second;
}

uint64_t PieceScanner::line_of(size_t rel_pos) {
  // Detections arrive sorted by start, so counting moves forward only.
  line_at_cursor_ += count_newlines(text_.substr(line_cursor_, rel_pos - line_cursor_));
  line_cursor_ = rel_pos;
  return line_at_cursor_ + 1;
}

void PieceScanner::emit(Detection& d, size_t index, double confidence, const std::string* extra_signal,
                        const std::function<void(Finding&)>& decorate) {
  const Rule& rule = detector_.rules()[d.rule];
  std::string_view span = text_.substr(d.hit.start, d.hit.end - d.hit.start);
  Finding f;
  f.detector = rule.id;
  f.category = rule.category;
  f.severity = rule.severity;
  f.confidence = confidence;
  f.signals = std::move(d.hit.signals);  // a detection is emitted once; masking needs only its span
  if (extra_signal) f.signals.push_back(*extra_signal);
  f.location = resolver_ ? resolver_(buf_abs_ + d.hit.start) : location_;
  f.line = line_of(d.hit.start);
  f.offset = buf_abs_ + d.hit.start;
  f.match = detector_.validator(d.rule).mask(span);
  f.context = masked_context(index);
  if (policy_.fingerprinter)
    f.fingerprint = rule.pair_window > 0 ? paired_rule_fingerprint(d.hit.value) : (*policy_.fingerprinter)(d.hit.value);
  if (policy_.ignored_fingerprints && policy_.ignored_fingerprints->count(f.fingerprint)) {
    if (policy_.ignored_count) ++*policy_.ignored_count;
    return;  // accepted by the user: counted in the summary, not reported
  }
  if (policy_.reveal) f.value = d.hit.value;
  f.identifies_person = detector_.identifies_a_person(d.rule);
  if (decorate) decorate(f);
  out_.push_back(std::move(f));
  if (after_finding_) after_finding_();
}


// Numbers the validators rejected can still be personal data (a CPR number with a typo or
// split across lines, a phone or account number): in context every run of 7+ digits keeps
// only its first six, and a 4-digit group within two characters after a 6-digit group
// ("920372-1001", "150372-\n1003", "150372\t1003x") is hidden too.
namespace {
// Whether any of the 8 bytes at p is an ASCII digit (SWAR "has a byte between 0x2F and
// 0x3A", exact for bytes below 0x80; bytes from 0x80 never count): every finding's context
// is searched for long numbers, and most of its 8-byte words hold none.
bool has_digit(const char* p) {
  uint64_t x;
  std::memcpy(&x, p, 8);
  constexpr uint64_t kOnes = 0x0101010101010101ULL, kLow7 = kOnes * 0x7F, kHigh = kOnes * 0x80;
  return (((kOnes * (0x7F + '9' + 1)) - (x & kLow7)) & ~x & ((x & kLow7) + kOnes * (0x7F - ('0' - 1))) & kHigh) != 0;
}
}  // namespace

void mask_long_numbers(std::string& s) {
  size_t i = 0, previous_run_end = std::string::npos, previous_run_length = 0;
  while (i < s.size()) {
    if (i + 8 <= s.size() && !has_digit(s.data() + i)) {
      i += 8;
      continue;
    }
    if (s[i] < '0' || s[i] > '9') {
      ++i;
      continue;
    }
    size_t start = i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    size_t length = i - start;
    bool serial = length == 4 && previous_run_length == 6 && previous_run_end != std::string::npos &&
                  start - previous_run_end <= 2;
    if (length >= 7) std::fill(s.begin() + start + 6, s.begin() + i, '*');
    if (serial) std::fill(s.begin() + start, s.begin() + i, '*');
    previous_run_end = i;
    previous_run_length = length;
  }
}

void mask_message(std::string& m) {
  mask_long_numbers(m);
  for (size_t at = m.find('@'); at != std::string::npos; at = m.find('@', at + 1)) {
    size_t start = at;
    while (start > 0 && !std::isspace(static_cast<unsigned char>(m[start - 1])) && m[start - 1] != '\'' &&
           m[start - 1] != '"' && m[start - 1] != '(')
      --start;
    if (start < at) m.replace(start, at - start, "***");
    at = start + 3;
  }
}

std::string PieceScanner::masked_context(size_t index) {
  const Detection& d = detections_[index];
  const size_t n = policy_.context_chars;
  size_t lo = d.hit.start > n ? d.hit.start - n : 0;
  size_t hi = std::min(text_.size(), d.hit.end + n);
  while (lo < d.hit.start && is_continuation(text_[lo])) ++lo;  // whole characters only
  while (hi > d.hit.end && hi < text_.size() && is_continuation(text_[hi])) --hi;
  // Detections are sorted by start; only neighbours can reach into the window. Findings come
  // in that order too, so the first neighbour only moves forward (a citizen list has dozens
  // within reach of each finding).
  while (mask_cursor_ < index && detections_[mask_cursor_].hit.start + kLongestSpan <= lo) ++mask_cursor_;
  size_t first = std::min(mask_cursor_, index);
  std::string out;
  out.reserve(hi - lo + 16);
  size_t pos = lo;
  for (size_t k = first; k < detections_.size() && detections_[k].hit.start < hi; ++k) {
    const Detection& other = detections_[k];
    if (other.hit.end <= pos) continue;
    // Every identifier in the window is masked, including those below the threshold.
    size_t s = std::max(other.hit.start, pos);
    out.append(text_.substr(pos, s - pos));
    if (other.hit.start >= pos && other.hit.end <= hi) {
      out += detector_.validator(other.rule).mask(text_.substr(other.hit.start, other.hit.end - other.hit.start));
    } else {
      out.append(std::min(other.hit.end, hi) - s, '*');  // cut by the window edge
    }
    pos = std::min(other.hit.end, hi);
  }
  out.append(text_.substr(pos, hi - pos));
  mask_long_numbers(out);
  for (char& c : out) {  // line breaks, tabs, NUL; written without a branch, so it vectorises
    auto u = static_cast<unsigned char>(c);
    c = (u < 0x20 || u == 0x7F) ? ' ' : c;
  }
  return out;
}

}  // namespace gdprscan
