#include "rar5_layout.h"

#include <cstdint>
#include <cstdio>
#include <optional>
#include <vector>

namespace gdprscan {

namespace {

constexpr std::string_view kSignature("Rar!\x1A\x07\x01\x00", 8);
constexpr uint64_t kHeaderMax = 2u << 20;  // the format's own limit for a header is 2 MiB

enum BlockType : uint64_t { kMain = 1, kFile = 2, kService = 3, kArchiveEncryption = 4, kEnd = 5 };
constexpr uint64_t kHasExtraArea = 0x0001, kHasDataArea = 0x0002;  // header flags
constexpr uint64_t kFileEncryptionRecord = 0x01;                     // extra record type of a file header
constexpr uint64_t kFileHasTime = 0x0002, kFileHasCrc = 0x0004;      // file flags

// A variable-length integer: 7 bits a byte, low bits first, the high bit says more follow.
struct Reader {
  std::string_view bytes;
  size_t at = 0;
  std::optional<uint64_t> vint() {
    uint64_t value = 0;
    for (int shift = 0; shift < 70 && at < bytes.size(); shift += 7) {
      auto b = static_cast<unsigned char>(bytes[at++]);
      value |= static_cast<uint64_t>(b & 0x7F) << shift;
      if (!(b & 0x80)) return value;
    }
    return std::nullopt;
  }
  bool skip(uint64_t n) {
    if (n > bytes.size() - at) return false;
    at += n;
    return true;
  }
};

// Reads exactly `n` bytes at the source's position.
bool read_exactly(ByteSource& source, char* out, size_t n) {
  while (n > 0) {
    long got = source.read(out, n);
    if (got <= 0) return false;
    out += got;
    n -= static_cast<size_t>(got);
  }
  return true;
}

// Whether the extra area of a file header holds an encryption record.
bool has_encryption_record(std::string_view extra) {
  Reader r{extra};
  while (r.at < extra.size()) {
    auto size = r.vint();
    if (!size) return false;
    size_t record_start = r.at;
    auto type = r.vint();
    if (!type) return false;
    if (*type == kFileEncryptionRecord) return true;
    r.at = record_start;
    if (!r.skip(*size)) return false;
  }
  return false;
}

// The name of a file header's body (after type and flags) and whether it is encrypted.
std::optional<std::pair<std::string, bool>> file_entry(Reader& r, uint64_t extra_size) {
  auto file_flags = r.vint(), unpacked = r.vint(), attributes = r.vint();
  if (!file_flags || !unpacked || !attributes) return std::nullopt;
  if ((*file_flags & kFileHasTime) && !r.skip(4)) return std::nullopt;
  if ((*file_flags & kFileHasCrc) && !r.skip(4)) return std::nullopt;
  auto compression = r.vint(), host = r.vint(), name_length = r.vint();
  if (!compression || !host || !name_length || *name_length > r.bytes.size() - r.at) return std::nullopt;
  std::string name(r.bytes.substr(r.at, *name_length));
  if (extra_size > r.bytes.size()) return std::nullopt;
  return std::make_pair(std::move(name), has_encryption_record(r.bytes.substr(r.bytes.size() - extra_size)));
}

}  // namespace

bool is_rar5(std::string_view head) { return head.substr(0, kSignature.size()) == kSignature; }

Rar5Layout read_rar5_layout(ByteSource& source, size_t max_blocks) {
  Rar5Layout out;
  char signature[8];
  if (source.seek(0, SEEK_SET) != 0 || !read_exactly(source, signature, sizeof signature) ||
      !is_rar5(std::string_view(signature, sizeof signature)))
    return out;
  int64_t position = sizeof signature;
  std::vector<char> header;
  for (size_t block = 0; block < max_blocks; ++block) {
    // CRC32 (4 bytes), then the header size as a vint (at most 3 bytes for 2 MiB).
    char start[7];
    if (source.seek(position, SEEK_SET) != position || !read_exactly(source, start, 4)) return out;
    size_t got = 0;
    while (got < 3) {
      if (!read_exactly(source, start + 4 + got, 1)) return out;
      if (!(static_cast<unsigned char>(start[4 + got++]) & 0x80)) break;
    }
    Reader size_reader{std::string_view(start + 4, got)};
    auto header_size = size_reader.vint();
    if (!header_size || *header_size == 0 || *header_size > kHeaderMax) return out;
    header.resize(*header_size);
    if (!read_exactly(source, header.data(), header.size())) return out;
    Reader r{std::string_view(header.data(), header.size())};
    auto type = r.vint(), flags = r.vint();
    if (!type || !flags) return out;
    std::optional<uint64_t> extra_size = 0, data_size = 0;
    if (*flags & kHasExtraArea) extra_size = r.vint();
    if (*flags & kHasDataArea) data_size = r.vint();
    if (!extra_size || !data_size) return out;
    if (*type == kArchiveEncryption) {
      out.headers_encrypted = out.parsed = true;
      return out;
    }
    if (*type == kFile) {
      auto entry = file_entry(r, *extra_size);
      if (!entry) return out;
      if (entry->second) out.encrypted.insert(std::move(entry->first));
    }
    if (*type == kEnd) {
      out.parsed = true;
      return out;
    }
    if (*data_size > static_cast<uint64_t>(INT64_MAX / 2)) return out;
    position += 4 + static_cast<int64_t>(got) + static_cast<int64_t>(*header_size) + static_cast<int64_t>(*data_size);
  }
  return out;
}

}  // namespace gdprscan
