// Inside the generator: one planting function per detector, grouped by family in
// plant_*.cpp, and the small helpers they share. identifiers.cpp puts them in one table.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "identifiers.h"
#include "rng.h"
#include "vocabulary.h"

namespace gdprscan::corpus {

using Slots = std::vector<std::pair<std::string_view, std::string>>;

inline TruthItem positive(std::string_view detector, std::string value, std::string note = {}) {
  return {std::string(detector), std::move(value), TruthKind::positive, std::move(note)};
}
inline TruthItem decoy(std::string_view detector, std::string value, std::string note) {
  return {std::string(detector), std::move(value), TruthKind::decoy, std::move(note)};
}
inline TruthItem ambiguous(std::string_view detector, std::string value, std::string note) {
  return {std::string(detector), std::move(value), TruthKind::ambiguous, std::move(note)};
}

// A template picked from `patterns`, its slots filled, sometimes after a neutral sentence
// so snippets do not all start the same way.
std::string sentence(Rng& rng, const std::vector<std::string_view>& patterns, Slots slots);

// One per detector (plant_danish.cpp, plant_financial.cpp, plant_contact.cpp, ...): running
// text, and for detectors found without a keyword, a bare table cell.
Snippet plant_dk_cpr(Rng& rng);
Snippet cell_dk_cpr(Rng& rng);
Snippet plant_dk_cpr_replacement(Rng& rng);
Snippet plant_payment_card(Rng& rng);
Snippet cell_payment_card(Rng& rng);
Snippet plant_email(Rng& rng);
Snippet cell_email(Rng& rng);

}  // namespace gdprscan::corpus
