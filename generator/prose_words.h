// The words the generator's Danish municipal documents are made of: names, places,
// departments, and sentence templates for case notes and administrative prose, ported from
// bench/gen_corpus.py. The templates carry no identifier and no special-category word
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
std::string street_address(Rng& rng);  // "Vestergade 12, 2. tv., 8000 Aarhus C"
std::string date_dk(Rng& rng, int year);  // "14-03-2019" and the other Danish ways to write one
std::string amount_dkk(Rng& rng);           // "12.450,00 kr."

// A template with its {slots} filled ({navn}, {afd}, {ydelse}, ...), first letter capitalised.
std::string fill(std::string_view templ, Rng& rng);

}  // namespace gdprscan::corpus::words
