#include "encoding.h"

#include <cstdint>

namespace gdprscan::corpus {

namespace {

// Windows-1252's 0x80-0x9F: the code points it puts there (0 where the byte is unused).
constexpr uint16_t kHighControls[32] = {0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                                        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
                                        0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

int windows1252_byte(uint32_t code_point) {
  if (code_point < 0x80 || (code_point >= 0xA0 && code_point <= 0xFF)) return static_cast<int>(code_point);
  for (int i = 0; i < 32; ++i)
    if (kHighControls[i] == code_point && code_point != 0) return 0x80 + i;
  return -1;
}

// The code point at `at` (advanced past it), or -1 on a malformed sequence.
int64_t next_code_point(std::string_view s, size_t& at) {
  unsigned char lead = static_cast<unsigned char>(s[at]);
  int extra = lead < 0x80 ? 0 : lead >= 0xF0 ? 3 : lead >= 0xE0 ? 2 : lead >= 0xC0 ? 1 : -1;
  if (extra < 0 || at + static_cast<size_t>(extra) >= s.size()) return -1;
  uint32_t cp = extra == 0 ? lead : lead & (0x3F >> extra);
  for (int i = 1; i <= extra; ++i) cp = (cp << 6) | (static_cast<unsigned char>(s[at + static_cast<size_t>(i)]) & 0x3F);
  at += static_cast<size_t>(extra) + 1;
  return cp;
}

}  // namespace

bool to_windows1252(std::string_view utf8, std::string& out) {
  out.clear();
  out.reserve(utf8.size());
  for (size_t at = 0; at < utf8.size();) {
    int64_t cp = next_code_point(utf8, at);
    int byte = cp < 0 ? -1 : windows1252_byte(static_cast<uint32_t>(cp));
    if (byte < 0) return false;
    out += static_cast<char>(byte);
  }
  return true;
}

// Copies runs of ordinary bytes whole: the office writers escape every byte of a corpus.
std::string xml_escaped(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 16);
  size_t run = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    const char* replacement = c == '&'   ? "&amp;"
                              : c == '<' ? "&lt;"
                              : c == '>' ? "&gt;"
                              : c == '"' ? "&quot;"
                              // XML 1.0 forbids most control characters; a snippet never needs them.
                              : (c < 0x20 && c != '\n' && c != '\t' && c != '\r') ? " "
                                                                                  : nullptr;
    if (!replacement) continue;
    out.append(text, run, i - run).append(replacement);
    run = i + 1;
  }
  return out.append(text, run, std::string_view::npos);
}

namespace {

void append_rtf_code_point(uint32_t cp, std::string& out) {
  static const char kHex[] = "0123456789abcdef";
  if (cp == '\\' || cp == '{' || cp == '}') {
    out.append(1, '\\').append(1, static_cast<char>(cp));
  } else if (cp == '\n') {
    out += "\\line ";
  } else if (cp == '\t') {
    out += "\\tab ";
  } else if (cp >= 0x20 && cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (int byte = windows1252_byte(cp); byte >= 0x80) {
    out.append("\\'").append(1, kHex[byte >> 4]).append(1, kHex[byte & 15]);
  } else if (cp > 0xFFFF) {  // outside the BMP: a UTF-16 surrogate pair, as Word writes it
    uint32_t v = cp - 0x10000;
    append_rtf_code_point(0xD800 + (v >> 10), out);
    append_rtf_code_point(0xDC00 + (v & 0x3FF), out);
  } else if (cp >= 0x80) {  // \uN takes a signed 16-bit number
    out.append("\\u").append(std::to_string(static_cast<int16_t>(cp))).append("?");
  }  // other control characters: RTF text never holds them
}

}  // namespace

std::string rtf_escaped(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size() + utf8.size() / 8);
  for (size_t at = 0; at < utf8.size();) {
    int64_t cp = next_code_point(utf8, at);
    if (cp < 0) {
      ++at;  // a malformed byte: the generator never writes one; dropped rather than guessed
      continue;
    }
    append_rtf_code_point(static_cast<uint32_t>(cp), out);
  }
  return out;
}

}  // namespace gdprscan::corpus
