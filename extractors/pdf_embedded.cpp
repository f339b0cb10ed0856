// Files embedded in a PDF, streamed out of Poppler's core API (libpoppler-private-dev).
// poppler-cpp's embedded_file::data() unpacks a file whole before we see a byte, so a small
// PDF whose embedded file declares a few bytes and inflates to gigabytes would take the
// scan's memory with it. Here the embedded file's decoded stream is read as any archive
// member is: in pieces, through the child's byte and ratio budget, and a file that turns out
// larger than it declares gets a limit record. The text of the pages stays with poppler-cpp
// (pdf.cpp); this opens a second, core view of the same bytes only when the document has
// embedded files.
#include <Catalog.h>
#include <FileSpec.h>
#include <goo/GooString.h>
#include <PDFDoc.h>
#include <Stream.h>
#include <UTF.h>
#include <goo/gmem.h>

#include <algorithm>
#include <memory>
#include <string>

#include "registry.h"
#include "text_decode.h"

namespace gdprscan {

namespace {

// An embedded file's decoded bytes, as many as the reader asks for at a time.
class EmbeddedFileSource final : public ByteSource {
 public:
  explicit EmbeddedFileSource(Stream* stream) : stream_(stream) { stream_->reset(); }
  ~EmbeddedFileSource() override { stream_->close(); }
  EmbeddedFileSource(const EmbeddedFileSource&) = delete;
  EmbeddedFileSource& operator=(const EmbeddedFileSource&) = delete;
  long read(char* buf, size_t n) override {
    int want = static_cast<int>(std::min<size_t>(n, 1u << 20));
    return stream_->doGetChars(want, reinterpret_cast<unsigned char*>(buf));
  }

 private:
  Stream* stream_;
};

// A PDF text string (PDFDocEncoding, or UTF-16BE after its byte-order mark) in UTF-8.
std::string file_name(const GooString* name) {
  if (!name || name->getLength() == 0) return "(embedded file)";
  Unicode* ucs4 = nullptr;
  int n = TextStringToUCS4(name->toStr(), &ucs4);
  std::string out;
  for (int i = 0; i < n; ++i) append_codepoint(static_cast<char32_t>(ucs4[i]), out);
  gfree(ucs4);
  return out.empty() ? "(embedded file)" : out;
}

}  // namespace

void extract_pdf_embedded_files(const std::string& data, Item& item, ExtractContext& ctx) {
  // The PDFDoc owns the stream; the stream only views `data`, which outlives both.
  PDFDoc doc(new MemStream(data.data(), 0, static_cast<Goffset>(data.size()), Object(objNull)));
  Catalog* catalog = doc.isOk() ? doc.getCatalog() : nullptr;
  if (!catalog || !catalog->isOk()) {
    ctx.problem(Problem{true, ProblemKind::corrupt, item.location, "embedded files cannot be read"});
    return;
  }
  for (int i = 0; i < catalog->numEmbeddedFiles(); ++i) {
    std::unique_ptr<FileSpec> spec = catalog->embeddedFile(i);
    if (!spec || !spec->isOk()) continue;
    EmbFile* file = spec->getEmbeddedFile();
    if (!file || !file->isOk() || !file->stream()) continue;
    std::string name = file_name(spec->getFileName());
    EmbeddedFileSource source(file->stream());
    // The declared size (/Params /Size) may lie: a member larger than it says is cut there
    // with a record, as in archives.
    int64_t declared = file->size() >= 0 ? file->size() : -1;
    if (!ctx.child(name, source, declared)) break;
  }
}

}  // namespace gdprscan
