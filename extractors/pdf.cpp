// PDF through Poppler (poppler-cpp): the text of each page as its own piece, located as
// "page N". A PDF that needs a password gets an `encrypted` record; pages without a text
// layer (scanned images) are named in one `skipped` record until OCR exists; files embedded
// in the PDF are children, scanned like any file (pdf_embedded.cpp streams them). Poppler needs the whole document in
// memory: it is bounded by --max-whole-file for files and by the budget for members.
#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <cstring>
#include <memory>
#include <mutex>
#include <string>

#include "registry.h"

namespace gdprscan {

namespace {

// Poppler prints its diagnostics to stderr by default, and they can quote the document.
void silence_poppler() {
  static std::once_flag once;
  std::call_once(once, [] { poppler::set_debug_error_function([](const std::string&, void*) {}, nullptr); });
}

bool has_text(const std::string& s) {
  for (unsigned char c : s)
    if (c > ' ') return true;
  return false;
}

// "1, 3-5, 9"
std::string page_ranges(const std::vector<int>& pages) {
  std::string out;
  for (size_t i = 0; i < pages.size();) {
    size_t j = i;
    while (j + 1 < pages.size() && pages[j + 1] == pages[j] + 1) ++j;
    if (!out.empty()) out += ", ";
    out += std::to_string(pages[i]);
    if (j > i) out.append("-").append(std::to_string(pages[j]));
    i = j + 1;
  }
  return out;
}

std::string utf8(const poppler::ustring& s) {
  auto bytes = s.to_utf8();
  return std::string(bytes.begin(), bytes.end());
}

// The info dictionary: Author as the document's author (PDF has no "last modified by"), and
// the text of Title, Subject, Keywords and Author scanned as "properties".
void document_info(const poppler::document& doc, const Item& item, ExtractContext& ctx) {
  std::string author = utf8(doc.info_key("Author"));
  ctx.document_properties(item.location, author, "");
  std::string text;
  for (const char* key : {"Title", "Subject", "Keywords", "Author"})
    if (std::string value = utf8(doc.info_key(key)); !value.empty()) text.append(value).append("\n");
  if (text.find_first_not_of(" \t\n") == std::string::npos) return;
  LocationChain where = item.location;
  where.push_back("properties");
  ctx.open_text(where)->write_whole(text);
}

}  // namespace

void extract_pdf(Item& item, ExtractContext& ctx) {
  silence_poppler();
  std::string data;
  if (!read_whole(item, ctx, data)) return;
  std::unique_ptr<poppler::document> doc(poppler::document::load_from_raw_data(data.data(), static_cast<int>(data.size())));
  if (!doc) {
    ctx.problem(Problem{true, ProblemKind::corrupt, item.location, "not a readable PDF (damaged or truncated)"});
    return;
  }
  if (doc->is_locked()) {
    ctx.problem(Problem{true, ProblemKind::encrypted, item.location, "password-protected PDF: not scanned"});
    return;
  }
  std::vector<int> without_text;
  document_info(*doc, item, ctx);
  for (int i = 0; i < doc->pages(); ++i) {
    if (std::string why = ctx.time_check(); !why.empty()) {
      ctx.problem(Problem{true, ProblemKind::limit_exceeded, item.location,
                          why + " (pages " + std::to_string(i + 1) + "-" + std::to_string(doc->pages()) + ")"});
      break;
    }
    std::unique_ptr<poppler::page> page(doc->create_page(i));
    if (!page) {
      ctx.problem(Problem{true, ProblemKind::corrupt, item.location, std::string("page ").append(std::to_string(i + 1)).append(" cannot be read")});
      continue;
    }
    poppler::byte_array utf8 = page->text().to_utf8();
    std::string text(utf8.begin(), utf8.end());
    if (!has_text(text)) {
      without_text.push_back(i + 1);
      continue;
    }
    LocationChain location = item.location;
    location.push_back(std::string("page ").append(std::to_string(i + 1)));
    ctx.open_text(std::move(location))->write_whole(text);
  }
  if (!without_text.empty())
    ctx.problem(Problem{false, ProblemKind::unsupported, item.location,
                        std::string(without_text.size() == 1 ? "page " : "pages ").append(page_ranges(without_text)) + " of " +
                            std::to_string(doc->pages()) + ": no text layer (scanned images?), not scanned;"
                            " OCR is not available yet"});
  if (doc->has_embedded_files()) extract_pdf_embedded_files(data, item, ctx);
}

}  // namespace gdprscan
