#include "text_decode.h"

#include <algorithm>
#include <cstdint>
#include <cstring>

#include <simdjson.h>

namespace gdprscan {

const char* to_string(Encoding e) {
  switch (e) {
    case Encoding::utf8: return "utf-8";
    case Encoding::utf16le: return "utf-16le";
    case Encoding::utf16be: return "utf-16be";
    case Encoding::windows1252: return "windows-1252";
    case Encoding::binary: return "binary";
  }
  return "binary";
}

// Windows-1252 0x80-0x9F; the five undefined bytes keep their ISO-8859-1 (C1) meaning.
constexpr char16_t kCp1252High[32] = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

std::string fold_case(std::string s) {
  for (size_t i = 0; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c >= 'A' && c <= 'Z') s[i] = static_cast<char>(c + 32);
    if (c == 0xC3 && i + 1 < s.size()) {
      auto n = static_cast<unsigned char>(s[i + 1]);
      if (n >= 0x80 && n <= 0x9E && n != 0x97) s[i + 1] = static_cast<char>(n + 0x20);
      ++i;
    }
  }
  return s;
}

std::string to_capitals(std::string s) {
  for (size_t i = 0; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c >= 'a' && c <= 'z') s[i] = static_cast<char>(c - 32);
    if (c == 0xC3 && i + 1 < s.size()) {
      auto n = static_cast<unsigned char>(s[i + 1]);
      if (n >= 0xA0 && n <= 0xBE && n != 0xB7) s[i + 1] = static_cast<char>(n - 0x20);
      ++i;
    }
  }
  return s;
}

char32_t cp1252_to_unicode(unsigned char b) {
  if (b >= 0x80 && b < 0xA0) return kCp1252High[b - 0x80];
  return b;
}

namespace {

// Length of the well-formed UTF-8 sequence at s[i], 0 if ill-formed, -1 if cut by the end.
int utf8_sequence_length(std::string_view s, size_t i) {
  auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) return 1;
  int len;
  unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
  if (c >= 0xC2 && c <= 0xDF) {
    len = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    len = 3;
    if (c == 0xE0) lo = 0xA0;
    if (c == 0xED) hi = 0x9F;  // no UTF-16 surrogates
  } else if (c >= 0xF0 && c <= 0xF4) {
    len = 4;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;
  } else {
    return 0;
  }
  for (int k = 1; k < len; ++k) {
    if (i + k >= s.size()) return -1;
    auto b = static_cast<unsigned char>(s[i + k]);
    if (k == 1 ? (b < lo || b > hi) : (b < 0x80 || b > 0xBF)) return 0;
  }
  return len;
}

// Skips a run of ASCII eight bytes at a time: most text on a share is ASCII.
size_t skip_ascii(std::string_view s, size_t i) {
  // 32 bytes per step (the compiler vectorises the OR), then 8, then 1.
  while (i + 32 <= s.size()) {
    uint64_t w[4];
    std::memcpy(w, s.data() + i, 32);
    if ((w[0] | w[1] | w[2] | w[3]) & 0x8080808080808080ULL) break;
    i += 32;
  }
  while (i + 8 <= s.size()) {
    uint64_t word;
    std::memcpy(&word, s.data() + i, 8);
    if (word & 0x8080808080808080ULL) break;
    i += 8;
  }
  while (i < s.size() && static_cast<unsigned char>(s[i]) < 0x80) ++i;
  return i;
}

bool looks_like_utf16(std::string_view head, bool& big_endian) {
  size_t pairs = head.size() / 2;
  if (pairs < 4) return false;
  size_t zero_even = 0, zero_odd = 0;
  for (size_t i = 0; i + 1 < head.size(); i += 2) {
    zero_even += head[i] == 0;
    zero_odd += head[i + 1] == 0;
  }
  // Latin-script UTF-16 has a zero high byte in most code units and almost never a zero
  // low byte. Require a clear majority on one side and near silence on the other.
  if (zero_odd * 10 >= pairs * 4 && zero_even * 20 <= pairs) {
    big_endian = false;
    return true;
  }
  if (zero_even * 10 >= pairs * 4 && zero_odd * 20 <= pairs) {
    big_endian = true;
    return true;
  }
  return false;
}

// Control characters other than the five that text uses. This runs on every file's head,
// three times (sniffing, markup check, decoding): a branch-free count in byte-wide lanes,
// which the compiler vectorises (a byte-by-byte loop with early exits was half the time
// of a scan of many small files).
size_t count_control(std::string_view s) {
  size_t total = 0, i = 0;
  // Arithmetic, not logic: every term is a comparison the vector unit does in one step.
  auto is_control = [](unsigned char c) -> uint8_t {
    return static_cast<uint8_t>((c < 0x20) - (c == '\n') - (c == '\r') - (c == '\t') - (c == '\f') - (c == 0x1B));
  };
  while (s.size() - i >= 32) {
    size_t blocks = std::min<size_t>((s.size() - i) / 32, 255);
    uint8_t lanes[32] = {};
    const unsigned char* p = reinterpret_cast<const unsigned char*>(s.data()) + i;
    for (size_t b = 0; b < blocks; ++b, p += 32)
      for (int j = 0; j < 32; ++j) lanes[j] = static_cast<uint8_t>(lanes[j] + is_control(p[j]));
    i += blocks * 32;
    for (uint8_t lane : lanes) total += lane;
  }
  for (; i < s.size(); ++i) total += is_control(static_cast<unsigned char>(s[i]));
  return total;
}

bool looks_binary(std::string_view head) {
  if (std::memchr(head.data(), 0, head.size())) return true;
  return count_control(head) * 20 > head.size();  // more than 5% control characters
}

// UTF-8 text with a few broken sequences (a name cut in the middle of "ø" by a program
// that counts bytes) is still UTF-8: read as Windows-1252 every "ø" of it would become
// "Ã¸" and no keyword with æøå would match. The UTF-8 decoder repairs the stray bytes.
// Windows-1252 text rarely forms a well-formed multi-byte sequence by accident.
bool mostly_utf8(std::string_view head) {
  size_t well_formed = 0, ill_formed = 0;
  for (size_t i = skip_ascii(head, 0); i < head.size(); i = skip_ascii(head, i)) {
    int len = utf8_sequence_length(head, i);
    if (len == -1) break;  // cut by the end of the sample
    if (len == 0) ++ill_formed, ++i;
    else ++well_formed, i += static_cast<size_t>(len);
  }
  return well_formed > 2 * ill_formed;
}

}  // namespace

EncodingGuess detect_encoding(std::string_view head) {
  auto starts = [&](const char* bom, size_t n) {
    return head.size() >= n && std::memcmp(head.data(), bom, n) == 0;
  };
  if (starts("\xEF\xBB\xBF", 3)) return {Encoding::utf8, 3};
  if (starts("\xFF\xFE\x00\x00", 4) || starts("\x00\x00\xFE\xFF", 4)) return {Encoding::binary, 0};
  if (starts("\xFF\xFE", 2)) return {Encoding::utf16le, 2};
  if (starts("\xFE\xFF", 2)) return {Encoding::utf16be, 2};
  bool big_endian = false;
  // UTF-16 without a BOM has zero bytes; text without any needs no counting.
  if (std::memchr(head.data(), 0, head.size()) && looks_like_utf16(head, big_endian))
    return {big_endian ? Encoding::utf16be : Encoding::utf16le, 0};
  if (looks_binary(head)) return {Encoding::binary, 0};
  if (is_valid_utf8(head, true) || mostly_utf8(head)) return {Encoding::utf8, 0};
  return {Encoding::windows1252, 0};
}

bool is_valid_utf8(std::string_view s, bool allow_truncated_tail) {
  // simdjson's SIMD validator runs at several GB/s; every byte we match goes through here.
  if (simdjson::validate_utf8(s.data(), s.size())) return true;
  if (!allow_truncated_tail) return false;
  size_t i = 0;
  while (true) {
    i = skip_ascii(s, i);
    if (i >= s.size()) return true;
    int len = utf8_sequence_length(s, i);
    if (len == -1) return allow_truncated_tail;
    if (len == 0) return false;
    i += len;
  }
}

size_t utf8_sequence_length_at(std::string_view s, size_t i) {
  int len = utf8_sequence_length(s, i);
  return len > 0 ? static_cast<size_t>(len) : 0;
}

size_t utf8_complete_prefix(std::string_view s) {
  // Walk back at most three continuation bytes to the lead byte of the last sequence.
  size_t n = s.size();
  size_t i = n;
  for (int back = 0; back < 4 && i > 0; ++back) {
    --i;
    auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) return n;
    if (c >= 0xC0) {
      int need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
      return (n - i >= static_cast<size_t>(need)) ? n : i;
    }
  }
  return n;
}

void append_codepoint(char32_t cp, std::string& out) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

void append_utf8_repaired(std::string_view s, std::string& out) {
  size_t i = 0;
  while (i < s.size()) {
    size_t ascii_end = skip_ascii(s, i);
    out.append(s.data() + i, ascii_end - i);
    i = ascii_end;
    if (i >= s.size()) break;
    int len = utf8_sequence_length(s, i);
    if (len > 0) {
      out.append(s.data() + i, len);
      i += len;
    } else {
      append_codepoint(cp1252_to_unicode(static_cast<unsigned char>(s[i])), out);
      ++i;
    }
  }
}

std::string_view TextDecoder::decode(std::string_view in, bool final) {
  switch (encoding_) {
    case Encoding::utf8: return decode_utf8(in, final);
    case Encoding::utf16le: return decode_utf16(in, final, false);
    case Encoding::utf16be: return decode_utf16(in, final, true);
    case Encoding::windows1252: return decode_1252(in);
    case Encoding::binary: return {};
  }
  return {};
}

std::string_view TextDecoder::decode_utf8(std::string_view in, bool final) {
  if (carry_.empty()) {
    size_t complete = final ? in.size() : utf8_complete_prefix(in);
    std::string_view body = in.substr(0, complete);
    if (is_valid_utf8(body)) {
      carry_.assign(in.substr(complete));
      return body;  // fast path: no copy
    }
  }
  std::string joined = carry_;
  joined.append(in);
  size_t complete = final ? joined.size() : utf8_complete_prefix(joined);
  out_.clear();
  append_utf8_repaired(std::string_view(joined).substr(0, complete), out_);
  carry_.assign(joined, complete);
  return out_;
}

std::string_view TextDecoder::decode_utf16(std::string_view in, bool final, bool big_endian) {
  std::string bytes = carry_;
  bytes.append(in);
  out_.clear();
  out_.reserve(bytes.size());
  size_t i = 0;
  auto unit = [&](size_t k) -> char16_t {
    auto a = static_cast<unsigned char>(bytes[k]), b = static_cast<unsigned char>(bytes[k + 1]);
    return big_endian ? char16_t((a << 8) | b) : char16_t((b << 8) | a);
  };
  while (i + 1 < bytes.size()) {
    char16_t u = unit(i);
    if (u >= 0xD800 && u <= 0xDBFF) {
      if (i + 3 >= bytes.size()) {
        if (!final) break;  // the low surrogate is in the next chunk
        append_codepoint(0xFFFD, out_);
        i += 2;
        continue;
      }
      char16_t low = unit(i + 2);
      if (low >= 0xDC00 && low <= 0xDFFF) {
        append_codepoint(0x10000 + ((char32_t(u) - 0xD800) << 10) + (low - 0xDC00), out_);
        i += 4;
        continue;
      }
      append_codepoint(0xFFFD, out_);
      i += 2;
      continue;
    }
    if (u >= 0xDC00 && u <= 0xDFFF) u = 0xFFFD;
    append_codepoint(u, out_);
    i += 2;
  }
  carry_.assign(bytes, i);
  if (final) carry_.clear();
  return out_;
}

std::string_view TextDecoder::decode_1252(std::string_view in) {
  // Every byte becomes at most three UTF-8 bytes: size once, write through a pointer.
  out_.resize(in.size() * 3);
  char* o = out_.data();
  size_t i = 0;
  while (i < in.size()) {
    size_t ascii_end = skip_ascii(in, i);
    std::memcpy(o, in.data() + i, ascii_end - i);
    o += ascii_end - i;
    for (i = ascii_end; i < in.size() && static_cast<unsigned char>(in[i]) >= 0x80; ++i) {
      char32_t cp = cp1252_to_unicode(static_cast<unsigned char>(in[i]));
      if (cp < 0x800) {
        *o++ = static_cast<char>(0xC0 | (cp >> 6));
      } else {
        *o++ = static_cast<char>(0xE0 | (cp >> 12));
        *o++ = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      }
      *o++ = static_cast<char>(0x80 | (cp & 0x3F));
    }
  }
  out_.resize(o - out_.data());
  return out_;
}

}  // namespace gdprscan

namespace gdprscan {

bool is_letter_or_digit(char32_t cp) {
  if (cp < 0x80) return (cp >= '0' && cp <= '9') || ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z');
  // Letters of the scripts met on Nordic shares, and the big blocks of the others. Not
  // letters: Latin-1 punctuation (no-break space, « », §, ×, ÷), general punctuation (quotes,
  // dashes, ellipsis), symbols.
  if (cp >= 0xC0 && cp <= 0x24F) return cp != 0xD7 && cp != 0xF7;
  if (cp == 0xAA || cp == 0xB5 || cp == 0xBA) return true;
  if (cp >= 0x370 && cp <= 0x58F) return true;   // Greek, Cyrillic, Armenian
  if (cp >= 0x5D0 && cp <= 0x6FF) return true;   // Hebrew, Arabic letters and digits
  if (cp >= 0x900 && cp <= 0x1FFF) return true;  // Indic ... Latin Extended Additional, Greek Extended
  if (cp >= 0x3040 && cp <= 0x9FFF) return true;  // kana, CJK
  if (cp >= 0xAC00 && cp <= 0xD7A3) return true;  // Hangul
  if (cp >= 0xFF10 && cp <= 0xFF5A) return true;  // full-width digits and letters
  return false;
}

namespace {
char32_t decode_at(std::string_view s, size_t i, size_t len) {
  auto b = [&](size_t k) { return static_cast<char32_t>(static_cast<unsigned char>(s[i + k])); };
  if (len == 2) return ((b(0) & 0x1F) << 6) | (b(1) & 0x3F);
  if (len == 3) return ((b(0) & 0x0F) << 12) | ((b(1) & 0x3F) << 6) | (b(2) & 0x3F);
  return ((b(0) & 0x07) << 18) | ((b(1) & 0x3F) << 12) | ((b(2) & 0x3F) << 6) | (b(3) & 0x3F);
}
}  // namespace

bool word_char_at(std::string_view text, size_t pos) {
  if (pos >= text.size()) return false;
  auto c = static_cast<unsigned char>(text[pos]);
  if (c < 0x80) return is_letter_or_digit(c) || c == '_';
  size_t len = utf8_sequence_length_at(text, pos);
  if (len == 0) return true;
  return is_letter_or_digit(decode_at(text, pos, len));
}

bool word_char_before(std::string_view text, size_t pos) {
  if (pos == 0) return false;
  auto c = static_cast<unsigned char>(text[pos - 1]);
  if (c < 0x80) return is_letter_or_digit(c) || c == '_';
  // Walk back to the lead byte (at most three continuation bytes).
  size_t lead = pos - 1;
  while (lead > 0 && pos - lead < 4 && (static_cast<unsigned char>(text[lead]) & 0xC0) == 0x80) --lead;
  size_t len = utf8_sequence_length_at(text, lead);
  if (len == 0 || lead + len != pos) return true;
  return is_letter_or_digit(decode_at(text, lead, len));
}

}  // namespace gdprscan
