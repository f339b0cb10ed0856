// Reading the XML parts of Office packages (OOXML, OpenDocument) with libxml2's SAX parser:
// a small handler interface and the helpers both extractors share.
#pragma once

#include <libxml/parser.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "extract.h"

namespace gdprscan {

struct XmlHandler {
  virtual ~XmlHandler() = default;
  virtual void start(std::string_view local, const xmlChar** attributes, int count) = 0;
  virtual void end(std::string_view local) = 0;
  virtual void text(std::string_view chars) = 0;
};

// The value of attribute `local` (any namespace) among SAX2's five-pointer attributes.
std::string attribute(const xmlChar** attributes, int count, std::string_view local);

// Parses a whole part; false when it is not well-formed (the text up to there was
// delivered). No network, no DTD loading, no entity substitution; diagnostics silenced.
bool parse_part(std::string_view xml, XmlHandler& handler);

// Reads a member whole, within `budget_left` bytes (`over` set when it does not fit).
std::string read_part(ByteSource& source, uint64_t& budget_left, bool& over);

void silence_libxml2();  // markup.cpp

// Where each cell of a sheet starts in the sheet's text: (offset, "B7"), in order.
using CellOffsets = std::vector<std::pair<uint64_t, std::string>>;

// Writes a sheet's text as one piece whose findings are located by cell:
// `sheet` + ["cell B7"].
// `restored`: offsets of cells where a leading zero was put back (see ooxml.cpp); a finding
// there gets the signal excel_leading_zero_restored and 0.2 less confidence.
void write_sheet(ExtractContext& ctx, const LocationChain& sheet, const std::string& text, CellOffsets cells,
                 std::vector<uint64_t> restored = {});

// Excel drops the leading zero of a CPR number typed into a numeric cell (0101901234 is
// stored as 101901234). True when `header` (the column's first-row text) names CPR numbers.
bool header_names_cpr(const std::string& header);

// Reads a document-properties part and hands its author and last editor to `ctx`: the text
// of the elements named `author` and `editor` (local names). OOXML docProps/core.xml uses
// "creator" and "lastModifiedBy"; OpenDocument meta.xml "initial-creator" and "creator".
// The text of every property (title, subject, keywords, description) is scanned as
// `where` + ["properties"].
void read_document_properties(ExtractContext& ctx, const LocationChain& where, std::string_view xml,
                              std::string_view author, std::string_view editor);

}  // namespace gdprscan
