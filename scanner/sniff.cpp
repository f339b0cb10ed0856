#include "sniff.h"

#include <cctype>
#include <cstring>
#include <string>

#include "text_decode.h"

namespace gdprscan {

const char* to_string(ContentType t) {
  switch (t) {
    case ContentType::text: return "text";
    case ContentType::html: return "html";
    case ContentType::mail: return "mail";
    case ContentType::mbox: return "mbox";
    case ContentType::xml: return "xml";
    case ContentType::pdf: return "pdf";
    case ContentType::zip: return "zip";
    case ContentType::ooxml: return "ooxml";
    case ContentType::odf: return "odf";
    case ContentType::ole2: return "ole2";
    case ContentType::gzip: return "gzip";
    case ContentType::bzip2: return "bzip2";
    case ContentType::xz: return "xz";
    case ContentType::zstd: return "zstd";
    case ContentType::seven_zip: return "7z";
    case ContentType::rar: return "rar";
    case ContentType::tar: return "tar";
    case ContentType::cpio: return "cpio";
    case ContentType::iso9660: return "iso9660";
    case ContentType::cab: return "cab";
    case ContentType::lz4: return "lz4";
    case ContentType::pst: return "pst";
    case ContentType::tnef: return "tnef";
    case ContentType::rtf: return "rtf";
    case ContentType::image: return "image";
    case ContentType::executable: return "executable";
    case ContentType::binary: return "binary";
  }
  return "binary";
}

namespace {

struct Magic {
  const char* bytes;
  size_t length;
  size_t offset;
  ContentType type;
  bool weak = false;  // short enough to begin a text ("MZ Hansen ..."): trusted only when the rest is binary
};

constexpr Magic kMagics[] = {
    {"%PDF-", 5, 0, ContentType::pdf},
    {"PK\x03\x04", 4, 0, ContentType::zip},
    {"PK\x05\x06", 4, 0, ContentType::zip},  // empty zip
    {"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8, 0, ContentType::ole2},
    {"\x1F\x8B", 2, 0, ContentType::gzip},
    {"BZh", 3, 0, ContentType::bzip2, true},
    {"\xFD" "7zXZ\x00", 6, 0, ContentType::xz},
    {"\x28\xB5\x2F\xFD", 4, 0, ContentType::zstd},
    {"7z\xBC\xAF\x27\x1C", 6, 0, ContentType::seven_zip},
    {"Rar!\x1A\x07", 6, 0, ContentType::rar},
    {"ustar", 5, 257, ContentType::tar},
    {"070707", 6, 0, ContentType::cpio, true},
    {"070701", 6, 0, ContentType::cpio, true},
    {"070702", 6, 0, ContentType::cpio, true},
    {"\xC7\x71", 2, 0, ContentType::cpio, true},  // binary cpio, little-endian
    {"CD001", 5, 0x8001, ContentType::iso9660},
    {"MSCF\0\0\0\0", 8, 0, ContentType::cab},
    {"\x04\x22\x4D\x18", 4, 0, ContentType::lz4},
    {"LZIP", 4, 0, ContentType::xz, true},  // lzip: read by the same filter chain
    {"!BDN", 4, 0, ContentType::pst},
    {"\x78\x9F\x3E\x22", 4, 0, ContentType::tnef},  // TNEF signature 0x223E9F78, little-endian
    {"{\\rtf", 5, 0, ContentType::rtf},
    {"\x89PNG", 4, 0, ContentType::image},
    {"\xFF\xD8\xFF", 3, 0, ContentType::image},
    {"GIF87a", 6, 0, ContentType::image},
    {"GIF89a", 6, 0, ContentType::image},
    {"II*\x00", 4, 0, ContentType::image},
    {"MM\x00*", 4, 0, ContentType::image},
    {"\x7F" "ELF", 4, 0, ContentType::executable},
    {"MZ", 2, 0, ContentType::executable, true},
};

// Office Open XML is a zip holding [Content_Types].xml and a word/, xl/ or ppt/ part. Office
// writes [Content_Types].xml first, LibreOffice last (after _rels/.rels and docProps/),
// so the head's member names are searched for either sign.
bool is_ooxml(std::string_view head) {
  std::string_view start = head.substr(0, 64 * 1024);
  if (start.find("[Content_Types].xml") != std::string_view::npos) return true;
  bool package = start.find("_rels/.rels") != std::string_view::npos;
  for (const char* part : {"word/document.xml", "word/_rels/document.xml.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
                           "ppt/presentation.xml", "ppt/_rels/presentation.xml.rels"})
    if (package && start.find(part) != std::string_view::npos) return true;
  return false;
}

// OpenDocument: the first member is the uncompressed file "mimetype" (ODF 1.2, 3.3).
bool is_opendocument(std::string_view head) {
  return opendocument_mimetype(head).substr(0, 35) == "application/vnd.oasis.opendocument.";
}

bool contains_caseless(std::string_view hay, std::string_view needle) {
  auto lower = [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; };
  for (size_t i = 0; i + needle.size() <= hay.size(); ++i) {
    size_t k = 0;
    while (k < needle.size() && lower(hay[i + k]) == needle[k]) ++k;
    if (k == needle.size()) return true;
  }
  return false;
}

// Mail: an mbox starts with a "From " line; a message with header lines, at least two of
// them ones every mail has. Checked on the first 2 KiB, case-insensitively.
ContentType mail_type(std::string_view head) {
  std::string_view text = head.substr(0, 2048);
  if (text.substr(0, 5) == "From " && text.find('\n') != std::string_view::npos) {
    std::string_view next = text.substr(text.find('\n') + 1);
    size_t colon = next.find(':');
    if (colon != std::string_view::npos && colon < 40 && next.substr(0, colon).find(' ') == std::string_view::npos)
      return ContentType::mbox;
  }
  // The first line must itself be a header ("Name: value" or "Name:value").
  size_t colon = text.find(':');
  size_t eol = text.find('\n');
  if (colon == std::string_view::npos || colon == 0 || (eol != std::string_view::npos && colon > eol)) return ContentType::text;
  for (char c : text.substr(0, colon))
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-')) return ContentType::text;
  std::string lines(1, '\n');  // a leading newline, so that the first line matches "\nname:"
  lines.append(text);
  int known = 0;
  for (const char* name : {"\nfrom:", "\nto:", "\nsubject:", "\ndate:", "\nreceived:", "\nmime-version:",
                           "\nmessage-id:", "\nreturn-path:", "\ncontent-type:", "\ndelivered-to:"})
    if (contains_caseless(lines, name)) ++known;
  return known >= 2 ? ContentType::mail : ContentType::text;
}

// Markup is recognised on the first KiB of the text (as UTF-8; UTF-16 files are decoded
// first). HTML: a doctype, <html> or <body>. XML: a declaration, or a first element that a
// closing tag follows. Anything else stays plain text: a wrong guess would only cost the
// markup's words, never the text, but a text file is not forced through a parser.
ContentType markup_type(std::string_view head) {
  EncodingGuess guess = detect_encoding(head.substr(0, 4096));
  std::string decoded;
  std::string_view text = head.substr(guess.bom_length, 1024);
  if (guess.encoding == Encoding::utf16le || guess.encoding == Encoding::utf16be) {
    TextDecoder decoder(guess.encoding);
    decoded = std::string(decoder.decode(head.substr(guess.bom_length, 2048), true));
    text = decoded;
  }
  size_t first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos || text[first] != '<') return ContentType::text;
  if (contains_caseless(text, "<!doctype html") || contains_caseless(text, "<html") || contains_caseless(text, "<body"))
    return ContentType::html;
  if (text.substr(first, 5) == "<?xml") return ContentType::xml;
  bool element = first + 1 < text.size() && (std::isalpha(static_cast<unsigned char>(text[first + 1])) ||
                                             text[first + 1] == '!' || text[first + 1] == '_');
  if (element && (text.find("</") != std::string_view::npos || text.find("/>") != std::string_view::npos))
    return ContentType::xml;
  return ContentType::text;
}

}  // namespace

// LibreOffice writes no extra field for "mimetype"; libarchive and other zip tools put
// timestamps there, so the text starts after it.
std::string_view opendocument_mimetype(std::string_view head) {
  if (head.size() < 38 || head.substr(30, 8) != "mimetype") return {};
  auto u16 = [&](size_t at) { return size_t(static_cast<unsigned char>(head[at])) | size_t(static_cast<unsigned char>(head[at + 1])) << 8; };
  if (u16(26) != 8) return {};
  size_t start = 38 + u16(28);
  if (start >= head.size()) return {};
  size_t end = head.find("PK", start);
  return head.substr(start, (end == std::string_view::npos ? head.size() : end) - start);
}

ContentType sniff(std::string_view head) {
  // Text is decided on the first 4 KiB; later binary bytes are decoded as text anyway, which
  // can only find more, never hide anything.
  bool binary = detect_encoding(head.substr(0, 4096)).encoding == Encoding::binary;
  for (const Magic& m : kMagics)
    if (head.size() >= m.offset + m.length && std::memcmp(head.data() + m.offset, m.bytes, m.length) == 0 &&
        (!m.weak || binary)) {
      if (m.type == ContentType::zip && is_ooxml(head)) return ContentType::ooxml;
      if (m.type == ContentType::zip && is_opendocument(head)) return ContentType::odf;
      return m.type;
    }
  if (binary) return ContentType::binary;
  if (ContentType mail = mail_type(head); mail != ContentType::text) return mail;
  return markup_type(head);
}

}  // namespace gdprscan
