// Text encodings the writers need beside UTF-8: Windows-1252 for legacy text files and for
// PDF's WinAnsiEncoding, and XML/HTML escaping.
#pragma once

#include <string>
#include <string_view>

namespace gdprscan::corpus {

// False (and `out` unspecified) when a character has no Windows-1252 byte.
bool to_windows1252(std::string_view utf8, std::string& out);

std::string xml_escaped(std::string_view text);

// RTF text under \ansicpg1252: \\, \{ and \} escaped, Windows-1252 letters as \'xx (æ is
// \'e6), anything else as \uN? (one fallback byte, \uc1), line breaks as \line, tabs as \tab.
std::string rtf_escaped(std::string_view utf8);

}  // namespace gdprscan::corpus
