// The format writers: a Document, Workbook or mail turned into the bytes of one file, with
// each planted truth item placed where our extractors will report it. Formats we read with
// a library are written with one where the project has it (libarchive for the zips of the
// office formats and for archives, GMime for mail); the XML of the office formats and the
// PDF objects are written by hand, minimal but valid (LibreOffice and pdftotext open them).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "document.h"

namespace gdprscan::corpus {

struct TextStyle {
  enum class Encoding { utf8, utf8_bom, windows1252 };
  bool wrap = false;  // prose re-wrapped at 76 columns, as mail clients and old editors do
  bool crlf = false;
  Encoding encoding = Encoding::utf8;
};

// Who wrote a document and when (document properties, PDF Info, archive and mail times).
struct DocMeta {
  std::string author;
  int64_t time = 0;  // seconds since 1970, from the seed
};

Rendered write_txt(const Document& doc, const TextStyle& style);
Rendered write_csv(const Table& table, bool bom);
Rendered write_html(const Document& doc);
Rendered write_docx(const Document& doc, const DocMeta& meta);
Rendered write_odt(const Document& doc, const DocMeta& meta);
Rendered write_pptx(const Document& doc, const DocMeta& meta);
Rendered write_xlsx(const Workbook& book, const DocMeta& meta);
Rendered write_ods(const Workbook& book, const DocMeta& meta);
Rendered write_pdf(const Document& doc, const DocMeta& meta);
Rendered write_rtf(const Document& doc, const DocMeta& meta);
Rendered write_odp(const Document& doc, const DocMeta& meta);
Rendered write_fodt(const Document& doc, const DocMeta& meta);  // flat ODF: one XML file

// A time from DocMeta or a mail in UTC, formatted by strftime (the one place the writers
// turn seconds into calendar fields).
std::string utc_time(int64_t time, const char* strftime_format);

// "2019-03-14T09:30:00Z" (document properties).
inline std::string iso_time(int64_t time) { return utc_time(time, "%Y-%m-%dT%H:%M:%SZ"); }

}  // namespace gdprscan::corpus
