// The corpus's file formats and how one file of each is made: its content (a document, a
// workbook, a mail with attachments, an archive of other files) sized for the shape of
// the corpus, rendered by the format writers.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "content.h"
#include "document.h"
#include "rng.h"

namespace gdprscan::corpus {

enum class Format {
  text, csv, html, docx, xlsx, pptx, odt, ods, pdf, eml, mbox, zip, targz,
  rtf, odp, fodt, sevenzip, tarxz, gz, maildir
};

struct FormatName {
  Format format;
  const char* name;       // in --mix: "text", "docx", "targz"
  const char* extension;  // "txt", "docx", "tar.gz"; "" for a maildir (a folder, not a file)
};
const std::vector<FormatName>& all_formats();
std::optional<Format> format_named(const std::string& name);  // also "txt", "tar.gz", "tgz"
const FormatName& describe(Format format);

enum class Shape { mixed, small_files, large_files };

// What one file is made from.
struct FileContext {
  Rng& rng;
  Planter& planter;
  const ProsePool& prose;
  Shape shape;
  int year;
  int64_t time;  // the document's date, seconds since 1970
  uint64_t target;  // bytes of text to aim for
};

// A file of a tree the format is made of (a maildir's messages): its path below the
// format's folder ("cur/1589…:2,S") and its bytes and truth.
struct TreeFile {
  std::string path;
  Rendered rendered;
};

struct MadeFile {
  DocKind kind = DocKind::note;  // what the file is about, for its folder and name
  Rendered rendered;
  std::vector<TreeFile> tree;  // a folder format (maildir): these files, and `rendered` is empty
};

// A target size in bytes of text for a file of `format` in `shape`.
uint64_t pick_target(Format format, Shape shape, Rng& rng, uint64_t remaining);

MadeFile make_file(Format format, FileContext& ctx, int depth = 0);

// Seconds since 1970 for a moment in `year` (UTC).
int64_t time_in_year(int year, Rng& rng);

}  // namespace gdprscan::corpus
