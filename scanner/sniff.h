// Content type from magic bytes. The extension is never trusted: a renamed .docx is still a
// zip, a log file called .dat is still text.
#pragma once

#include <string_view>

namespace gdprscan {

enum class ContentType {
  text,
  html,
  xml,
  mail,  // an RFC 5322 message (.eml)
  mbox,
  pdf,
  zip,
  ooxml,  // a zip holding [Content_Types].xml: Word, Excel, PowerPoint
  odf,    // a zip whose first member "mimetype" is application/vnd.oasis.opendocument.*
  ole2,  // legacy Office, Outlook .msg
  gzip,
  bzip2,
  xz,
  zstd,
  seven_zip,
  rar,
  tar,
  cpio,
  iso9660,
  cab,
  lz4,
  pst,   // Outlook .pst and .ost
  tnef,  // winmail.dat, application/ms-tnef
  rtf,
  image,
  executable,
  binary,  // nothing we recognise, not text either
};

const char* to_string(ContentType t);
ContentType sniff(std::string_view head);

// An OpenDocument package's stored "mimetype" member text ("application/vnd.oasis.
// opendocument.text"), read after the first local header's name and extra field; empty
// when the first member is not "mimetype".
std::string_view opendocument_mimetype(std::string_view head);

}  // namespace gdprscan
