// The words the generator's Danish municipal documents are made of: names, places,
// departments, and sentence templates for case notes and administrative prose, ported from
// the earlier Python generator (bench/gen_corpus.py, in git history). The templates carry no identifier and no special-category word
// (health, social case, union, ...): everything a detector reports is planted through
// identifiers.h, so the truth file stays complete.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "rng.h"

namespace gdprscan::corpus::words {

extern const std::vector<std::string_view> first_names, last_names, streets, departments, benefits, laws,
    institutions, committees, subjects, positions, months, weekdays, systems, suppliers, goods, agenda_items,
    decisions, case_sentences, admin_sentences, log_messages;

struct City {
  std::string_view postcode, name;
};
extern const std::vector<City> cities;

std::string full_name(Rng& rng);

// While one of these lives (on this thread), prose names nobody: full_name and the name slots
// say "borgeren". The writers wrap the prose around a snippet that must stand apart from any
// person identifier (Snippet::isolate) in it, because person.name anchors terms too.
class NamelessProse {
 public:
  NamelessProse();
  ~NamelessProse();
  NamelessProse(const NamelessProse&) = delete;
  NamelessProse& operator=(const NamelessProse&) = delete;

 private:
  bool was_;
};
std::string street_address(Rng& rng);  // "Vestergade 12, 2. tv., 8000 Aarhus C"
std::string date_dk(Rng& rng, int year);  // "14-03-2019" and the other Danish ways to write one
std::string amount_dkk(Rng& rng);           // "12.450,00 kr."

// A template with its {slots} filled ({navn}, {afd}, {ydelse}, ...), first letter capitalised.
std::string fill(std::string_view templ, Rng& rng);

}  // namespace gdprscan::corpus::words
