// The table of what can be planted: each detector of the default catalogue with its
// planting function, its table cell (when found without a keyword) and its column header.
#include "identifiers.h"

#include <stdexcept>

#include "planters.h"

namespace gdprscan::corpus {

namespace {

struct Plantable {
  std::string_view detector;
  Snippet (*text)(Rng&);
  Snippet (*cell)(Rng&);  // nullptr: needs a keyword beside the value, not offered in tables
  std::string_view header;
};

const std::vector<Plantable>& plantables() {
  static const std::vector<Plantable> table = {
      {"dk.cpr", plant_dk_cpr, cell_dk_cpr, "CPR-nr."},
      {"dk.cpr_replacement", plant_dk_cpr_replacement, nullptr, "Erstatningspersonnummer"},
      {"payment_card", plant_payment_card, cell_payment_card, "Kortnummer"},
      {"email", plant_email, cell_email, "E-mail"},
  };
  return table;
}

const Plantable& find_plantable(std::string_view detector) {
  for (const Plantable& p : plantables())
    if (p.detector == detector) return p;
  throw std::invalid_argument(std::string("not a plantable detector: ").append(detector));
}

}  // namespace

std::string sentence(Rng& rng, const std::vector<std::string_view>& patterns, Slots slots) {
  std::string text = vocab::fill(rng.pick(patterns), slots);
  if (rng.chance(0.3)) return vocab::filler(rng).append(" ").append(text);
  return text;
}

const std::vector<std::string>& plantable_detectors() {
  static const std::vector<std::string> ids = [] {
    std::vector<std::string> out;
    for (const Plantable& p : plantables()) out.emplace_back(p.detector);
    return out;
  }();
  return ids;
}

Snippet plant_positive(std::string_view detector, Rng& rng) { return find_plantable(detector).text(rng); }

bool keyword_free_in_tables(std::string_view detector) {
  for (const Plantable& p : plantables())
    if (p.detector == detector) return p.cell != nullptr;
  return false;
}

std::string table_header(std::string_view detector) { return std::string(find_plantable(detector).header); }

Snippet plant_cell(std::string_view detector, Rng& rng) {
  const Plantable& p = find_plantable(detector);
  if (!p.cell) throw std::invalid_argument(std::string("needs a keyword, not offered in tables: ").append(detector));
  return p.cell(rng);
}

}  // namespace gdprscan::corpus
