// Turns raw bytes of a text file into UTF-8 before matching. Detects the encoding once from
// the head of the file (BOM, then a UTF-16 heuristic, then UTF-8 validity, else the
// Windows-1252 fallback that legacy Danish text with æøå needs) and then decodes chunk by
// chunk, carrying incomplete sequences across chunk boundaries.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace gdprscan {

enum class Encoding { utf8, utf16le, utf16be, windows1252, binary };
const char* to_string(Encoding e);

struct EncodingGuess {
  Encoding encoding = Encoding::utf8;
  size_t bom_length = 0;  // bytes to skip at the start
};

// Looks at the first bytes of a file (a few KiB are enough). `head` may be cut anywhere.
EncodingGuess detect_encoding(std::string_view head);

// True when every byte sequence in `s` is well-formed UTF-8. An incomplete sequence at the
// very end counts as valid when `allow_truncated_tail` is set.
bool is_valid_utf8(std::string_view s, bool allow_truncated_tail = false);

// Appends `s` to `out`, replacing each byte of an ill-formed UTF-8 sequence by its
// Windows-1252 reading (mixed-encoding files are common on old shares).
void append_utf8_repaired(std::string_view s, std::string& out);

// Length of the well-formed UTF-8 sequence starting at s[i]; 0 when ill-formed or cut off.
size_t utf8_sequence_length_at(std::string_view s, size_t i);

// Length of the longest prefix of `s` that does not end inside a UTF-8 sequence.
size_t utf8_complete_prefix(std::string_view s);

// Streaming decoder. `decode` returns the UTF-8 text for `in`; the view points either into
// `in` itself (valid UTF-8, the fast path: no copy) or into an internal buffer, and stays
// valid until the next call. Bytes of a sequence cut by the chunk end are kept for the next
// call; `final` flushes them.
class TextDecoder {
 public:
  explicit TextDecoder(Encoding encoding) : encoding_(encoding) {}
  std::string_view decode(std::string_view in, bool final);
  Encoding encoding() const { return encoding_; }

 private:
  std::string_view decode_utf8(std::string_view in, bool final);
  std::string_view decode_utf16(std::string_view in, bool final, bool big_endian);
  std::string_view decode_1252(std::string_view in);

  Encoding encoding_;
  std::string carry_;  // undecoded bytes from the previous chunk
  std::string out_;
};

void append_codepoint(char32_t cp, std::string& out);
// Lower case the way the context-word and term matchers fold: ASCII letters and the UTF-8
// Latin-1 capitals (Æ Ø Å É ...: C3 80-9E, not the multiplication sign C3 97).
std::string fold_case(std::string s);
// Upper case, the inverse of fold_case: ASCII letters and the UTF-8 Latin-1 small letters
// (C3 A0-BE, not the division sign C3 B7); "Søren" -> "SØREN".
std::string to_capitals(std::string s);
// A Windows-1252 byte as a Unicode code point.
char32_t cp1252_to_unicode(unsigned char b);

// Whether the character ending just before `pos` / starting at `pos` is a letter or digit,
// so that an identifier glued to it is part of a longer word. Non-ASCII characters are
// decoded: "æ1503721003" is glued, "«1503721003»" and a no-break space are not. Invalid
// UTF-8 counts as glued (the safe side for masking is handled elsewhere).
bool word_char_before(std::string_view text, size_t pos);
bool word_char_at(std::string_view text, size_t pos);
bool is_letter_or_digit(char32_t cp);

}  // namespace gdprscan
