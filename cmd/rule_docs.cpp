#include "rule_docs.h"

#include <cstdio>
#include <string>

#include "detector.h"
#include "scan_file.h"

namespace gdprscan {

namespace {

std::string joined(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) out.append(out.empty() ? "" : ", ").append(w);
  return out.empty() ? "—" : out;
}

// Inline code that may itself hold backticks or pipes (patterns do).
std::string code(const std::string& s) {
  std::string escaped;
  for (char c : s) escaped += c == '|' ? std::string("\\|") : std::string(1, c);
  return s.find('`') == std::string::npos ? "`" + escaped + "`" : "`` " + escaped + " ``";
}

std::string one_line(std::string s) {
  for (char& c : s)
    if (c == '\n' || c == '\t') c = ' ';
  return s;
}

std::string confidence_of(const std::string& text, const std::string& id, const Detector& detector,
                          MatchScratch& scratch) {
  ReportPolicy policy;
  policy.min_confidence = 0;
  double best = -1;
  for (const Finding& f : scan_text(text, detector, policy, scratch))
    if (f.detector == id && f.confidence > best) best = f.confidence;
  if (best < 0) return "not reported (no valid candidate)";
  char buf[48];
  // The default --min-confidence is 0.5: below it a finding is scored but not reported.
  std::snprintf(buf, sizeof buf, best >= 0.5 ? "reported, %.2f" : "not reported (%.2f)", best);
  return buf;
}

void write_rule(std::ostream& out, const Rule& r, const Detector& detector, MatchScratch& scratch) {
  const ContextModel& m = r.context;
  out << "### `" << r.id << "` — " << r.name << "\n\n" << one_line(r.description) << "\n\n";
  out << "| | |\n|---|---|\n";
  out << "| category, severity | " << r.category << ", " << r.severity << " |\n";
  if (!r.tags.empty()) out << "| tags | " << joined(r.tags) << " |\n";
  if (!r.gdpr.empty()) out << "| GDPR | " << r.gdpr << " |\n";
  if (r.report_on_request)
    out << "| reported | on request only (`scan --enable " << r.id << "`, its tag or category); otherwise it runs "
        << "silently: it anchors special-category terms and is masked in other findings' context |\n";
  out << "| validator | `" << r.validator << "` |\n";
  if (r.pattern_as_written.empty()) out << "| candidate pattern | " << code(r.pattern) << " |\n";
  else out << "| candidate pattern (`{list}`: its words as literals) | " << code(r.pattern_as_written) << " |\n";
  for (const auto& [name, words] : r.word_lists.lists)
    out << "| word list `" << name << "` | " << words.size() << " words |\n";
  if (!r.spaced_pattern.empty()) out << "| spaced forms (`scan --spaced-ids`) | " << code(r.spaced_pattern) << " |\n";
  out << "| keywords (+" << m.keyword_boost << "; " << m.keyword_before << " bytes before, " << m.keyword_after
      << " after) | " << joined(m.keywords) << " |\n";
  out << "| negative words (−" << m.negative_penalty << "; " << m.negative_before << " bytes before, "
      << m.negative_after << " after) | " << joined(m.negative) << " |\n";
  out << "| source | `rules/" << r.source.substr(r.source.find_last_of('/') + 1) << "` |\n\n";
  out << "| example | must be | result (confidence) |\n|---|---|---|\n";
  for (const auto& ex : r.examples)
    out << "| " << code(one_line(ex)) << " | reported | " << confidence_of(ex, r.id, detector, scratch) << " |\n";
  for (const auto& ex : r.negative_examples)
    out << "| " << code(one_line(ex)) << " | not reported | " << confidence_of(ex, r.id, detector, scratch) << " |\n";
  out << "\n";
}

}  // namespace

void write_rules_markdown(std::ostream& out, const std::vector<Rule>& rules) {
  std::vector<Rule> all = rules;
  use_spaced_forms(all);
  for (Rule& r : all) r.reported = true;  // the examples of on-request rules are shown too
  Detector detector(all);
  MatchScratch scratch;
  out << "| id | name | category | severity | validator |\n|---|---|---|---|---|\n";
  for (const Rule& r : rules)
    out << "| `" << r.id << "` | " << r.name << " | " << r.category << " | " << r.severity << " | `" << r.validator
        << "` |\n";
  out << "\n";
  for (const Rule& r : rules) write_rule(out, r, detector, scratch);
}

}  // namespace gdprscan
