// Danish words the planted snippets are written with: names, streets, towns, e-mail
// domains and neutral case-work sentences (after the earlier Python generator's vocabulary).
// The filler sentences hold no identifier and no special-category term, so a snippet's
// truth is exactly what the planting code put in it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "rng.h"

namespace gdprscan::corpus::vocab {

const std::vector<std::string_view>& first_names();
const std::vector<std::string_view>& last_names();
const std::vector<std::string_view>& streets();
const std::vector<std::string_view>& towns();            // "8000 Aarhus C"
const std::vector<std::string_view>& relations();        // "datter", "værge", ...
const std::vector<std::string_view>& departments();      // "Borgerservice", ...
const std::vector<std::string_view>& filler_sentences();  // neutral, no identifiers or terms
const std::vector<std::string_view>& email_domains();
const std::vector<std::string_view>& months();  // "januar", ...

std::string full_name(Rng& rng);                  // "Mette Sørensen"
std::string address(Rng& rng);                    // "Egevej 12, 2. tv., 8000 Aarhus C"
std::string filler(Rng& rng);                     // one neutral sentence
std::string fillers(Rng& rng, size_t min_bytes);  // neutral sentences, at least min_bytes
std::string fillers(Rng& rng, size_t min_bytes, size_t max_bytes);  // and at most max_bytes
std::string email_local_part(std::string_view name, Rng& rng);  // "mette.sorensen", "ms1982"

// Replaces every "{name}" in `pattern` with the matching value; unknown slots stay.
std::string fill(std::string_view pattern, const std::vector<std::pair<std::string_view, std::string>>& slots);

}  // namespace gdprscan::corpus::vocab
