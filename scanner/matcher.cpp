#include "matcher.h"

#include <hs/hs.h>

#include <chrono>
#include <stdexcept>
#include <string>

#include "rules.h"

namespace gdprscan {

MatchScratch::~MatchScratch() {
  if (scratch_) hs_free_scratch(scratch_);
}

Matcher::Matcher(const std::vector<Rule>& rules) {
  if (rules.empty()) throw std::runtime_error("no detector rules are enabled");
  auto t0 = std::chrono::steady_clock::now();
  std::vector<const char*> patterns;
  std::vector<unsigned> flags, ids;
  for (size_t i = 0; i < rules.size(); ++i) {
    patterns.push_back(rules[i].pattern.c_str());
    // No HS_FLAG_SOM_LEFTMOST: validators find the start themselves.
    flags.push_back(0);
    ids.push_back(static_cast<unsigned>(i));
  }
  hs_compile_error_t* err = nullptr;
  hs_error_t rc = hs_compile_multi(patterns.data(), flags.data(), ids.data(), static_cast<unsigned>(patterns.size()),
                                   HS_MODE_BLOCK, nullptr, &db_, &err);
  if (rc != HS_SUCCESS) {
    std::string what = err && err->message ? err->message : "unknown error";
    std::string rule = err && err->expression >= 0 ? rules[err->expression].id : "?";
    hs_free_compile_error(err);
    throw std::runtime_error("rule " + rule + ": pattern rejected by Hyperscan: " + what);
  }
  compile_ms_ = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

Matcher::~Matcher() {
  if (db_) hs_free_database(db_);
}

void Matcher::prepare(MatchScratch& scratch) const {
  if (hs_alloc_scratch(db_, &scratch.scratch_) != HS_SUCCESS) throw std::bad_alloc();
}

namespace {
int on_match(unsigned id, unsigned long long /*from*/, unsigned long long to, unsigned /*flags*/, void* ctx) {
  static_cast<std::vector<Candidate>*>(ctx)->push_back({id, static_cast<size_t>(to)});
  return 0;
}
}  // namespace

void Matcher::scan(std::string_view text, MatchScratch& scratch, std::vector<Candidate>& out) const {
  if (text.empty()) return;
  if (!scratch.scratch_) prepare(scratch);
  // Hyperscan takes unsigned int lengths; callers hand it chunks far below 4 GiB.
  hs_error_t rc = hs_scan(db_, text.data(), static_cast<unsigned>(text.size()), 0, scratch.scratch_, on_match, &out);
  if (rc != HS_SUCCESS) throw std::runtime_error("hyperscan scan failed with code " + std::to_string(rc));
}

}  // namespace gdprscan
