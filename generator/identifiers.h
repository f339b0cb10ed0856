// What the corpus generator plants: personal data for every detector of the default
// catalogue, and decoys that a correct scanner must not report, each as a text snippet with
// the truth it carries. The document writers (generator/documents*.cpp, the format writers)
// decide where snippets go; this file decides what they say.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "rng.h"

namespace gdprscan::corpus {

enum class TruthKind { positive, decoy, ambiguous };

// One line of truth.jsonl (file and location are added by the writer that places it).
struct TruthItem {
  std::string detector;  // a rule id of the default catalogue: "dk.cpr", "email", "art9.health"
  std::string value;     // normalised exactly as a finding's value with --reveal
  TruthKind kind = TruthKind::positive;
  std::string note;      // how it was written: "DDMMYY-SSSS", "post-2007, fails mod-11", ...
};

// A piece of running text and what it plants. `text` is self-contained: any keyword a
// detector needs is inside it, within the rule's context window. It may span lines (a
// passport's two MRZ lines, a number split across lines on purpose); table cells do not.
// Each planted value has one reading: values another detector would also rightly report
// (a Swedish number that is also a Finnish HETU, a card that is also a French NIR) are
// drawn again rather than planted with two truths.
struct Snippet {
  std::string text;
  std::vector<TruthItem> truth;
  // The snippet must stand at least kIsolationBytes from any other planted identifier
  // (a special-category term without a person identifier near it, which must not be
  // reported in the default window scope).
  bool isolate = false;
};

inline constexpr size_t kIsolationBytes = 400;

// Every detector id plant_positive accepts, in a stable order.
const std::vector<std::string>& plantable_detectors();

// Running text that must be found as `detector` (the value written in one of its realistic
// forms, with a keyword when the rule needs one).
Snippet plant_positive(std::string_view detector, Rng& rng);

// Running text with a decoy that must not be reported (invalid or future dates, digits in
// longer runs, invoice and P-numbers after their labels, numbers split across lines, terms
// far from any person, ...). Its truth items have kind decoy (or ambiguous where a fair
// scanner may go either way).
Snippet plant_decoy(Rng& rng);

// For tables (xlsx, ods, csv): a column header and a bare cell value for `detector`, where
// the header is the keyword. Only detectors that do not need a keyword next to the value
// (keyword_free_in_tables) are offered in tables: a header a row or more above a value is
// outside most rules' windows, so a cell must be found on its own. A CPR cell may be
// written as a number (a spreadsheet then drops its leading zero; the xlsx reader restores
// it under a CPR header).
bool keyword_free_in_tables(std::string_view detector);
std::string table_header(std::string_view detector);
Snippet plant_cell(std::string_view detector, Rng& rng);  // text = the bare cell value

}  // namespace gdprscan::corpus
