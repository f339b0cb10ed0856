// The validator families, one file each (validators_<family>.cpp). A new family: write its
// file, declare it here, add it to all_families() in validators.cpp and to CMakeLists.txt.
#pragma once

#include "validators.h"

#include <vector>

namespace gdprscan {

std::vector<Validator> danish_validators();   // validators_dk.cpp
std::vector<Validator> contact_validators();  // validators_contact.cpp
std::vector<Validator> document_validators();  // validators_documents.cpp
std::vector<Validator> nordic_validators();   // validators_nordic.cpp
std::vector<Validator> eu_validators();       // validators_eu.cpp
std::vector<Validator> financial_validators();  // validators_financial.cpp
std::vector<Validator> online_validators();  // validators_online.cpp
std::vector<Validator> name_validators();    // validators_names.cpp

}  // namespace gdprscan
