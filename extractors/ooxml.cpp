// Office Open XML: Word (.docx/.docm/.dotx), Excel (.xlsx/.xlsm) and PowerPoint (.pptx).
// The zip is listed with libarchive (for_each_member) and each part parsed with libxml2's
// SAX parser, which never loads DTDs or the network. Word: body, headers, footers,
// footnotes, endnotes and comments (text boxes are part of the body XML). Excel: every
// sheet's cells, shared and inline strings and numbers as a person sees them (a CPR typed
// into a numeric cell is the digits 1512800008, not 1.5128E9), each finding located as
// ["sheet Personale", "cell B7"]. PowerPoint: slide text and speaker notes. Embedded
// objects (word/embeddings/...) are children, scanned like files.
#include <libxml/parser.h>
#include <libxml/parserInternals.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "registry.h"
#include "sheet_text.h"
#include "xml_parts.h"

namespace gdprscan {

namespace {

constexpr uint64_t kMaxPartBytes = 400ull << 20;  // all parts of one document held at once
constexpr uint64_t kMaxSheetText = 64ull << 20;   // text of one sheet, held while it is parsed
// Word and PowerPoint text: runs of <w:t>/<a:t>, tabs and breaks; a paragraph is a line.
struct RunText final : XmlHandler {
  std::string out;
  int in_text = 0;
  void start(std::string_view local, const xmlChar**, int) override {
    if (local == "t" || local == "instrText" || local == "delText") ++in_text;
    else if (local == "tab") out += '\t';
    else if (local == "br" || local == "cr") out += '\n';
  }
  void end(std::string_view local) override {
    if ((local == "t" || local == "instrText" || local == "delText") && in_text > 0) --in_text;
    else if (local == "p" && !out.empty() && out.back() != '\n') out += '\n';
    else if (local == "tc") out += '\t';  // table cells: never glue two cells into one number
  }
  void text(std::string_view chars) override {
    if (in_text) out.append(chars);
  }
};

// xl/sharedStrings.xml: <si> items, each the concatenation of its <t> runs.
struct SharedStrings final : XmlHandler {
  std::vector<std::string> items;
  int in_text = 0;
  bool in_phonetic = false;
  void start(std::string_view local, const xmlChar**, int) override {
    if (local == "si") items.emplace_back();
    else if (local == "t" && !in_phonetic) ++in_text;
    else if (local == "rPh") in_phonetic = true;  // East Asian reading aids, not content
  }
  void end(std::string_view local) override {
    if (local == "t" && in_text > 0) --in_text;
    else if (local == "rPh") in_phonetic = false;
  }
  void text(std::string_view chars) override {
    if (in_text && !items.empty()) items.back().append(chars);
  }
};

// xl/workbook.xml: sheet names in order, with their relationship ids.
struct Workbook final : XmlHandler {
  std::vector<std::pair<std::string, std::string>> sheets;  // name, r:id
  void start(std::string_view local, const xmlChar** a, int n) override {
    if (local == "sheet") sheets.push_back({attribute(a, n, "name"), attribute(a, n, "id")});
  }
  void end(std::string_view) override {}
  void text(std::string_view) override {}
};

// *.rels: relationship id -> target part.
struct Relationships final : XmlHandler {
  std::map<std::string, std::string> targets;
  void start(std::string_view local, const xmlChar** a, int n) override {
    if (local == "Relationship") targets[attribute(a, n, "Id")] = attribute(a, n, "Target");
  }
  void end(std::string_view) override {}
  void text(std::string_view) override {}
};

// A stored number as Excel shows it in a General cell (sheet_text.h): "1.5128E9" is
// shown as "1512800008".
std::string displayed_number(const std::string& stored) {
  if (stored.find_first_of(".eE") == std::string::npos) return stored;
  char* end = nullptr;
  double v = std::strtod(stored.c_str(), &end);
  if (end == stored.c_str() || !std::isfinite(v) || v != std::floor(v) || std::fabs(v) >= 1e15) return stored;
  return gdprscan::displayed_number(v);
}

// A worksheet: cells in reading order into a SheetText.
struct Worksheet final : XmlHandler {
  const std::vector<std::string>& shared;
  SheetText sheet;
  std::string ref, type, value;
  bool in_value = false;
  int in_inline = 0;
  Worksheet(const std::vector<std::string>& s, uint64_t max_text) : shared(s), sheet(max_text) {}
  void start(std::string_view local, const xmlChar** a, int n) override {
    if (local == "c") {
      ref = attribute(a, n, "r");
      type = attribute(a, n, "t");
      value.clear();
    } else if (local == "v") {
      in_value = true;
    } else if (local == "is") {
      ++in_inline;
    }
  }
  void end(std::string_view local) override {
    if (local == "v") in_value = false;
    else if (local == "is" && in_inline > 0) --in_inline;
    else if (local == "c") emit_cell();
    else if (local == "row") sheet.end_row();
  }
  void text(std::string_view chars) override {
    if (in_value || in_inline) value.append(chars);
  }
  void emit_cell() {
    std::string shown;
    if (type == "s") {
      char* end = nullptr;
      unsigned long index = std::strtoul(value.c_str(), &end, 10);
      if (end != value.c_str() && index < shared.size()) shown = shared[index];
    } else if (type == "inlineStr" || type == "str") {
      shown = value;
    } else if (type.empty() || type == "n") {
      shown = displayed_number(value);
    }  // booleans ("b") and errors ("e") hold no personal data
    std::string column = ref.substr(0, ref.find_first_of("0123456789"));
    sheet.add_cell(column, ref.substr(column.size()), shown, type.empty() || type == "n");
  }
};

int trailing_number(const std::string& name) {  // "ppt/slides/slide12.xml" -> 12
  size_t dot = name.rfind('.');
  size_t i = dot;
  while (i > 0 && std::isdigit(static_cast<unsigned char>(name[i - 1]))) --i;
  return i < dot ? std::stoi(name.substr(i, dot - i)) : 0;
}

bool starts_with(const std::string& s, std::string_view prefix) { return s.compare(0, prefix.size(), prefix) == 0; }

// The location of a Word or PowerPoint part, or nothing for parts that hold no text.
std::optional<std::vector<std::string>> text_part_location(const std::string& name) {
  if (name == "word/document.xml") return std::vector<std::string>{};
  if (starts_with(name, "word/header")) return std::vector<std::string>{"header " + std::to_string(trailing_number(name))};
  if (starts_with(name, "word/footer")) return std::vector<std::string>{"footer " + std::to_string(trailing_number(name))};
  if (name == "word/footnotes.xml") return std::vector<std::string>{"footnotes"};
  if (name == "word/endnotes.xml") return std::vector<std::string>{"endnotes"};
  if (name == "word/comments.xml") return std::vector<std::string>{"comments"};
  if (starts_with(name, "ppt/slides/slide")) return std::vector<std::string>{"slide " + std::to_string(trailing_number(name))};
  // Notes are numbered like their slides when PowerPoint and LibreOffice write them.
  if (starts_with(name, "ppt/notesSlides/notesSlide"))
    return std::vector<std::string>{"slide " + std::to_string(trailing_number(name)), "notes"};
  return std::nullopt;
}

bool is_embedded(const std::string& name) {
  return starts_with(name, "word/embeddings/") || starts_with(name, "xl/embeddings/") ||
         starts_with(name, "ppt/embeddings/");
}

std::string resolve_target(const std::string& target) {  // relative to xl/
  if (starts_with(target, "/")) return target.substr(1);
  return "xl/" + target;
}

}  // namespace

void extract_ooxml(Item& item, ExtractContext& ctx) {
  uint64_t budget_left = kMaxPartBytes;
  bool over = false;
  std::map<std::string, std::string> excel_parts;  // read whole, used once all are there
  auto not_well_formed = [&](const LocationChain& location) {
    ctx.problem(Problem{true, ProblemKind::corrupt, location, "not well-formed XML; the text up to the damage was scanned (partial)"});
  };
  for_each_member(item, ctx, false, [&](const std::string& name, int64_t size, ByteSource& data) {
    if (is_embedded(name)) return ctx.child(name, data, size);
    if (name == "docProps/core.xml") {
      std::string xml = read_part(data, budget_left, over);
      read_document_properties(ctx, item.location, xml, "creator", "lastModifiedBy");
      return !over;
    }
    bool excel = name == "xl/sharedStrings.xml" || name == "xl/workbook.xml" || name == "xl/_rels/workbook.xml.rels" ||
                 (starts_with(name, "xl/worksheets/") && name.find("/_rels/") == std::string::npos);
    auto location = text_part_location(name);
    if (!excel && !location) return true;  // styles, themes, settings, media: no text to read
    std::string xml = read_part(data, budget_left, over);
    if (over) {
      ctx.problem(Problem{true, ProblemKind::limit_exceeded, item.location,
                          "document parts larger than 400 MiB: the rest was not scanned"});
      return false;
    }
    if (excel) {
      excel_parts[name] = std::move(xml);
      return true;
    }
    LocationChain where = item.location;
    where.insert(where.end(), location->begin(), location->end());
    RunText text;
    if (!parse_part(xml, text)) not_well_formed(where);
    if (!text.out.empty()) ctx.open_text(where)->write_whole(text.out);
    return true;
  });

  // Excel: shared strings first, then each sheet in workbook order.
  SharedStrings shared;
  if (auto it = excel_parts.find("xl/sharedStrings.xml"); it != excel_parts.end()) parse_part(it->second, shared);
  Workbook workbook;
  Relationships rels;
  if (auto it = excel_parts.find("xl/workbook.xml"); it != excel_parts.end()) parse_part(it->second, workbook);
  if (auto it = excel_parts.find("xl/_rels/workbook.xml.rels"); it != excel_parts.end()) parse_part(it->second, rels);
  uint64_t text_left = kMaxPartBytes;  // text all sheets together may produce
  std::vector<std::pair<std::string, std::string>> sheets;  // display name, part
  for (const auto& [sheet_name, rid] : workbook.sheets)
    if (auto t = rels.targets.find(rid); t != rels.targets.end()) sheets.push_back({sheet_name, resolve_target(t->second)});
  for (const auto& [part, xml] : excel_parts)  // sheets the workbook does not list: by part name
    if (starts_with(part, "xl/worksheets/") &&
        std::none_of(sheets.begin(), sheets.end(), [&](const auto& s) { return s.second == part; }))
      sheets.push_back({part.substr(part.rfind('/') + 1), part});
  for (const auto& [sheet_name, part] : sheets) {
    auto it = excel_parts.find(part);
    if (it == excel_parts.end()) continue;
    LocationChain where = item.location;
    where.push_back("sheet " + sheet_name);
    if (std::string why = ctx.time_check(); !why.empty()) {
      ctx.problem(Problem{true, ProblemKind::limit_exceeded, where, why});
      break;
    }
    Worksheet reader(shared.items, std::min<uint64_t>(kMaxSheetText, text_left));
    if (!parse_part(it->second, reader)) not_well_formed(where);
    text_left -= std::min<uint64_t>(text_left, reader.sheet.size());
    if (reader.sheet.truncated()) sheet_too_long(ctx, where);
    reader.sheet.write(ctx, where);
  }
}

}  // namespace gdprscan
