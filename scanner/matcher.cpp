#include "matcher.h"

#include <hs/hs.h>

#include <algorithm>
#include <chrono>
#include <stdexcept>
#include <string>

#include "context_words.h"
#include "rules.h"

// Vectorscan 5.4.9, the version Debian 12 ships, misses matches in its AVX-512 code paths:
// which ones depends on the alignment of the buffer (tests/unit/test_matcher.cpp plants
// identifiers at every alignment; with the AVX-512 variant about one scan in ten missed an
// e-mail address near the end of the buffer, and a few missed one in the middle). Upstream
// fixed such AVX-512 accelerator bugs in 2026. The library's fat runtime picks the AVX-512
// variant on CPUs that have it; we call the AVX2 variant, which the same library exports, and
// build the database without AVX-512 features. Where the symbol is absent (another build of
// the library) the weak reference is null and the normal dispatcher is used.
extern "C" hs_error_t avx2_hs_scan(const hs_database_t* db, const char* data, unsigned length, unsigned flags,
                                   hs_scratch_t* scratch, match_event_handler onEvent, void* context)
    __attribute__((weak));

namespace gdprscan {

namespace {

using ScanFn = hs_error_t (*)(const hs_database_t*, const char*, unsigned, unsigned, hs_scratch_t*,
                              match_event_handler, void*);

bool use_avx2_variant() {
  static const bool yes = avx2_hs_scan != nullptr && __builtin_cpu_supports("avx2");
  return yes;
}

ScanFn scan_function() { return use_avx2_variant() ? avx2_hs_scan : hs_scan; }

}  // namespace

MatchScratch::~MatchScratch() {
  if (scratch_) hs_free_scratch(scratch_);
}

std::vector<MatchExpression> expressions_for(const std::vector<Rule>& rules) {
  std::vector<MatchExpression> out;
  for (size_t i = 0; i < rules.size(); ++i) {
    auto same = std::find_if(out.begin(), out.end(), [&](const MatchExpression& e) {
      return e.literal_length == 0 && e.pattern == rules[i].pattern;
    });
    if (!rules[i].literal_patterns.empty()) same = out.end();  // a rule of word lists shares nothing
    if (same != out.end()) {
      same->owners.push_back(static_cast<uint32_t>(i));
      same->separate |= rules[i].separate_database;
      same->deferred &= terms_matter_only_near_identifiers(rules[i]);
      same->anchor &= anchors_only(rules[i]);
      continue;
    }
    // The generic "regex" validator has no structure to find the start by: Hyperscan
    // reports it (start of match costs speed, so only these rules ask for it).
    // Term rules too: a term's start is where the word starts, and their words are matched
    // whatever the case.
    bool terms = !rules[i].terms.empty() || !rules[i].weak_terms.empty();
    if (terms_matter_only_near_identifiers(rules[i])) {
      // One expression per term: Hyperscan matches the literals without start-of-match
      // tracking, and the detector keeps the leftmost term ending at each place, as the
      // alternation reported it (Detector::detect_terms).
      for (const auto* list : {&rules[i].terms, &rules[i].weak_terms})
        for (const std::string& term : *list)
          if (!term.empty())  // never a finding (confirm_term), and Hyperscan rejects it alone
            out.push_back({folded_word_pattern(term), HS_FLAG_CASELESS, {static_cast<uint32_t>(i)},
                           "rule " + rules[i].id + " term '" + term + "'", rules[i].separate_database, true,
                           term.size()});
      continue;
    }
    // The words of the pattern's word-list alternatives: one literal each (Rule::literal_patterns).
    for (const std::string& literal : rules[i].literal_patterns)
      out.push_back({literal, 0, {static_cast<uint32_t>(i)}, "rule " + rules[i].id + " word list", rules[i].separate_database,
                     false, 0, anchors_only(rules[i])});
    if (rules[i].pattern.empty()) continue;  // a pattern of word lists alone
    unsigned flags = rules[i].validator == "regex" || terms ? HS_FLAG_SOM_LEFTMOST : 0;
    if (terms) flags |= HS_FLAG_CASELESS;
    out.push_back({rules[i].pattern, flags, {static_cast<uint32_t>(i)}, "rule " + rules[i].id, rules[i].separate_database,
                   terms_matter_only_near_identifiers(rules[i]), 0, anchors_only(rules[i])});
  }
  return out;
}

namespace {

// Compiles expressions[i] for each i in `which` into one database; Hyperscan reports the
// expression's index in `expressions`.
hs_database* compile_database(const std::vector<MatchExpression>& expressions, const std::vector<unsigned>& which) {
  std::vector<const char*> patterns;
  std::vector<unsigned> flags;
  for (unsigned i : which) {
    patterns.push_back(expressions[i].pattern.c_str());
    flags.push_back(expressions[i].flags);
  }
  hs_compile_error_t* err = nullptr;
  hs_platform_info_t platform{};
  hs_platform_info_t* target = nullptr;
  if (use_avx2_variant() && hs_populate_platform(&platform) == HS_SUCCESS) {
    platform.cpu_features &= ~static_cast<unsigned long long>(HS_CPU_FEATURES_AVX512 | HS_CPU_FEATURES_AVX512VBMI);
    target = &platform;
  }
  unsigned mode = HS_MODE_BLOCK;  // block mode takes SOM_LEFTMOST without a horizon
  hs_database* db = nullptr;
  hs_error_t rc = hs_compile_multi(patterns.data(), flags.data(), which.data(), static_cast<unsigned>(which.size()),
                                   mode, target, &db, &err);
  if (rc != HS_SUCCESS) {
    std::string what = err && err->message ? err->message : "unknown error";
    std::string name = err && err->expression >= 0 ? expressions[which[err->expression]].name : "?";
    hs_free_compile_error(err);
    throw std::runtime_error(name + ": pattern rejected by Hyperscan: " + what);
  }
  return db;
}

}  // namespace

Matcher::Matcher(std::vector<MatchExpression> expressions) {
  if (expressions.empty()) throw std::runtime_error("no detector rules are enabled");
  auto t0 = std::chrono::steady_clock::now();
  std::vector<unsigned> main, separate, deferred, anchors;
  for (unsigned i = 0; i < expressions.size(); ++i) {
    const MatchExpression& e = expressions[i];
    (e.deferred ? deferred : e.anchor ? anchors : e.separate ? separate : main).push_back(i);
    owners_.push_back(expressions[i].owners);
    literal_lengths_.push_back(expressions[i].literal_length);
  }
  try {
    for (const auto* which : {&main, &separate})
      if (!which->empty()) databases_.push_back(compile_database(expressions, *which));
    if (!deferred.empty()) deferred_ = compile_database(expressions, deferred);
    if (!anchors.empty()) anchors_ = compile_database(expressions, anchors);
  } catch (...) {
    for (hs_database* db : databases_) hs_free_database(db);
    if (deferred_) hs_free_database(deferred_);
    throw;
  }
  compile_ms_ = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

Matcher::~Matcher() {
  for (hs_database* db : databases_) hs_free_database(db);
  if (deferred_) hs_free_database(deferred_);
  if (anchors_) hs_free_database(anchors_);
}

void Matcher::prepare(MatchScratch& scratch) const {
  auto fit = [&scratch](hs_database* db) {
    if (std::find(scratch.fits_.begin(), scratch.fits_.end(), db) != scratch.fits_.end()) return;
    // Grows the scratch to fit this database too (Hyperscan allows one scratch for many).
    if (hs_alloc_scratch(db, &scratch.scratch_) != HS_SUCCESS) throw std::bad_alloc();
    scratch.fits_.push_back(db);
  };
  for (hs_database* db : databases_) fit(db);
  if (deferred_) fit(deferred_);
  if (anchors_) fit(anchors_);
}

namespace {
struct MatchContext {
  const std::vector<std::vector<uint32_t>>& owners;
  const std::vector<size_t>& literal_lengths;
  std::vector<Candidate>& out;
};

int on_match(unsigned id, unsigned long long from, unsigned long long to, unsigned /*flags*/, void* raw) {
  auto* ctx = static_cast<MatchContext*>(raw);
  size_t start = ctx->literal_lengths[id] ? static_cast<size_t>(to) - ctx->literal_lengths[id] : static_cast<size_t>(from);
  for (uint32_t owner : ctx->owners[id]) ctx->out.push_back({owner, static_cast<size_t>(to), start});
  return 0;
}
int on_expression_match(unsigned id, unsigned long long from, unsigned long long to, unsigned /*flags*/, void* raw) {
  static_cast<std::vector<ExpressionMatch>*>(raw)->push_back({id, static_cast<size_t>(to), static_cast<size_t>(from)});
  return 0;
}
struct ShiftedMatches {
  std::vector<ExpressionMatch>& out;
  const std::vector<size_t>& literal_lengths;
  size_t base;  // offset of the scanned range in the caller's text
};
int on_shifted_match(unsigned id, unsigned long long from, unsigned long long to, unsigned /*flags*/, void* raw) {
  auto* ctx = static_cast<ShiftedMatches*>(raw);
  size_t end = ctx->base + static_cast<size_t>(to);
  size_t length = ctx->literal_lengths[id];
  ctx->out.push_back({id, end, length ? end - length : ctx->base + static_cast<size_t>(from)});
  return 0;
}
}  // namespace

void Matcher::scan(std::string_view text, MatchScratch& scratch, std::vector<Candidate>& out) const {
  if (text.empty()) return;
  prepare(scratch);
  // Hyperscan takes unsigned int lengths; callers hand it chunks far below 4 GiB.
  static const ScanFn scan = scan_function();
  MatchContext ctx{owners_, literal_lengths_, out};
  for (hs_database* db : databases_) {
    hs_error_t rc = scan(db, text.data(), static_cast<unsigned>(text.size()), 0, scratch.scratch_, on_match, &ctx);
    if (rc != HS_SUCCESS) throw std::runtime_error("hyperscan scan failed with code " + std::to_string(rc));
  }
  for (hs_database* db : {deferred_, anchors_}) {
    if (!db) continue;
    hs_error_t rc = scan(db, text.data(), static_cast<unsigned>(text.size()), 0, scratch.scratch_, on_match, &ctx);
    if (rc != HS_SUCCESS) throw std::runtime_error("hyperscan scan failed with code " + std::to_string(rc));
  }
}

void Matcher::scan_expressions(std::string_view text, MatchScratch& scratch, std::vector<ExpressionMatch>& out) const {
  if (text.empty()) return;
  prepare(scratch);
  static const ScanFn scan = scan_function();
  for (hs_database* db : databases_) {
    hs_error_t rc = scan(db, text.data(), static_cast<unsigned>(text.size()), 0, scratch.scratch_, on_expression_match, &out);
    if (rc != HS_SUCCESS) throw std::runtime_error("hyperscan scan failed with code " + std::to_string(rc));
  }
}

void Matcher::scan_range(hs_database* db, std::string_view text, size_t begin, size_t end, MatchScratch& scratch,
                         std::vector<ExpressionMatch>& out) const {
  if (!db || begin >= end) return;
  prepare(scratch);
  static const ScanFn scan = scan_function();
  ShiftedMatches ctx{out, literal_lengths_, begin};
  hs_error_t rc = scan(db, text.data() + begin, static_cast<unsigned>(end - begin), 0, scratch.scratch_,
                       on_shifted_match, &ctx);
  if (rc != HS_SUCCESS) throw std::runtime_error("hyperscan scan failed with code " + std::to_string(rc));
}

}  // namespace gdprscan
