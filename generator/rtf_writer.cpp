// RTF, written by hand: no Debian library writes RTF (LibreOffice can convert to it, but
// the generator must not need an office suite). What WordPad and Word write for a plain
// letter: \ansicpg1252 with æøå as \'xx escapes, \uN for what Windows-1252 lacks, one
// \par per paragraph, \line for a line break inside one, and an \info group (skipped by
// readers' text, as ours skips it) with title, author and creation time.
#include <ctime>

#include "encoding.h"
#include "writers.h"

namespace gdprscan::corpus {

namespace {

// {\creatim\yr2019\mo3\dy14\hr9\min30}
std::string rtf_time(int64_t time) {
  std::time_t t = static_cast<std::time_t>(time);
  std::tm utc{};
  gmtime_r(&t, &utc);
  return std::string("{\\creatim\\yr").append(std::to_string(utc.tm_year + 1900)).append("\\mo")
      .append(std::to_string(utc.tm_mon + 1)).append("\\dy").append(std::to_string(utc.tm_mday)).append("\\hr")
      .append(std::to_string(utc.tm_hour)).append("\\min").append(std::to_string(utc.tm_min)).append("}");
}

}  // namespace

Rendered write_rtf(const Document& doc, const DocMeta& meta) {
  Rendered r;
  std::string& out = r.bytes;
  out = "{\\rtf1\\ansi\\ansicpg1252\\deff0\\uc1{\\fonttbl{\\f0\\fswiss\\fcharset0 Arial;}}\n";
  out.append("{\\info{\\title ").append(rtf_escaped(doc.title)).append("}{\\author ").append(rtf_escaped(meta.author))
      .append("}").append(rtf_time(meta.time)).append("}\n");
  out.append("\\viewkind4\\paperw11906\\paperh16838\\margl1134\\margr1134\n");
  const char* spacing = doc.lines ? "\\sa0" : "\\sa200";
  for (const auto& p : doc.paragraphs) {
    out.append("\\pard").append(spacing).append("\\f0\\fs22 ");
    if (p.heading) out.append("{\\b\\fs28 ").append(rtf_escaped(p.text)).append("}");
    else out.append(rtf_escaped(p.text));
    out.append("\\par\n");
    add_unplaced(r.truth, p.truth);  // the reader gives the whole text one location: the file's
  }
  out += "}\n";
  return r;
}

}  // namespace gdprscan::corpus
