// What a generated document is before a format writer renders it: running text in
// paragraphs, or tables, each piece carrying the truth planted in it. The writers turn these
// into bytes and say where each truth item landed (the location chain our extractors print).
#pragma once

#include <string>
#include <vector>

#include "identifiers.h"

namespace gdprscan::corpus {

// A paragraph's text may hold '\n' (a snippet that splits a number across lines, an
// address block): writers render it as a line break, never as a new paragraph.
struct Paragraph {
  std::string text;
  std::vector<TruthItem> truth;
  bool heading = false;
  bool planted = false;  // a snippet: writers never re-wrap it (that could split a number)
};

struct Document {
  std::string title;
  std::vector<Paragraph> paragraphs;
  bool lines = false;  // a log or register: one line per paragraph, no blank line between
};

struct Cell {
  std::string text;
  std::vector<TruthItem> truth;
};

// rows[0] is the header row.
struct Table {
  std::string name;  // the sheet's name: "Ark1"
  std::vector<std::vector<Cell>> rows;
};

struct Workbook {
  std::string title;
  std::vector<Table> sheets;
};

// A truth item where a writer put it: the location chain as findings print it (empty when
// the format has none, or when the finding's location cannot be predicted).
struct PlacedTruth {
  TruthItem item;
  std::vector<std::string> location;
};

struct Rendered {
  std::string bytes;
  std::vector<PlacedTruth> truth;
};

// Truth at no particular location (plain text, a whole document).
inline void add_unplaced(std::vector<PlacedTruth>& out, const std::vector<TruthItem>& items,
                         const std::vector<std::string>& location = {}) {
  for (const auto& item : items) out.push_back({item, location});
}

// Every byte of text a document holds (for size targets and the encodings a format allows).
size_t text_bytes(const Document& doc);

}  // namespace gdprscan::corpus
