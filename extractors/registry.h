// Which extractor reads which content type. Adding a format: write extractors/<format>.cpp
// with an ExtractFn, declare it here, add one line to the table in registry.cpp.
#pragma once

#include <functional>
#include <string>

#include "extract.h"
#include "sniff.h"

namespace gdprscan {

// nullptr when no extractor reads this type yet (the file gets an `unsupported` record).
ExtractFn extractor_for(ContentType type);

void extract_plain_text(Item& item, ExtractContext& ctx);
void extract_html(Item& item, ExtractContext& ctx);  // markup.cpp
void extract_xml(Item& item, ExtractContext& ctx);   // markup.cpp
void extract_archive(Item& item, ExtractContext& ctx);     // archive.cpp: zip, tar, 7z, rar, ...
void extract_compressed(Item& item, ExtractContext& ctx);  // archive.cpp: .bz2, .xz, .zst, .lz4 (and .tar.*)
void extract_gzip(Item& item, ExtractContext& ctx);        // gzip.cpp: one gzip layer
void extract_pdf(Item& item, ExtractContext& ctx);         // pdf.cpp: text per page, embedded files
// pdf_embedded.cpp: the embedded files of the PDF in `data` (the item's bytes) as children.
void extract_pdf_embedded_files(const std::string& data, Item& item, ExtractContext& ctx);
void extract_ooxml(Item& item, ExtractContext& ctx);       // ooxml.cpp: docx, xlsx, pptx
void extract_odf(Item& item, ExtractContext& ctx);         // odf.cpp: odt, ods, odp
void extract_flat_odf(Item& item, ExtractContext& ctx);    // odf.cpp: fodt, fods, fodp (one XML file)
bool is_flat_opendocument(std::string_view head);          // odf.cpp
void extract_rtf(Item& item, ExtractContext& ctx);         // rtf.cpp
void extract_eml(Item& item, ExtractContext& ctx);         // mail.cpp: one MIME message
void extract_mbox(Item& item, ExtractContext& ctx);        // mail.cpp: an mbox, a message per child level
void extract_ole2(Item& item, ExtractContext& ctx);         // ole2.cpp: doc, xls, ppt, msg (libgsf)

// A mail's place in a location chain: "message 2019-03-02 10:14 "Re: løn"" (mail.cpp).
// `date` is "YYYY-MM-DD HH:MM" or empty (then `index` numbers the message); the subject is
// masked like every library message and cut to 60 bytes.
std::string mail_label(const std::string& date, const char* subject, int index);
// The same shape for any mailbox item: "<kind> <date> "<subject>"" ("contact "Hansen"",
// "appointment 2019-03-02 10:00 ..."); `date` and `subject` may be empty.
std::string item_label(const std::string& kind, const std::string& date, const std::string& subject);
void extract_pst(Item& item, ExtractContext& ctx);         // pst.cpp: Outlook .pst/.ost (libpst, helper process)
void extract_tnef(Item& item, ExtractContext& ctx);        // tnef.cpp: winmail.dat (libytnef, helper process)

// Reads the rest of `item` after its head into `data` (for libraries that parse from
// memory: Poppler, GMime, the RTF reader). Bounded by --max-whole-file for files and by the
// budget for members. A read error is reported to `ctx`; false then, with what was read.
bool read_whole(Item& item, ExtractContext& ctx, std::string& data);

// Lists the members of an archive in `item` (archive.cpp); `visit(name, size or -1, data)`
// returns false to stop. Damaged and encrypted members are reported to `ctx`.
using MemberVisitor = std::function<bool(const std::string& name, int64_t size, ByteSource& data)>;
void for_each_member(Item& item, ExtractContext& ctx, bool compressed, const MemberVisitor& visit);

}  // namespace gdprscan
