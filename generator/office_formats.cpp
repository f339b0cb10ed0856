// Office Open XML (docx, xlsx, pptx) and OpenDocument (odt, ods, odp, and flat .fodt): zips
// of a few XML parts, written through libarchive (a flat ODF file is the one XML document). Only the parts a reader needs are written; LibreOffice opens
// them and our extractors read them. Styles are left out: readers fall back to defaults.
#include <algorithm>
#include <cctype>
#include <cstdio>
#include <ctime>

#include "archive_writer.h"
#include "encoding.h"
#include "values.h"
#include "writers.h"

namespace gdprscan::corpus {

namespace {

constexpr const char* kXmlDecl = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

std::string column_name(size_t index) {  // 0 -> A, 26 -> AA
  std::string name;
  for (size_t n = index + 1; n > 0; n = (n - 1) / 26) name.insert(name.begin(), static_cast<char>('A' + (n - 1) % 26));
  return name;
}

std::string core_properties(const std::string& title, const DocMeta& meta) {
  std::string t = iso_time(meta.time);
  return std::string(kXmlDecl)
      .append("<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
              "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" "
              "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><dc:title>")
      .append(xml_escaped(title)).append("</dc:title><dc:creator>").append(xml_escaped(meta.author))
      .append("</dc:creator><dcterms:created xsi:type=\"dcterms:W3CDTF\">").append(t)
      .append("</dcterms:created><dcterms:modified xsi:type=\"dcterms:W3CDTF\">").append(t)
      .append("</dcterms:modified></cp:coreProperties>");
}

std::string package_rels(const char* main_type, const char* main_part) {
  return std::string(kXmlDecl)
      .append("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
              "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/")
      .append(main_type).append("\" Target=\"").append(main_part)
      .append("\"/><Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/"
              "metadata/core-properties\" Target=\"docProps/core.xml\"/></Relationships>");
}

// <Relationship Id="rId3" Type=".../relationships/slide" Target="slides/slide3.xml"/>, the
// link from a presentation or workbook to its n-th slide or sheet part.
std::string part_relationship(const std::string& n, const char* type, const char* target_prefix) {
  return std::string("<Relationship Id=\"rId").append(n)
      .append("\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/").append(type)
      .append("\" Target=\"").append(target_prefix).append(n).append(".xml\"/>");
}

std::string content_types(const std::string& overrides) {
  return std::string(kXmlDecl)
      .append("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
              "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
              "<Default Extension=\"xml\" ContentType=\"application/xml\"/>")
      .append(overrides)
      .append("<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
              "</Types>");
}

std::string override_part(const std::string& part, const char* type) {
  return std::string("<Override PartName=\"/").append(part).append("\" ContentType=\"application/vnd.openxmlformats-officedocument.")
      .append(type).append("\"/>");
}

// A Word or DrawingML paragraph's runs: text with <br/> for its line breaks.
template <class Run>
std::string runs(const std::string& text, Run&& run, const char* line_break) {
  std::string out;
  size_t at = 0;
  while (true) {
    size_t nl = text.find('\n', at);
    out.append(run(xml_escaped(text.substr(at, nl == std::string::npos ? std::string::npos : nl - at))));
    if (nl == std::string::npos) break;
    out.append(line_break);
    at = nl + 1;
  }
  return out;
}

std::string word_paragraph(const Paragraph& p) {
  const char* props = p.heading ? "<w:rPr><w:b/><w:sz w:val=\"28\"/></w:rPr>" : "";
  std::string out = "<w:p><w:r>";
  out.append(props).append(runs(p.text, [](const std::string& t) {
    return std::string("<w:t xml:space=\"preserve\">").append(t).append("</w:t>");
  }, "<w:br/>"));
  return out.append("</w:r></w:p>");
}

}  // namespace

std::string utc_time(int64_t time, const char* strftime_format) {
  std::time_t t = static_cast<std::time_t>(time);
  std::tm utc{};
  gmtime_r(&t, &utc);
  char buffer[96];
  size_t length = std::strftime(buffer, sizeof buffer, strftime_format, &utc);
  return std::string(buffer, length);
}

Rendered write_docx(const Document& doc, const DocMeta& meta) {
  Rendered r;
  std::string body = std::string(kXmlDecl).append(
      "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>");
  for (const auto& p : doc.paragraphs) {
    body.append(word_paragraph(p));
    add_unplaced(r.truth, p.truth);  // word/document.xml's text has no location of its own
  }
  body.append("<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/></w:sectPr></w:body></w:document>");
  ArchiveWriter zip(ArchiveWriter::Kind::zip, meta.time);
  zip.add("[Content_Types].xml",
          content_types(override_part("word/document.xml", "wordprocessingml.document.main+xml")));
  zip.add("_rels/.rels", package_rels("officeDocument", "word/document.xml"));
  zip.add("docProps/core.xml", core_properties(doc.title, meta));
  zip.add("word/document.xml", body);
  r.bytes = zip.finish();
  return r;
}

namespace {

constexpr size_t kParagraphsPerSlide = 4;

std::string slide_xml(const std::vector<const Paragraph*>& paragraphs) {
  std::string text;
  for (const Paragraph* p : paragraphs)
    text.append("<a:p>").append(runs(p->text, [](const std::string& t) {
      return std::string("<a:r><a:rPr lang=\"da-DK\"/><a:t>").append(t).append("</a:t></a:r>");
    }, "<a:br/>")).append("</a:p>");
  return std::string(kXmlDecl)
      .append("<p:sld xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" "
              "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" "
              "xmlns:p=\"http://schemas.openxmlformats.org/presentationml/2006/main\"><p:cSld><p:spTree>"
              "<p:nvGrpSpPr><p:cNvPr id=\"1\" name=\"\"/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr/>"
              "<p:sp><p:nvSpPr><p:cNvPr id=\"2\" name=\"Tekst\"/><p:cNvSpPr txBox=\"1\"/><p:nvPr/></p:nvSpPr>"
              "<p:spPr><a:xfrm><a:off x=\"457200\" y=\"457200\"/><a:ext cx=\"8229600\" cy=\"5943600\"/></a:xfrm>"
              "<a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></p:spPr><p:txBody><a:bodyPr wrap=\"square\"/><a:lstStyle/>")
      .append(text)
      .append("</p:txBody></p:sp></p:spTree></p:cSld></p:sld>");
}

}  // namespace

// Slides without a master: LibreOffice and our reader need none, PowerPoint would want one.
Rendered write_pptx(const Document& doc, const DocMeta& meta) {
  Rendered r;
  std::vector<std::vector<const Paragraph*>> slides;
  for (const auto& p : doc.paragraphs) {
    if (slides.empty() || slides.back().size() == kParagraphsPerSlide) slides.emplace_back();
    slides.back().push_back(&p);
    add_unplaced(r.truth, p.truth, {"slide " + std::to_string(slides.size())});
  }
  std::string overrides = override_part("ppt/presentation.xml", "presentationml.presentation.main+xml");
  std::string ids, rels;
  for (size_t i = 1; i <= slides.size(); ++i) {
    std::string n = std::to_string(i);
    overrides.append(override_part("ppt/slides/slide" + n + ".xml", "presentationml.slide+xml"));
    ids.append("<p:sldId id=\"").append(std::to_string(255 + i)).append("\" r:id=\"rId").append(n).append("\"/>");
    rels.append(part_relationship(n, "slide", "slides/slide"));
  }
  ArchiveWriter zip(ArchiveWriter::Kind::zip, meta.time);
  zip.add("[Content_Types].xml", content_types(overrides));
  zip.add("_rels/.rels", package_rels("officeDocument", "ppt/presentation.xml"));
  zip.add("docProps/core.xml", core_properties(doc.title, meta));
  zip.add("ppt/presentation.xml",
          std::string(kXmlDecl)
              .append("<p:presentation xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" "
                      "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" "
                      "xmlns:p=\"http://schemas.openxmlformats.org/presentationml/2006/main\"><p:sldIdLst>")
              .append(ids)
              .append("</p:sldIdLst><p:sldSz cx=\"9144000\" cy=\"6858000\"/><p:notesSz cx=\"6858000\" cy=\"9144000\"/>"
                      "</p:presentation>"));
  zip.add("ppt/_rels/presentation.xml.rels",
          std::string(kXmlDecl)
              .append("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">")
              .append(rels).append("</Relationships>"));
  for (size_t i = 0; i < slides.size(); ++i) zip.add("ppt/slides/slide" + std::to_string(i + 1) + ".xml", slide_xml(slides[i]));
  r.bytes = zip.finish();
  return r;
}

namespace {

// A CPR number typed into a General cell becomes a number and loses its leading zero, as
// in lists keyed into Excel or Calc by hand: every other CPR cell of a CPR column that
// starts with 0 is written that way ("101901236"); our readers put the zero back under a
// CPR header, as DETECTION.md asks, at 0.2 less confidence. Only mod-11-valid numbers: a
// post-2007 number failing mod-11 with its zero restored is too weak to report (by design).
bool typed_as_number(const Table& table, size_t row, size_t col) {
  const Cell& cell = table.rows[row][col];
  if (row == 0 || row % 2 || cell.text.size() != 10 || cell.text[0] != '0') return false;
  if (cell.text.find_first_not_of("0123456789") != std::string::npos || !values::cpr_mod11_ok(cell.text)) return false;
  if (cell.truth.size() != 1 || cell.truth[0].detector != "dk.cpr") return false;
  std::string header = table.rows[0][col].text;
  for (char& c : header) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return header.find("cpr") != std::string::npos || header.find("personnummer") != std::string::npos;
}

std::string sheet_xml(const Table& table, std::vector<PlacedTruth>& truth) {
  std::string out = std::string(kXmlDecl).append(
      "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
  for (size_t row = 0; row < table.rows.size(); ++row) {
    std::string number = std::to_string(row + 1);
    out.append("<row r=\"").append(number).append("\">");
    for (size_t col = 0; col < table.rows[row].size(); ++col) {
      const Cell& cell = table.rows[row][col];
      if (cell.text.empty()) continue;
      std::string ref = column_name(col) + number;
      if (typed_as_number(table, row, col))
        out.append("<c r=\"").append(ref).append("\"><v>").append(cell.text.substr(1)).append("</v></c>");
      else
        out.append("<c r=\"").append(ref).append("\" t=\"inlineStr\"><is><t xml:space=\"preserve\">")
            .append(xml_escaped(cell.text)).append("</t></is></c>");
      add_unplaced(truth, cell.truth, {"sheet " + table.name, "cell " + ref});
    }
    out.append("</row>");
  }
  return out.append("</sheetData></worksheet>");
}

}  // namespace

// Strings inline (t="inlineStr") rather than in a shared-strings part: valid, simpler, and
// what report generators that stream rows write.
Rendered write_xlsx(const Workbook& book, const DocMeta& meta) {
  Rendered r;
  std::string overrides = override_part("xl/workbook.xml", "spreadsheetml.sheet.main+xml");
  std::string sheets, rels;
  for (size_t i = 1; i <= book.sheets.size(); ++i) {
    std::string n = std::to_string(i);
    overrides.append(override_part("xl/worksheets/sheet" + n + ".xml", "spreadsheetml.worksheet+xml"));
    sheets.append("<sheet name=\"").append(xml_escaped(book.sheets[i - 1].name)).append("\" sheetId=\"").append(n)
        .append("\" r:id=\"rId").append(n).append("\"/>");
    rels.append(part_relationship(n, "worksheet", "worksheets/sheet"));
  }
  ArchiveWriter zip(ArchiveWriter::Kind::zip, meta.time);
  zip.add("[Content_Types].xml", content_types(overrides));
  zip.add("_rels/.rels", package_rels("officeDocument", "xl/workbook.xml"));
  zip.add("docProps/core.xml", core_properties(book.title, meta));
  zip.add("xl/workbook.xml", std::string(kXmlDecl)
                                 .append("<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
                                         "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>")
                                 .append(sheets).append("</sheets></workbook>"));
  zip.add("xl/_rels/workbook.xml.rels",
          std::string(kXmlDecl)
              .append("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">")
              .append(rels).append("</Relationships>"));
  for (size_t i = 0; i < book.sheets.size(); ++i)
    zip.add("xl/worksheets/sheet" + std::to_string(i + 1) + ".xml", sheet_xml(book.sheets[i], r.truth));
  r.bytes = zip.finish();
  return r;
}

// ---- OpenDocument ----------------------------------------------------------------------

namespace {

constexpr const char* kOdfNamespaces =
    "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
    "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" "
    "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" "
    "xmlns:meta=\"urn:oasis:names:tc:opendocument:xmlns:meta:1.0\" "
    "xmlns:draw=\"urn:oasis:names:tc:opendocument:xmlns:drawing:1.0\" "
    "xmlns:svg=\"urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0\" "
    "xmlns:presentation=\"urn:oasis:names:tc:opendocument:xmlns:presentation:1.0\" "
    "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
    "xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" office:version=\"1.3\"";

// ODF collapses runs of spaces and turns tabs and newlines into spaces unless marked up.
std::string odf_text(const std::string& text) {
  std::string escaped = xml_escaped(text), out;
  for (size_t i = 0; i < escaped.size(); ++i) {
    char c = escaped[i];
    if (c == '\n') out += "<text:line-break/>";
    else if (c == '\t') out += "<text:tab/>";
    else if (c == ' ' && i > 0 && escaped[i - 1] == ' ') out += "<text:s/>";
    else out += c;
  }
  return out;
}

std::string odf_meta(const std::string& title, const DocMeta& meta) {
  return std::string("<office:meta><dc:title>").append(xml_escaped(title)).append("</dc:title><meta:initial-creator>")
      .append(xml_escaped(meta.author)).append("</meta:initial-creator><meta:creation-date>")
      .append(iso_time(meta.time).substr(0, 19)).append("</meta:creation-date></office:meta>");
}

std::string odf_package(const char* mime, const std::string& body, const std::string& title, const DocMeta& meta) {
  ArchiveWriter zip(ArchiveWriter::Kind::zip_stored, meta.time);
  zip.add("mimetype", mime);  // first and stored: how readers recognise the package
  zip.add("META-INF/manifest.xml",
          std::string(kXmlDecl)
              .append("<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" "
                      "manifest:version=\"1.3\"><manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\"")
              .append(mime)
              .append("\"/><manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>"
                      "<manifest:file-entry manifest:full-path=\"meta.xml\" manifest:media-type=\"text/xml\"/>"
                      "</manifest:manifest>"));
  zip.add("meta.xml", std::string(kXmlDecl)
                          .append("<office:document-meta ").append(kOdfNamespaces).append(">").append(odf_meta(title, meta))
                          .append("</office:document-meta>"));
  zip.add("content.xml", std::string(kXmlDecl)
                             .append("<office:document-content ").append(kOdfNamespaces).append("><office:body>")
                             .append(body).append("</office:body></office:document-content>"));
  return zip.finish();
}

// <office:text> of a document's paragraphs; the text has no location of its own.
std::string odf_text_body(const Document& doc, std::vector<PlacedTruth>& truth) {
  std::string body = "<office:text>";
  for (const auto& p : doc.paragraphs) {
    if (p.heading) body.append("<text:h text:outline-level=\"2\">").append(odf_text(p.text)).append("</text:h>");
    else body.append("<text:p>").append(odf_text(p.text)).append("</text:p>");
    add_unplaced(truth, p.truth);
  }
  return body.append("</office:text>");
}

}  // namespace

Rendered write_odt(const Document& doc, const DocMeta& meta) {
  Rendered r;
  r.bytes = odf_package("application/vnd.oasis.opendocument.text", odf_text_body(doc, r.truth), doc.title, meta);
  return r;
}

// What LibreOffice saves as "Flat XML ODF Text Document": properties and body in one file.
Rendered write_fodt(const Document& doc, const DocMeta& meta) {
  Rendered r;
  r.bytes = std::string(kXmlDecl)
                .append("<office:document ").append(kOdfNamespaces)
                .append(" office:mimetype=\"application/vnd.oasis.opendocument.text\">")
                .append(odf_meta(doc.title, meta)).append("<office:body>").append(odf_text_body(doc, r.truth))
                .append("</office:body></office:document>\n");
  return r;
}

// Slides of a few paragraphs each, one text frame a slide, as in write_pptx: our reader
// locates a slide's text as "slide N".
Rendered write_odp(const Document& doc, const DocMeta& meta) {
  Rendered r;
  std::string body = "<office:presentation>";
  for (size_t first = 0, slide = 1; first < doc.paragraphs.size(); first += kParagraphsPerSlide, ++slide) {
    std::string n = std::to_string(slide);
    body.append("<draw:page draw:name=\"page").append(n).append("\"><draw:frame svg:x=\"2cm\" svg:y=\"2cm\" "
                "svg:width=\"24cm\" svg:height=\"15cm\"><draw:text-box>");
    for (size_t i = first; i < std::min(first + kParagraphsPerSlide, doc.paragraphs.size()); ++i) {
      body.append("<text:p>").append(odf_text(doc.paragraphs[i].text)).append("</text:p>");
      add_unplaced(r.truth, doc.paragraphs[i].truth, {"slide " + n});
    }
    body.append("</draw:text-box></draw:frame></draw:page>");
  }
  body.append("</office:presentation>");
  r.bytes = odf_package("application/vnd.oasis.opendocument.presentation", body, doc.title, meta);
  return r;
}

Rendered write_ods(const Workbook& book, const DocMeta& meta) {
  Rendered r;
  std::string body = "<office:spreadsheet>";
  for (const auto& table : book.sheets) {
    body.append("<table:table table:name=\"").append(xml_escaped(table.name)).append("\">");
    for (size_t row = 0; row < table.rows.size(); ++row) {
      body.append("<table:table-row>");
      for (size_t col = 0; col < table.rows[row].size(); ++col) {
        const Cell& cell = table.rows[row][col];
        if (cell.text.empty()) {
          body.append("<table:table-cell/>");
          continue;
        }
        if (typed_as_number(table, row, col))
          body.append("<table:table-cell office:value-type=\"float\" office:value=\"").append(cell.text.substr(1))
              .append("\"><text:p>").append(cell.text.substr(1)).append("</text:p></table:table-cell>");
        else
          body.append("<table:table-cell office:value-type=\"string\"><text:p>").append(odf_text(cell.text))
              .append("</text:p></table:table-cell>");
        add_unplaced(r.truth, cell.truth, {"sheet " + table.name, "cell " + column_name(col) + std::to_string(row + 1)});
      }
      body.append("</table:table-row>");
    }
    body.append("</table:table>");
  }
  body.append("</office:spreadsheet>");
  r.bytes = odf_package("application/vnd.oasis.opendocument.spreadsheet", body, book.title, meta);
  return r;
}

}  // namespace gdprscan::corpus
