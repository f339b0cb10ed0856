// A small PDF writer: A4 pages of Helvetica text with WinAnsiEncoding (æøå are single
// bytes there), content streams deflated with zlib, a correct cross-reference table.
// Hand-written because the project has no PDF-writing library (Poppler only reads and
// libcairo2-dev is not installed), and the subset needed for text pages is small; it is
// checked by our reader and by pdftotext (tests/e2e/test_generator.py).
#include <zlib.h>

#include <cstdio>
#include <ctime>
#include <stdexcept>
#include <string_view>

#include "encoding.h"
#include "writers.h"

namespace gdprscan::corpus {

namespace {

constexpr double kPageWidth = 595, kPageHeight = 842, kMargin = 56;
constexpr double kFontSize = 10, kLeading = 13, kHeadingSize = 13;
constexpr size_t kWrapColumns = 92;  // Helvetica 10 pt: about 5 pt a character on 483 pt
constexpr int kLinesPerPage = static_cast<int>((kPageHeight - 2 * kMargin) / kLeading);

struct Line {
  std::string bytes;  // Windows-1252
  double size = kFontSize;
  bool bold = false;
};

std::vector<std::string> wrap_words(const std::string& text, size_t width) {
  std::vector<std::string> lines;
  std::string line;
  size_t at = 0;
  while (at <= text.size()) {
    size_t end = text.find(' ', at);
    if (end == std::string::npos) end = text.size();
    std::string word = text.substr(at, end - at);
    if (!line.empty() && line.size() + 1 + word.size() > width) {
      lines.push_back(line);
      line.clear();
    }
    line.append(line.empty() ? "" : " ").append(word);
    at = end + 1;
  }
  if (!line.empty()) lines.push_back(line);
  return lines;
}

// Where the sentence that starts at `at` ends: at ". " before a capital letter, so that
// "Kundenr. 1002281682" and "CPR-nr. 010190-1236" stay whole.
size_t sentence_end(const std::string& text, size_t at) {
  for (size_t dot = text.find(". ", at); dot != std::string::npos; dot = text.find(". ", dot + 1)) {
    std::string_view next = std::string_view(text).substr(dot + 2);
    bool capital = !next.empty() && ((next[0] >= 'A' && next[0] <= 'Z') || next.substr(0, 2) == "Æ" ||
                                     next.substr(0, 2) == "Ø" || next.substr(0, 2) == "Å");
    if (capital) return dot + 1;
  }
  return text.size();
}

// A planted snippet is wrapped only between sentences: a break inside one could split its
// number, or part it from its keyword. Sentences are packed into lines of kWrapColumns; a
// longer one keeps a line of its own and a smaller font (layout()).
std::vector<std::string> wrap_sentences(const std::string& text, size_t width) {
  std::vector<std::string> lines;
  std::string line;
  size_t at = 0;
  while (at < text.size()) {
    size_t end = sentence_end(text, at);
    std::string sentence = text.substr(at, end - at);
    if (!line.empty() && line.size() + 1 + sentence.size() > width) {
      lines.push_back(line);
      line.clear();
    }
    line.append(line.empty() ? "" : " ").append(sentence);
    at = end < text.size() ? end + 1 : end;
  }
  if (!line.empty() || lines.empty()) lines.push_back(line);
  return lines;
}

// The lines a paragraph takes. Empty when the text has a character Windows-1252 lacks.
std::vector<Line> layout(const Paragraph& p) {
  std::vector<Line> out;
  size_t start = 0;
  while (start <= p.text.size()) {
    size_t nl = p.text.find('\n', start);
    std::string source = p.text.substr(start, nl == std::string::npos ? std::string::npos : nl - start);
    std::vector<std::string> pieces = p.heading   ? std::vector<std::string>{source}
                                      : p.planted ? wrap_sentences(source, kWrapColumns)
                                                  : wrap_words(source, kWrapColumns);
    for (const auto& piece : pieces) {
      Line line;
      if (!to_windows1252(piece, line.bytes)) return {};
      line.bold = p.heading;
      line.size = p.heading ? kHeadingSize : kFontSize;
      if (line.bytes.size() > kWrapColumns) line.size = std::max(4.0, kFontSize * double(kWrapColumns) / double(line.bytes.size()));
      out.push_back(std::move(line));
    }
    if (nl == std::string::npos) break;
    start = nl + 1;
  }
  return out;
}

std::string pdf_string(const std::string& bytes) {
  std::string out = "(";
  for (char c : bytes) {
    if (c == '(' || c == ')' || c == '\\') out += '\\';
    out += c;
  }
  return out += ')';
}

std::string deflated(const std::string& data) {
  uLongf size = compressBound(static_cast<uLong>(data.size()));
  std::string out(size, '\0');
  if (compress2(reinterpret_cast<Bytef*>(out.data()), &size, reinterpret_cast<const Bytef*>(data.data()),
                static_cast<uLong>(data.size()), 1) != Z_OK)  // fast, like the zips (archive_writer.cpp)
    throw std::runtime_error("zlib: cannot deflate a PDF page");
  out.resize(size);
  return out;
}

std::string number(double v) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.2f", v);
  return buffer;
}

class PdfFile {
 public:
  // Objects are numbered in the order they are added, from 1.
  int add(const std::string& body) {
    offsets_.push_back(out_.size());
    int id = static_cast<int>(offsets_.size());
    out_.append(std::to_string(id)).append(" 0 obj\n").append(body).append("\nendobj\n");
    return id;
  }
  int reserve() {
    offsets_.push_back(0);
    return static_cast<int>(offsets_.size());
  }
  void fill(int id, const std::string& body) {
    offsets_[static_cast<size_t>(id - 1)] = out_.size();
    out_.append(std::to_string(id)).append(" 0 obj\n").append(body).append("\nendobj\n");
  }
  std::string finish(int root, int info) {
    size_t xref = out_.size();
    out_.append("xref\n0 ").append(std::to_string(offsets_.size() + 1)).append("\n0000000000 65535 f \n");
    for (size_t offset : offsets_) {
      char entry[24];
      std::snprintf(entry, sizeof entry, "%010zu 00000 n \n", offset);
      out_.append(entry);
    }
    out_.append("trailer\n<< /Size ").append(std::to_string(offsets_.size() + 1)).append(" /Root ")
        .append(std::to_string(root)).append(" 0 R /Info ").append(std::to_string(info))
        .append(" 0 R >>\nstartxref\n").append(std::to_string(xref)).append("\n%%EOF\n");
    return std::move(out_);
  }

 private:
  std::string out_ = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n";  // the binary comment marks the file as binary
  std::vector<size_t> offsets_;
};

std::string pdf_date(int64_t time) { return utc_time(time, "D:%Y%m%d%H%M%SZ"); }

}  // namespace

Rendered write_pdf(const Document& doc, const DocMeta& meta) {
  Rendered r;
  // Pages of lines; a paragraph's truth belongs to the page its (unsplit) lines are on.
  std::vector<std::string> pages(1);
  int line_on_page = 0;
  for (const auto& p : doc.paragraphs) {
    std::vector<Line> lines = layout(p);
    if (lines.empty()) continue;  // a character PDF's WinAnsiEncoding cannot show: left out, truth too
    int needed = static_cast<int>(lines.size()) + 1;
    if (line_on_page > 0 && line_on_page + needed > kLinesPerPage && (p.planted || needed <= kLinesPerPage)) {
      pages.emplace_back();
      line_on_page = 0;
    }
    add_unplaced(r.truth, p.truth, {"page " + std::to_string(pages.size())});
    for (const auto& line : lines) {
      if (line_on_page >= kLinesPerPage) {
        pages.emplace_back();
        line_on_page = 0;
      }
      double y = kPageHeight - kMargin - kLeading * (line_on_page + 1);
      pages.back().append("BT /").append(line.bold ? "F2 " : "F1 ").append(number(line.size)).append(" Tf ")
          .append(number(kMargin)).append(" ").append(number(y)).append(" Td ").append(pdf_string(line.bytes)).append(" Tj ET\n");
      ++line_on_page;
    }
    ++line_on_page;  // a blank line between paragraphs
  }
  PdfFile pdf;
  int catalog = pdf.reserve(), page_tree = pdf.reserve();
  int regular = pdf.add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
  int bold = pdf.add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>");
  std::string resources = std::string("<< /Font << /F1 ").append(std::to_string(regular)).append(" 0 R /F2 ")
                              .append(std::to_string(bold)).append(" 0 R >> >>");
  std::string kids;
  for (const auto& content : pages) {
    std::string stream = deflated(content);
    int contents = pdf.add(std::string("<< /Length ").append(std::to_string(stream.size()))
                               .append(" /Filter /FlateDecode >>\nstream\n").append(stream).append("\nendstream"));
    int page = pdf.add(std::string("<< /Type /Page /Parent ").append(std::to_string(page_tree)).append(" 0 R /MediaBox [0 0 ")
                           .append(number(kPageWidth)).append(" ").append(number(kPageHeight)).append("] /Resources ")
                           .append(resources).append(" /Contents ").append(std::to_string(contents)).append(" 0 R >>"));
    kids.append(std::to_string(page)).append(" 0 R ");
  }
  pdf.fill(page_tree, std::string("<< /Type /Pages /Kids [").append(kids).append("] /Count ")
                          .append(std::to_string(pages.size())).append(" >>"));
  pdf.fill(catalog, std::string("<< /Type /Catalog /Pages ").append(std::to_string(page_tree)).append(" 0 R >>"));
  std::string title, author;
  to_windows1252(doc.title, title);
  to_windows1252(meta.author, author);
  int info = pdf.add(std::string("<< /Title ").append(pdf_string(title)).append(" /Author ").append(pdf_string(author))
                         .append(" /Producer (gdprscan corpus generate) /CreationDate (").append(pdf_date(meta.time))
                         .append(") >>"));
  r.bytes = pdf.finish(catalog, info);
  return r;
}

}  // namespace gdprscan::corpus
