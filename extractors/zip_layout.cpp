// A small, bounded reader of a zip's index: the end-of-central-directory record (and its
// zip64 form) and the central directory's entries, of which only the local-header offset,
// the name length and the compressed size are kept. Hand-written because libarchive does
// not expose where an entry's bytes lie: its seekable zip reader follows the central
// directory and would inflate shared data once per entry, its streaming reader never sees
// the directory at all. Layout per PKWARE's APPNOTE.TXT 6.3, sections 4.3.12 to 4.3.16.
#include "zip_layout.h"

#include <algorithm>
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

namespace gdprscan {

namespace {

constexpr uint64_t kEocdSize = 22;
constexpr uint64_t kZip64LocatorSize = 20;
constexpr uint64_t kZip64RecordSize = 56;
constexpr uint64_t kCentralHeaderSize = 46;
constexpr uint64_t kLocalHeaderSize = 30;
// A directory entry takes at least 46 bytes: 16 MiB holds 350 000 entries, far beyond the
// member limit; larger directories are left to libarchive and the budget.
constexpr uint64_t kMaxDirectory = 16u << 20;

uint64_t little_endian(const std::string& b, size_t at, int bytes) {
  uint64_t v = 0;
  for (int i = bytes - 1; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>(b[at + i]);
  return v;
}

bool read_at(ByteSource& source, uint64_t offset, size_t n, std::string& out) {
  if (source.seek(static_cast<int64_t>(offset), SEEK_SET) != static_cast<int64_t>(offset)) return false;
  out.resize(n);
  for (size_t got = 0; got < n;) {
    long r = source.read(out.data() + got, n - got);
    if (r <= 0) return false;
    got += static_cast<size_t>(r);
  }
  return true;
}

struct Directory {
  uint64_t size = 0;
  uint64_t declared_offset = 0;  // as written: relative to the zip's start, or to the file's after `zip -A`
  uint64_t end = 0;              // where the directory really ends in the file
};

// The record is the last "PK\5\6" whose comment runs exactly to the end of the file; a
// signature that happens to lie inside a comment or in the data of a tar or 7z does not.
std::optional<uint64_t> find_eocd(const std::string& tail, uint64_t tail_start, uint64_t file_size) {
  for (size_t at = tail.size() - kEocdSize + 1; at-- > 0;) {
    if (tail.compare(at, 4, "PK\x05\x06") != 0) continue;
    if (tail_start + at + kEocdSize + little_endian(tail, at + 20, 2) == file_size) return tail_start + at;
  }
  return std::nullopt;
}

// The zip64 record sits just before its locator; its declared offset is wrong by the length
// of a prepended stub unless `zip -A` adjusted it, so the usual place is tried as well.
bool read_zip64_directory(ByteSource& source, uint64_t eocd_at, Directory& dir) {
  std::string locator, record;
  if (eocd_at < kZip64LocatorSize + kZip64RecordSize) return false;
  uint64_t locator_at = eocd_at - kZip64LocatorSize;
  if (!read_at(source, locator_at, kZip64LocatorSize, locator) || locator.compare(0, 4, "PK\x06\x07") != 0) return false;
  if (little_endian(locator, 4, 4) != 0 || little_endian(locator, 16, 4) > 1) return false;  // multi-disk
  for (uint64_t at : {little_endian(locator, 8, 8), locator_at - kZip64RecordSize}) {
    if (at > locator_at - kZip64RecordSize || !read_at(source, at, kZip64RecordSize, record)) continue;
    if (record.compare(0, 4, "PK\x06\x06") != 0 || little_endian(record, 16, 4) != 0 || little_endian(record, 20, 4) != 0)
      continue;
    dir.size = little_endian(record, 40, 8);
    dir.declared_offset = little_endian(record, 48, 8);
    dir.end = at;
    return true;
  }
  return false;
}

std::optional<Directory> find_directory(ByteSource& source, uint64_t file_size, uint64_t tail_max) {
  if (file_size < kEocdSize) return std::nullopt;
  uint64_t tail_start = file_size - std::min({file_size, std::max(tail_max, kEocdSize), kZipTailMax});
  std::string tail, eocd;
  if (!read_at(source, tail_start, file_size - tail_start, tail)) return std::nullopt;
  std::optional<uint64_t> eocd_at = find_eocd(tail, tail_start, file_size);
  if (!eocd_at) return std::nullopt;
  eocd = tail.substr(*eocd_at - tail_start, kEocdSize);
  Directory dir{little_endian(eocd, 12, 4), little_endian(eocd, 16, 4), *eocd_at};
  bool zip64 = read_zip64_directory(source, *eocd_at, dir);
  bool one_disk = little_endian(eocd, 4, 2) == 0 && little_endian(eocd, 6, 2) == 0;
  if (!one_disk && !zip64) return std::nullopt;
  return dir;
}

// [local header, end of its data) per entry, shifted by the stub before the zip. The local
// header's own name and extra field are not read (that would be a seek per entry): the
// central name length stands in and the extra field and data descriptor are left out, so
// a span is never longer than the entry really is and a legitimate zip never overlaps.
struct Span {
  uint64_t start;
  uint64_t end;
};

// The zip64 extended-information extra field (id 1) holds, in this order, those of the
// uncompressed size, compressed size and local-header offset that read 0xFFFFFFFF.
void apply_zip64_extra(const std::string& cd, size_t extra, size_t extra_end, uint64_t& compressed, uint64_t& offset,
                       bool uncompressed_saturated) {
  while (extra + 4 <= extra_end) {
    uint64_t id = little_endian(cd, extra, 2), len = little_endian(cd, extra + 2, 2);
    size_t field = extra + 4, field_end = std::min<size_t>(field + len, extra_end);
    if (id == 1) {
      if (uncompressed_saturated) field += 8;
      if (compressed == 0xFFFFFFFF && field + 8 <= field_end) compressed = little_endian(cd, field, 8), field += 8;
      if (offset == 0xFFFFFFFF && field + 8 <= field_end) offset = little_endian(cd, field, 8);
      return;
    }
    extra = field + len;
  }
}

// False when the directory is not a well-formed sequence of entries inside the file.
bool read_spans(const std::string& cd, uint64_t bias, uint64_t directory_start, std::vector<Span>& spans) {
  for (size_t at = 0; at < cd.size();) {
    if (cd.size() - at < kCentralHeaderSize || cd.compare(at, 4, "PK\x01\x02") != 0) return false;
    uint64_t compressed = little_endian(cd, at + 20, 4), name = little_endian(cd, at + 28, 2);
    uint64_t extra_len = little_endian(cd, at + 30, 2), comment = little_endian(cd, at + 32, 2);
    uint64_t offset = little_endian(cd, at + 42, 4);
    size_t next = at + kCentralHeaderSize + name + extra_len + comment;
    if (next > cd.size()) return false;
    size_t extra = at + kCentralHeaderSize + name;
    apply_zip64_extra(cd, extra, extra + extra_len, compressed, offset, little_endian(cd, at + 24, 4) == 0xFFFFFFFF);
    if (offset >= directory_start || directory_start - offset <= bias) return false;  // points past the zip's data
    uint64_t start = offset + bias;
    // A compressed size beyond the data is damage, not overlap: bounded so that the sum stays exact.
    spans.push_back({start, start + kLocalHeaderSize + name + std::min(compressed, directory_start)});
    at = next;
  }
  return true;
}

uint64_t count_overlapping(std::vector<Span>& spans) {
  std::sort(spans.begin(), spans.end(), [](const Span& a, const Span& b) { return a.start < b.start; });
  uint64_t overlapping = 0, reached = 0;
  for (size_t i = 0; i < spans.size(); ++i) {
    if (i > 0 && spans[i].start < reached) ++overlapping;
    reached = std::max(reached, spans[i].end);
  }
  return overlapping;
}

}  // namespace

ZipLayout read_zip_layout(ByteSource& source, uint64_t tail) {
  ZipLayout layout;
  int64_t file_size = source.seek(0, SEEK_END);
  if (file_size <= 0) return layout;
  std::optional<Directory> dir = find_directory(source, static_cast<uint64_t>(file_size), tail);
  if (!dir || dir->size > kMaxDirectory || dir->size > dir->end) return layout;
  uint64_t directory_start = dir->end - dir->size;
  if (directory_start < dir->declared_offset) return layout;  // the directory cannot be where it says
  layout.prefix = directory_start - dir->declared_offset;
  std::string cd;
  std::vector<Span> spans;
  if (!read_at(source, directory_start, dir->size, cd) || !read_spans(cd, layout.prefix, directory_start, spans))
    return layout;
  layout.parsed = true;
  layout.entries = spans.size();
  layout.overlapping = count_overlapping(spans);
  return layout;
}

}  // namespace gdprscan
