// OLE2 compound files (legacy Word, Excel and PowerPoint, Outlook .msg, encrypted OOXML)
// opened from memory with libgsf. The readers of each kind take an open storage and parse
// their own binary records: no Debian library reads the Word piece table, BIFF cells or
// PowerPoint text atoms into text (libgsf stops at the streams; wv and catdoc are programs,
// not maintained libraries), so those record walkers are ours, written from [MS-DOC],
// [MS-XLS], [MS-PPT] and [MS-OXMSG].
#pragma once

#include <gsf/gsf-infile.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "extract.h"

namespace gdprscan {

struct GObjectUnref {
  void operator()(void* p) const;
};
using Storage = std::unique_ptr<GsfInfile, GObjectUnref>;

// Opens `data` (which must outlive the storage) as a compound file; nullptr when it is not one.
Storage open_ole2(std::string_view data);

// A stream of `storage` read whole, if it exists (name matched case-insensitively). Streams
// longer than `limit` are cut there and `*cut` is set; a stream listed but unreadable (a
// damaged or truncated file) sets `*failed`.
std::optional<std::string> read_stream(GsfInfile* storage, const char* name, uint64_t limit, bool* cut = nullptr,
                                       bool* failed = nullptr);
// A sub-storage (directory) of `storage`, if it exists.
Storage open_storage(GsfInfile* storage, const char* name);
bool has_child(GsfInfile* storage, const char* name);
// The child's name as stored, matched case-insensitively like Office does.
std::optional<std::string> child_named(GsfInfile* storage, const char* name);

// Little-endian readers over a byte string; out-of-range reads give 0 (callers check sizes
// where a wrong 0 would matter).
inline uint16_t le16(std::string_view s, size_t at) {
  if (at + 2 > s.size()) return 0;
  return static_cast<uint16_t>(static_cast<unsigned char>(s[at]) | static_cast<unsigned char>(s[at + 1]) << 8);
}
inline uint32_t le32(std::string_view s, size_t at) {
  if (at + 4 > s.size()) return 0;
  return static_cast<uint32_t>(le16(s, at)) | static_cast<uint32_t>(le16(s, at + 2)) << 16;
}

// UTF-16LE and 8-bit Windows-1252 text to UTF-8.
std::string utf16le_to_utf8(std::string_view bytes);
std::string cp1252_to_utf8(std::string_view bytes);

// Reads a compound file (or a storage inside one: an object embedded in a mail) by kind.
void read_compound(GsfInfile* storage, Item& item, ExtractContext& ctx);

// The readers, one per kind of compound file (word97.cpp, biff.cpp, ppt.cpp, msg.cpp).
// `item` is the compound file; its location is the start of every chain.
void read_word97(GsfInfile* root, Item& item, ExtractContext& ctx);
void read_biff(GsfInfile* root, Item& item, ExtractContext& ctx);
void read_ppt(GsfInfile* root, Item& item, ExtractContext& ctx);
void read_msg(GsfInfile* root, Item& item, ExtractContext& ctx);

// Text pieces and compound files of a legacy document are bounded like OOXML parts.
constexpr uint64_t kMaxStreamBytes = 256ull << 20;

}  // namespace gdprscan
