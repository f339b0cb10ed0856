// The detector catalogue of docs/detectors.md, written from the rule packs themselves
// (`gdprscan rules list --format markdown`), so the documentation cannot drift from what
// runs: tests/e2e/test_docs.py fails when the checked-in copy differs.
#pragma once

#include <ostream>
#include <vector>

#include "rules.h"

namespace gdprscan {

// One table of all rules, then a section per rule: what it finds, how it validates, its
// context words and windows, and its examples with the confidence each is reported at (run
// through the real detector, spaced forms included).
void write_rules_markdown(std::ostream& out, const std::vector<Rule>& rules);

}  // namespace gdprscan
