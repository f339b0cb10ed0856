#include "archive_writer.h"

#include <archive.h>
#include <archive_entry.h>

#include <locale.h>
#include <stdexcept>

namespace gdprscan::corpus {

namespace {

la_ssize_t append_to_string(struct archive*, void* client, const void* buffer, size_t length) {
  static_cast<std::string*>(client)->append(static_cast<const char*>(buffer), length);
  return static_cast<la_ssize_t>(length);
}

// libarchive converts member names through the thread's locale: in the C locale it would
// mangle "Afgørelse.pdf". C.UTF-8 (built into glibc) for this thread while a name is written.
class Utf8Locale {
 public:
  Utf8Locale() {
    static const locale_t utf8 = newlocale(LC_CTYPE_MASK, "C.UTF-8", static_cast<locale_t>(0));
    if (!utf8) throw std::runtime_error("the C.UTF-8 locale is not available: cannot write UTF-8 member names");
    previous_ = uselocale(utf8);
  }
  ~Utf8Locale() { uselocale(previous_); }
  Utf8Locale(const Utf8Locale&) = delete;
  Utf8Locale& operator=(const Utf8Locale&) = delete;

 private:
  locale_t previous_;
};

}  // namespace

ArchiveWriter::ArchiveWriter(Kind kind, int64_t mtime) : a_(archive_write_new()), kind_(kind), mtime_(mtime) {
  if (!a_) throw std::runtime_error("libarchive: out of memory");
  set_format(kind);
  // One block of output per write call: the default pads the last tar block to 10 KiB,
  // which tar readers accept either way.
  check(archive_write_set_bytes_in_last_block(a_, 1), "block size");
  check(archive_write_open2(a_, &out_, nullptr, append_to_string, nullptr, nullptr), "open");
}

void ArchiveWriter::set_format(Kind kind) {
  switch (kind) {
    case Kind::zip:
    case Kind::zip_stored:
      check(archive_write_set_format_zip(a_), "zip format");
      // libarchive takes the method for the whole archive, not per entry: an ODF package,
      // whose mimetype must be stored, is stored throughout (valid, and LibreOffice reads it).
      // Deflate level 1: a third of level 6's time and the generator's largest cost; readers
      // inflate every level alike, and the files grow by a fifth.
      if (kind == Kind::zip) check(archive_write_set_format_option(a_, "zip", "compression-level", "1"), "compression level");
      else check(archive_write_set_format_option(a_, "zip", "compression", "store"), "compression");
      return;
    case Kind::tar_gz:
    case Kind::gzip:
      if (kind == Kind::tar_gz) check(archive_write_set_format_pax_restricted(a_), "tar format");
      else check(archive_write_set_format_raw(a_), "raw format");
      check(archive_write_add_filter_gzip(a_), "gzip filter");
      // libarchive puts the current time into the gzip header unless told not to.
      check(archive_write_set_filter_option(a_, "gzip", "timestamp", nullptr), "gzip timestamp");
      check(archive_write_set_filter_option(a_, "gzip", "compression-level", "1"), "gzip level");
      return;
    case Kind::tar_xz:
      check(archive_write_set_format_pax_restricted(a_), "tar format");
      check(archive_write_add_filter_xz(a_), "xz filter");
      // Level 1: xz's default (6) costs several times the generator's other work per byte.
      check(archive_write_set_filter_option(a_, "xz", "compression-level", "1"), "xz level");
      return;
    case Kind::seven_zip:
      // LZMA2, the 7-Zip default; the writer keeps only the times it is given (mtime).
      check(archive_write_set_format_7zip(a_), "7z format");
      check(archive_write_set_format_option(a_, "7zip", "compression", "lzma2"), "7z compression");
      check(archive_write_set_format_option(a_, "7zip", "compression-level", "1"), "7z level");
      return;
  }
}

ArchiveWriter::~ArchiveWriter() {
  if (a_) archive_write_free(a_);
}

void ArchiveWriter::check(int status, const char* what) {
  if (status < ARCHIVE_WARN) throw std::runtime_error(std::string("libarchive ").append(what).append(": ").append(archive_error_string(a_) ? archive_error_string(a_) : "failed"));
}

void ArchiveWriter::add(const std::string& name, std::string_view bytes) {
  archive_entry* entry = archive_entry_new();
  Utf8Locale utf8;
  archive_entry_set_pathname_utf8(entry, name.c_str());
  archive_entry_set_size(entry, static_cast<la_int64_t>(bytes.size()));
  archive_entry_set_filetype(entry, AE_IFREG);
  archive_entry_set_perm(entry, 0644);
  archive_entry_set_mtime(entry, mtime_, 0);
  archive_entry_set_uid(entry, 1000);
  archive_entry_set_gid(entry, 1000);
  archive_entry_set_uname(entry, "sagsbehandler");
  archive_entry_set_gname(entry, "kommune");
  int status = archive_write_header(a_, entry);
  archive_entry_free(entry);
  check(status, "header");
  if (!bytes.empty() && archive_write_data(a_, bytes.data(), bytes.size()) < 0) check(ARCHIVE_FATAL, "data");
}

std::string ArchiveWriter::finish() {
  check(archive_write_close(a_), "close");
  archive_write_free(a_);
  a_ = nullptr;
  return std::move(out_);
}

}  // namespace gdprscan::corpus
