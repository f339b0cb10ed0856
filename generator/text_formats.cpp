// Plain text, CSV and HTML: the formats a municipality's file share is mostly made of.
#include "encoding.h"
#include "writers.h"

namespace gdprscan::corpus {

namespace {

// Greedy wrap at `width` bytes on spaces; existing line breaks stay.
std::string wrapped(const std::string& text, size_t width) {
  std::string out;
  size_t line = 0;
  size_t at = 0;
  while (at < text.size()) {
    size_t end = text.find_first_of(" \n", at);
    if (end == std::string::npos) end = text.size();
    size_t word = end - at;
    if (line > 0 && line + 1 + word > width) {
      out += '\n';
      line = 0;
    } else if (line > 0) {
      out += ' ';
      ++line;
    }
    out.append(text, at, word);
    line += word;
    if (end < text.size() && text[end] == '\n') {
      out += '\n';
      line = 0;
    }
    at = end + 1;
  }
  return out;
}

std::string with_crlf(const std::string& text) {
  std::string out;
  out.reserve(text.size() + text.size() / 40);
  for (char c : text) {
    if (c == '\n') out += '\r';
    out += c;
  }
  return out;
}

void collect_truth(const Document& doc, std::vector<PlacedTruth>& out) {
  for (const auto& p : doc.paragraphs) add_unplaced(out, p.truth);
}

}  // namespace

Rendered write_txt(const Document& doc, const TextStyle& style) {
  Rendered r;
  std::string text;
  const char* separator = doc.lines ? "\n" : "\n\n";
  for (const auto& p : doc.paragraphs) {
    text.append(style.wrap && !p.planted && !doc.lines ? wrapped(p.text, 76) : p.text).append(separator);
  }
  if (style.crlf) text = with_crlf(text);
  bool legacy = style.encoding == TextStyle::Encoding::windows1252 && to_windows1252(text, r.bytes);
  if (!legacy) r.bytes = style.encoding == TextStyle::Encoding::utf8_bom ? std::string("\xEF\xBB\xBF").append(text) : std::move(text);
  collect_truth(doc, r.truth);
  return r;
}

namespace {

std::string csv_field(const std::string& value) {
  if (value.find_first_of(";\"\n\r") == std::string::npos) return value;
  std::string out = "\"";
  for (char c : value) {
    if (c == '"') out += '"';
    out += c;
  }
  return out += '"';
}

}  // namespace

// Semicolons and CRLF, as Danish Excel saves "CSV (semikolonsepareret)".
Rendered write_csv(const Table& table, bool bom) {
  Rendered r;
  if (bom) r.bytes = "\xEF\xBB\xBF";
  for (const auto& row : table.rows) {
    for (size_t i = 0; i < row.size(); ++i) {
      if (i) r.bytes += ';';
      r.bytes += csv_field(row[i].text);
      add_unplaced(r.truth, row[i].truth);
    }
    r.bytes += "\r\n";
  }
  return r;
}

Rendered write_html(const Document& doc) {
  Rendered r;
  std::string& out = r.bytes;
  out = "<!DOCTYPE html>\n<html lang=\"da\">\n<head>\n<meta charset=\"utf-8\">\n<title>";
  out.append(xml_escaped(doc.title)).append("</title>\n</head>\n<body>\n");
  for (const auto& p : doc.paragraphs) {
    std::string text = xml_escaped(p.text);
    for (size_t at = text.find('\n'); at != std::string::npos; at = text.find('\n', at + 5)) text.replace(at, 1, "<br>\n");
    const char* tag = p.heading ? "h2" : doc.lines ? "div" : "p";
    out.append("<").append(tag).append(">").append(text).append("</").append(tag).append(">\n");
  }
  out += "</body>\n</html>\n";
  collect_truth(doc, r.truth);
  return r;
}

}  // namespace gdprscan::corpus
