#include "json_writer.h"

#include <charconv>
#include <cstring>

#include "text_decode.h"

namespace gdprscan {

namespace {

// True when any of the 8 bytes at p is < 0x20, '"', '\\' or, unless `high_ok`, >= 0x80
// (SWAR, no branches).
bool needs_escape(const char* p, bool high_ok) {
  uint64_t w;
  std::memcpy(&w, p, 8);
  constexpr uint64_t kOnes = 0x0101010101010101ULL, kHigh = 0x8080808080808080ULL;
  auto has_zero = [](uint64_t v) { return (v - kOnes) & ~v & kHigh; };
  uint64_t control = (w - 0x2020202020202020ULL) & ~w & kHigh;  // bytes < 0x20 (for bytes < 0x80)
  uint64_t high = high_ok ? 0 : w & kHigh;
  return (high | control | has_zero(w ^ (kOnes * '"')) | has_zero(w ^ (kOnes * '\\'))) != 0;
}

}  // namespace

void JsonWriter::key(std::string_view k) {
  if (!first_) out_ += ',';
  first_ = false;
  out_ += '"';
  out_.append(k);  // keys are our own ASCII names
  out_ += "\":";
}

void JsonWriter::string(std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  out_ += '"';
  size_t i = 0;
  // Bytes >= 0x80 are copied with the runs once the rest of the string is known to be valid
  // UTF-8 (checked once, at the first of them: contexts of Danish text have many).
  bool high_ok = false, utf8_checked = false;
  while (i < s.size()) {
    size_t run = i;  // text that needs no escaping: copy it in one go
    while (run + 8 <= s.size() && !needs_escape(s.data() + run, high_ok)) run += 8;
    while (run < s.size()) {
      auto b = static_cast<unsigned char>(s[run]);
      if (b < 0x20 || (b >= 0x80 && !high_ok) || b == '"' || b == '\\') break;
      ++run;
    }
    out_.append(s.data() + i, run - i);
    i = run;
    if (i >= s.size()) break;
    auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80 && !utf8_checked) {
      utf8_checked = true;
      high_ok = is_valid_utf8(s.substr(i));
      if (high_ok) continue;
    }
    if (c >= 0x80) {
      size_t len = utf8_sequence_length_at(s, i);
      if (len == 0) {
        out_ += "\xEF\xBF\xBD";  // U+FFFD
        ++i;
      } else {
        out_.append(s.data() + i, len);
        i += len;
      }
      continue;
    }
    if (c == '"' || c == '\\') {
      out_ += '\\';
      out_ += static_cast<char>(c);
    } else if (c < 0x20) {
      switch (c) {
        case '\n': out_ += "\\n"; break;
        case '\r': out_ += "\\r"; break;
        case '\t': out_ += "\\t"; break;
        case '\b': out_ += "\\b"; break;
        case '\f': out_ += "\\f"; break;
        default:
          out_ += "\\u00";
          out_ += kHex[c >> 4];
          out_ += kHex[c & 15];
      }
    } else {
      out_ += static_cast<char>(c);
    }
    ++i;
  }
  out_ += '"';
}

JsonWriter& JsonWriter::field(std::string_view k, std::string_view value) {
  key(k);
  string(value);
  return *this;
}

JsonWriter& JsonWriter::field(std::string_view k, uint64_t value) {
  key(k);
  char buf[24];
  out_.append(buf, std::to_chars(buf, buf + sizeof buf, value).ptr);
  return *this;
}

JsonWriter& JsonWriter::field(std::string_view k, int64_t value) {
  key(k);
  char buf[24];
  out_.append(buf, std::to_chars(buf, buf + sizeof buf, value).ptr);
  return *this;
}

JsonWriter& JsonWriter::field(std::string_view k, double value) {
  key(k);
  char buf[32];
  char* end = std::to_chars(buf, buf + sizeof buf, value).ptr;
  std::string_view text(buf, end - buf);
  out_.append(text);
  if (text.find_first_of(".e") == std::string_view::npos) out_ += ".0";  // 1 -> 1.0: always a float
  return *this;
}

JsonWriter& JsonWriter::field(std::string_view k, const std::vector<std::string>& values) {
  key(k);
  out_ += '[';
  for (size_t i = 0; i < values.size(); ++i) {
    if (i) out_ += ',';
    string(values[i]);
  }
  out_ += ']';
  return *this;
}

}  // namespace gdprscan
