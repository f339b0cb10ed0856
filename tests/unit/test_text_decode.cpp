// Encoding detection and streaming decoding, including every possible chunk split.
#include <gtest/gtest.h>

#include "sniff.h"
#include "text_decode.h"

namespace gdprscan {
namespace {

const std::string kDanishUtf8 = "Ærø-færgen: Søren Åberg, cpr 010180-0008.\n";

std::string to_utf16(const std::string& utf8, bool big_endian, bool bom) {
  // Test input is Latin-1 range only, so each code point fits one UTF-16 unit.
  std::string out;
  if (bom) out += big_endian ? "\xFE\xFF" : "\xFF\xFE";
  for (size_t i = 0; i < utf8.size();) {
    unsigned char c = utf8[i];
    char32_t cp = c;
    if (c >= 0xC0) {
      cp = ((c & 0x1F) << 6) | (utf8[i + 1] & 0x3F);
      i += 2;
    } else {
      ++i;
    }
    char hi = static_cast<char>(cp >> 8), lo = static_cast<char>(cp & 0xFF);
    if (big_endian) {
      out += hi;
      out += lo;
    } else {
      out += lo;
      out += hi;
    }
  }
  return out;
}

std::string to_latin1(const std::string& utf8) {
  std::string out;
  for (size_t i = 0; i < utf8.size();) {
    unsigned char c = utf8[i];
    if (c >= 0xC0) {
      out += static_cast<char>(((c & 0x1F) << 6) | (utf8[i + 1] & 0x3F));
      i += 2;
    } else {
      out += utf8[i++];
    }
  }
  return out;
}

// Decodes `raw` split at `split`, as the extractor would across two reads.
std::string decode_split(const std::string& raw, size_t split) {
  EncodingGuess g = detect_encoding(raw);
  TextDecoder d(g.encoding);
  std::string body = raw.substr(g.bom_length);
  split = std::min(split, body.size());
  std::string out(d.decode(std::string_view(body).substr(0, split), false));
  out += d.decode(std::string_view(body).substr(split), true);
  return out;
}

TEST(DetectEncoding, ByteOrderMarks) {
  EXPECT_EQ(detect_encoding("\xEF\xBB\xBFhej").encoding, Encoding::utf8);
  EXPECT_EQ(detect_encoding("\xEF\xBB\xBFhej").bom_length, 3u);
  EXPECT_EQ(detect_encoding(to_utf16(kDanishUtf8, false, true)).encoding, Encoding::utf16le);
  EXPECT_EQ(detect_encoding(to_utf16(kDanishUtf8, true, true)).encoding, Encoding::utf16be);
}

TEST(DetectEncoding, Utf16WithoutBom) {
  EXPECT_EQ(detect_encoding(to_utf16(kDanishUtf8, false, false)).encoding, Encoding::utf16le);
  EXPECT_EQ(detect_encoding(to_utf16(kDanishUtf8, true, false)).encoding, Encoding::utf16be);
}

TEST(DetectEncoding, Utf8Windows1252AndBinary) {
  EXPECT_EQ(detect_encoding(kDanishUtf8).encoding, Encoding::utf8);
  EXPECT_EQ(detect_encoding(to_latin1(kDanishUtf8)).encoding, Encoding::windows1252);
  EXPECT_EQ(detect_encoding(std::string("PNG\0\0\x01\x02", 7)).encoding, Encoding::binary);
  // A UTF-8 sequence cut by the end of the sample is still UTF-8.
  EXPECT_EQ(detect_encoding(kDanishUtf8.substr(0, 2)).encoding, Encoding::utf8);
}

// A log that cut a user name inside "ø" ("bj\xC3" + digits) is UTF-8 with one broken
// sequence, not Windows-1252: read as Windows-1252, "kørekort" would not match its keyword.
TEST(DetectEncoding, MostlyUtf8WithAStrayByte) {
  std::string log = "bruger=bj\xC3" "88 INFO login\nsession udl\xC3\xB8" "bet, k\xC3\xB8rekort, F\xC3\xA6lles, \xC3\x85rhus\n";
  EXPECT_EQ(detect_encoding(log).encoding, Encoding::utf8);
  EXPECT_EQ(decode_split(log, 20), "bruger=bj\xC3\x83" "88 INFO login\nsession udl\xC3\xB8" "bet, k\xC3\xB8rekort, F\xC3\xA6lles, \xC3\x85rhus\n");
  // Windows-1252 text with one accidental well-formed pair stays Windows-1252.
  EXPECT_EQ(detect_encoding("k\xF8rekort \xE6" "ble \xC3\xB8 \xE5r \xD8st").encoding, Encoding::windows1252);
}

TEST(TextDecoder, EverySplitGivesTheSameText) {
  const std::string inputs[] = {kDanishUtf8, "\xEF\xBB\xBF" + kDanishUtf8, to_utf16(kDanishUtf8, false, true),
                                to_utf16(kDanishUtf8, true, true), to_utf16(kDanishUtf8, false, false),
                                to_latin1(kDanishUtf8)};
  for (const auto& raw : inputs)
    for (size_t split = 0; split <= raw.size(); ++split) ASSERT_EQ(decode_split(raw, split), kDanishUtf8) << split;
}

TEST(TextDecoder, Windows1252SpecialsAndMixedFiles) {
  TextDecoder d(Encoding::windows1252);
  EXPECT_EQ(std::string(d.decode("\x80 \x93x\x94", true)), "€ “x”");
  // A UTF-8 file with one stray Latin-1 byte keeps the rest as it is.
  TextDecoder u(Encoding::utf8);
  EXPECT_EQ(std::string(u.decode("Søren \xE6" "ble", true)), "Søren æble");
}

TEST(TextDecoder, Utf16SurrogatesAcrossChunks) {
  const std::string raw("\xFF\xFE" "A\0" "\x3D\xD8\x00\xDE" "B\0", 10);  // A 😀 B
  for (size_t split = 0; split <= 8; ++split) EXPECT_EQ(decode_split(raw, split), "A\xF0\x9F\x98\x80" "B") << split;
}

TEST(Sniff, WeakMagicOnlyForBinaryContent) {
  EXPECT_EQ(sniff("MZ Hansen, cpr 150372-1003\n"), ContentType::text);
  EXPECT_EQ(sniff(std::string("MZ\x90\0\x03\0\0\0", 8)), ContentType::executable);
  EXPECT_EQ(sniff("BZh Hansen\n"), ContentType::text);
  EXPECT_EQ(sniff("GIF8 er ikke et billede\n"), ContentType::text);
  EXPECT_EQ(sniff("%PDF-1.7\n"), ContentType::pdf);
  EXPECT_EQ(sniff(std::string("PK\x03\x04\x14\0", 6)), ContentType::zip);
  EXPECT_EQ(sniff("{\\rtf1\\ansi cpr 150372-1003}"), ContentType::rtf);
}

TEST(Utf8, Validation) {
  EXPECT_TRUE(is_valid_utf8("plain ascii"));
  EXPECT_TRUE(is_valid_utf8("æøå"));
  EXPECT_FALSE(is_valid_utf8("\xC3"));
  EXPECT_TRUE(is_valid_utf8("\xC3", true));
  EXPECT_FALSE(is_valid_utf8("\xED\xA0\x80"));  // surrogate
  EXPECT_FALSE(is_valid_utf8("\xC0\xAF"));      // overlong
  EXPECT_EQ(utf8_complete_prefix("ab\xC3"), 2u);
  EXPECT_EQ(utf8_complete_prefix("ab\xC3\xA6"), 4u);
  EXPECT_EQ(utf8_complete_prefix("ab\xE2\x82"), 2u);
}

}  // namespace
}  // namespace gdprscan
