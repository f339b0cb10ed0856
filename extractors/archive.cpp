// Archives and compressed files through libarchive: zip, tar, 7z, rar/rar5, cab, iso9660,
// cpio, and the filters bzip2, xz/lzma, zstd, lz4 and lzip (so .tar.xz and friends); a lone
// compressed file (.bz2, .xz, .zst) is a container with one child. gzip is read by
// gzip.cpp, one layer at a time (a .tar.gz is a gzip layer holding a tar). Only the
// formats we read are enabled, not libarchive's "_all". Nothing is ever written to disk:
// members are read through libarchive into the scanner, each as a child item (see
// ExtractContext::child), whose budget bounds depth, count, bytes, ratio and time.
#include <archive.h>
#include <archive_entry.h>

#include <cstdio>
#include <algorithm>
#include <cstring>
#include <locale.h>
#include <memory>
#include <optional>
#include <string>

#include "piece_scanner.h"
#include "rar5_layout.h"
#include "registry.h"
#include "zip_layout.h"

namespace gdprscan {

namespace {

// Feeds libarchive the item: first its head (already read for sniffing), then the rest.
struct ArchiveInput {
  Item& item;
  ExtractContext& ctx;
  std::vector<char> buffer = std::vector<char>(64 * 1024);
  bool head_given = false;
  std::string read_error;
  int64_t position = 0;
};

la_ssize_t read_callback(archive*, void* raw, const void** block) {
  auto* in = static_cast<ArchiveInput*>(raw);
  if (!in->head_given && !in->item.source.seekable()) {
    in->head_given = true;
    *block = in->item.head.data();
    return static_cast<la_ssize_t>(in->item.head.size());
  }
  if (in->item.head_is_all && !in->item.source.seekable()) return 0;
  long n = in->item.source.read(in->buffer.data(), in->buffer.size());
  if (n < 0) {
    in->read_error = std::strerror(static_cast<int>(-n));
    return -1;
  }
  // Seekable input is read again from its start; the scan caps bytes_read at the file's size.
  in->ctx.count_bytes_read(static_cast<uint64_t>(n));
  in->position += n;
  *block = in->buffer.data();
  return n;
}

// A seekable source (a file, a member held in memory) is read from its start through the
// source itself, so that libarchive can jump to a 7z header or a zip central directory.
la_int64_t seek_callback(archive*, void* raw, la_int64_t offset, int whence) {
  auto* in = static_cast<ArchiveInput*>(raw);
  int64_t at = in->item.source.seek(offset, whence);
  if (at < 0) return ARCHIVE_FATAL;
  in->position = at;
  return at;
}

// The current member's data, as the scanner reads children.
class MemberSource final : public ByteSource {
 public:
  explicit MemberSource(archive* a) : a_(a) {}
  long read(char* buf, size_t n) override {
    la_ssize_t got = archive_read_data(a_, buf, n);
    if (got < 0) {
      failed_ = true;
      return -EIO;
    }
    return static_cast<long>(got);
  }
  bool failed() const { return failed_; }

 private:
  archive* a_;
  bool failed_ = false;
};

// libarchive's messages name members; long digit runs are masked before they go anywhere.
std::string archive_message(archive* a) {
  std::string m = archive_error_string(a) ? archive_error_string(a) : "unknown error";
  mask_message(m);
  return m;
}

// libarchive converts member names between UTF-8 and the thread's locale. The process
// stays in the C locale, where a UTF-8 name (a zip entry flagged UTF-8, a pax path) cannot
// be represented: "Afgørelse.pdf" came back as no name at all. C.UTF-8 (built into glibc)
// on this thread while a header is read and its name taken.
class Utf8NamesLocale {
 public:
  Utf8NamesLocale() {
    static const locale_t utf8 = newlocale(LC_CTYPE_MASK, "C.UTF-8", static_cast<locale_t>(0));
    if (utf8) previous_ = uselocale(utf8);
  }
  ~Utf8NamesLocale() {
    if (previous_) uselocale(previous_);
  }
  Utf8NamesLocale(const Utf8NamesLocale&) = delete;
  Utf8NamesLocale& operator=(const Utf8NamesLocale&) = delete;

 private:
  locale_t previous_ = static_cast<locale_t>(0);
};

std::string member_name(archive_entry* entry, const Item& item, bool raw) {
  if (raw) {  // a lone compressed file: its name without the compression extension
    std::string name = item.name;
    for (const char* ext : {".bz2", ".xz", ".zst", ".lz4", ".lz", ".lzma"}) {
      size_t len = std::strlen(ext);
      if (name.size() > len && name.compare(name.size() - len, len, ext) == 0) return name.substr(0, name.size() - len);
    }
    return name.empty() ? std::string("(decompressed)") : name + " (decompressed)";
  }
  if (const char* utf8 = archive_entry_pathname_utf8(entry)) return utf8;
  if (const char* bytes = archive_entry_pathname(entry)) return bytes;
  return "(unnamed member)";
}

void enable_formats(archive* a, bool compressed) {
  // No gzip filter: gzip layers are containers of their own (gzip.cpp).
  archive_read_support_filter_bzip2(a);
  archive_read_support_filter_xz(a);
  archive_read_support_filter_lzma(a);
  archive_read_support_filter_zstd(a);
  archive_read_support_filter_lz4(a);
  archive_read_support_filter_lzip(a);
  archive_read_support_format_zip(a);
  archive_read_support_format_7zip(a);
  archive_read_support_format_rar(a);
  archive_read_support_format_rar5(a);
  archive_read_support_format_tar(a);
  archive_read_support_format_cpio(a);
  archive_read_support_format_iso9660(a);
  archive_read_support_format_cab(a);
  // "raw" accepts anything, so only behind a compression filter: a .gz of a text file.
  if (compressed) archive_read_support_format_raw(a);
}

struct ArchiveDeleter {
  void operator()(archive* a) const { archive_read_free(a); }
};

void report(ExtractContext& ctx, const LocationChain& location, ProblemKind kind, const std::string& message) {
  ctx.problem(Problem{true, kind, location, message});
}

// A zip whose entries share bytes is a non-recursive zip bomb (zip_layout.h): libarchive
// would inflate the shared data once per entry. One record says so and no member is
// extracted: the entries are the same bytes many times over, so nothing is lost that a
// crafted file could not hide anyway. A limit, not damage: the file is well-formed.
bool is_overlapping_zip_bomb(Item& item, ExtractContext& ctx) {
  ZipLayout layout = read_zip_layout(item.source);
  if (!layout.parsed || layout.overlapping == 0) return false;
  report(ctx, item.location, ProblemKind::limit_exceeded,
         std::string("overlapping-entry zip bomb: ")
             .append(std::to_string(layout.overlapping))
             .append(" of ")
             .append(std::to_string(layout.entries))
             .append(" entries share their data with another entry (a non-recursive zip bomb): no member was extracted"));
  return true;
}

}  // namespace

void for_each_member(Item& item, ExtractContext& ctx, bool compressed, const MemberVisitor& visit) {
  std::unique_ptr<archive, ArchiveDeleter> a(archive_read_new());
  if (!a) throw std::bad_alloc();
  enable_formats(a.get(), compressed);
  ArchiveInput input{item, ctx, std::vector<char>(64 * 1024), false, {}, 0};
  // Only a seekable zip can be checked: a zip streamed out of another container is read by
  // its local headers, and the budget bounds it.
  if (!compressed && item.source.seekable() && is_overlapping_zip_bomb(item, ctx)) return;
  Rar5Layout rar5;
  if (!compressed && item.source.seekable() && is_rar5(item.head)) {
    rar5 = read_rar5_layout(item.source);
    if (rar5.headers_encrypted) {
      report(ctx, item.location, ProblemKind::encrypted,
             "RAR5 archive with encrypted headers: not scanned (the password is not known; even the names are encrypted)");
      return;
    }
  }
  if (item.source.seekable() && item.source.seek(0, SEEK_SET) == 0) {
    archive_read_set_seek_callback(a.get(), seek_callback);
  }
  archive_read_set_read_callback(a.get(), read_callback);
  archive_read_set_callback_data(a.get(), &input);
  if (archive_read_open1(a.get()) != ARCHIVE_OK) {
    report(ctx, item.location, ProblemKind::corrupt,
           input.read_error.empty() ? "not a readable archive: " + archive_message(a.get()) : "read failed: " + input.read_error);
    return;
  }
  for (int members = 0;; ++members) {
    archive_entry* entry = nullptr;
    std::optional<Utf8NamesLocale> utf8_names(std::in_place);  // until the member's name is read
    int rc = archive_read_next_header(a.get(), &entry);
    if (rc == ARCHIVE_EOF) break;
    if (rc < ARCHIVE_WARN) {
      std::string what = input.read_error.empty() ? archive_message(a.get()) : "read failed: " + input.read_error;
      bool encrypted = archive_read_has_encrypted_entries(a.get()) > 0;
      report(ctx, item.location, encrypted ? ProblemKind::encrypted : ProblemKind::corrupt,
             (members ? "archive damaged after " + std::to_string(members) + " members: " : "not a readable archive: ") +
                 what);
      break;
    }
    bool raw = archive_format(a.get()) == ARCHIVE_FORMAT_RAW;
    if (archive_entry_filetype(entry) != AE_IFREG) continue;  // directories, links: no data
    std::string name = member_name(entry, item, raw);
    utf8_names.reset();
    LocationChain location = item.location;
    location.push_back(name);
    const char* stored = archive_entry_pathname_utf8(entry);
    if (archive_entry_is_encrypted(entry) || (stored && rar5.encrypted.count(stored))) {
      report(ctx, location, ProblemKind::encrypted, "encrypted member: not scanned (the password is not known)");
      continue;
    }
    MemberSource member(a.get());
    int64_t size = archive_entry_size_is_set(entry) ? archive_entry_size(entry) : -1;
    bool go_on = visit(name, size, member);
    if (member.failed()) {
      report(ctx, location, ProblemKind::corrupt, "member damaged: " + archive_message(a.get()) + " (read up to there)");
      if (archive_errno(a.get()) != 0 && archive_read_has_encrypted_entries(a.get()) > 0) break;
    }
    if (!go_on) break;  // the file's budget is spent
  }
}

void extract_archive(Item& item, ExtractContext& ctx) {
  for_each_member(item, ctx, false,
                  [&](const std::string& name, int64_t size, ByteSource& member) { return ctx.child(name, member, size); });
}

void extract_compressed(Item& item, ExtractContext& ctx) {
  for_each_member(item, ctx, true,
                  [&](const std::string& name, int64_t size, ByteSource& member) { return ctx.child(name, member, size); });
}

}  // namespace gdprscan
