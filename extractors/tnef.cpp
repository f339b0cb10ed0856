// TNEF (winmail.dat, application/ms-tnef: what Outlook wraps a rich mail in) through
// libytnef, in the helper process (libytnef prints to stdout; see helper_process.h).
//   [..., "headers" | "body" | "body (HTML)" | "body (RTF)" | "attachment NAME"]
// The plain body is text; the HTML body, the RTF body (compressed RTF, decompressed by
// libytnef; only when there is no other body, which it would repeat) and the attachments are children, sniffed and extracted by the normal
// extractors. An attached object that is itself TNEF or a message is a child like any other
// attachment: the magic bytes send it to the right extractor.
// ytnef.h uses FILE and size_t without including their headers, and declares C functions
// without extern "C".
#include <cstddef>
#include <cstdio>
extern "C" {
#include <ytnef.h>
}

#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <string>

#include "helper_process.h"
#include "registry.h"
#include "text_decode.h"

namespace gdprscan {

namespace {

bool found(const variableLength* v) { return v && v != MAPI_UNDEFINED && v->data && v->size > 0; }

std::string_view bytes_of(const variableLength& v) {
  if (!v.data || v.size <= 0) return {};
  return {reinterpret_cast<const char*>(v.data), static_cast<size_t>(v.size)};
}

// 8-bit strings are in the message's code page: UTF-8 if they are valid UTF-8, else read as
// Windows-1252 (the code page of nearly all Danish Outlook installations). Cut at the first
// NUL: libytnef keeps a converted PT_UNICODE string's UTF-16 size, so bytes after the
// terminator are left-overs.
std::string from_8bit(std::string_view s) {
  s = s.substr(0, s.find('\0'));
  std::string out;
  append_utf8_repaired(s, out);
  return out;
}

// A string property in either of its MAPI types, as UTF-8 (libytnef has already turned
// PT_UNICODE values from UTF-16 into UTF-8).
std::string string_property(MAPIProps* props, unsigned int id) {
  if (variableLength* v = MAPIFindProperty(props, PROP_TAG(PT_UNICODE, id)); found(v)) return from_8bit(bytes_of(*v));
  if (variableLength* v = MAPIFindProperty(props, PROP_TAG(PT_STRING8, id)); found(v)) return from_8bit(bytes_of(*v));
  return {};
}

bool headers(TNEFStruct& tnef, HelperOutput& out) {
  std::string text;
  auto add = [&](const char* name, const std::string& value) {
    if (!value.empty()) text.append(name).append(": ").append(value).append("\n");
  };
  add("From", from_8bit(bytes_of(tnef.from)));
  // The property first: libytnef's own copy of the subject keeps the left-overs described
  // above, with the NUL replaced by '_'.
  std::string subject = string_property(&tnef.MapiProperties, PR_SUBJECT);
  if (subject.empty()) {
    subject = from_8bit(bytes_of(tnef.subject));  // attSubject: its terminator became '_' too
    if (!subject.empty() && subject.back() == '_') subject.pop_back();
  }
  add("Subject", subject);
  add("Sender", string_property(&tnef.MapiProperties, PR_SENDER_EMAIL_ADDRESS));
  add("To", string_property(&tnef.MapiProperties, PR_DISPLAY_TO));
  add("Cc", string_property(&tnef.MapiProperties, PR_DISPLAY_CC));
  return out.text({"headers"}, text);
}

bool bodies(TNEFStruct& tnef, HelperOutput& out) {
  std::string plain = from_8bit(bytes_of(tnef.body));
  if (plain.empty()) plain = string_property(&tnef.MapiProperties, PR_BODY);
  if (!out.text({"body"}, plain)) return false;
  MAPIProps* props = &tnef.MapiProperties;
  variableLength* html = MAPIFindProperty(props, PROP_TAG(PT_BINARY, PR_BODY_HTML));
  if (!found(html)) html = MAPIFindProperty(props, PROP_TAG(PT_STRING8, PR_BODY_HTML));
  if (found(html) && !out.child({"body (HTML)"}, bytes_of(*html))) return false;
  // The RTF body mostly repeats the others: read only when it is the only body.
  variableLength* rtf = MAPIFindProperty(props, PROP_TAG(PT_BINARY, PR_RTF_COMPRESSED));
  if (!plain.empty() || found(html) || !found(rtf)) return true;
  int size = 0;
  BYTE* data = DecompressRTF(rtf, &size);
  bool ok = !data || size <= 0 || out.child({"body (RTF)"}, std::string_view(reinterpret_cast<char*>(data), size));
  free(data);
  return ok;
}

bool attachments(TNEFStruct& tnef, HelperOutput& out) {
  int number = 0;
  for (Attachment* a = tnef.starting_attach.next; a; a = a->next) {
    ++number;
    std::string name = string_property(&a->MAPI, PR_ATTACH_LONG_FILENAME);
    if (name.empty()) name = from_8bit(bytes_of(a->Title));
    if (name.empty()) name = std::to_string(number);
    std::string_view data = bytes_of(a->FileData);
    if (variableLength* object = MAPIFindProperty(&a->MAPI, PROP_TAG(PT_OBJECT, PR_ATTACH_DATA_OBJ));
        found(object) && object->size > 16)
      data = bytes_of(*object).substr(16);  // an embedded object: its IID comes first
    else if (variableLength* binary = MAPIFindProperty(&a->MAPI, PROP_TAG(PT_BINARY, PR_ATTACH_DATA_OBJ));
             data.empty() && found(binary))
      data = bytes_of(*binary);
    if (!out.child({"attachment " + name}, data)) return false;
  }
  return true;
}

}  // namespace

void tnef_helper(HelperOutput& out, int fd) {
  struct stat st;
  if (fstat(fd, &st) != 0 || st.st_size <= 0) return;
  std::string data(static_cast<size_t>(st.st_size), '\0');
  if (pread(fd, data.data(), data.size(), 0) != static_cast<ssize_t>(data.size())) {
    out.problem(ProblemKind::io, {}, "cannot read the TNEF data");
    return;
  }
  TNEFStruct tnef;
  TNEFInitialize(&tnef);
  tnef.Debug = 0;
  int rc = TNEFParseMemory(reinterpret_cast<BYTE*>(data.data()), static_cast<long>(data.size()), &tnef);
  // What was parsed before an error is still sent: a damaged winmail.dat often has its body.
  if (headers(tnef, out) && bodies(tnef, out) && attachments(tnef, out) && rc < 0)
    out.problem(ProblemKind::corrupt, {},
                "TNEF data (winmail.dat) that libytnef cannot read to its end (damaged, a property it does "
                "not know, or an attachment over its 512 KiB limit): what was read up to there is scanned");
  TNEFFree(&tnef);
}

void extract_tnef(Item& item, ExtractContext& ctx) { run_extract_helper(item, ctx, "tnef", "TNEF attachment"); }

}  // namespace gdprscan
