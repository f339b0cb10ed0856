// OpenDocument (.odt, .ods, .odp and their templates): content.xml and styles.xml (headers
// and footers live in the master pages), read with libxml2's SAX parser. Text documents:
// paragraphs, tables, notes, annotations. Spreadsheets: cells as shown, located as
// ["sheet Ark1", "cell C2"] (repeated rows and columns counted). Presentations: slide text
// and notes. Objects embedded as sub-documents ("Object 1/content.xml") are read the same
// way, under their folder's name. The flat variants (.fodt, .fods) are single XML files and
// go through the XML extractor.
#include <algorithm>
#include <cstdlib>
#include <map>
#include <string>
#include <vector>

#include "registry.h"
#include "sniff.h"
#include "xml_parts.h"

namespace gdprscan {

namespace {

std::string column_name(int index) {  // 0 -> A, 26 -> AA
  std::string name;
  for (++index; index > 0; index = (index - 1) / 26) name.insert(name.begin(), static_cast<char>('A' + (index - 1) % 26));
  return name;
}

// Everything in one pass: paragraphs and headings end a line; spreadsheet cells are
// separated by tabs and remember where they start; slides and notes become pieces.
struct OdfContent final : XmlHandler {
  struct Piece {
    std::vector<std::string> location;
    std::string text;
    std::vector<std::pair<uint64_t, std::string>> cells;  // offset, "C2" (spreadsheets)
    std::vector<uint64_t> restored;                       // cells given back a leading zero
  };
  std::vector<Piece> pieces{Piece{}};
  int in_text = 0;  // inside text:p / text:h / text:span ...
  int row = 0, column = 0, column_repeat = 1, row_repeat = 1;
  bool in_cell = false, cell_has_text = false, in_sheet = false, float_cell = false;
  size_t cell_start = 0;
  std::map<int, std::string> headers;  // column -> first-row text of the current sheet
  int slide = 0;

  Piece& current() { return pieces.back(); }
  void new_piece(std::vector<std::string> location) { pieces.push_back(Piece{std::move(location), {}, {}, {}}); }

  void start(std::string_view local, const xmlChar** a, int n) override {
    if (local == "master-styles") {  // a flat document's page headers and footers
      new_piece({"headers and footers"});
    } else if (local == "table" && !in_sheet && pieces.size() >= 1) {
      std::string name = attribute(a, n, "name");
      if (is_spreadsheet) {
        in_sheet = true;
        row = 0;
        headers.clear();
        new_piece({"sheet " + name});
      }
    } else if (local == "table-row" && in_sheet) {
      std::string r = attribute(a, n, "number-rows-repeated");
      row_repeat = r.empty() ? 1 : std::max(1, std::atoi(r.c_str()));
      column = 0;
    } else if ((local == "table-cell" || local == "covered-table-cell") && in_sheet) {
      std::string c = attribute(a, n, "number-columns-repeated");
      column_repeat = c.empty() ? 1 : std::max(1, std::atoi(c.c_str()));
      in_cell = true;
      cell_has_text = false;
      float_cell = attribute(a, n, "value-type") == "float";
    } else if (local == "page" && is_presentation) {
      new_piece({"slide " + std::to_string(++slide)});
    } else if (local == "notes" && is_presentation) {
      new_piece({"slide " + std::to_string(slide), "notes"});
    } else if (local == "p" || local == "h") {
      ++in_text;
      if (in_cell && !cell_has_text) {
        Piece& p = current();
        if (!p.text.empty() && p.text.back() != '\n') p.text += '\t';
        p.cells.push_back({p.text.size(), column_name(column) + std::to_string(row + 1)});
        cell_start = p.text.size();
        cell_has_text = true;
      } else if (in_cell) {
        current().text += ' ';
      }
    } else if (local == "tab") {
      current().text += '\t';
    } else if (local == "s") {
      current().text += ' ';
    } else if (local == "line-break") {
      current().text += '\n';
    }
  }
  void end(std::string_view local) override {
    if (local == "master-styles") {
      new_piece({});
    } else if (local == "p" || local == "h") {
      if (in_text > 0) --in_text;
      if (!in_cell && !current().text.empty() && current().text.back() != '\n') current().text += '\n';
    } else if ((local == "table-cell" || local == "covered-table-cell") && in_sheet) {
      if (cell_has_text) finish_cell();
      in_cell = false;
      column += column_repeat;
    } else if (local == "table-row" && in_sheet) {
      row += row_repeat;
      if (!current().text.empty() && current().text.back() != '\n') current().text += '\n';
    } else if (local == "table" && in_sheet) {
      in_sheet = false;
      new_piece({});
    } else if ((local == "page" || local == "notes") && is_presentation) {
      new_piece({});
    }
  }
  void text(std::string_view chars) override {
    if (in_text) current().text.append(chars);
  }
  // The same Excel-style artefact as in ooxml.cpp: a CPR number typed into a numeric cell
  // shows as nine digits; under a CPR header its leading zero is put back.
  void finish_cell() {
    Piece& p = current();
    std::string shown = p.text.substr(cell_start);
    if (row == 0) {
      headers[column] = shown;
      return;
    }
    bool nine_digits = shown.size() == 9 && std::all_of(shown.begin(), shown.end(), ::isdigit);
    if (float_cell && nine_digits && header_names_cpr(headers[column])) {
      p.text.insert(p.text.begin() + static_cast<std::ptrdiff_t>(cell_start), '0');
      p.restored.push_back(cell_start);
    }
  }
  bool is_spreadsheet = false, is_presentation = false;
};

std::string mimetype_of(std::string_view head) { return std::string(opendocument_mimetype(head)); }

void write_pieces(OdfContent& content, const LocationChain& where, ExtractContext& ctx) {
  for (auto& piece : content.pieces) {
    if (piece.text.find_first_not_of(" \t\n") == std::string::npos) continue;
    LocationChain located = where;
    located.insert(located.end(), piece.location.begin(), piece.location.end());
    if (!piece.cells.empty()) write_sheet(ctx, located, piece.text, std::move(piece.cells), std::move(piece.restored));
    else ctx.open_text(located)->write_whole(piece.text);
  }
}

// office:mimetype="application/vnd.oasis.opendocument.text" on the root of a flat file.
std::string mimetype_of_flat(std::string_view xml) {
  size_t at = xml.find("office:mimetype=\"");
  if (at == std::string_view::npos) return {};
  at += 17;
  size_t end = xml.find('"', at);
  return end == std::string_view::npos ? std::string() : std::string(xml.substr(at, end - at));
}

}  // namespace

void extract_odf(Item& item, ExtractContext& ctx) {
  std::string mimetype = mimetype_of(item.head);
  uint64_t budget_left = 400ull << 20;
  bool over = false;
  for_each_member(item, ctx, false, [&](const std::string& name, int64_t, ByteSource& data) {
    // content.xml and styles.xml, of the document or of an embedded sub-document.
    size_t slash = name.rfind('/');
    std::string base = slash == std::string::npos ? name : name.substr(slash + 1);
    if (name == "meta.xml") {
      std::string xml = read_part(data, budget_left, over);
      read_document_properties(ctx, item.location, xml, "initial-creator", "creator");
      return !over;
    }
    if (base != "content.xml" && base != "styles.xml") return true;
    std::string folder = slash == std::string::npos ? "" : name.substr(0, slash);
    std::string xml = read_part(data, budget_left, over);
    if (over) {
      ctx.problem(Problem{true, ProblemKind::limit_exceeded, item.location, "document parts larger than 400 MiB: the rest was not scanned"});
      return false;
    }
    OdfContent content;
    content.is_spreadsheet = mimetype.find("spreadsheet") != std::string::npos && base == "content.xml";
    content.is_presentation = mimetype.find("presentation") != std::string::npos && base == "content.xml";
    LocationChain where = item.location;
    if (!folder.empty()) where.push_back(folder);
    if (base == "styles.xml") where.push_back("headers and footers");
    if (!parse_part(xml, content))
      ctx.problem(Problem{true, ProblemKind::corrupt, where, "not well-formed XML; the text up to the damage was scanned (partial)"});
    write_pieces(content, where, ctx);
    return true;
  });
}

// A flat OpenDocument file (.fodt, .fods, .fodp): one XML document holding the properties,
// the master pages (headers and footers) and the body.
bool is_flat_opendocument(std::string_view head) {
  return head.find("<office:document") != std::string_view::npos &&
         head.find("application/vnd.oasis.opendocument.") != std::string_view::npos;
}

void extract_flat_odf(Item& item, ExtractContext& ctx) {
  std::string xml;
  if (!read_whole(item, ctx, xml) && xml.empty()) return;
  std::string mimetype = mimetype_of_flat(xml);
  // The properties are the <office:meta> element (parsed on its own, namespaces declared
  // again so that the fragment stands alone).
  if (size_t meta = xml.find("<office:meta"), close = xml.find("</office:meta>"); meta != std::string::npos &&
      close != std::string::npos && close > meta) {
    std::string fragment = xml.substr(meta, close + 14 - meta);
    read_document_properties(ctx, item.location, fragment, "initial-creator", "creator");
  }
  OdfContent content;
  content.is_spreadsheet = mimetype.find("spreadsheet") != std::string::npos;
  content.is_presentation = mimetype.find("presentation") != std::string::npos;
  if (!parse_part(xml, content))
    ctx.problem(Problem{true, ProblemKind::corrupt, item.location, "not well-formed XML; the text up to the damage was scanned (partial)"});
  write_pieces(content, item.location, ctx);
}

}  // namespace gdprscan
