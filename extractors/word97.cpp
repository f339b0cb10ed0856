// Word 97-2003 (.doc, .dot): the text through the piece table, per [MS-DOC].
//
// The WordDocument stream starts with the FIB, which says where the piece table (the Clx)
// lies in the table stream ("0Table" or "1Table") and how many characters each story has.
// The piece table maps character positions to byte runs of the WordDocument stream, either
// UTF-16LE or "compressed" 8-bit (Windows-1252). The stories follow each other in character
// positions: body, footnotes, headers and footers, comments, endnotes, text boxes, header
// text boxes; each becomes its own piece so a finding names where it is.
// Word 6 and Word 95 files have no piece table we read: their text is the run fcMin..fcMac.
#include <algorithm>
#include <array>
#include <vector>

#include "ole2.h"
#include "registry.h"
#include "text_decode.h"

namespace gdprscan {

namespace {

// FIB fields (offsets into the WordDocument stream).
constexpr size_t kFibFlags = 0x0A;
constexpr uint16_t kFlagEncrypted = 0x0100, kFlagWhichTable = 0x0200, kFlagObfuscated = 0x8000;
constexpr uint16_t kWordMagic = 0xA5EC, kWord6Magic = 0xA5DC;
constexpr uint16_t kFirstWord97Nfib = 0x00C1;

struct Story {
  const char* location;  // nullptr: the body, located by the file alone
  uint32_t chars;
};

struct Piece {
  uint32_t cp_start, cp_end;  // character positions
  uint32_t byte_offset;       // in the WordDocument stream
  bool compressed;            // 8-bit Windows-1252 instead of UTF-16LE
};

// Word's control characters: paragraph and cell marks become line breaks and tabs; field
// and object anchors go. Field instructions (HYPERLINK "mailto:...") are kept: they can
// hold an address the displayed text does not show.
char16_t visible(char16_t c) {
  switch (c) {
    case 0x0D: case 0x0B: case 0x0C: return u'\n';
    case 0x07: case 0x09: return u'\t';
    case 0x1E: return u'-';   // non-breaking hyphen
    case 0x13: case 0x14: return u' ';  // field start, field instruction end
    case 0xA0: return u' ';
    default: return c < 0x20 ? 0 : c;
  }
}

struct Fib {
  uint16_t flags = 0;
  uint32_t fc_clx = 0, lcb_clx = 0;
  std::array<uint32_t, 8> ccp{};  // text, footnotes, headers, macros, comments, endnotes, text boxes, header text boxes
};

// The variable-length FIB of Word 97 and later: csw words, cslw longs, then fc/lcb pairs.
std::optional<Fib> read_fib(std::string_view doc) {
  if (doc.size() < 34) return std::nullopt;
  Fib fib;
  fib.flags = le16(doc, kFibFlags);
  size_t csw = le16(doc, 32);
  size_t lw = 34 + csw * 2;
  size_t cslw = le16(doc, lw);
  size_t longs = lw + 2;
  if (cslw < 11 || longs + cslw * 4 + 2 > doc.size()) return std::nullopt;
  for (size_t i = 0; i < fib.ccp.size(); ++i) fib.ccp[i] = le32(doc, longs + (3 + i) * 4);
  size_t pairs = longs + cslw * 4 + 2;
  size_t count = le16(doc, longs + cslw * 4);
  if (count < 34 || pairs + 34 * 8 > doc.size()) return std::nullopt;
  fib.fc_clx = le32(doc, pairs + 33 * 8);
  fib.lcb_clx = le32(doc, pairs + 33 * 8 + 4);
  return fib;
}

// The piece table inside the Clx: skip the Prc entries (formatting), read the Pcdt.
std::vector<Piece> read_pieces(std::string_view clx) {
  size_t at = 0;
  while (at < clx.size() && clx[at] == 0x01) at += 3 + le16(clx, at + 1);
  if (at + 5 > clx.size() || clx[at] != 0x02) return {};
  uint32_t size = le32(clx, at + 1);
  std::string_view plc = clx.substr(at + 5, std::min<size_t>(size, clx.size() - at - 5));
  if (plc.size() < 4) return {};
  size_t n = (plc.size() - 4) / 12;
  std::vector<Piece> pieces;
  for (size_t i = 0; i < n; ++i) {
    uint32_t fc = le32(plc, 4 * (n + 1) + 8 * i + 2);
    bool compressed = fc & 0x40000000u;
    fc &= 0x3FFFFFFFu;
    pieces.push_back({le32(plc, 4 * i), le32(plc, 4 * (i + 1)), compressed ? fc / 2 : fc, compressed});
  }
  return pieces;
}

// The characters [from, to) through the piece table, in UTF-16 code units.
std::u16string characters(std::string_view doc, const std::vector<Piece>& pieces, uint32_t from, uint32_t to) {
  std::u16string out;
  for (const Piece& p : pieces) {
    uint32_t a = std::max(from, p.cp_start), b = std::min(to, p.cp_end);
    if (a >= b) continue;
    for (uint32_t cp = a; cp < b; ++cp) {
      size_t byte = p.compressed ? p.byte_offset + (cp - p.cp_start) : p.byte_offset + 2 * size_t(cp - p.cp_start);
      if (byte + (p.compressed ? 1 : 2) > doc.size()) break;
      // A compressed piece's byte is Windows-1252 (whose code points all fit in 16 bits).
      out.push_back(p.compressed ? static_cast<char16_t>(cp1252_to_unicode(static_cast<unsigned char>(doc[byte])))
                                 : le16(doc, byte));
    }
  }
  return out;
}

std::string story_text(const std::u16string& units) {
  std::string bytes;  // UTF-16LE for the decoder, control characters mapped
  bytes.reserve(units.size() * 2);
  char16_t previous = 0;
  for (char16_t c : units) {
    // A table row ends with its last cell's mark and then the row's own mark.
    char16_t v = (c == 0x07 && previous == 0x07) ? u'\n' : visible(c);
    previous = c;
    if (!v) continue;
    if (v == u'\n' && bytes.size() >= 2 && bytes[bytes.size() - 2] == '\t' && bytes.back() == 0) bytes.resize(bytes.size() - 2);
    bytes.push_back(static_cast<char>(v & 0xFF));
    bytes.push_back(static_cast<char>(v >> 8));
  }
  return utf16le_to_utf8(bytes);
}

void write_story(ExtractContext& ctx, const Item& item, const char* location, const std::string& text) {
  if (text.find_first_not_of(" \t\n") == std::string::npos) return;
  LocationChain where = item.location;
  if (location) where.push_back(location);
  ctx.open_text(where)->write_whole(text);
}

void read_word95(std::string_view doc, Item& item, ExtractContext& ctx) {
  uint32_t from = le32(doc, 0x18), to = le32(doc, 0x1C);
  if (from >= to || to > doc.size()) {
    ctx.problem(Problem{true, ProblemKind::corrupt, item.location, "a Word 6/95 document whose text range is damaged"});
    return;
  }
  std::string text;
  for (char c : cp1252_to_utf8(doc.substr(from, to - from))) {
    if (c == '\r' || c == 0x0B || c == 0x0C) text += '\n';
    else if (c == 0x07) text += '\t';
    else if (static_cast<unsigned char>(c) >= 0x20 || c == '\t') text += c;
  }
  write_story(ctx, item, nullptr, text);
}

}  // namespace

void read_word97(GsfInfile* root, Item& item, ExtractContext& ctx) {
  bool cut = false;
  auto doc = read_stream(root, "WordDocument", kMaxStreamBytes, &cut);
  if (!doc || doc->size() < 0x20 || (le16(*doc, 0) != kWordMagic && le16(*doc, 0) != kWord6Magic)) {
    ctx.problem(Problem{true, ProblemKind::corrupt, item.location, "a Word document whose main stream is damaged"});
    return;
  }
  if (cut)
    ctx.problem(Problem{true, ProblemKind::limit_exceeded, item.location,
                        "the Word text stream is larger than 256 MiB: only its start was scanned"});
  uint16_t flags = le16(*doc, kFibFlags);
  if (flags & (kFlagEncrypted | kFlagObfuscated)) {
    ctx.problem(Problem{true, ProblemKind::encrypted, item.location,
                        "an encrypted Word document (it needs a password to open): not scanned"});
    return;
  }
  if (le16(*doc, 2) < kFirstWord97Nfib) {
    read_word95(*doc, item, ctx);
    return;
  }
  auto fib = read_fib(*doc);
  auto table = read_stream(root, (flags & kFlagWhichTable) ? "1Table" : "0Table", kMaxStreamBytes);
  std::vector<Piece> pieces;
  if (fib && table && uint64_t(fib->fc_clx) + fib->lcb_clx <= table->size())
    pieces = read_pieces(std::string_view(*table).substr(fib->fc_clx, fib->lcb_clx));
  if (pieces.empty()) {
    ctx.problem(Problem{true, ProblemKind::corrupt, item.location, "a Word document whose piece table is damaged"});
    return;
  }
  static constexpr const char* kStories[8] = {nullptr,    "footnotes",  "headers and footers", nullptr,
                                              "comments", "endnotes", "text boxes",          "header text boxes"};
  uint32_t cp = 0;
  for (size_t i = 0; i < fib->ccp.size(); ++i) {
    uint32_t n = fib->ccp[i];
    if (i == 3) {  // macro story: unused, must be empty
      cp += n;
      continue;
    }
    write_story(ctx, item, kStories[i], story_text(characters(*doc, pieces, cp, cp + n)));
    cp += n;
  }
}

}  // namespace gdprscan
