// RTF. Written by hand, because Debian has no maintained RTF reading library (unrtf and
// catdoc are programs, not libraries) and the subset needed for text is small: control
// words, groups, \'hh escapes in the document's code page (\ansicpg, Windows-1252 by
// default), \uN Unicode with its \ucN fallback count, \par/\line/\tab/\cell as whitespace.
// Skipped: destinations that hold no visible text (\*..., font and colour tables,
// stylesheet, pictures, objects' data, \bin binary runs). Headers, footers, footnotes and
// table cells are ordinary groups, so their text is read.
#include <cctype>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "registry.h"
#include "text_decode.h"

namespace gdprscan {

namespace {

constexpr char32_t kCp1252High[32] = {0x20AC, 0x81, 0x201A, 0x192, 0x201E, 0x2026, 0x2020, 0x2021, 0x2C6, 0x2030, 0x160,
                                      0x2039, 0x152, 0x8D, 0x17D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
                                      0x2013, 0x2014, 0x2DC, 0x2122, 0x161, 0x203A, 0x153, 0x9D, 0x17E, 0x178};

// Bytes of \'hh escapes in the document's code page. Windows-1252 (and its Latin-1 subset)
// covers Danish RTF; other single-byte pages are read as Latin-1, never dropped.
char32_t from_codepage(unsigned char b, int codepage) {
  if (codepage == 1252 && b >= 0x80 && b < 0xA0) return kCp1252High[b - 0x80];
  return b;
}

bool skipped_destination(const std::string& word) {
  static const char* const kSkip[] = {"fonttbl", "colortbl", "stylesheet", "listtable", "listoverridetable",
                                      "pict", "objdata", "themedata", "colorschememapping", "latentstyles",
                                      "datastore", "xmlnstbl", "rsidtbl", "generator", "info", "filetbl",
                                      "revtbl", "pgdsctbl", "fldinst"};
  for (const char* s : kSkip)
    if (word == s) return true;
  return false;
}

class RtfText {
 public:
  std::string out;

  void feed(std::string_view data) {
    for (size_t i = 0; i < data.size(); ++i) step(data, i);
  }

 private:
  struct Group {
    bool skip = false;
    bool star = false;  // after \*: the next control word names an optional destination
    int uc = 1;         // bytes to skip after \uN
  };
  std::vector<Group> stack_{Group{}};
  int codepage_ = 1252;
  size_t skip_bytes_ = 0;   // \bin payload
  int skip_fallback_ = 0;   // characters after \uN
  std::string pending_;     // a control sequence cut by a chunk boundary

  Group& top() { return stack_.back(); }

  void emit(char32_t cp) {
    if (top().skip) return;
    if (skip_fallback_ > 0) {
      --skip_fallback_;
      return;
    }
    append_codepoint(cp, out);
  }

  // Handles data[i] (and may advance i past a whole control sequence).
  void step(std::string_view data, size_t& i) {
    if (skip_bytes_ > 0) {
      --skip_bytes_;
      return;
    }
    char c = data[i];
    if (c == '{') {
      skip_fallback_ = 0;  // a fallback never runs across a group boundary
      stack_.push_back(top());
      top().star = false;
      return;
    }
    if (c == '}') {
      skip_fallback_ = 0;
      if (stack_.size() > 1) stack_.pop_back();
      return;
    }
    if (c == '\r' || c == '\n') return;
    if (c != '\\') {
      emit(static_cast<unsigned char>(c));
      return;
    }
    if (i + 1 >= data.size()) return;
    char n = data[++i];
    if (n == '\'') {  // \'hh
      if (i + 2 < data.size() && std::isxdigit(static_cast<unsigned char>(data[i + 1])) &&
          std::isxdigit(static_cast<unsigned char>(data[i + 2]))) {
        unsigned char b = static_cast<unsigned char>(std::strtoul(std::string(data.substr(i + 1, 2)).c_str(), nullptr, 16));
        i += 2;
        emit(from_codepage(b, codepage_));
      }
      return;
    }
    if (n == '*') {  // \*\destination: skipped, unless it is one that holds text
      top().star = true;
      return;
    }
    if (!std::isalpha(static_cast<unsigned char>(n))) {  // control symbols: \\ \{ \} \~ \- \_
      if (n == '\\' || n == '{' || n == '}') emit(static_cast<unsigned char>(n));
      else if (n == '~') emit(' ');
      else if (n == '_') emit('-');
      return;
    }
    size_t start = i;
    while (i < data.size() && std::isalpha(static_cast<unsigned char>(data[i]))) ++i;
    std::string word(data.substr(start, i - start));
    bool has_number = false;
    long number = 0;
    size_t num_start = i;
    if (i < data.size() && (data[i] == '-' || std::isdigit(static_cast<unsigned char>(data[i])))) {
      ++i;
      while (i < data.size() && std::isdigit(static_cast<unsigned char>(data[i]))) ++i;
      number = std::strtol(std::string(data.substr(num_start, i - num_start)).c_str(), nullptr, 10);
      has_number = true;
    }
    if (i < data.size() && data[i] == ' ') {
      // the delimiting space belongs to the control word
    } else {
      --i;
    }
    control(word, has_number, number);
  }

  void control(const std::string& word, bool has_number, long number) {
    if (skip_fallback_ > 0 && word != "u") {  // a control word in a \u fallback counts as one character
      --skip_fallback_;
      return;
    }
    if (top().star) {
      top().star = false;
      // Optional destinations whose text a person sees: annotations (comments), footnotes.
      if (word != "annotation" && word != "footnote" && word != "atrfstart") top().skip = true;
      return;
    }
    if (skipped_destination(word)) {
      top().skip = true;
    } else if (word == "bin" && has_number) {
      skip_bytes_ = number > 0 ? static_cast<size_t>(number) : 0;
    } else if (word == "ansicpg" && has_number) {
      codepage_ = static_cast<int>(number);
    } else if (word == "uc" && has_number) {
      top().uc = static_cast<int>(number);
    } else if (word == "u" && has_number) {
      long cp = number < 0 ? number + 65536 : number;
      bool was_skipping = top().skip;
      if (!was_skipping) append_codepoint(static_cast<char32_t>(cp), out);
      skip_fallback_ = top().uc;
    } else if (word == "par" || word == "line" || word == "sect" || word == "page" || word == "row") {
      emit('\n');
    } else if (word == "tab" || word == "cell") {
      emit('\t');
    } else if (word == "emdash") {
      emit(0x2014);
    } else if (word == "endash") {
      emit(0x2013);
    } else if (word == "lquote" || word == "rquote") {
      emit('\'');
    } else if (word == "ldblquote" || word == "rdblquote") {
      emit('"');
    }
  }
};

}  // namespace

void extract_rtf(Item& item, ExtractContext& ctx) {
  // Read whole (bounded by --max-whole-file or the budget): a control word may span reads.
  std::string data;
  // On a read error what was read is still scanned; a file over --max-whole-file is not.
  if (!read_whole(item, ctx, data) && data.empty()) return;
  RtfText rtf;
  rtf.feed(data);
  ctx.open_text(item.location)->write_whole(rtf.out);
}

}  // namespace gdprscan
